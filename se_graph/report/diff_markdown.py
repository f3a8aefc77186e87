"""``diff --format markdown``: the same sections as the text, as tables to paste
into a response to the DCC or a ticket."""

from __future__ import annotations

from se_graph.report.diff_text import COUNT_HEADER, COUNT_NOTE, count_rows, field_name, headline, inputs_of, value, verdict_of
from se_graph.report.markdown import cell
from se_graph.model.phrases import plural


def _table(header: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return out + [""]


def _why(e, lost: bool) -> str:
    if e.findings:
        return "; ".join(f"{f.code}: {f.message}" for f in e.findings)
    return f"left its group: {e.now}" if lost else ""


def render_diff_markdown(diff) -> str:
    old, new = diff.old, diff.new
    lines = ["# What changed between the two publications", "", f"**{cell(headline(diff))}**", "",
             f"- Older: {cell(inputs_of(old))} ({plural(len(old.verdicts), 'entry', 'entries')})",
             f"- Newer: {cell(inputs_of(new))} ({plural(len(new.verdicts), 'entry', 'entries')})", ""]

    def section(title: str, header: list[str], rows: list[list]) -> None:
        lines.extend([f"## {title}", ""])
        lines.extend(_table(header, rows) if rows else ["None.", ""])

    section(f"Lost eligibility ({len(diff.lost)})", ["entry", "cohort", "was", "now", "requested", "why"],
            [[e.entry_id, e.cohort, e.was, e.now, "yes" if e.requested else "no", _why(e, True)] for e in diff.lost])
    section(f"Gained eligibility ({len(diff.gained)})", ["entry", "cohort", "was", "now", "blocked before by"],
            [[e.entry_id, e.cohort, e.was, e.now, _why(e, False)] for e in diff.gained])
    section(f"Added ({len(diff.added)})", ["entry", "verdict"], [[i, verdict_of(new, i)] for i in diff.added])
    section(f"Removed ({len(diff.removed)})", ["entry", "was"], [[i, verdict_of(old, i)] for i in diff.removed])
    section(f"Changed ({len(diff.changed)})", ["entry", "field", "old", "new"],
            [[c.entry_id, field_name(k), value(v[0]), value(v[1])] for c in diff.changed for k, v in c.fields.items()])
    section(f"Group changes ({len(diff.groups)})", ["entry", "old", "new"],
            [[g.entry_id, g.old, g.new] for g in diff.groups])
    section(f"Findings ({len(diff.new_findings)} new, {len(diff.fixed_findings)} fixed)",
            ["", "severity", "code", "entry", "message"],
            [["new", f.severity, f.code, f.entry or "-", f.message] for f in diff.new_findings]
            + [["fixed", f.severity, f.code, f.entry or "-", f.message] for f in diff.fixed_findings])
    section("Installations and devices on qualifying entries", COUNT_HEADER, count_rows(diff))
    lines.extend([cell(COUNT_NOTE), ""])
    return "\n".join(lines)
