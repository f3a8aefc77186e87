"""The rule registry.  A rule lives in one place, its module under
``se_graph.checks.rules``: ``CODE``, ``NAME`` and ``SEVERITY`` (the default), its
docstring the user documentation, and ``check(ctx)`` the check.  The registry
imports every module there, so adding a rule is adding its module.

A check yields ``(entry_id, message, location)`` tuples; ``run`` turns them into
findings, resolving each rule's severity (default or config) once.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType

from se_graph.checks import rules
from se_graph.checks.context import Check, Context
from se_graph.model import Finding, InputError, Severity
from se_graph.model.config import Config


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    check: Check

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")


def discover(package: ModuleType) -> dict[str, Rule]:
    """The rule of every module in ``package``, by code in code order; a code or
    a name given twice is refused."""
    found: dict[str, Rule] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        one = Rule(code=str(module.CODE), name=str(module.NAME), severity=Severity(module.SEVERITY),
                   doc=inspect.cleandoc(module.__doc__ or ""), check=module.check)
        if one.code in found or any(r.name == one.name for r in found.values()):
            raise ValueError(f"rule {one.code} {one.name} is registered twice (again by {module.__name__})")
        found[one.code] = one
    return {code: found[code] for code in sorted(found)}


RULES: dict[str, Rule] = discover(rules)


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


def run(ctx: Context, levels: Mapping[str, Severity] | None = None) -> list[Finding]:
    """Every rule's findings, sorted; ``levels`` are the severities ``severities``
    resolved (resolved here when not given)."""
    levels = levels if levels is not None else severities(ctx.config)
    findings = []
    for code, rule in RULES.items():
        severity = levels[code]
        for entry_id, message, location in rule.check(ctx):
            findings.append(Finding(code=code, severity=severity, message=message, entry=entry_id, location=location))
    # a total order (place, code, entry, message)
    findings.sort(key=Finding.sort_key)
    return findings
