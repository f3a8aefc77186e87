"""The assessment: the single verdict on every entry, computed once.

``assess`` reads the workbooks, builds the graph, runs every rule and judges each
entry.  Every output (validate in each format, trace, the audit, the explorer)
reads the ``Assessment`` and derives nothing again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
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
from se_graph.model import Finding, Group, InputError, Severity
from se_graph.model.config import Config

__all__ = ["Assessment", "Hop", "Verdict", "Verdicts", "assess", "assess_entries", "entry_devices"]


class Verdicts(Mapping[str, Verdict]):
    """id -> verdict for every entry, in id order.  Each verdict is judged the first
    time it is asked for and kept, so it is still computed once; validate's text
    output asks for none, and judging 100k entries up front cost 0.3 s."""

    def __init__(self, graph: Graph, by_entry: dict[str, list[Finding]]) -> None:
        self._graph = graph
        self._by_entry = by_entry
        self._judged: dict[str, Verdict] = {}
        self._roots: dict[str, str] = {}  # root id -> its evidence, shared by the verdicts
        self._ids: list[str] | None = None

    def __getitem__(self, entry_id: str) -> Verdict:
        verdict = self._judged.get(entry_id)
        if verdict is None:
            if entry_id not in self._graph.entries:
                raise KeyError(entry_id)
            found = tuple(self._by_entry.get(entry_id, ()))
            verdict = self._judged[entry_id] = judge(self._graph, entry_id, found, self._roots)
        return verdict

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._graph.entries

    def __iter__(self) -> Iterator[str]:
        if self._ids is None:
            self._ids = sorted(self._graph.entries)
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._graph.entries)


@dataclass(frozen=True)
class Assessment:
    tables: list[TableInfo]
    graph: Graph
    findings: list[Finding]  # every finding, sorted by location
    config: Config
    verdicts: Verdicts  # id -> verdict, for every entry

    def __getitem__(self, entry_id: str) -> Verdict:
        return self.verdicts[entry_id]

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.verdicts

    @cached_property
    def groups(self) -> tuple[int, int, int]:
        """Entries in Group 1, in Group 2, and Group 2 entries that do not trace:
        counted on the graph's group and root, which are what each verdict's
        ``group`` and ``traces`` say, without judging every entry."""
        group, root = self.graph.group, self.graph.root
        one = two = untraced = 0
        for i, g in group.items():
            if g == Group.ONE:
                one += 1
            elif g == Group.TWO:
                two += 1
                untraced += i not in root
        return one, two, untraced

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
    return Assessment(tables=tables, graph=graph, findings=findings, config=config,
                      verdicts=Verdicts(graph, by_entry))


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
