"""The pre-submission audit: every file of the audit folder, as content.

``build_audit`` returns {file name: content}; the command writes the folder
whole. Nothing here prints or touches the inputs.
"""

from __future__ import annotations

import json
from pathlib import Path

from se_graph.report.audit.annex import render_annex_csv, render_annex_md, render_annex_xlsx
from se_graph.report.audit.annotate import render_annotated
from se_graph.report.audit.index import render_index
from se_graph.report.audit.pages import render_annex_html, render_summary_html
from se_graph.report.audit.summary_md import render_summary_md
from se_graph.report.audit.summary_xlsx import render_summary_xlsx
from se_graph.report.jsonout import render_json
from se_graph.report.markdown import render_markdown

__all__ = ["annotated_name", "build_audit"]
PACKAGES = (".xlsx", ".xlsm")


def annotated_name(path: str, macros: bool = False) -> str:
    """A macro workbook's copy stays one (.xlsm); every other copy is an .xlsx."""
    return f"{Path(path).stem}.annotated{'.xlsm' if macros else '.xlsx'}"


def _package(path: str, limits):
    from se_graph.ingest.package import read_package

    return read_package(path, limits) if Path(path).suffix.lower() in PACKAGES else None


def build_audit(analysis, raw: dict[str, list], *, report: int | None = None, diff=None) -> dict[str, str | bytes]:
    """The audit's files. ``raw`` maps each input path to its sheets as ingest
    read them (used only for inputs that are not .xlsx/.xlsm packages); ``diff``,
    the comparison with the previous publication when the audit is given one."""
    summary = analysis.summary
    summary_md = render_summary_md(summary, report)
    files: dict[str, str | bytes] = {
        "summary.md": summary_md,
        "summary.html": render_summary_html(summary, report),
        "summary.json": json.dumps(summary, indent=2, sort_keys=False) + "\n",
        "summary.xlsx": render_summary_xlsx(summary, report),
        "annex-a.md": render_annex_md(analysis, report),
        "annex-a.html": render_annex_html(analysis, report),
        "annex-a.csv": render_annex_csv(analysis),
        "annex-a.xlsx": render_annex_xlsx(analysis, report),
        "findings.json": render_json(analysis),
        "findings.md": render_markdown(analysis),
        "graph.html": _graph(analysis),
    }
    limits = analysis.config.limits
    names = {}
    for path, sheets in raw.items():
        package = _package(path, limits)
        content, patched = render_annotated(analysis, path, sheets, package)
        names[path] = annotated_name(path, patched and package.macros)
        files[names[path]] = content
    described = [
        ("summary.html", "section 1 of the report: the Overall, Group 1 and Group 2 tables and the headline figures"),
        ("summary.xlsx", "the same tables as a workbook, and the requested entries that do not qualify"),
        ("annex-a.html", "Annex A: each requested entry and its evidence"),
        ("annex-a.xlsx", "Annex A as a workbook (ids as text, counts as numbers, filters on)"),
        ("annex-a.csv", "Annex A as CSV, for other programs"),
        ("summary.json", "the tables as data"),
        ("findings.json", "every finding, as validate --format json"),
        ("graph.html", "the interactive graph (offline)"),
        *((names[p], f"annotated copy of {Path(p).name}: a Findings sheet first, failing cells filled")
          for p in raw),
    ]
    if diff is not None:
        from se_graph.report.diff_html import render_diff_html
        from se_graph.report.diff_json import render_diff_json

        files["diff.html"] = render_diff_html(diff)
        files["diff.json"] = render_diff_json(diff)
        lost = len(diff.lost)
        described.insert(0, ("diff.html", "what changed since the previous publication"
                             + (f": {lost} entr{'ies' if lost != 1 else 'y'} lost eligibility" if lost else "")))
    files["index.html"] = render_index(analysis, summary, described)
    return files


def _graph(analysis) -> str:
    from se_graph.report.html_graph import render_graph_html

    return render_graph_html(analysis)  # any size opens (families above a few thousand entries)
