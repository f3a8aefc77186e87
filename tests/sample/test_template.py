"""The template: filled in through LibreOffice as a user types, it reads back with
no false finding; its drop-downs offer only words the reader knows; its cohort
cell is the one the reader uses; its example row is never an entry."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from se_graph.assessment import assess
from se_graph.model.fields import DMCT_STATUS_WORDS, EXCLUSION_REASON_WORDS, FIELD_HEADERS, INSTALL_STATUSES
from se_graph.sample import write_template
from se_graph.sample.template import CHOICES
from tests.browser.conftest import need

HERE = Path(__file__).resolve().parent
DEVICES = {
    "CHF Manufacturer": "Toshiba", "CHF Model": "SKU1", "CHF Hardware Version": "1.0", "CHF Firmware Version": "0x01A2",
    "ESME Manufacturer": "Secure Meters", "ESME Model": "Liberty 110", "ESME Hardware Version": "2",
    "ESME Firmware Version": "1.10",
    "GSME Manufacturer": "Secure Meters", "GSME Model": "Europa G4", "GSME Firmware Version": "01.04",
}
# Each cell as the user types it: ids with and without leading zeros, versions
# that a General cell turns into numbers (1.10 -> 1.1, 01.04 -> 1.04).
TESTED = [
    {"EPCL ID": "002257", "DMC ID": "DMC-0007", "Installation Status": "Dormant", **DEVICES,
     "DMCT Status": "Tested", "DMCT Test Completion Report": "DMCT TCR 0257", "Target FW": "Y",
     "Installations": "1520", "EPCL Report": "22"},
    {"EPCL ID": "200001", "DMC ID": "DMC-0008", "Installation Status": "Dormant", **DEVICES,
     "ESME Model": "Liberty 115", "DMCT Status": "Tested", "DMCT Test Completion Report": "DMCT TCR 0258",
     "Target FW": "Y", "Installations": "310", "EPCL Report": "22"},
]
EXCLUDED = [
    {"EPCL ID": "200002", "DMC ID": "DMC-0008", "Installation Status": "Dormant", **DEVICES,
     "ESME Model": "Liberty 115", "ESME Firmware Version": "1.20", "Reason for Exclusion": "Substantive Equivalence",
     "Parent EPCL ID": "200001", "Target FW": "Y", "Installations": "12", "EPCL Report": "22",
     "Rationale": "As 200001 but ESME firmware 1.20."},
    {"EPCL ID": "002258", "DMC ID": "DMC-0007", "Installation Status": "Dormant", **DEVICES,
     "CHF Firmware Version": "0x01A3", "Reason for Exclusion": "Substantive Equivalence",
     "Parent EPCL ID": "002257", "Target FW": "Y", "Installations": "7", "EPCL Report": "22",
     "Rationale": "As 002257 but CHF firmware 0x01A3."},
]


def uno_python() -> str:
    """A Python with LibreOffice's uno module (the system one on Debian: python3-uno)."""
    for candidate in ("/usr/bin/python3", "/usr/lib/libreoffice/program/python"):
        if os.path.exists(candidate) and subprocess.run([candidate, "-c", "import uno"],
                                                        capture_output=True).returncode == 0:
            return candidate
    if os.environ.get("SE_GRAPH_REQUIRE_BROWSER") == "1":
        pytest.fail("python3-uno is required (SE_GRAPH_REQUIRE_BROWSER=1) to drive LibreOffice")
    pytest.skip("no Python with LibreOffice's uno module (install python3-uno)")


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """The templates typed into in LibreOffice and saved as .xlsx and .ods; and the
    same typing into the old General-formatted lists, for contrast."""
    soffice = need("soffice")
    python = uno_python()
    tmp = tmp_path_factory.mktemp("lo")
    status, excluded = write_template(tmp / "template")
    books = []
    for style, general in (("text", False), ("general", True)):
        for template, rows, name in ((status, TESTED, "status"), (excluded, EXCLUDED, "excluded")):
            save = [str(tmp / style / f"{name}.xlsx")] + ([str(tmp / "ods" / f"{name}.ods")] if not general else [])
            books.append({"template": str(template), "rows": rows, "save": save, "general": general})
    for folder in ("text", "general", "ods"):
        (tmp / folder).mkdir()
    out = {}
    for general in (False, True):
        job = {"soffice": soffice, "profile": str(tmp / "profile"), "pipe": f"sg{uuid.uuid4().hex}",
               "cohort": "FOC", "general": general, "books": [b for b in books if b["general"] == general]}
        (tmp / "job.json").write_text(json.dumps(job))
        done = subprocess.run([python, str(HERE / "lo_fill.py"), str(tmp / "job.json")],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    for folder in ("text", "general", "ods"):
        out[folder] = sorted((tmp / folder).iterdir())
    return out


@pytest.mark.parametrize("folder", ["text", "ods"])
def test_template_filled_in_libreoffice_validates_with_no_finding(filled, folder):
    assert len(filled[folder]) == 2
    a = assess(filled[folder])
    assert [(f.code, f.message) for f in a.findings] == []
    assert sorted(a.verdicts) == ["002257", "002258", "200001", "200002"]
    assert {v.cohort for v in a.verdicts.values()} == {"FOC"}, "the Cover sheet's Cohort cell is read"
    assert all(v.qualifies for v in a.verdicts.values())
    esme = a.graph.entries["200001"].device("ESME")
    assert (esme.firmware, esme.hardware) == ("1.10", "2"), "versions stay as typed"
    assert a.graph.entries["200001"].installs == 310, "counts are numbers"


def test_the_same_typing_into_general_cells_is_what_the_text_format_prevents(filled):
    """The control: without the text format LibreOffice stores 200001 as a number
    and 1.10 as 1.1, which is what the template exists to prevent."""
    a = assess(filled["general"])
    codes = Counter(f.code for f in a.findings)
    assert codes["SG101"] >= 3, codes
    assert a.graph.entries["200001"].device("ESME").firmware != "1.10"


def test_dropdowns_offer_only_words_the_reader_knows(tmp_path):
    vocabulary = {
        "install_status": set(INSTALL_STATUSES),
        "dmct_status": set(DMCT_STATUS_WORDS),
        "exclusion_reason": set(EXCLUSION_REASON_WORDS),
        "target_fw": {"y", "n"},
    }
    found = {}
    for path in write_template(tmp_path):
        ws = openpyxl.load_workbook(path).worksheets[1]
        header = {cell.column_letter: cell.value for cell in ws[4]}
        for dv in ws.data_validations.dataValidation:
            if dv.type == "list":
                column = str(dv.sqref).split(":")[0].rstrip("0123456789")
                found[header[column]] = dv.formula1.strip('"').split(",")
    assert set(found) == {FIELD_HEADERS[name] for name in CHOICES}
    for name, items in CHOICES.items():
        assert found[FIELD_HEADERS[name]] == items
        assert {item.casefold() for item in items} <= vocabulary[name], name


def test_template_layout_ids_as_text_freeze_panes_and_cover(tmp_path):
    status, excluded = write_template(tmp_path)
    book = openpyxl.load_workbook(excluded)
    assert book.sheetnames == ["Cover", "Excluded from DMCT", "Notes"]
    cover, ws = book["Cover"], book["Excluded from DMCT"]
    assert cover["A4"].value == "Cohort" and cover["B4"].value is None
    assert cover["A5"].value is None and cover["A6"].value is None, "nothing under the label"
    assert ws.freeze_panes == "B5"
    header = [c.value for c in ws[4]]
    for name in ("EPCL ID", "Parent EPCL ID", "FW Upgrade To", "ESME Firmware Version"):
        column = header.index(name) + 1
        spans = [d for d in ws.column_dimensions.values() if d.min <= column <= d.max]
        assert [d.number_format for d in spans] == ["@"], name
    assert ws["A5"].value.startswith("e.g."), "the example row is marked"
    assert not any("<cohort>" in str(c.value) for row in ws.iter_rows(max_row=3) for c in row)


def test_blank_template_and_its_example_rows_read_as_nothing(tmp_path):
    a = assess(write_template(tmp_path))
    assert a.findings == [] and a.verdicts == {}


def test_a_cohort_left_blank_is_never_taken_from_a_neighbouring_cell(tmp_path):
    status, _ = write_template(tmp_path)
    book = openpyxl.load_workbook(status)
    ws = book["DMCT Status List"]
    header = [c.value for c in ws[4]]
    for c, name in enumerate(header, start=1):
        if name in TESTED[0]:
            ws.cell(6, c, TESTED[0][name])
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    assert assess([filled])["002257"].cohort == "unknown"
    assert assess([filled], cohort="IOC")["002257"].cohort == "IOC"
    book["Cover"]["B4"] = "MOC Secure"
    book.save(filled)
    assert assess([filled], cohort="IOC")["002257"].cohort == "MOC Secure"
