"""Annotated copies of the input workbooks: the original sheets, a findings
column after each table, failing cells highlighted and commented.

Written with xlsxwriter from the cells ingest read. Every text goes in with
``write_string``, so a cell reading ``=HYPERLINK(...)`` stays text and never
becomes a formula; numbers stay numbers.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict

FIXED_DATE = dt.datetime(2000, 1, 1)  # document properties: identical bytes run to run
FINDINGS_HEADER = "se-graph findings"


def _targets(analysis, path: str) -> tuple[dict, dict]:
    """Per sheet: the header row and last column of its table, and findings by row."""
    tables = {}
    for info in analysis.tables:
        s = info.source
        if s.path == path:
            width = max((index for _, _, index in s.columns), default=1)
            tables[s.sheet] = (s.header_row, width, {header: index for _, header, index in s.columns})
    found: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for f in analysis.findings:
        loc = f.location
        if loc.path == path and loc.sheet and loc.row:
            found[loc.sheet][loc.row].append(f)
    return tables, found


def render_annotated(analysis, path: str, sheets) -> bytes:
    """The annotated copy of one input, as xlsx bytes."""
    import xlsxwriter

    tables, found = _targets(analysis, path)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": "Annotated by se-graph", "author": "se-graph", "created": FIXED_DATE})
    error = book.add_format({"bg_color": "#F8CBAD", "border": 1, "border_color": "#C00000"})
    warning = book.add_format({"bg_color": "#FFF2CC", "border": 1, "border_color": "#BF9000"})
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    for sheet in sheets:
        ws = book.add_worksheet(sheet.name[:31])
        header_row, width, columns = tables.get(sheet.name, (None, sheet.width, {}))
        marks: dict[tuple[int, int], list] = defaultdict(list)
        for row, findings in found.get(sheet.name, {}).items():
            for f in findings:
                col = columns.get(f.location.column) if f.location.column else None
                marks[(row, (col or width + 1) - 1)].append(f)
        for number, cells in sorted(sheet.rows.items()):
            for c, value in enumerate(cells):
                style = _style(marks.get((number, c)), error, warning)
                _write(ws, number - 1, c, value, style, date)
        if header_row is not None:
            ws.write_string(header_row - 1, width, FINDINGS_HEADER, bold)
            ws.set_column(width, width, 60)
            for row, findings in sorted(found.get(sheet.name, {}).items()):
                text = "\n".join(f"{f.code} {f.severity}: {f.message}" for f in findings)
                ws.write_string(row - 1, width, text, wrap)
        for (row, col), findings in sorted(marks.items()):
            if col < width or header_row is None:
                cells = sheet.rows.get(row, [])
                if col >= len(cells):  # the failing cell is empty: still highlight it
                    ws.write_blank(row - 1, col, None, _style(findings, error, warning))
                note = "\n".join(f"{f.code}: {f.message}" for f in findings)
                ws.write_comment(row - 1, col, note, {"author": "se-graph", "x_scale": 3, "y_scale": 2})
    book.close()
    return buffer.getvalue()


def _style(findings, error, warning):
    if not findings:
        return None
    return error if any(f.severity == "error" for f in findings) else warning


def _write(ws, r: int, c: int, value, style, date) -> None:
    if value is None or value == "":
        if style is not None:
            ws.write_blank(r, c, None, style)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value, style)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value, style)
    elif isinstance(value, (dt.datetime, dt.date)):
        value = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
        ws.write_datetime(r, c, value, style or date)
    else:
        ws.write_string(r, c, str(value), style)
