"""The audit's workbooks as Excel and LibreOffice users meet them: Annex A and the
summary as real tables, and annotated copies that keep the analyst's formatting."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
from openpyxl.styles import Font, PatternFill
from typer.testing import CliRunner

from se_graph.cli import app
from tests.audit.conftest import sheets_as_csv, soffice_convert
from tests.builders import DEVICES, EXCLUDED_FIELDS, STATUS_FIELDS, row_child, row_tested
from se_graph.model.fields import FIELD_HEADERS


def audit(paths, out, *extra):
    result = CliRunner().invoke(app, ["audit", *map(str, paths), "-o", str(out), *extra])
    assert result.exit_code in (0, 1), result.output
    return result


def analyst_book(path, fields, rows, *, sheet="Data"):
    """A workbook as an analyst keeps it: a cover sheet, a title row, a bold filled
    header, set widths, a number format on Installations, frozen panes."""
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Cover"
    cover.append(["Cohort", "MOC Secure"])
    ws = book.create_sheet(sheet)
    ws.append(["SMETS1 list kept by hand"])
    ws.append([FIELD_HEADERS[f] for f in fields])
    for cell in ws[2]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
    for r in rows:
        ws.append([r.get(f) for f in fields])
    installs = fields.index("installs") + 1
    for row in ws.iter_rows(min_row=3, min_col=installs, max_col=installs):
        row[0].number_format = "#,##0"
    ws.column_dimensions["A"].width = 13
    ws.column_dimensions["B"].width = 31
    ws.freeze_panes = "B3"
    book.active = 1
    book.save(path)
    return path


def test_annex_a_and_summary_workbooks(tmp_path):
    bad = row_child("000012", "000404", "Active", installs=77, devices=231)
    from tests.builders import excluded, status_list

    inputs = [status_list(tmp_path / "s.xlsx", [row_tested("000001", installs=100, devices=300)]),
              excluded(tmp_path / "e.xlsx", [row_child("000002", "000001", installs=5), bad])]
    audit(inputs, tmp_path / "out")
    book = openpyxl.load_workbook(tmp_path / "out" / "annex-a.xlsx")
    ws = book["Annex A"]
    header = [c.value for c in ws[3]]
    assert header[:4] == ["EPCL ID", "Cohort", "Installation Status", "Group"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=4) if r[0].value and r[0].value.isdigit()}
    assert set(rows) == {"000001", "000002", "000012"}
    one = rows["000001"]
    assert one[0].data_type == "s" and one[0].number_format == "@"
    assert one[header.index("Installs")].value == 100 and one[header.index("Device count")].value == 300
    assert rows["000002"][header.index("Device count derived")].value == "yes"
    assert rows["000012"][header.index("Qualifies")].value.startswith("NO")
    assert rows["000012"][0].fill.fgColor.rgb.endswith("F8CBAD") and one[0].fill.fill_type is None
    assert ws.freeze_panes == "B4" and ws.auto_filter.ref.startswith("A3:")
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$1:$3"
    assert not [c for r in ws.iter_rows() for c in r if c.data_type == "f"]
    summary = openpyxl.load_workbook(tmp_path / "out" / "summary.xlsx")
    assert summary.sheetnames == ["Summary", "Not qualifying"]
    nq = [[c.value for c in r] for r in summary["Not qualifying"].iter_rows(min_row=3)]
    assert nq[0][:3] == ["000012", 2, 77]
    numbers = [c.value for r in summary["Summary"].iter_rows() for c in r if isinstance(c.value, int)]
    assert 100 in numbers  # the Dormant tested installs, a number

    # LibreOffice reads what Excel would: ids keep their zeros, counts are numbers
    read = {}
    for name in ("annex-a.xlsx", "summary.xlsx"):
        read[name] = sheets_as_csv(tmp_path / "out" / name, tmp_path)
        assert read[name]
        pdf = soffice_convert(tmp_path / "out" / name, "pdf", tmp_path / "pdf", tmp_path / "lo")
        assert pdf[0].stat().st_size > 1000
    lines = list(csv.reader(io.StringIO(next(iter(read["annex-a.xlsx"].values())))))
    table = {r[0]: r for r in lines if r and r[0].isdigit()}
    assert table["000001"][header.index("Installs")] == "100"


def test_annex_csv_is_machine_output(tmp_path):
    from tests.builders import excluded, status_list

    pending = {**row_tested("000003"), "dmct_status": "In Test", "test_report": None}  # requested, in no group
    inputs = [status_list(tmp_path / "s.xlsx", [row_tested("000001", installs=1500), pending]),
              excluded(tmp_path / "e.xlsx", [row_child("000002", "000404", installs=3)])]
    audit(inputs, tmp_path / "out")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "annex-a.csv").read_text())))
    broken = next(r for r in rows if r["EPCL ID"] == "000003")
    assert broken["Group"] == "" and "'-" not in (tmp_path / "out" / "annex-a.csv").read_text()
    assert rows[0]["Installs"] == "1500" and rows[0]["Device count"].isdigit()
    assert {r["Device count derived"] for r in rows} <= {"yes", "no"}


def test_annotated_copy_keeps_the_analysts_formatting(tmp_path):
    status_fields = [f for f in STATUS_FIELDS if f != "cohort"]
    excl_fields = [f for f in EXCLUDED_FIELDS if f != "cohort"]
    s = analyst_book(tmp_path / "s.xlsx", status_fields, [row_tested("000001", installs=1200, devices=3600)])
    # 000002: CHF model differs from its parent (an error) and an unknown reason (a warning) on one row
    kids = [row_child("000002", "000001", installs=7, **{"CHF.model": "SKU9"}),
            {**row_child("000003", "000001", installs=4), "exclusion_reason": "Legacy meter"}]
    e = analyst_book(tmp_path / "e.xlsx", excl_fields, kids)
    before = {p: p.read_bytes() for p in (s, e)}
    audit([s, e], tmp_path / "out")
    assert {p: p.read_bytes() for p in (s, e)} == before
    out = tmp_path / "out" / "e.annotated.xlsx"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Findings", "Cover", "Data"] and book.active.title == "Findings"
    findings = [[c.value for c in r] for r in book["Findings"].iter_rows(min_row=3)]
    severities = [r[0] for r in findings]
    assert severities == sorted(severities, key=["error", "warning"].index) and "warning" in severities
    for r in book["Findings"].iter_rows(min_row=3):
        target = r[2].hyperlink.location
        sheet, cell = target.rsplit("!", 1)
        assert sheet == "'Data'" and book["Data"][cell].row in (3, 4, 5)
    ws = book["Data"]
    assert ws.freeze_panes == "B3"
    assert ws.column_dimensions["A"].width == 13 and ws.column_dimensions["B"].width == 31
    assert ws["A2"].font.b and ws["A2"].fill.fgColor.rgb.endswith("1F4E78")
    inst = [c.value for c in ws[2]].index("Installations") + 1
    assert ws.cell(3, inst).number_format == "#,##0" and ws.cell(3, inst).value == 7
    header = [c.value for c in ws[2]]
    fcol = header.index("se-graph findings") + 1
    assert ws.cell(2, fcol).font.b  # styled like the analyst's header
    text = ws.cell(3, fcol).value
    assert text.startswith("ERROR") and ws.cell(3, fcol).alignment.wrap_text
    assert ws.row_dimensions[3].height >= 30 and ws.column_dimensions[ws.cell(2, fcol).column_letter].width >= 60
    chf = ws.cell(3, header.index("CHF Model") + 1)
    assert chf.fill.fgColor.rgb.endswith("F8CBAD") and chf.value == "SKU9" and not chf.font.b
    untouched = ws.cell(4, 1)
    assert untouched.value == "000003" and untouched.fill.fill_type is None
    # the rest of the package is the analyst's own, byte for byte
    with zipfile.ZipFile(e) as a, zipfile.ZipFile(out) as b:
        same = [n for n in a.namelist() if n.startswith("xl/theme") or n.startswith("docProps")]
        assert all(a.read(n) == b.read(n) for n in same)
    sheets = sheets_as_csv(out, tmp_path)
    assert set(sheets) == {"Findings", "Cover", "Data"}
    assert sheets["Findings"].index("error") < sheets["Findings"].index("warning")
    assert soffice_convert(out, "pdf", tmp_path / "pdf", tmp_path / "lo")


def test_ods_input_gets_a_fresh_annotated_xlsx(tmp_path):
    import pandas as pd

    frame = pd.DataFrame([{"EPCL ID": "000001", "Installation Status": "Dormant", "CHF Model": "SKU1",
                           "CHF Firmware": "1.0", "DMCT Status": "Tested", "Test Completion Report": "R1",
                           "Cohort": "FOC", "Installations": 5, "EPCL Report": 3},
                          {"EPCL ID": "000002", "Installation Status": "Dormant", "CHF Model": "SKU1",
                           "CHF Firmware": "1.0", "DMCT Status": "Tested", "Test Completion Report": None,
                           "Cohort": "FOC", "Installations": 5, "EPCL Report": 3}])
    path = tmp_path / "sl.ods"
    frame.to_excel(path, engine="odf", index=False)
    audit([path], tmp_path / "out")
    out = tmp_path / "out" / "sl.annotated.xlsx"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Findings" and len(book.sheetnames) == 2
    assert book.worksheets[1].freeze_panes == "A2"
    assert sheets_as_csv(out, tmp_path)


def test_no_cell_text_becomes_a_formula_in_any_workbook(tmp_path):
    from tests.builders import excluded, status_list

    evil = '=HYPERLINK("http://example.com","x")'
    inputs = [status_list(tmp_path / "s.xlsx", [row_tested("000001", test_report=evil)]),
              excluded(tmp_path / "e.xlsx", [row_child("000002", "000001", **{**DEVICES, "CHF.model": evil})])]
    from tests.audit.test_audit import as_text

    audit([as_text(p) for p in inputs], tmp_path / "out")
    for path in (tmp_path / "out").glob("*.xlsx"):
        book = openpyxl.load_workbook(path)
        formulas = [c.coordinate for ws in book.worksheets for r in ws.iter_rows() for c in r if c.data_type == "f"]
        assert not formulas, path.name
    texts = [c.value for r in openpyxl.load_workbook(tmp_path / "out" / "annex-a.xlsx")["Annex A"].iter_rows()
             for c in r]
    assert any(isinstance(t, str) and evil in t for t in texts)


def test_a_macro_workbook_stays_one_and_a_plain_one_named_xlsm_does_not(tmp_path):
    from tests.builders import status_list

    plain = status_list(tmp_path / "plain.xlsm", [row_tested("000001")])
    macro = status_list(tmp_path / "macro.xlsx", [row_tested("000002")])
    # give the second the macro-enabled workbook type (the part Excel keys on) and the .xlsm name
    with zipfile.ZipFile(macro) as src, zipfile.ZipFile(tmp_path / "macro.xlsm", "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            dst.writestr(item, data)
    macro.unlink()
    audit([plain, tmp_path / "macro.xlsm"], tmp_path / "out")
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"plain.annotated.xlsx", "macro.annotated.xlsm"} <= names
    with zipfile.ZipFile(tmp_path / "out" / "macro.annotated.xlsm") as copy:
        assert b"macroEnabled" in copy.read("[Content_Types].xml")
    assert openpyxl.load_workbook(tmp_path / "out" / "macro.annotated.xlsm").sheetnames[0] == "Findings"


def test_every_part_of_a_patched_copy_is_well_formed_xml(tmp_path):
    import defusedxml.ElementTree as ET
    from tests.builders import excluded, status_list

    inputs = [status_list(tmp_path / "s.xlsx", [row_tested("000001")]),
              excluded(tmp_path / "e.xlsx", [row_child("000002", "000404"), row_child("000003", "000001")])]
    audit(inputs, tmp_path / "out")
    for name in ("s.annotated.xlsx", "e.annotated.xlsx", "annex-a.xlsx", "summary.xlsx"):
        with zipfile.ZipFile(tmp_path / "out" / name) as book:
            assert book.testzip() is None
            for part in book.namelist():
                if part.endswith((".xml", ".rels")):
                    ET.fromstring(book.read(part))  # raises on malformed XML


def test_a_package_the_editor_declines_is_rewritten(tmp_path):
    """Rows without their reference (legal, rare): the copy is written afresh, still whole."""
    import re
    from tests.builders import excluded

    made = excluded(tmp_path / "made.xlsx", [row_child("000002", "000404")])
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(tmp_path / "e.xlsx", "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<row r="\d+"', b"<row", data)
            dst.writestr(item, data)
    made.unlink()
    audit([tmp_path / "e.xlsx"], tmp_path / "out")
    book = openpyxl.load_workbook(tmp_path / "out" / "e.annotated.xlsx")
    assert book.sheetnames[0] == "Findings" and book.properties.title == "Annotated by se-graph"  # the rewrite
    assert any("000404" in str(c.value) for r in book["Findings"].iter_rows() for c in r)
    data = book[book.sheetnames[1]]
    assert any(c.value == "se-graph findings" for r in data.iter_rows() for c in r)


def test_the_new_sheet_declares_its_relationship_prefix_wherever_the_input_does(tmp_path):
    """openpyxl with lxml declares xmlns:r on each <sheet>, without it on the root:
    the Findings sheet's element must be well-formed in either workbook."""
    import re

    import defusedxml.ElementTree as ET
    from tests.builders import excluded

    ns = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    made = excluded(tmp_path / "made.xlsx", [row_child("000002", "000404")])
    for where in ("root", "sheet"):
        with zipfile.ZipFile(made) as src, zipfile.ZipFile(tmp_path / f"{where}.xlsx", "w") as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/workbook.xml":
                    data = data.replace(b" " + ns, b"")
                    if where == "root":
                        data = re.sub(rb"<workbook\b", b"<workbook " + ns, data, count=1)
                    else:
                        data = data.replace(b"<sheet ", b"<sheet " + ns + b" ")
                dst.writestr(item, data)
        audit([tmp_path / f"{where}.xlsx"], tmp_path / where)
        with zipfile.ZipFile(tmp_path / where / f"{where}.annotated.xlsx") as book:
            ET.fromstring(book.read("xl/workbook.xml"))  # raises on an undeclared prefix
        book = openpyxl.load_workbook(tmp_path / where / f"{where}.annotated.xlsx")
        assert book.sheetnames[0] == "Findings" and book.properties.title != "Annotated by se-graph"  # patched
