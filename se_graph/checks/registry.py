"""The rule registry: each rule is a code, a default severity, a docstring that is
its user documentation, and a generator of problems.

A rule yields ``(entry_id, message, location)`` tuples; the runner turns them
into findings with the configured severity.  Rules for the SG1xx codes pass on
what ingest found, so that every code is documented and configured in one place.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from se_graph.graph import Graph
from se_graph.model import Finding, Location
from se_graph.model.codes import CODES
from se_graph.model.config import Config

Problem = tuple[str | None, str, Location]


@dataclass
class Context:
    graph: Graph
    config: Config
    ingest_findings: dict[str, list[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    doc: str
    check: Callable[[Context], Iterator[Problem]]

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")


RULES: dict[str, Rule] = {}


def rule(code: str) -> Callable:
    """Register a rule function under a code of ``se_graph.model.codes``."""

    def register(func: Callable[[Context], Iterator[Problem]]) -> Callable:
        name, severity = CODES[code]
        RULES[code] = Rule(code, name, severity, inspect.cleandoc(func.__doc__ or ""), func)
        return func

    return register


def run(ctx: Context) -> list[Finding]:
    findings = []
    for code in sorted(RULES):
        severity = ctx.config.severity(code)
        for entry_id, message, location in RULES[code].check(ctx):
            findings.append(Finding(code, severity, message, entry_id, location))
    findings.sort(key=Finding.sort_key)
    return findings
