"""The audit's Markdown pages as HTML, so every page index.html links opens
readable in a browser: summary.html (rendered from summary.md with
markdown-it-py, raw HTML off) and annex-a.html (written from Annex A's rows)."""

from __future__ import annotations

from html import escape

from se_graph.report.audit.annex import COLUMNS, NOTE, rows, title
from se_graph.report.audit.index import entry_link, page

BACK = '<p><a href="index.html">Back to the audit</a></p>'


def render_summary_html(summary_md: str) -> str:
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(summary_md)
    heading = summary_md.splitlines()[0].lstrip("# ").strip() if summary_md else "Summary"
    return page(heading, BACK + body)


def render_annex_html(assessment, report: int | None = None) -> str:
    q = COLUMNS.index("Qualifies")
    out = []
    for row in rows(assessment):
        cells = []
        for c, value in enumerate(row):
            if c == 0:
                cells.append(f"<td>{entry_link(value)}</td>")
            elif isinstance(value, int):
                cells.append(f"<td class=n>{value:,}</td>")
            else:
                cells.append(f"<td>{escape(value or '')}</td>".replace("; ", "<br>") if c == 6 else
                             f"<td>{escape(value or '')}</td>")
        bad = row[q] != "yes"
        out.append(f"<tr{' class=bad' if bad else ''}>{''.join(cells)}</tr>")
    head = "".join(f"<th>{escape(c)}</th>" for c in COLUMNS)
    body = (f"{BACK}<h1>{escape(title(report))}</h1><p>Rows filled red do not qualify.</p>"
            "<style>tr.bad td{background:#fde3d9}</style>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(out)}</tbody></table><p>{escape(NOTE)}</p>")
    return page(title(report), body)
