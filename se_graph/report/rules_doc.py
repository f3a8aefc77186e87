"""The rule reference, generated from the registry (``se-graph rules``, docs/rules.md)."""

from __future__ import annotations

from se_graph.checks import RULES


def render_rules_text() -> str:
    width = max(len(r.name) for r in RULES.values())
    lines = [f"{r.code}  {r.severity:<7}  {r.name:<{width}}  {r.summary}" for r in RULES.values()]
    return "\n".join(sorted(lines)) + "\n"


def render_rules_markdown() -> str:
    lines = [
        "# Rules",
        "",
        "Generated from the rule registry by `se-graph rules --format markdown`; a test",
        "fails when this file is stale. Severities are the defaults; change them with",
        "a `[severity]` table in the config file (by code or name).",
        "",
        "| code | name | default severity | checks |",
        "|---|---|---|---|",
    ]
    ordered = [RULES[c] for c in sorted(RULES)]
    lines += [f"| {r.code} | `{r.name}` | {r.severity} | {r.summary} |" for r in ordered]
    for r in ordered:
        lines += ["", f"## {r.code} `{r.name}` ({r.severity})", "", r.doc]
    return "\n".join(lines) + "\n"
