"""A device value Excel stored as a number is the other entry's text of the same
number: no device difference, a warning naming the cell and the fix.  On real
workbooks, read by each reader."""

import pytest

from se_graph.model import Location
from tests.builders import excluded, row_child, row_tested, status_list
from tests.checks.conftest import found

FIX = "format the column as Text in Excel and retype the value"


@pytest.fixture(params=["calamine", "openpyxl"])
def reader(request, monkeypatch):
    monkeypatch.setenv("SE_GRAPH_READER", request.param)
    return request.param


@pytest.mark.parametrize(("number", "text", "shown"), [(1.0, "1.0", "1"), (1.1, "1.10", "1.1"), (2, "2.00", "2"),
                                                       (1, "01", "1")])
def test_a_number_in_the_child_equal_to_the_parents_text_is_no_difference(check, reader, number, text, shown):
    a = check([row_tested("000001", **{"CHF.hardware": text})],
              [row_child("000002", "000001", **{"CHF.hardware": number})])
    assert found(a) == [("SG116", "000002")]
    (warning,) = a.findings
    assert warning.severity == "warning"
    assert warning.location.path.endswith(".xlsx") and warning.location.path.rsplit("/", 1)[-1].startswith("excluded-")
    assert (warning.location.sheet, warning.location.row, warning.location.column) == ("Data", 2, "CHF Hardware Version")
    assert warning.message == (
        f"Entry 000002: CHF Hardware Version holds the number {shown}, taken to equal the text '{text}' of its "
        f"parent 000001 (Excel stores '{text}' typed into a General cell as {shown}); {FIX}.")
    assert a["000002"].qualifies


def test_a_number_in_the_parent_is_named_where_it_stands(check, reader):
    a = check([row_tested("000001", **{"ESME.model": 110, "CHF.firmware": 1.0})],
              [row_child("000002", "000001", **{"ESME.model": "110.0"})])
    assert found(a) == [("SG116", "000001"), ("SG116", "000001")]
    said = {f.location.column: f.message for f in a.findings}
    assert {f.location.row for f in a.findings} == {2} and set(said) == {"ESME Model", "CHF Firmware Version"}
    assert "holds the number 110, taken to equal the text '110.0' of its child 000002" in said["ESME Model"]
    assert "holds the number 1, taken to equal the text '1.0' of its child 000002" in said["CHF Firmware Version"]


def test_text_against_text_is_compared_as_typed(check):
    a = check([row_tested("000001", **{"CHF.hardware": "1.0"})], [row_child("000002", "000001", **{"CHF.hardware": "1"})])
    assert found(a) == [("SG206", "000002")]
    assert "Excel" not in a.findings[0].message


def test_numbers_of_different_values_stay_a_difference(check):
    a = check([row_tested("000001", **{"CHF.hardware": "1.0"})], [row_child("000002", "000001", **{"CHF.hardware": 1.01})])
    assert found(a) == [("SG206", "000002")]


def test_a_covered_entry_finds_its_dormant_entry_through_a_number_cell(check, reader):
    dormant = row_tested("000001", **{"CHF.firmware": "1.10"})
    active = row_tested("000002", "Active", dmct_status="Covered by Dormant", test_report=None, sit_report="SIT v2",
                        **{"CHF.firmware": 1.1})
    a = check([dormant, active])
    assert found(a) == [("SG116", "000002")]
    assert a.graph.dormant == {"000002": "000001"}
    assert "its Dormant entry 000001" in a.findings[0].message


def test_an_upgrade_to_the_same_firmware_as_a_number_is_no_downgrade(check):
    target = row_tested("000001", **{"ESME.firmware": "2.30"})
    source = row_child("000002", None, exclusion_reason="Firmware Upgrade", upgrade_to="000001", target_fw="N",
                       epcl_report=None, **{"ESME.firmware": 2.3})
    a = check([target], [source])
    assert found(a) == [("SG116", "000002")]
    assert "its upgrade target 000001" in a.findings[0].message


def test_two_rows_of_one_id_do_not_conflict_over_a_number(check, reader):
    a = check([row_tested("000001", **{"CHF.hardware": 3})],
              [row_tested("000001", exclusion_reason="Other", **{"CHF.hardware": "3.0"})])
    codes = [code for code, _ in found(a)]
    assert "SG401" not in codes and codes.count("SG116") == 1
    (warning,) = [f for f in a.findings if f.code == "SG116"]
    assert "taken to equal the text '3.0' of its row in excluded-" in warning.message


def test_ods_number_cells_too(tmp_path):
    import pandas as pd

    from se_graph.assessment import assess

    def write(name, rows):
        path = tmp_path / name
        pd.DataFrame(rows).to_excel(path, engine="odf", index=False)
        return path

    common = {"Cohort": "FOC", "Installation Status": "Dormant", "CHF Manufacturer": "Toshiba", "CHF Model": "SKU1",
              "CHF Firmware Version": "1.0", "Installations": 5}
    parent = write("status.ods", [{"EPCL ID": "000001", **common, "CHF Hardware Version": "1.0",
                                   "DMCT Status": "Tested", "DMCT Test Completion Report": "R1"}])
    child = write("excluded.ods", [{"EPCL ID": "000002", **common, "CHF Hardware Version": 1.0,
                                    "Reason for Exclusion": "Substantive Equivalence", "Parent EPCL ID": "000001"}])
    a = assess([parent, child])
    assert found(a) == [("SG116", "000002")]
    assert a.findings[0].location == Location(str(child), "Sheet1", 2, "CHF Hardware Version")
