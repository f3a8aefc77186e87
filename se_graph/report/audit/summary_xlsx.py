"""summary.xlsx: the section 1 tables in the report's layout, as numbers an
analyst can sum and paste, and the requested entries that do not qualify."""

from __future__ import annotations

from se_graph.assessment.summary import LABELS, ROWS, STATUSES, TITLES, WHICH
from se_graph.model.phrases import plural
from se_graph.report.audit import xlsx
from se_graph.report.audit.summary_md import METHOD


def _table(name: str, data: dict, cohorts: str, top: int) -> tuple[list, list, list[str]]:
    """Rows, styles and merged ranges of one table starting at Excel row ``top``."""
    rows = [[TITLES[name], "Installs", None, None, "Devices", None, None],
            [cohorts, *(s.title() for s in STATUSES), *(s.title() for s in STATUSES)]]
    styles = ["header", "header"]
    for row in ROWS:
        rows.append([LABELS[row].format(which=WHICH[name]),
                     *(data[row][kind][s] for kind in ("installs", "devices") for s in STATUSES)])
        styles.append(["title" if row == "totals_by_status" else "wrap", *["number"] * 6])
    totals = data["totals"]
    rows.append(["Totals", totals["installs"], None, None, totals["devices"], None, None])
    styles.append(["title", *["bold_number"] * 6])
    merges = [f"B{top}:D{top}", f"E{top}:G{top}", f"B{top + 5}:D{top + 5}", f"E{top + 5}:G{top + 5}"]
    return rows, styles, merges


def render_summary_xlsx(summary: dict, report: int | None = None) -> bytes:
    h = summary["headline"]
    cohorts = ", ".join(h["cohorts"]) or "no cohort"
    heading = f"EPCL Report {report}: context of EPCL request" if report else "Context of EPCL request"
    rows: list[list] = [[heading], [f"{plural(h['requested'], 'requested entry', 'requested entries')}: {h['group1']} in Group 1 (tested), "
                                    f"{h['group2']} in Group 2 (substantively equivalent)."], []]
    styles: list = ["title", "plain", "plain"]
    merges: list[str] = []
    for name in ("overall", "group1", "group2"):
        t_rows, t_styles, t_merges = _table(name, summary[name], cohorts, len(rows) + 1)
        rows += [*t_rows, []]
        styles += [*t_styles, "plain"]
        merges += t_merges
    rows += [[METHOD[summary["devices_method"]]],
             ["Potential FW upgrades are counted by the status of the entry to be upgraded; each counts once, "
              "toward the final target of its chain."]]
    styles += ["plain", "plain"]
    tables = xlsx.Sheet(name="Summary", rows=rows, styles=styles, widths=[48, 12, 12, 12, 12, 12, 12],
                        merges=merges, print_titles=None)
    bad = summary["not_qualifying"]
    header = ["EPCL ID", "Group", "Installs", "Devices", "Why it does not qualify"]
    data = [[b["id"], int(b["group"]) if b["group"] else None, b["installs"], b["devices"], b["reason"]] for b in bad]
    intro = (f"{plural(len(bad), 'requested entry does', 'requested entries do')} not qualify; "
             f"{plural(h['not_qualifying_installs'], 'installation')} at stake."
             if bad else "Every requested entry qualifies.")
    failing = xlsx.Sheet(
        name="Not qualifying", rows=[[intro], header, *data],
        styles=["title", "header", *(["text", "number", "number", "number", "wrap"] for _ in data)],
        widths=[12, 8, 12, 12, 90], freeze=(2, 1), autofilter=(2, 2 + len(data)), print_titles=2,
    )
    return xlsx.workbook([tables, failing])
