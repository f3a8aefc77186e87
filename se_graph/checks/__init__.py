"""Checks: every rule of spec section 3, each in the module of its topic with its
code, name, default severity and documentation, and ``check`` to run them all."""

from __future__ import annotations

from collections.abc import Iterable

from se_graph.checks import equivalence, firmware, inputs, testing  # noqa: F401  (registers rules)
from se_graph.checks.registry import RULES, Context, Rule, run, severities
from se_graph.graph import Graph
from se_graph.model import Finding, Problem
from se_graph.model.config import Config

__all__ = ["RULES", "Rule", "check", "severities"]


def check(graph: Graph, config: Config, problems: Iterable[Problem] = (), levels=None, *,
          fork: bool = False) -> list[Finding]:
    """Every finding about the graph and about what ingest found, sorted
    (``levels``: the rules' severities, when already resolved; ``fork``: let a
    forked copy of the process run some rules meanwhile, see ``registry.run``)."""
    by_code: dict[str, list[Problem]] = {}
    for problem in problems:
        by_code.setdefault(problem.code, []).append(problem)
    return run(Context(graph=graph, config=config, ingest_problems=by_code), levels, fork=fork)
