"""Malformed and malicious inputs, written deterministically.

    python -m tests.hostile.make_corpus DIR          # every case
    python -m tests.hostile.make_corpus DIR --small  # only the small ones (committed)

Each case is a function returning the bytes of one file; ``CASES`` maps file
names to them. The big ones (bombs, a million formatted rows) are cheap to make
because they are written compressed, and are only generated at test time.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from tests.builders import DEVICES, STATUS_FIELDS
from se_graph.model.fields import FIELD_HEADERS

HEADER = [FIELD_HEADERS[f] for f in STATUS_FIELDS]
GOOD = ["000001", "MOC Secure", "Dormant", DEVICES["CHF.manufacturer"], DEVICES["CHF.model"], DEVICES["CHF.firmware"],
        DEVICES["ESME.manufacturer"], DEVICES["ESME.model"], DEVICES["ESME.firmware"], None, None, None,
        None, None, None, "Tested", "DMCT report 1", None, None, "Y", None, 10, 20, 22]
FIXED = (2021, 12, 1, 0, 0, 0)


def _openpyxl(rows: list[list], *, sheet: str = "Data", edit=None) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if edit:
        edit(book, ws)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row(**changes) -> list:
    row = list(GOOD)
    for name, value in changes.items():
        row[STATUS_FIELDS.index(name)] = value
    return row


def _zip(parts: dict[str, bytes | str], level: int = 9) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode() if isinstance(data, str) else data)
    return buffer.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
           'Target="worksheets/sheet1.xml"/></Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?>{dtd}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Data{ent}" sheetId="1" r:id="rId1"/></sheets></workbook>')
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              "<sheetData>")
SHEET_TAIL = "</sheetData></worksheet>"


def _inline_row(r: int, values: list) -> str:
    cells = "".join(
        f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values) if v is not None
    )
    return f'<row r="{r}">{cells}</row>'


def _raw_xlsx(sheet_xml: str | bytes, *, dtd: str = "", ent: str = "", level: int = 9) -> bytes:
    return _zip({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "xl/_rels/workbook.xml.rels": WB_RELS,
                 "xl/workbook.xml": WORKBOOK.format(dtd=dtd, ent=ent), "xl/worksheets/sheet1.xml": sheet_xml}, level)


def _header_sheet(extra_rows: str = "") -> str:
    head = ["EPCL ID", "Installation Status", "DMCT Status", "CHF Model", "CHF Firmware Version"]
    return SHEET_HEAD + _inline_row(1, head) + extra_rows + SHEET_TAIL


# ---- the small cases -------------------------------------------------------------

def good() -> bytes:
    return _openpyxl([HEADER, GOOD])


SMALL = {
    "truncated.xlsx": lambda: good()[: len(good()) // 2],
    "truncated-tail.xlsx": lambda: good()[:-40],
    "csv-renamed.xlsx": lambda: ("\n".join(",".join(str(c or "") for c in r) for r in [HEADER, GOOD])).encode(),
    "csv-utf16-renamed.xlsx": lambda: "EPCL ID,Installation Status\n000001,Active\n".encode("utf-16"),
    "html-renamed.xlsx": lambda: b"<html><body><table><tr><td>EPCL ID</td></tr></table></body></html>",
    "legacy-xls-renamed.xlsx": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"Workbook" + bytes(1000),
    "encrypted.xlsx": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(512),
    "empty-file.xlsx": lambda: b"",
    "png-renamed.xlsx": lambda: b"\x89PNG\r\n\x1a\n" + bytes(64),
    "pdf-renamed.xlsx": lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n",
    "gzip-renamed.xlsx": lambda: b"\x1f\x8b\x08\x00" + bytes(32),
    "empty-zip.xlsx": lambda: _zip({}),
    "docx-renamed.xlsx": lambda: _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
    "zip-path-traversal.xlsx": lambda: _zip({"../../evil.xml": "<x/>", "[Content_Types].xml": "<Types/>"}),
    "malformed-sheet-xml.xlsx": lambda: _raw_xlsx(SHEET_HEAD + '<row r="1"><c r="A1" t="inlineStr"><is><t>EPCL'),
    "missing-sheet-part.xlsx": lambda: _zip({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS,
                                             "xl/_rels/workbook.xml.rels": WB_RELS,
                                             "xl/workbook.xml": WORKBOOK.format(dtd="", ent="")}),
    "empty-workbook.xlsx": lambda: _openpyxl([]),
    "only-header.xlsx": lambda: _openpyxl([HEADER]),
    "header-no-data-sheet.xlsx": lambda: _openpyxl([["Cover"], ["Cohort", "FOC"], ["Nothing to see here"]]),
    "header-too-low.xlsx": lambda: _openpyxl([[None]] * 40 + [HEADER, GOOD]),
    "required-column-missing.xlsx": lambda: _openpyxl([HEADER[:1] + HEADER[3:], GOOD[:1] + GOOD[3:]]),
    "duplicated-headers.xlsx": lambda: _openpyxl([HEADER + ["EPCL ID", "DMCT Status"], GOOD + ["000009", "Failed"]]),
    "merged-header-cells.xlsx": lambda: _openpyxl(
        [["EPCL ID", "Installation Status", "DMCT Status", "CHF", None, "ESME", None],
         [None, None, None, "Model", "Firmware Version", "Model", "Firmware Version"],
         ["000001", "Dormant", "Tested", "SKU1", "1.0", "Liberty 110", "2.3"]],
        edit=lambda book, ws: (ws.merge_cells("D1:E1"), ws.merge_cells("F1:G1"), ws.merge_cells("A1:A2"))),
    "formulas-without-values.xlsx": lambda: _openpyxl([HEADER, _row(entry_id="=A1", installs="=1/0", devices="=SUM(W1:W9)")]),
    "error-cells.xlsx": lambda: _openpyxl([HEADER, _row(installs="#DIV/0!")],
                                          edit=lambda book, ws: setattr(ws["W2"], "data_type", "e")),
    "dates-as-ids.xlsx": lambda: _openpyxl([HEADER, _row(entry_id=__import__("datetime").datetime(2021, 3, 8))]),
    "booleans-as-ids.xlsx": lambda: _openpyxl([HEADER, _row(entry_id=True), _row(entry_id=False)]),
    "floats-as-ids.xlsx": lambda: _openpyxl([HEADER, _row(entry_id=2255.5), _row(entry_id=1e12), _row(entry_id=-3)]),
    "odd-id-strings.xlsx": lambda: _openpyxl([HEADER] + [_row(entry_id=v) for v in
                                             ("1e5", "0x10", "00-12-34", " 001234 ", "1234567", "١٢٣٤", "００１２３４")]),
    "unicode-everywhere.xlsx": lambda: _openpyxl([HEADER, _row(**{"CHF.model": "SKU\u202e1\u200b", "cohort": "MOC \U0001f600",
                                                                 "ESME.manufacturer": "Sécure\u0000".replace("\u0000", "")})]),
    "long-cells.xlsx": lambda: _openpyxl([HEADER, _row(**{"CHF.model": "M" * 10_000, "test_report": "R" * 10_000,
                                                          "cohort": "C" * 10_000})]),
    # control characters as the OOXML escapes a writer would use
    "control-characters.xlsx": lambda: _raw_xlsx(_header_sheet(
        _inline_row(2, ["000001", "Dormant", "Tes_x0008_ted", "SKU_x0007__x001B_[31m1", "1.0_x0000_"]))),
    "bad-counts.xlsx": lambda: _openpyxl([HEADER] + [_row(entry_id=f"00000{i}", installs=v) for i, v in
                                         enumerate(("-5", 2.5, "many", float("inf")), start=1)]),
    "nan-counts.xlsx": lambda: _openpyxl([HEADER, _row(installs=float("nan"))]),
    "unknown-vocabulary.xlsx": lambda: _openpyxl([HEADER, _row(install_status="Zombie", dmct_status="Maybe", target_fw="Perhaps")]),
    "formula-text-cells.xlsx": lambda: _openpyxl([HEADER, _row(**{"CHF.model": "+cmd|' /C calc'!A0", "test_report": "@SUM(1+1)"})]),
    "html-in-cells.xlsx": lambda: _openpyxl([HEADER, _row(**{"CHF.model": '<img src=x onerror="alert(1)">',
                                                             "cohort": "</script><script>alert(2)</script>"})]),
    "totals-and-notes.xlsx": lambda: _openpyxl([HEADER, GOOD, ["Grand Total"] + [None] * 20 + [10], [],
                                                ["Notes: figures are provisional"]]),
    "wide-sheet.xlsx": lambda: _raw_xlsx(_header_sheet('<row r="2"><c r="XFD2" t="inlineStr"><is><t>far</t></is></c></row>')),
    "sheet-name-odd.xlsx": lambda: _openpyxl([HEADER, GOOD], sheet="<b>'Data' & ≠ é"),
    "ods-renamed.xlsx": lambda: _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}),
    "self-parent.xlsx": lambda: _openpyxl([HEADER + ["Parent EPCL ID", "Reason for Exclusion"],
                                           GOOD[:15] + [None] * 9 + ["000001", "SE"]]),
}


# ---- the big ones: generated at test time ----------------------------------------

def zip_bomb() -> bytes:
    """A sheet part of 400 MB of blanks: a few hundred kB compressed."""
    blank = b" " * (1 << 20)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("xl/_rels/workbook.xml.rels", WB_RELS), ("xl/workbook.xml", WORKBOOK.format(dtd="", ent=""))):
            z.writestr(zipfile.ZipInfo(name, FIXED), data)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as part:
            part.write(SHEET_HEAD.encode())
            for _ in range(400):
                part.write(blank)
            part.write(SHEET_TAIL.encode())
    return buffer.getvalue()


def entity_bomb() -> bytes:
    """Billion laughs in the workbook part."""
    lol = "".join(f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10 if i else "lol"}">' for i in range(10))
    return _raw_xlsx(_header_sheet(), dtd=f"<!DOCTYPE workbook [{lol}]>", ent="&lol9;")


def sheet_entity_bomb() -> bytes:
    lol = "".join(f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10 if i else "lol"}">' for i in range(10))
    sheet = (f'<?xml version="1.0"?><!DOCTYPE worksheet [{lol}]>'
             + SHEET_HEAD.split("?>", 1)[1] + _inline_row(1, ["EPCL ID", "&lol9;"]) + SHEET_TAIL)
    return _raw_xlsx(sheet)


def million_formatted_rows() -> bytes:
    rows = "".join(f'<row r="{r}" s="1" customFormat="1" ht="15" customHeight="1"/>' for r in range(3, 1_000_003))
    return _raw_xlsx(_header_sheet(_inline_row(2, ["000001", "Dormant", "Tested", "SKU1", "1.0"]) + rows))


BIG = {
    "zip-bomb.xlsx": zip_bomb,
    "entity-bomb-workbook.xlsx": entity_bomb,
    "entity-bomb-sheet.xlsx": sheet_entity_bomb,
    "million-formatted-rows.xlsx": million_formatted_rows,
}
CASES = {**SMALL, **BIG}
# made once and committed, not by this script: a real BIFF8 .xls (the `good()`
# workbook saved by LibreOffice: soffice --headless --convert-to xls) renamed .xlsx
MADE_ONCE = ["legacy-xls-real-renamed.xlsx"]


def write(folder: Path, small_only: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in (SMALL if small_only else CASES).items():
        path = folder / name
        path.write_bytes(make())
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "corpus"
    for p in write(target, small_only="--small" in sys.argv):
        print(p)
