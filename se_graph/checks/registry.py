"""The rule registry.  A rule lives in one place, its module: the ``@rule``
decorator gives its code, name and default severity, its docstring is its user
documentation, and the function is its check.

A check yields ``(entry_id, message, location)`` tuples; ``run`` turns them into
findings, resolving each rule's severity (default or config) once.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from se_graph.checks import forked
from se_graph.graph import Graph
from se_graph.model import Finding, InputError, Location, Problem, Severity
from se_graph.model.config import Config

Found = tuple[str | None, str, Location]
T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    graph: Graph
    config: Config
    ingest_problems: Mapping[str, list[Problem]]  # code -> what ingest found

    def once(self, key: str, make: Callable[[], T]) -> T:
        """What ``make()`` returns, made once for every rule that asks by ``key``
        (what several rules walk, such as the firmware links)."""
        made = self.__dict__.setdefault("_once", {})
        if key not in made:
            made[key] = make()
        return made[key]

    @cached_property
    def covered(self) -> list[tuple[str, object]]:
        """(id, entry) of the entries that rely on Clause 20.9 (covered by a Dormant
        entry's testing), found once for the rules that ask."""
        return [(i, e) for i, e in self.graph.entries.items()
                if e.dmct_status == "covered" or e.exclusion_reason == "covered"]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    check: Callable[[Context], Iterator[Found]]

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity) -> Callable:
    """Register a check under its code, name and default severity."""

    def register(func: Callable[[Context], Iterator[Found]]) -> Callable:
        if code in RULES or any(r.name == name for r in RULES.values()):
            raise ValueError(f"rule {code} {name} is registered twice")
        RULES[code] = Rule(
            code=code, name=name, severity=Severity(severity), doc=inspect.cleandoc(func.__doc__ or ""), check=func
        )
        return func

    return register


def severities(config: Config) -> dict[str, Severity]:
    """Each rule's severity: the config's, else the rule's default.  Resolved once,
    here; a config naming an unknown rule or severity is refused with the nearest
    known name."""
    by_name = {r.name: code for code, r in RULES.items()}
    out = {code: r.severity for code, r in RULES.items()}
    for key, value in config.severities.items():
        code = key.upper() if key.upper() in RULES else by_name.get(key)
        if code is None:
            near = difflib.get_close_matches(key, [*RULES, *by_name], n=1)
            hint = f"; did you mean '{near[0]}'?" if near else "; `se-graph rules` lists them."
            raise InputError(f"{config.path}: [severity] names an unknown rule '{key}'{hint}")
        try:
            out[code] = Severity(value)
        except ValueError:
            raise InputError(
                f"{config.path}: [severity] {key} must be one of {', '.join(s.value for s in Severity)}, "
                f"not {value!r}."
            ) from None
    return out


def run(ctx: Context, levels: Mapping[str, Severity] | None = None, *, fork: bool = False) -> list[Finding]:
    """Every rule's findings; ``levels`` are the severities ``severities`` resolved
    (resolved here when not given).  ``fork``: run the equivalence rules (SG2xx,
    about half the work) in a forked copy of this process meanwhile, where that
    is safe (see ``se_graph.checks.forked``); the findings are the same."""
    levels = levels if levels is not None else severities(ctx.config)
    codes = sorted(RULES)
    theirs = [c for c in codes if c.startswith("SG2")] if fork else []
    child = forked.start(lambda: _findings(ctx, theirs, levels)) if theirs else None
    if child is None:
        theirs = []
    findings = _findings(ctx, [c for c in codes if c not in theirs], levels)
    if child is not None:
        found = child.result()
        findings += found if found is not None else _findings(ctx, theirs, levels)
    # a total order (place, code, entry, message): the same whichever process ran a rule
    findings.sort(key=Finding.sort_key)
    return findings


def _findings(ctx: Context, codes: list[str], levels: Mapping[str, Severity]) -> list[Finding]:
    findings = []
    for code in codes:
        severity = levels[code]
        for entry_id, message, location in RULES[code].check(ctx):
            findings.append(Finding(code=code, severity=severity, message=message, entry=entry_id, location=location))
    return findings
