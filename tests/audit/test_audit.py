"""The audit folder: every file, Annex A evidence, safe annotated workbooks, the
inputs untouched, identical bytes run to run, and the committed example fresh."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from se_graph.cli import app
from tests.audit.conftest import sheets_as_csv
from tests.builders import excluded, row_child, row_tested, status_list

ROOT = Path(__file__).resolve().parents[2]
FILES = {"summary.md", "summary.html", "summary.json", "summary.xlsx", "annex-a.md", "annex-a.html",
         "annex-a.csv", "annex-a.xlsx", "findings.json", "findings.md", "graph.html", "index.html"}
MARKDOWN = {"summary.md", "annex-a.md", "findings.md"}  # named on the page, not linked: a browser shows raw text
FORMULAS = ['=HYPERLINK("http://example.com","click")', "+1+2", "-3", "@SUM(A1)", "\t=1", "\r=2"]


def sha(paths):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def as_text(path: Path) -> Path:
    """Store cells that start with '=' as text, as a hand-typed list would ('=...' with a quote prefix)."""
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    book.save(path)
    return path


def audit(paths, out: Path, *extra):
    return CliRunner().invoke(app, ["audit", *map(str, paths), "-o", str(out), *extra])


def test_audit_writes_every_file_and_keeps_inputs(hand_worked, tmp_path):
    before = sha(hand_worked)
    result = audit(hand_worked, tmp_path / "out")
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert names == FILES | {".se-graph-audit", "status.annotated.xlsx", "excluded.annotated.xlsx"}
    assert sha(hand_worked) == before
    findings = json.loads((tmp_path / "out" / "findings.json").read_text())
    validate = CliRunner().invoke(app, ["validate", *map(str, hand_worked), "--format", "json"])
    assert findings == json.loads(validate.stdout)
    index = (tmp_path / "out" / "index.html").read_text()
    assert all(f'href="{name}"' in index for name in names - {"index.html", ".se-graph-audit"} - MARKDOWN)
    assert not any(f'href="{name}"' in index for name in MARKDOWN)


def test_annex_a_evidence(hand_worked, tmp_path):
    audit(hand_worked, tmp_path / "audit")
    rows = {r["EPCL ID"]: r for r in csv.DictReader(io.StringIO((tmp_path / "audit" / "annex-a.csv").read_text()))}
    assert list(rows) == ["000001", "000002", "000003", "000010", "000011"]
    assert rows["000001"]["Evidence"] == "DMCT report: DMCT report 000001"
    assert rows["000002"]["Basis"] == "Clause 20.9"
    assert rows["000002"]["Evidence"] == "Dormant 000001: DMCT report: DMCT report 000001; SIT report: SIT report 000002"
    assert rows["000011"]["Parent"] == "000002" and rows["000011"]["Root"] == "000002"
    assert rows["000011"]["Evidence"].startswith("root 000002 (Clause 20.9): Dormant 000001")
    assert rows["000010"]["Device count"] == "20" and rows["000010"]["Device count derived"] == "yes"
    assert rows["000001"]["Device count derived"] == "no" and rows["000001"]["Installs"] == "100"
    assert "(derived)" in (tmp_path / "audit" / "annex-a.md").read_text()  # the page for people says it in words
    assert rows["000001"]["Devices"].startswith("CHF: Toshiba SKU1 FW 1.0; ESME: ")  # role: maker model HW .. FW ..


def test_annotated_workbook_marks_failing_cells_and_writes_no_formula(tmp_path):
    parent = row_tested("000001", rationale=FORMULAS[0])
    kids = [row_child(f"00000{n}", "000001", rationale=text) for n, text in enumerate(FORMULAS[1:], start=2)]
    kids.append(row_child("000009", "000001", **{"CHF.model": "=CMD|' /C calc'!A0"}))
    inputs = [as_text(status_list(tmp_path / "s.xlsx", [parent], title_rows=[["Status List"]])),
              as_text(excluded(tmp_path / "e.xlsx", kids))]
    before = sha(inputs)
    result = audit(inputs, tmp_path / "out")
    assert result.exit_code == 1  # 000009's CHF model differs: SG206
    assert sha(inputs) == before
    book = openpyxl.load_workbook(tmp_path / "out" / "e.annotated.xlsx")
    ws = book["Data"]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"], "no formula may come from cell text"
    texts = {c.value for c in cells}
    assert set(FORMULAS[1:-1]) <= texts and "=CMD|' /C calc'!A0" in texts
    header = [c.value for c in ws[1]]
    assert header[-1] == "se-graph findings"
    bad_row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "000009")
    assert "SG206" in bad_row[-1].value
    chf = bad_row[header.index("CHF Model")]
    assert chf.fill.fgColor.rgb.endswith("F8CBAD")
    assert book.sheetnames[0] == "Findings" and ws.freeze_panes == "A2"  # left unfrozen: the header is frozen
    assert openpyxl.load_workbook(tmp_path / "out" / "s.annotated.xlsx")["Data"].freeze_panes == "A3"
    listed = {r[1].value: r[2] for r in book["Findings"].iter_rows(min_row=3)}
    assert listed["SG206"].hyperlink.location == f"'Data'!{chf.coordinate}"
    every = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in every if c.data_type == "f"]
    annex = (tmp_path / "out" / "annex-a.csv").read_text()
    assert not any(line.split(",")[-1].startswith(("=", "+", "-", "@")) for line in annex.splitlines())


def test_annotated_workbooks_open_in_libreoffice(tmp_path):
    inputs = [status_list(tmp_path / "s.xlsx", [row_tested("000001", rationale=FORMULAS[0])]),
              excluded(tmp_path / "e.xlsx", [row_child("000002", "000404")])]
    audit(inputs, tmp_path / "out")
    s = sheets_as_csv(tmp_path / "out" / "s.annotated.xlsx", tmp_path)
    assert set(s) == {"Findings", "Data"} and "000001" in s["Data"]
    e = sheets_as_csv(tmp_path / "out" / "e.annotated.xlsx", tmp_path)
    assert "000404" in e["Findings"] and "se-graph findings" in e["Data"]


def test_audit_is_byte_identical_across_runs(hand_worked, tmp_path):
    audit(hand_worked, tmp_path / "a")
    audit(hand_worked, tmp_path / "b")
    assert sha(sorted((tmp_path / "a").iterdir())) == sha(sorted((tmp_path / "b").iterdir()))


def test_unusable_input_exits_2(tmp_path):
    result = audit([tmp_path / "missing.xlsx"], tmp_path / "out")
    assert result.exit_code == 2 and not (tmp_path / "out").exists()


def test_committed_example_is_what_the_audit_writes(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    inputs = sorted((ROOT / "data" / "sample").glob("*.xlsx"))
    before = sha(inputs)
    result = audit(["data/sample"], tmp_path)
    assert result.exit_code == 0, result.output
    assert sha(inputs) == before
    example = ROOT / "reports" / "example"
    assert sha(sorted(example.iterdir())) == sha(sorted(tmp_path.iterdir())), (
        "reports/example is stale: regenerate it with `make example`")
