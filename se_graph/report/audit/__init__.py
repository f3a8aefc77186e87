"""The pre-submission audit: every file of the audit folder, as content.

``build_audit`` returns {file name: content}; the command writes each file
atomically. Nothing here prints or touches the inputs.
"""

from __future__ import annotations

import json
from pathlib import Path

from se_graph.report.audit.annex import render_annex_csv, render_annex_md
from se_graph.report.audit.annotate import render_annotated
from se_graph.report.audit.index import render_index
from se_graph.report.audit.summary_md import render_summary_md
from se_graph.report.jsonout import render_json
from se_graph.report.markdown import render_markdown

__all__ = ["annotated_name", "build_audit"]


def annotated_name(path: str) -> str:
    return f"{Path(path).stem}.annotated.xlsx"


def build_audit(analysis, raw: dict[str, list], *, report: int | None = None) -> dict[str, str | bytes]:
    """The audit's files. ``raw`` maps each input path to its sheets as ingest read them."""
    summary = analysis.summary
    files: dict[str, str | bytes] = {
        "summary.md": render_summary_md(summary, report),
        "summary.json": json.dumps(summary, indent=2, sort_keys=False) + "\n",
        "annex-a.md": render_annex_md(analysis, report),
        "annex-a.csv": render_annex_csv(analysis),
        "findings.json": render_json(analysis),
        "findings.md": render_markdown(analysis),
        "graph.html": _graph(analysis),
    }
    for path, sheets in raw.items():
        files[annotated_name(path)] = render_annotated(analysis, path, sheets)
    described = [
        ("summary.md", "section 1 tables: Overall, Group 1, Group 2, and the headline figures"),
        ("summary.json", "the same tables as data"),
        ("annex-a.md", "Annex A: each requested entry and its evidence"),
        ("annex-a.csv", "Annex A as CSV"),
        ("findings.md", "every finding"),
        ("findings.json", "every finding, as validate --format json"),
        ("graph.html", "the interactive graph (offline)"),
        *((annotated_name(p), f"annotated copy of {Path(p).name}") for p in raw),
    ]
    files["index.html"] = render_index(analysis, summary, described)
    return files


def _graph(analysis) -> str:
    from se_graph.report.html_graph import GraphTooLarge, render_graph_html

    try:
        return render_graph_html(analysis)
    except GraphTooLarge as exc:
        from html import escape

        return (
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Graph too large</title></head>"
            f"<body><h1>The graph is too large for one page</h1><p>{escape(str(exc))}</p></body></html>\n"
        )
