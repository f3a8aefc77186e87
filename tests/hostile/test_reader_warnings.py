"""What a reader says while reading: a value it could not keep becomes a located
finding (SG115); its other notes stay out of sight unless --debug asks for them.
In real processes, through the openpyxl reader that says them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl

from tests.builders import row_tested, status_list


def validate(path: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "se_graph", "validate", str(path), "--format", "json", *extra],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "SE_GRAPH_READER": "openpyxl"})


def test_a_date_cell_past_the_last_date_is_a_located_finding(tmp_path):
    path = status_list(tmp_path / "dates.xlsx", [row_tested("000001", installs=5), row_tested("000002", installs=7)])
    book = openpyxl.load_workbook(path)
    sheet = book.active
    column = [c.value for c in sheet[1]].index("Installations") + 1
    cell = sheet.cell(row=3, column=column)
    cell.value, cell.number_format = 1e20, "yyyy-mm-dd"
    book.save(path)
    done = validate(path)
    assert done.stderr == ""
    found = [f for f in json.loads(done.stdout)["findings"] if f["code"] == "SG115"]
    letter = cell.column_letter
    assert [(f["severity"], f["location"]["sheet"], f["location"]["row"]) for f in found] == [("warning", "Data", 3)]
    assert found[0]["message"] == (f"Cell {letter}3 is formatted as a date but holds 1e+20, outside the dates a "
                                   "workbook can hold; it was read as an error, not as its value.")


def test_notes_that_change_no_value_stay_out_of_sight(tmp_path):
    """A workbook whose styles part defines no style: openpyxl warns that it applies its own."""
    source = status_list(tmp_path / "styled.xlsx", [row_tested("000001")])
    path = tmp_path / "unstyled.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/styles.xml":
                data = b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
            out.writestr(info, data)
    quiet = validate(path)
    assert quiet.returncode == 0 and quiet.stderr == "", quiet.stderr
    report = json.loads(quiet.stdout)
    assert report["findings"] == [] and report["stats"]["entries"] == 1
    debug = validate(path, "--debug")
    assert "no stylesheet" in debug.stderr
    assert json.loads(debug.stdout)["stats"]["entries"] == 1
