"""se_graph.graph"""
