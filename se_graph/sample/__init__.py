"""se_graph.sample"""
