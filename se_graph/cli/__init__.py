"""The se-graph command line (typer)."""

from se_graph.cli.app import app, main, run

__all__ = ["app", "main", "run"]
