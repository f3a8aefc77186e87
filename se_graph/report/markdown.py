"""Markdown output of ``validate``: the verdict, the inputs and a findings table."""

from __future__ import annotations

from se_graph.report.text import verdict


def cell(value: object) -> str:
    """Table-safe Markdown text: pipes, backticks, HTML and line breaks escaped."""
    text = "" if value is None else str(value)
    for char, escaped in (("\\", "\\\\"), ("|", "\\|"), ("`", "\\`"), ("<", "&lt;"), (">", "&gt;"), ("*", "\\*"), ("_", "\\_"), ("[", "\\["), ("]", "\\]")):
        text = text.replace(char, escaped)
    return " ".join(text.split())


def render_markdown(analysis, strict: bool = False) -> str:
    lines = ["# se-graph validation", "", f"**{verdict(analysis, strict)}**", "", "## Inputs", ""]
    lines += ["| file | sheet | kind | header row | entries |", "|---|---|---|---:|---:|"]
    for t in analysis.tables:
        s = t.source
        lines.append(f"| {cell(s.path)} | {cell(s.sheet)} | {s.kind} | {s.header_row} | {t.rows} |")
    lines += ["", "## Findings", ""]
    if not analysis.findings:
        lines.append("None.")
    else:
        lines += ["| severity | code | entry | file | sheet | row | column | message |", "|---|---|---|---|---|---:|---|---|"]
        for f in analysis.findings:
            loc = f.location
            lines.append(
                f"| {f.severity} | {f.code} | {cell(f.entry or '-')} | {cell(loc.path.rsplit('/', 1)[-1])} | "
                f"{cell(loc.sheet)} | {loc.row or ''} | {cell(loc.column)} | {cell(f.message)} |"
            )
    return "\n".join(lines) + "\n"
