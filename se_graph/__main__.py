from se_graph.cli import run

run()
