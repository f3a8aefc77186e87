"""Markdown output of ``validate``: the verdict, the inputs and a findings table."""

from __future__ import annotations

import re

from se_graph.report.text import verdict


# Only what Markdown (CommonMark with GitHub's tables and strikethrough) would
# read as markup is escaped, with a backslash, so the text pasted into a report
# reads as typed: "1.0 -> 1" stays "1.0 -> 1", and "DMC_0101" keeps its "_".
#   \ | ` * [ ~   always (escapes, cell ends, code, emphasis, links, strikethrough)
#   <              where it could open an HTML tag or an autolink
#   &              where it could start an entity such as &lt;
#   _              where it could open or close emphasis: not inside a word
_MARKUP = re.compile(r"[\\|`*\[~]|<(?=[A-Za-z/!?])|&(?=#?\w+;)|(?<![^\W_])_|_(?![^\W_])")


def cell(value: object) -> str:
    """Markdown text that reads as the value: markup characters escaped, line
    breaks made spaces (a table row is one line)."""
    text = "" if value is None else str(value)
    return " ".join(_MARKUP.sub(r"\\\g<0>", text).split())


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
