"""Checks: every rule of spec section 3, one module each under
``se_graph.checks.rules`` with its code, name, default severity and
documentation, and ``check`` to run them all."""

from __future__ import annotations

from collections.abc import Iterable

from se_graph.checks.context import Context
from se_graph.checks.registry import RULES, Rule, run, severities
from se_graph.graph import Graph
from se_graph.model import Finding, Problem
from se_graph.model.config import Config

__all__ = ["RULES", "Rule", "check", "severities"]


def check(graph: Graph, config: Config, problems: Iterable[Problem] = (), levels=None) -> list[Finding]:
    """Every finding about the graph and about what ingest found, sorted
    (``levels``: the rules' severities, when already resolved)."""
    by_code: dict[str, list[Problem]] = {}
    for problem in problems:
        by_code.setdefault(problem.code, []).append(problem)
    return run(Context(graph=graph, config=config, ingest_problems=by_code), levels)
