"""``diff --format xlsx``: one sheet per kind of change, for analysts to filter.

Every cell is written as a string or a number, never as a formula: spreadsheet
text that starts with ``=`` stays text.  Fixed document dates make the bytes the
same from run to run.
"""

from __future__ import annotations

import datetime as dt
import io

from se_graph.report.diff_text import COUNT_HEADER, COUNT_NOTE, field_name, headline, inputs_of, value, verdict_of

_CREATED = dt.datetime(2000, 1, 1)


def _sheets(diff) -> list[tuple[str, list[str], list[list]]]:
    old, new = diff.old, diff.new

    def why(e, lost):
        return "; ".join(f"{f.code}: {f.message}" for f in e.findings) or (f"left its group: {e.now}" if lost else "")

    # numbers, so a spreadsheet can add them: the three parts sum to the change
    counts = [[r.cohort, r.install_status, what, r.old[k], r.new[k], r.change[k], r.gained[k], -r.lost[k], r.other[k]]
              for r in diff.counts for k, what in enumerate(("installations", "devices"))]
    return [
        ("Summary", ["item", "value"], [
            ["verdict", headline(diff)], ["older", inputs_of(old)], ["newer", inputs_of(new)],
            ["entries older", len(old.verdicts)], ["entries newer", len(new.verdicts)],
            ["lost eligibility", len(diff.lost)], ["gained eligibility", len(diff.gained)],
            ["added", len(diff.added)], ["removed", len(diff.removed)], ["changed", len(diff.changed)],
            ["group changes", len(diff.groups)], ["findings new", len(diff.new_findings)],
            ["findings fixed", len(diff.fixed_findings)], ["counts", COUNT_NOTE]]),
        ("Lost", ["entry", "cohort", "was", "now", "requested", "why"],
         [[e.entry_id, e.cohort, e.was, e.now, "yes" if e.requested else "no", why(e, True)] for e in diff.lost]),
        ("Gained", ["entry", "cohort", "was", "now", "requested", "blocked before by"],
         [[e.entry_id, e.cohort, e.was, e.now, "yes" if e.requested else "no", why(e, False)] for e in diff.gained]),
        ("Added", ["entry", "verdict"], [[i, verdict_of(new, i)] for i in diff.added]),
        ("Removed", ["entry", "was"], [[i, verdict_of(old, i)] for i in diff.removed]),
        ("Changed", ["entry", "field", "old", "new"],
         [[c.entry_id, field_name(k), value(v[0]), value(v[1])] for c in diff.changed for k, v in c.fields.items()]),
        ("Groups", ["entry", "old", "new"], [[g.entry_id, g.old, g.new] for g in diff.groups]),
        ("Findings", ["", "severity", "code", "entry", "message", "file", "sheet", "row", "column"],
         [[state, str(f.severity), f.code, f.entry or "", f.message, f.location.path, f.location.sheet or "",
           f.location.row or "", f.location.column or ""]
          for state, found in (("new", diff.new_findings), ("fixed", diff.fixed_findings)) for f in found]),
        ("Counts", COUNT_HEADER, counts),
    ]


def render_diff_xlsx(diff) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    book.set_properties({"title": "se-graph diff", "created": _CREATED})
    bold = book.add_format({"bold": True})
    for name, header, rows in _sheets(diff):
        ws = book.add_worksheet(name)
        for c, text in enumerate(header):
            ws.write_string(0, c, text, bold)
        widths = [len(h) for h in header]
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row):
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    ws.write_number(r, c, v)
                else:
                    ws.write_string(r, c, str(v))
                widths[c] = max(widths[c], min(len(str(v)), 80))
        for c, w in enumerate(widths):
            ws.set_column(c, c, w + 2)
        ws.freeze_panes(1, 0)
        if rows:
            ws.autofilter(0, 0, len(rows), len(header) - 1)
    book.close()
    return buffer.getvalue()
