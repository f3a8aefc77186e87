from se_graph.launch import run

run()
