"""Checks: the rule registry and ``analyse``, the one library call behind every
command (read the workbooks, build the graph, run every rule)."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from se_graph.checks import equivalence, firmware, inputs, testing  # noqa: F401  (registers rules)
from se_graph.checks.registry import RULES, Context, Rule, run
from se_graph.graph import Graph, build
from se_graph.ingest import TableInfo, read_inputs
from se_graph.model import Finding
from se_graph.model.config import Config

__all__ = ["RULES", "Analysis", "Rule", "analyse"]


@dataclass
class Analysis:
    tables: list[TableInfo]
    graph: Graph
    findings: list[Finding]
    config: Config

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    def valid(self, strict: bool = False) -> bool:
        return self.errors == 0 and not (strict and self.warnings)

    def findings_for(self, entry_id: str) -> list[Finding]:
        return [f for f in self.findings if f.entry == entry_id]


def analyse(
    paths: Sequence[str | Path],
    config: Config | None = None,
    *,
    cohort: str | None = None,
    epcl: Sequence[str | Path] = (),
    report: int | None = None,
) -> Analysis:
    """Read, build and check; raises ``InputError`` when an input is unusable."""
    # Millions of small records and no reference cycles: the cyclic collector
    # would rescan the growing heap again and again for nothing.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _analyse(paths, config or Config(), cohort, epcl, report)
    finally:
        if paused:
            gc.enable()


def _analyse(paths, config: Config, cohort, epcl, report) -> Analysis:
    read = read_inputs(paths, config, cohort=cohort, epcl=epcl)
    graph = build(read.entries, report=report)
    by_code: dict[str, list[Finding]] = {}
    for finding in read.findings:
        by_code.setdefault(finding.code, []).append(finding)
    findings = run(Context(graph, config, by_code))
    return Analysis(read.tables, graph, findings, config)
