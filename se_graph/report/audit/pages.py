"""The audit's Markdown pages as HTML, so every page index.html links opens
readable in a browser: summary.html (summary.md's text converted, its tables
drawn with merged cells) and annex-a.html (written from Annex A's rows).

summary.md is se-graph's own Markdown in a small, fixed subset (headings,
paragraphs, pipe tables, lists, bold, italics, backslash escapes), so it is
converted here: markdown-it-py took 3 s on the 500 kB summary of a 100k-entry
audit, this takes a tenth of that.  Every text is escaped; no HTML passes.
"""

from __future__ import annotations

import re
from html import escape

from se_graph.model.phrases import plural
from se_graph.report.audit.annex import COLUMNS, NOTE, rows, title
from se_graph.report.audit.index import FILTER, entry_link, filter_box, page, summary_table
from se_graph.report.audit.summary_md import blocks

BACK = '<p><a href="index.html">Back to the audit</a></p>'


_INLINE = re.compile(r"\\(.)|\*\*|\*|&(?:lt|gt|amp);|[^\\*&]+|[\\&]")
_ITEM = re.compile(r"^(?:- |\d+\. )")


def inline(text: str) -> str:
    """One line of the subset: escapes, **bold** and *italics*; all else as text."""
    out, open_tags = [], {"**": False, "*": False}
    for m in _INLINE.finditer(text):
        token = m.group(0)
        if m.group(1) is not None:
            out.append(escape(m.group(1)))
        elif token in open_tags:
            tag = "strong" if token == "**" else "em"
            out.append(f"</{tag}>" if open_tags[token] else f"<{tag}>")
            open_tags[token] = not open_tags[token]
        elif token in ("&lt;", "&gt;", "&amp;"):
            out.append(token)  # markdown.cell's entities, already HTML
        else:
            out.append(escape(token))
    out += [f"</{'strong' if t == '**' else 'em'}>" for t, is_open in open_tags.items() if is_open]
    return "".join(out)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def markdown_html(text: str) -> str:
    """HTML of se-graph's Markdown subset."""
    lines, out, i = text.splitlines(), [], 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            out.append(f"<h{level}>{inline(line[level:].strip())}</h{level}>")
            i += 1
        elif line.startswith("|"):
            block = []
            while i < len(lines) and lines[i].startswith("|"):
                block.append(lines[i])
                i += 1
            rule = next((n for n, b in enumerate(block) if re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", b)), None)
            right = [c.endswith(":") for c in _cells(block[rule])] if rule is not None else []
            rows = []
            for n, b in enumerate(block):
                if n == rule:
                    continue
                tag = "th" if rule is not None and n < rule else "td"
                cells = "".join(f"<{tag}{' class=n' if n > (rule or 0) and k < len(right) and right[k] else ''}>"
                                f"{inline(c)}</{tag}>" for k, c in enumerate(_cells(b)))
                rows.append(f"<tr>{cells}</tr>")
            out.append(f"<table>{''.join(rows)}</table>")
        elif _ITEM.match(line):
            kind = "ol" if line[0].isdigit() else "ul"
            items = []
            while i < len(lines) and _ITEM.match(lines[i]):
                items.append(f"<li>{inline(_ITEM.sub('', lines[i]))}</li>")
                i += 1
            out.append(f"<{kind}>{''.join(items)}</{kind}>")
        else:
            para = []
            while i < len(lines) and lines[i].strip() and not lines[i].startswith(("#", "|")) \
                    and not _ITEM.match(lines[i]):
                para.append(lines[i].strip())
                i += 1
            out.append(f"<p>{inline(' '.join(para))}</p>")
    return "\n".join(out)


def render_summary_html(summary: dict, report: int | None = None) -> str:
    """summary.md's text as HTML, its three tables drawn as the report draws them
    (merged header cells, each Totals figure across its three statuses)."""
    parts, text = [], []
    for block in blocks(summary, report):
        if isinstance(block, tuple):
            parts.append(markdown_html("\n".join(text)))
            parts.append(summary_table(block[1], summary[block[1]], block[2]))
            text = []
        else:
            text.append(block)
    parts.append(markdown_html("\n".join(text)))
    heading = blocks(summary, report)[0].lstrip("# ").strip()
    return page(heading, BACK + "\n".join(parts))


# Annex A on a laptop screen: the table takes the window's width and the long
# texts wrap; these keep the device lines and the evidence readable
WIDTH = {"Devices": "18rem", "Evidence": "11rem", "Qualifies": "8rem"}
SHOWN = [c for c in COLUMNS if c != "Device count derived"]  # said in the count's cell, as annex-a.md does


def render_annex_html(assessment, report: int | None = None) -> str:
    """Annex A in a box that scrolls inside the page under a sticky header (the id
    column stays in view), with a filter box; entries that do not qualify red."""
    q, d, derived = COLUMNS.index("Qualifies"), COLUMNS.index("Devices"), COLUMNS.index("Device count derived")
    out = []
    for row in rows(assessment):
        cells = []
        for c, value in enumerate(row):
            if c == 0:
                cells.append(f"<td>{entry_link(value)}</td>")
            elif c == derived:
                continue
            elif c == derived - 1:
                cells.append(f"<td class=n>{value:,}{' (derived)' if row[derived] == 'yes' else ''}</td>")
            elif isinstance(value, int):
                cells.append(f"<td class=n>{value:,}</td>")
            elif c == d:  # one device a line
                cells.append(f"<td>{'<br>'.join(escape(x) for x in (value or '').split('; '))}</td>")
            else:
                cells.append(f"<td>{escape(value or '')}</td>")
        bad = row[q] != "yes"
        out.append(f"<tr{' class=bad' if bad else ''}>{''.join(cells)}</tr>")
    head = "".join(f'<th style="min-width:{WIDTH[c]}">{escape(c)}</th>' if c in WIDTH else f"<th>{escape(c)}</th>"
                   for c in SHOWN)
    failing = sum(1 for r in rows(assessment) if r[q] != "yes")
    body = (f"{BACK}<h1>{escape(title(report))}</h1>"
            f"<p>{plural(len(out), 'requested entry', 'requested entries')}; "
            + (f"{plural(failing, 'does', 'do')} not qualify (rows filled red)." if failing else "every one qualifies.")
            + f" {escape(NOTE)}</p>"
            "<style>#annex{width:100%;font-size:14px}#annex td,#annex th{padding:.2rem .4rem}"
            "tr.bad td,.box.tall tr.bad td:first-child{background:#fde3d9}</style>"
            + filter_box("annex", len(out), ("entry", "entries"))
            + f'<div class="box tall"><table id="annex"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(out)}</tbody></table></div>")
    return page(title(report), body, scripts=(FILTER,), wide=True)
