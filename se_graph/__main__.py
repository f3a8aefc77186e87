from se_graph.cli import main

main()
