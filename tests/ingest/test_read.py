"""Reading real workbooks written by openpyxl, xlsxwriter and odfpy (.ods)."""

import datetime as dt

import pytest

from se_graph.ingest import read_inputs
from se_graph.model.config import Config
from tests.builders import DEVICES, row_child, excluded, status_list, row_tested, write_rows

WRITERS = ["openpyxl", "xlsxwriter"]


def codes(result):
    return sorted(f.code for f in result.findings)


@pytest.mark.parametrize("writer", WRITERS)
def test_header_below_title_rows_on_a_later_sheet(tmp_path, writer):
    path = status_list(
        tmp_path / "sl.xlsx",
        [row_tested("002255")],
        title_rows=[["SMETS1 DMCT Status List"], ["Version 12.0"], []],
        extra_sheets={"Cover": [["Title"], [], ["Cohort", "MOC Secure"]]},
        writer=writer,
    )
    result = read_inputs([path])
    (table,) = result.tables
    assert (table.source.sheet, table.source.kind, table.source.header_row, table.rows) == ("Data", "status-list", 4, 1)
    (entry,) = result.entries
    assert entry.entry_id == "002255" and entry.row == 5
    assert entry.install_status == "dormant" and entry.dmct_status == "tested"
    assert [d.role for d in entry.devices] == ["CHF", "ESME", "GSME"]
    assert entry.installs == 100 and entry.epcl_report == 22 and entry.target_fw is True
    assert result.findings == []


@pytest.mark.parametrize("writer", WRITERS)
def test_id_stored_as_number_is_restored_with_a_warning(tmp_path, writer):
    path = status_list(tmp_path / "sl.xlsx", [row_tested(2255)], writer=writer)
    result = read_inputs([path])
    assert result.entries[0].entry_id == "002255"
    (finding,) = result.findings
    assert finding.code == "SG101"  # a warning: the checks resolve severities
    assert (finding.location.sheet, finding.location.row, finding.location.column) == ("Data", 2, "EPCL ID")
    assert "002255" in finding.message


def test_bad_ids_are_errors_that_name_the_cell(tmp_path):
    path = status_list(tmp_path / "sl.xlsx", [row_tested("12A45X"), row_tested(22.5), row_tested("1234567"), row_tested(True)])
    result = read_inputs([path])
    assert result.entries == []
    assert codes(result) == ["SG102"] * 4
    assert {f.location.row for f in result.findings} == {2, 3, 4, 5}


def test_ids_checked_in_one_pass_only_when_each_cell_is_six_ascii_digits(tmp_path):
    """A table whose ids are all six ASCII digits is read in one pass; a cell
    holding two ids on two lines, or digits isdigit() takes but the parser does
    not (superscripts), must not slip through that pass as ids."""
    for odd in ("123456\n654321", "12345\u00b2"):
        rows = [row_tested("002255"), row_tested(odd), row_tested("002256")]
        result = read_inputs([status_list(tmp_path / "sl.xlsx", rows)])
        assert [e.entry_id for e in result.entries] == ["002255", "002256"], odd
        assert codes(result) == ["SG102"], odd
        assert result.findings[0].location.row == 3
    clean = read_inputs([status_list(tmp_path / "clean.xlsx", [row_tested("002255"), row_tested("002256")])])
    assert [e.entry_id for e in clean.entries] == ["002255", "002256"] and clean.findings == []


def test_totals_row_and_notes_under_the_table_are_skipped_with_warnings(tmp_path):
    rows = [[ "002255", "Dormant", "SKU1", "1.0", "Tested", "R1", 10], [None] * 7,
            ["Grand Total", None, None, None, None, None, 10], ["Note: counts as at November 2021"]]
    path = write_rows(tmp_path / "sl.xlsx", ["EPCL ID", "Installation Status", "CHF Model", "CHF Firmware Version", "DMCT Status", "DMCT Test Completion Report", "Installations"], rows)
    result = read_inputs([path], cohort="FOC")
    assert [e.entry_id for e in result.entries] == ["002255"]
    assert codes(result) == ["SG107", "SG108"]


def test_absent_device_tokens(tmp_path):
    row = row_tested("002255")
    for token, role in zip(["N/A", "-", "None", "Not present", "n/a"], ["GSME", "IHD", "PPMID", "HCALCS", "ESME"]):
        row[f"{role}.model"] = token
        row[f"{role}.firmware"] = token
    path = status_list(tmp_path / "sl.xlsx", [row])
    (entry,) = read_inputs([path]).entries
    assert [d.role for d in entry.devices] == ["CHF"]


def test_present_device_without_firmware_is_an_error(tmp_path):
    path = status_list(tmp_path / "sl.xlsx", [row_tested("002255", **{"ESME.firmware": None})])
    result = read_inputs([path])
    (finding,) = result.findings
    assert finding.code == "SG109" and finding.location.column == "ESME Firmware Version"


def test_unknown_vocabulary_is_a_finding_never_a_crash(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001", install_status="Semi-Active", dmct_status="Awaiting Review")])
    ex = excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001", exclusion_reason="Legacy Stock")])
    result = read_inputs([sl, ex])
    assert codes(result) == ["SG103", "SG104", "SG105"]
    first = result.entries[0]
    assert first.install_status is None and first.dmct_status is None


@pytest.mark.parametrize("raw,expected", [("TESTED", "tested"), ("  test   complete ", "tested"), ("Clause 20.9", "covered"), ("In Progress", "pending"), ("Test Failed", "failed")])
def test_status_vocabulary_folds_case_and_spaces(tmp_path, raw, expected):
    path = status_list(tmp_path / "sl.xlsx", [row_tested("000001", dmct_status=raw)])
    assert read_inputs([path]).entries[0].dmct_status == expected


def test_bad_counts(tmp_path):
    path = status_list(tmp_path / "sl.xlsx", [row_tested("000001", installs=-3), row_tested("000002", installs=2.5), row_tested("000003", installs="1,234"), row_tested("000004", installs="lots")])
    result = read_inputs([path])
    assert [e.installs for e in result.entries] == [None, None, 1234, None]
    assert codes(result) == ["SG106"] * 3


def test_cohort_from_column_then_cover_sheet_then_option_then_unknown(tmp_path):
    no_cohort = row_tested("000001")
    del no_cohort["cohort"]
    cover = {"Cover": [["Cohort", "FOC"]]}
    path = status_list(tmp_path / "a.xlsx", [no_cohort], extra_sheets=cover)
    assert read_inputs([path]).entries[0].cohort == "FOC"
    # --cohort is a fallback: it never relabels an entry whose workbook gives a cohort
    assert read_inputs([path], cohort="IOC").entries[0].cohort == "FOC"
    assert read_inputs([status_list(tmp_path / "e.xlsx", [no_cohort])], cohort="IOC").entries[0].cohort == "IOC"
    assert read_inputs([status_list(tmp_path / "b.xlsx", [row_tested("000001")], extra_sheets=cover)]).entries[0].cohort == "MOC Secure"
    bare = read_inputs([status_list(tmp_path / "c.xlsx", [no_cohort])])
    assert bare.entries[0].cohort == "unknown" and codes(bare) == ["SG110"]
    inline = status_list(tmp_path / "d.xlsx", [no_cohort], title_rows=[["Cohort: MOC Secure"], []])
    assert read_inputs([inline]).entries[0].cohort == "MOC Secure"


def test_multi_sheet_workbook_reads_every_data_sheet(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Cover"
    one = book.create_sheet("Status")
    one.append(["EPCL ID", "Installation Status", "CHF Model", "CHF FW", "DMCT Status", "DMCT Report", "SMSO"])
    one.append(["000001", "Dormant", "SKU1", "1", "Tested", "R1", "FOC"])
    two = book.create_sheet("Excluded")
    two.append(["EPCL Entry ID", "Install Status", "Reason", "Equivalent To", "SMSO", "CH Model", "CH FW"])
    two.append(["000002", "Dormant", "SE", "000001", "FOC", "SKU1", "2"])
    book.save(tmp_path / "both.xlsx")
    result = read_inputs([tmp_path / "both.xlsx"])
    assert [(t.source.sheet, t.source.kind) for t in result.tables] == [("Status", "status-list"), ("Excluded", "excluded")]
    assert [e.parent_id for e in result.entries] == [None, "000001"]


def test_ods_written_by_odfpy(tmp_path):
    import pandas as pd

    frame = pd.DataFrame([{"EPCL ID": "000001", "Installation Status": "Dormant", "CHF Model": "SKU1", "CHF Firmware": "1.0",
                           "DMCT Status": "Tested", "Test Completion Report": "R1", "Cohort": "FOC", "Installations": 5}])
    path = tmp_path / "sl.ods"
    frame.to_excel(path, engine="odf", index=False, startrow=2)
    result = read_inputs([path])
    assert result.tables[0].source.header_row == 3
    assert [(e.entry_id, e.installs, e.test_report) for e in result.entries] == [("000001", 5, "R1")]


def test_dates_and_numbers_in_text_fields_become_text(tmp_path):
    path = status_list(tmp_path / "sl.xlsx", [row_tested("000001", **{"ESME.firmware": 2.5, "CHF.firmware": 3}, test_report_date=dt.datetime(2021, 11, 2))])
    entry = read_inputs([path]).entries[0]
    assert entry.device("ESME").firmware == "2.5" and entry.device("CHF").firmware == "3"
    assert entry.test_report_date == "2021-11-02"


def test_config_alias_reads_an_unknown_header(tmp_path):
    path = write_rows(tmp_path / "x.xlsx", ["Ref No", "Installation Status", "CHF Model", "CHF FW", "DMCT Status"], [["000001", "Active", "S", "1", "Pending"]])
    config = Config(aliases={"entry_id": ("Ref No",)})
    assert [e.entry_id for e in read_inputs([path], config, cohort="FOC").entries] == ["000001"]


def test_folder_input_reads_its_workbooks_in_name_order(tmp_path):
    status_list(tmp_path / "b.xlsx", [row_tested("000002")])
    status_list(tmp_path / "a.xlsx", [row_tested("000001")])
    (tmp_path / "notes.txt").write_text("ignored")
    result = read_inputs([tmp_path])
    assert [e.entry_id for e in result.entries] == ["000001", "000002"]
