"""The rule reference, generated from the registry (``se-graph rules``, docs/rules.md)."""

from __future__ import annotations

from se_graph.checks import RULES


def render_rules_text(width: int = 140) -> str:
    """One rule a line; a summary longer than ``width`` allows wraps under itself."""
    import textwrap

    names = max(len(r.name) for r in RULES.values())
    lines = []
    for code in sorted(RULES):
        r = RULES[code]
        head = f"{r.code}  {r.severity:<7}  {r.name:<{names}}  "
        wrap = {"break_long_words": False, "break_on_hyphens": False}
        if width - len(head) >= 30:
            lines += textwrap.wrap(head + r.summary, width, subsequent_indent=" " * len(head), **wrap)
        else:  # narrow: the summary on lines of its own under the code
            lines.append(head.rstrip())
            lines += textwrap.wrap(r.summary, width, initial_indent=" " * 7, subsequent_indent=" " * 7, **wrap)
    return "\n".join(lines) + "\n"


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
