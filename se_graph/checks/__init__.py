"""se_graph.checks"""
