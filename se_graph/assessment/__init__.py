"""The assessment: the single verdict on every entry, computed once.

``assess`` reads the workbooks, builds the graph, runs every rule and judges each
entry.  Every output (validate in each format, trace, the audit, the explorer)
reads the ``Assessment`` and derives nothing again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from se_graph.assessment.hops import Hop, hops
from se_graph.assessment.summary import summarise
from se_graph.assessment.verdict import Verdict, entry_devices, judge
from se_graph.checks import check
from se_graph.graph import Graph, build
from se_graph.ingest import TableInfo, read_inputs
from se_graph.model import Finding, InputError, Severity
from se_graph.model.config import Config

__all__ = ["Assessment", "Hop", "Verdict", "assess", "assess_entries", "entry_devices"]


@dataclass(frozen=True)
class Assessment:
    tables: list[TableInfo]
    graph: Graph
    findings: list[Finding]  # every finding, sorted by location
    config: Config
    verdicts: dict[str, Verdict]  # id -> verdict, for every entry

    def __getitem__(self, entry_id: str) -> Verdict:
        return self.verdicts[entry_id]

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.verdicts

    @cached_property
    def errors(self) -> int:
        return sum(f.severity == Severity.ERROR for f in self.findings)

    @cached_property
    def warnings(self) -> int:
        return sum(f.severity == Severity.WARNING for f in self.findings)

    def valid(self, strict: bool = False) -> bool:
        return self.errors == 0 and not (strict and self.warnings)

    @cached_property
    def input_findings(self) -> list[Finding]:
        """Findings about a table or a row that names no entry."""
        return [f for f in self.findings if f.entry is None or f.entry not in self.verdicts]

    @cached_property
    def requested(self) -> list[Verdict]:
        return [self.verdicts[i] for i in sorted(self.graph.requested)]

    @cached_property
    def not_qualifying(self) -> list[Verdict]:
        """Requested entries that do not qualify: what an EPCL report must not ask for."""
        return [v for v in self.requested if not v.qualifies]

    @cached_property
    def summary(self) -> dict:
        """summary.json of the audit: spec section 5's tables."""
        return summarise(self)

    def hops(self, entry_id: str) -> list[Hop]:
        """The chain an entry stands on, edge by edge (see ``hops``)."""
        return hops(self, entry_id)


def assess_entries(tables, entries, problems, config: Config, report: int | None = None, levels=None) -> Assessment:
    """Judge entries already read (the library's entry point for tests and tools)."""
    graph = build(entries, report=report)
    if report is not None and not graph.requested:
        present = graph.report_numbers()
        which = ", ".join(map(str, present)) if present else "none (no entry gives an EPCL Report)"
        raise InputError(f"--report {report} selects no entry: the EPCL Report numbers in the inputs are {which}.")
    findings = check(graph, config, problems, levels)
    by_entry: dict[str, list[Finding]] = {}
    for f in findings:
        if f.entry is not None:
            by_entry.setdefault(f.entry, []).append(f)
    roots: dict[str, str] = {}
    verdicts = {i: judge(graph, i, tuple(by_entry.get(i, ())), roots) for i in sorted(graph.entries)}
    return Assessment(tables=tables, graph=graph, findings=findings, config=config, verdicts=verdicts)


def assess(
    paths: Sequence[str | Path],
    config: Config | None = None,
    *,
    cohort: str | None = None,
    epcl: Sequence[str | Path] = (),
    report: int | None = None,
    progress: Callable[[str], AbstractContextManager] | None = None,
) -> Assessment:
    """Read, build, check and judge; raises ``InputError`` when an input is unusable.

    ``progress(label)``, if given, wraps each stage (a spinner on a terminal)."""
    stage = progress or (lambda label: nullcontext())
    config = config or Config()
    from se_graph.checks import severities

    levels = severities(config)  # resolved once; a config naming an unknown rule is refused before any reading
    # Millions of small records and no reference cycles: the cyclic collector
    # would rescan the growing heap again and again for nothing.
    paused = gc.isenabled()
    gc.disable()
    try:
        with stage("Reading workbooks..."):
            read = read_inputs(paths, config, cohort=cohort, epcl=epcl)
        with stage(f"Checking {len(read.entries):,} rows..."):
            return assess_entries(read.tables, read.entries, read.findings, config, report, levels)
    finally:
        if paused:
            gc.enable()
