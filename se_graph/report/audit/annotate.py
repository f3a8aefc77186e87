"""Annotated copies of the input workbooks.

An .xlsx/.xlsm input is copied part by part from the analyst's own package and
only what the findings touch changes, so widths, header styles, number formats,
freeze panes, filters and everything else stay as the analyst left them:

- a first sheet "Findings": errors before warnings, each with a link to its cell;
- on each sheet with findings, a "se-graph findings" column after the last used
  column (header styled like the table's last header), one line per finding,
  errors first, the row made tall enough to show them (no overprinting);
- each failing cell filled (red for an error, yellow for a warning), its own
  format kept otherwise;
- a table sheet the analyst left unfrozen gets its header row frozen.

New text goes in as inline strings, so nothing from a cell becomes a formula.
The copy for an .xls or .ods input (no such package), or a package this code
cannot safely edit, is a fresh .xlsx written from the cells ingest read
(``rewrite``), with the same Findings sheet and findings column.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import defaultdict

from se_graph.model.phrases import plural
from se_graph.report.audit import xlsx

FINDINGS_HEADER = "se-graph findings"
FINDINGS_WIDTH = 70
FIXED_DATE = dt.datetime(2000, 1, 1)
RANK = {"error": 0, "warning": 1, "info": 2}
FILLS = {"error": "FFF8CBAD", "warning": "FFFFF2CC", "info": "FFDDEBF7"}
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"


class Unsupported(Exception):
    """The package has something this editor does not handle: rewrite instead."""


def ordered(findings) -> list:
    return sorted(findings, key=lambda f: (RANK.get(str(f.severity), 3), f.location.sort_key(), f.code))


def note(findings) -> str:
    """The findings column's text: one line each, errors first."""
    return "\n".join(f"{str(f.severity).upper()} {f.code}: {f.message}" for f in ordered(findings))


def targets(analysis, path: str) -> tuple[dict, dict]:
    """Per sheet: (header row, table width, header -> column); and findings by sheet and row."""
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


def findings_sheet(analysis, path: str, name: str, tables: dict, columns_of) -> xlsx.Sheet:
    """The first sheet: every finding on this file, errors first, linked to its cell."""
    mine = ordered(f for f in analysis.findings if f.location.path == path)
    errors = sum(f.severity == "error" for f in mine)
    warnings = sum(f.severity == "warning" for f in mine)
    head = ["Severity", "Code", "Cell", "Entry", "Message"]
    rows, styles, links = [], [], []
    for n, f in enumerate(mine, start=3):
        loc = f.location
        where = ""
        if loc.sheet and loc.row:
            col = columns_of(loc.sheet, loc.column)
            quoted = "'" + loc.sheet.replace("'", "''") + "'"
            where = f"{quoted}!{xlsx.col_name(col)}{loc.row}"
            links.append((f"C{n}", where))
        elif loc.sheet:
            where = loc.sheet
        sev = str(f.severity)
        rows.append([sev, f.code, where, f.entry, f.message])
        styles.append([sev if sev in ("error", "warning") else "text", "text", "link" if loc.row else "text",
                       "text", "wrap"])
    title = (f"{plural(errors, 'error')} and {plural(warnings, 'warning')} in this "
             "workbook; click a cell reference to go to it." if mine else "se-graph found nothing to report here.")
    return xlsx.Sheet(name=name, rows=[[title], head, *rows], styles=["title", "header", *styles],
                      widths=[10, 8, 28, 12, 100], freeze=(2, 0), autofilter=(2, 2 + len(rows)), links=links,
                      print_titles=2)


def _columns_of(tables: dict, widths: dict):
    def column(sheet: str, header: str | None) -> int:
        _, width, columns = tables.get(sheet, (None, 1, {}))
        return columns.get(header) or widths.get(sheet, width + 1)
    return column


def render_annotated(analysis, path: str, sheets, package=None) -> tuple[bytes, bool]:
    """The annotated copy of one input and whether it is the original package
    patched (from ``package`` when given and editable), else rewritten from
    ``sheets`` (the cells ingest read) as a plain .xlsx."""
    if package is not None:
        try:
            return patch(analysis, path, package), True
        except (Unsupported, ValueError, KeyError, IndexError, AttributeError):
            pass  # a package shaped in a way this editor does not expect: the plain copy is still right
    return rewrite(analysis, path, sheets), False


# ---------------------------------------------------------------- the patch

_ROW = re.compile(rb'<row\b[^>]*?\br="(\d+)"[^>]*?(/>|>)')
_CELL = re.compile(rb'<c\b([^>]*?)(?:/>|>.*?</c>)', re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_STYLE = re.compile(rb'\bs="(\d+)"')
_XF = re.compile(rb"<xf\b[^>]*?(?:/>|>.*?</xf>)", re.S)


def _block(xml: bytes, tag: bytes) -> tuple[int, int, list[bytes]]:
    """Start and end of ``<tag ...>...</tag>`` and its children."""
    m = re.search(rb"<" + tag + rb"\b[^>]*?(/>|>)", xml)
    if m is None:
        raise Unsupported(tag)
    if m.group(1) == b"/>":
        return m.start(), m.end(), []
    end = xml.index(b"</" + tag + b">", m.end()) + len(tag) + 3
    return m.start(), end, [m.group(0), xml[m.end():end - len(tag) - 3]]


class Styles:
    """styles.xml with cell formats appended: clones of the originals with a fill."""

    def __init__(self, xml: bytes):
        self.xml = xml
        _, _, fills = _block(xml, b"fills")
        _, _, fonts = _block(xml, b"fonts")
        _, _, xfs = _block(xml, b"cellXfs")
        if not fills or not xfs or not fonts:
            raise Unsupported("styles")
        self.fills = len(re.findall(rb"<fill\b", fills[1]))
        self.fonts = len(re.findall(rb"<font\b", fonts[1]))
        self.xfs = _XF.findall(xfs[1])
        self.count = len(self.xfs)
        self.new_fills: list[str] = []
        self.new_fonts: list[str] = []
        self.new_xfs: list[bytes] = []
        self.cache: dict = {}
        self.fill_ids = {}
        for sev, colour in FILLS.items():
            self.new_fills.append(xlsx.fill_xml(colour))
            self.fill_ids[sev] = self.fills + len(self.new_fills) - 1
        # the Findings sheet's own styles, numbered after every original
        fonts, fills, ours = xlsx.style_parts(self.fonts, self.fills + len(self.new_fills))
        self.new_fonts += fonts
        self.new_fills += fills
        self.index = {name: self.count + i for i, name in enumerate(xlsx.STYLES)}
        self.new_xfs += [x.encode() for x in ours]

    def _add(self, xf: bytes) -> int:
        self.new_xfs.append(xf)
        return self.count + len(self.new_xfs) - 1

    def filled(self, s: int, severity: str) -> int:
        """The original format ``s`` with the severity's fill."""
        key = ("fill", s, severity)
        if key not in self.cache:
            xf = self.xfs[s] if s < len(self.xfs) else self.xfs[0]
            xf = re.sub(rb'\s(fillId|applyFill)="[^"]*"', b"", xf)
            xf = xf.replace(b"<xf", b'<xf fillId="%d" applyFill="1"' % self.fill_ids[severity], 1)
            self.cache[key] = self._add(xf)
        return self.cache[key]

    def wrapped(self, s: int) -> int:
        """The original format ``s`` (bold header, say) with text wrapped at the top."""
        key = ("wrap", s)
        if key not in self.cache:
            xf = self.xfs[s] if s < len(self.xfs) else self.xfs[0]
            xf = re.sub(rb"<alignment\b[^>]*/>", b"", xf)
            xf = re.sub(rb'\s(applyAlignment|numFmtId|applyNumberFormat)="[^"]*"', b"", xf)
            xf = xf.replace(b"<xf", b'<xf numFmtId="49" applyNumberFormat="1" applyAlignment="1"', 1)
            body = b'<alignment wrapText="1" vertical="top"/>'
            xf = xf[:-2] + b">" + body + b"</xf>" if xf.endswith(b"/>") else xf.replace(b"</xf>", body + b"</xf>")
            self.cache[key] = self._add(xf)
        return self.cache[key]

    def render(self) -> bytes:
        xml = self.xml
        for tag, child, items in ((b"cellXfs", _XF, self.new_xfs),
                                  (b"fills", re.compile(rb"<fill\b"), [f.encode() for f in self.new_fills]),
                                  (b"fonts", re.compile(rb"<font\b"), [f.encode() for f in self.new_fonts])):
            start, end, (opening, body) = _block(xml, tag)
            total = len(child.findall(body))
            opening = re.sub(rb'\scount="\d+"', b"", opening).replace(
                b"<" + tag, b"<" + tag + b' count="%d"' % (total + len(items)), 1)
            xml = xml[:start] + opening + body + b"".join(items) + b"</" + tag + b">" + xml[end:]
        return xml


def _row_attrs(tag: bytes, lines: int) -> bytes:
    """The row's opening tag made tall enough for ``lines`` lines (never shorter)."""
    m = re.search(rb'\bht="([\d.]+)"', tag)
    need = lines * xlsx.LINE
    if m and float(m.group(1)) >= need:
        return tag
    tag = re.sub(rb'\s(ht|customHeight)="[^"]*"', b"", tag)
    return tag.replace(b"<row", b'<row ht="%.1f" customHeight="1"' % need, 1)


def _patch_row(row: bytes, number: int, marks: dict[int, str], extra: bytes | None, styles: Styles,
               fcol: int, lines: int) -> bytes:
    """One <row>: failing cells filled, the findings cell appended."""
    head_end = row.index(b">") + 1
    tag, body = row[:head_end], row[head_end:]
    closed = tag.endswith(b"/>")
    if closed:
        tag, body = tag[:-2] + b">", b"</row>"
    cells = []
    for m in _CELL.finditer(body):
        ref = _REF.search(m.group(1))
        if ref is None or int(ref.group(2)) != number:
            raise Unsupported("a cell without its reference")
        cells.append((xlsx.col_index(ref.group(1).decode()), m.group(0)))
    have = {c for c, _ in cells}
    for col, sev in marks.items():
        if col not in have:
            cells.append((col, b'<c r="%s%d" s="0"/>' % (xlsx.col_name(col).encode(), number)))
    cells.sort(key=lambda t: t[0])
    if cells and cells[-1][0] >= fcol:
        raise Unsupported("a cell beyond the findings column")
    out = []
    for col, xml in cells:
        sev = marks.get(col)
        if sev is not None:
            head = re.match(rb"<c\b[^>]*?/?>", xml).group(0)
            s = _STYLE.search(head)
            new = styles.filled(int(s.group(1)) if s else 0, sev)
            fixed = _STYLE.sub(b's="%d"' % new, head, count=1) if s else head.replace(b"<c ", b'<c s="%d" ' % new, 1)
            xml = fixed + xml[len(head):]
        out.append(xml)
    if extra is not None:
        out.append(extra)
    tail = body.rindex(b"</row>")
    return _row_attrs(tag, lines) + b"".join(out) + body[tail:]


def _cols(xml: bytes, fcol: int) -> bytes:
    """Give the findings column its width, splitting a <col> range that covers it."""
    ours = b'<col min="%d" max="%d" width="%d" customWidth="1"/>' % (fcol, fcol, FINDINGS_WIDTH)
    m = re.search(rb"<cols>(.*?)</cols>", xml[: xml.find(b"<sheetData")], re.S)
    if m is None:
        at = xml.find(b"<sheetData")
        return xml[:at] + b"<cols>" + ours + b"</cols>" + xml[at:]
    items = []
    for col in re.findall(rb"<col\b[^>]*/>", m.group(1)):
        lo, hi = (int(re.search(rb'\b%s="(\d+)"' % k, col).group(1)) for k in (b"min", b"max"))
        if lo <= fcol <= hi:
            if lo < fcol:
                items.append((lo, re.sub(rb'\bmax="\d+"', b'max="%d"' % (fcol - 1), col)))
            if hi > fcol:
                items.append((fcol + 1, re.sub(rb'\bmin="\d+"', b'min="%d"' % (fcol + 1), col)))
        else:
            items.append((lo, col))
    items.append((fcol, ours))
    body = b"".join(c for _, c in sorted(items, key=lambda t: t[0]))
    return xml[:m.start()] + b"<cols>" + body + b"</cols>" + xml[m.end():]


def _last_column(xml: bytes) -> int:
    m = re.search(rb'<dimension ref="[A-Z]+\d+:([A-Z]+)\d+"', xml[:4096])
    return xlsx.col_index(m.group(1).decode()) if m else 0


def _unselect(xml: bytes) -> bytes:
    end = xml.find(b"<sheetData")
    head = xml[:end]
    if b"tabSelected" not in head:
        return xml
    return re.sub(rb'\stabSelected="(1|true)"', b"", head) + xml[end:]


def _freeze(xml: bytes, header_row: int) -> bytes:
    """Keep the table's header in view where the analyst froze nothing (their own
    panes are kept as they are)."""
    end = xml.find(b"<sheetData")
    head = xml[:end]
    views = re.search(rb"<sheetView\b[^>]*?(/>|>.*?</sheetView>)", head, re.S)
    if views is None or b"<pane" in views.group(0) or b"<sheetView" in head[views.end():]:
        return xml  # already frozen or split, or several views: leave it
    top = f"A{header_row + 1}".encode()
    pane = (b'<pane ySplit="%d" topLeftCell="%s" activePane="bottomLeft" state="frozen"/>'
            b'<selection pane="bottomLeft" activeCell="%s" sqref="%s"/>' % (header_row, top, top, top))
    view = views.group(0)
    opening = re.match(rb"<sheetView\b[^>]*?/?>", view).group(0)
    rest = b"" if opening.endswith(b"/>") else re.sub(rb"<selection\b[^>]*/>", b"", view[len(opening):-12])
    opening = opening[:-2] + b">" if opening.endswith(b"/>") else opening
    new = opening + pane + rest + b"</sheetView>"
    return head[:views.start()] + new + head[views.end():] + xml[end:]


def _patch_sheet(xml: bytes, rows: dict[int, list], table, styles: Styles, fcol: int) -> bytes:
    header_row, _, columns = table if table else (None, 0, {})
    touched: dict[int, tuple[dict, bytes | None, int]] = {}
    letter = xlsx.col_name(fcol)
    for number, found in rows.items():
        marks: dict[int, str] = {}
        for f in ordered(found):
            col = columns.get(f.location.column) if f.location.column else None
            if col is not None:
                marks.setdefault(col, str(f.severity))
        text = note(found)
        width_lines = xlsx.lines(text, FINDINGS_WIDTH)
        touched[number] = (marks, text, width_lines)
    if header_row is not None and header_row not in touched:
        touched[header_row] = ({}, None, 1)
    index = {int(m.group(1)): m for m in _ROW.finditer(xml)} if touched else {}
    pieces, at = [], 0
    for number in sorted(touched):
        m = index.get(number)
        if m is None:
            raise Unsupported("a row with a finding is not in the sheet")
        end = m.end() if m.group(2) == b"/>" else xml.index(b"</row>", m.end()) + 6
        marks, text, lines = touched[number]
        if number == header_row:
            head = re.search(rb'<c\b[^>]*?\br="[A-Z]+%d"[^>]*?\bs="(\d+)"' % number, xml[m.start():end])
            style = styles.wrapped(int(head.group(1)) if head else 0)
            label = FINDINGS_HEADER if text is None else f"{FINDINGS_HEADER}\n{text}"
            extra = xlsx.text_cell(f"{letter}{number}", label, style).encode()
            lines = 1 if text is None else lines + 1
        else:
            extra = xlsx.text_cell(f"{letter}{number}", text, styles.wrapped(0)).encode()
        pieces += [xml[at:m.start()], _patch_row(xml[m.start():end], number, marks, extra, styles, fcol, lines)]
        at = end
    pieces.append(xml[at:])
    xml = b"".join(pieces)
    xml = re.sub(rb'(<dimension ref="[A-Z]+\d+:)[A-Z]+(\d+)"', lambda d: d.group(1) + letter.encode() + d.group(2)
                 + b'"', xml[:4096], count=1) + xml[4096:]
    return _cols(xml, fcol)


def _free_name(names, wanted: str) -> str:
    taken = {n.lower() for n in names}
    name, n = wanted, 2
    while name.lower() in taken:
        name, n = f"{wanted} {n}", n + 1
    return name


def patch(analysis, path: str, package) -> bytes:
    tables, found = targets(analysis, path)
    parts = dict(package.parts)
    if "xl/styles.xml" not in parts or any(s not in package.sheets for s in found):
        raise Unsupported("no styles, or a finding on a sheet the package does not have")
    styles = Styles(parts["xl/styles.xml"])
    widths: dict[str, int] = {}
    for sheet, part in package.sheets.items():
        xml = parts[part]
        if sheet in found or sheet in tables:
            fcol = max(_last_column(xml), tables.get(sheet, (0, 0))[1]) + 1
            widths[sheet] = fcol
            if sheet in found:
                xml = _patch_sheet(xml, found[sheet], tables.get(sheet), styles, fcol)
            if sheet in tables:
                xml = _freeze(xml, tables[sheet][0])
        parts[part] = _unselect(xml)
    name = _free_name(package.sheets, "Findings")
    sheet = findings_sheet(analysis, path, name, tables, _columns_of(tables, widths))
    new_part = "xl/worksheets/se-graph-findings.xml"
    if new_part in parts:
        raise Unsupported("already annotated")
    parts[new_part] = xlsx.sheet_xml(sheet, True, styles.index).encode("utf-8")
    parts["xl/styles.xml"] = styles.render()
    parts[package.workbook] = _workbook(parts[package.workbook], name, _add_rel(parts, package.workbook, new_part))
    types = parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = types.replace(
        b"</Types>", b'<Override PartName="/%s" ContentType="%s"/></Types>' % (new_part.encode(), SHEET_TYPE.encode()))
    names = [*package.names, new_part]
    return xlsx.write_zip([(n, parts[n]) for n in names])


def _add_rel(parts: dict, workbook: str, target: str) -> str:
    folder, file = workbook.rsplit("/", 1) if "/" in workbook else ("", workbook)
    rels_name = f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels"
    rels = parts[rels_name]
    taken = set(re.findall(rb'Id="([^"]+)"', rels))
    n = 1
    while b"rIdSG%d" % n in taken:
        n += 1
    rid = f"rIdSG{n}"
    relative = target[len(folder) + 1:] if folder and target.startswith(folder + "/") else "/" + target
    parts[rels_name] = rels.replace(
        b"</Relationships>",
        f'<Relationship Id="{rid}" Type="{WORKSHEET_REL}" Target="{relative}"/></Relationships>'.encode())
    return rid


def _workbook(xml: bytes, name: str, rid: str) -> bytes:
    """The Findings sheet first and open; sheet-local names shifted by one."""
    m = re.search(rb"<sheets>", xml)
    ids = [int(i) for i in re.findall(rb'<sheet\b[^>]*?\bsheetId="(\d+)"', xml)]
    prefix = re.search(rb'<sheet\b[^>]*?\s(\w+):id="', xml)
    if m is None or prefix is None:
        raise Unsupported("workbook.xml")
    # the prefix is declared on the root, or (openpyxl with lxml writes it so) on each
    # sheet element: the new element declares it itself, which is valid either way
    uri = re.search(rb'xmlns:' + prefix.group(1) + rb'="([^"]*)"', xml)
    if uri is None:
        raise Unsupported("workbook.xml")
    entry = b'<sheet xmlns:%s="%s" name="%s" sheetId="%d" %s:id="%s"/>' % (
        prefix.group(1), uri.group(1), xlsx.xml_text(name).encode(), max(ids, default=0) + 1, prefix.group(1),
        rid.encode())
    xml = xml[:m.end()] + entry + xml[m.end():]
    xml = re.sub(rb'localSheetId="(\d+)"', lambda d: b'localSheetId="%d"' % (int(d.group(1)) + 1), xml)
    view = re.search(rb"<workbookView\b[^>]*?/?>", xml)
    if view:
        tag = re.sub(rb'\s(activeTab|firstSheet)="\d+"', b"", view.group(0))
        tag = tag.replace(b"<workbookView", b'<workbookView activeTab="0"', 1)
        xml = xml[:view.start()] + tag + xml[view.end():]
    return xml


# ---------------------------------------------------------------- the rewrite

def rewrite(analysis, path: str, sheets) -> bytes:
    """A fresh .xlsx from the cells ingest read (.xls and .ods inputs): the
    Findings sheet, the original sheets' values, the findings column, failing
    cells filled; the header row frozen and bold."""
    import xlsxwriter

    tables, found = targets(analysis, path)
    sheets = list(sheets)
    widths = {s.name: max(tables.get(s.name, (0, 0, {}))[1], s.width) + 1 for s in sheets}
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": "Annotated by se-graph", "author": "se-graph", "created": FIXED_DATE})
    fmt = {sev: book.add_format({"bg_color": "#" + colour[2:]}) for sev, colour in FILLS.items()}
    head = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#D9E1F2"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    summary = findings_sheet(analysis, path, _free_name([s.name for s in sheets], "Findings"), tables,
                             _columns_of(tables, widths))
    _xlsxwriter_sheet(book, summary)
    for sheet in sheets:
        ws = book.add_worksheet(sheet.name[:31])
        header_row, _, columns = tables.get(sheet.name, (None, 0, {}))
        fcol = widths[sheet.name]
        marks: dict[tuple[int, int], str] = {}
        for row, items in found.get(sheet.name, {}).items():
            for f in ordered(items):
                col = columns.get(f.location.column) if f.location.column else None
                if col is not None:
                    marks.setdefault((row, col), str(f.severity))
        for number, cells in sorted(sheet.rows.items()):
            for c, value in enumerate(cells):
                sev = marks.get((number, c + 1))
                _write(ws, number - 1, c, value, fmt[sev] if sev else (head if number == header_row else None), date)
        for (row, col), sev in marks.items():
            if col > len(sheet.rows.get(row, [])):
                ws.write_blank(row - 1, col - 1, None, fmt[sev])
        if header_row is not None:
            ws.write_string(header_row - 1, fcol - 1, FINDINGS_HEADER, head)
            ws.freeze_panes(header_row, 0)
            ws.set_column(0, fcol - 2, 16)
        ws.set_column(fcol - 1, fcol - 1, FINDINGS_WIDTH)
        for row, items in sorted(found.get(sheet.name, {}).items()):
            text = note(items)
            ws.write_string(row - 1, fcol - 1, text, wrap)
            ws.set_row(row - 1, xlsx.lines(text, FINDINGS_WIDTH) * xlsx.LINE)
    book.close()
    return buffer.getvalue()


def _xlsxwriter_sheet(book, sheet: xlsx.Sheet) -> None:
    ws = book.add_worksheet(sheet.name)
    formats = {}
    for name, (bold, fill, numfmt, wrap, colour) in xlsx.STYLES.items():
        spec = {"bold": bold, "text_wrap": wrap, "valign": "top", "num_format": numfmt}
        if fill:
            spec["bg_color"] = "#" + fill[2:]
        if colour:
            spec["font_color"] = "#" + colour[2:]
        formats[name] = book.add_format(spec)
    links = dict(sheet.links)
    for r, row in enumerate(sheet.rows):
        spec = sheet.styles[r]
        for c, value in enumerate(row):
            style = formats[spec if isinstance(spec, str) else spec[c]]
            ref = f"{xlsx.col_name(c + 1)}{r + 1}"
            if ref in links:
                ws.write_url(r, c, f"internal:{links[ref]}", style, string=str(value))
            elif value is not None:
                ws.write_string(r, c, str(value), style)
    for c, w in enumerate(sheet.widths):
        ws.set_column(c, c, w)
    ws.freeze_panes(*sheet.freeze)
    if sheet.autofilter:
        ws.autofilter(sheet.autofilter[0] - 1, 0, sheet.autofilter[1] - 1, len(sheet.widths) - 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.activate()


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
