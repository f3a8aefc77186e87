"""se_graph.report"""
