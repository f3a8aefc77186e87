"""Regression tests for behaviours that contradicted the clarified spec (sections 1
to 4), each found by the differential harness or by reading the spec again, and
each named after the behaviour it pins down."""

from __future__ import annotations

from se_graph.assessment import assess
from tests.builders import DEVICES, excluded, row_child, row_tested, status_list, write_rows
from tests.checks.conftest import found

SL = ["EPCL ID", "Cohort", "Installation Status", "CHF Manufacturer", "CHF Model", "CHF Firmware Version",
      "ESME Manufacturer", "ESME Model", "ESME Firmware Version", "DMCT Status", "DMCT Test Completion Report",
      "Target FW", "Installations"]
TESTED = ["000001", "MOC Secure", "Dormant", "Toshiba", "SKU1", "1.0", "Secure", "Liberty 110", "2.3", "Tested",
          "R1", "Y", 100]


def codes(assessment) -> list[tuple[str, str | None]]:
    return found(assessment)


def test_missing_hardware_columns_are_unknown_not_blank(tmp_path):
    # the Status List gives hardware versions; the schedule has no Hardware Version columns
    parent = status_list(tmp_path / "sl.xlsx", [row_tested("000001", **{"CHF.hardware": "B", "ESME.hardware": "2"})])
    child = excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001"),
                                            {**row_child("000003", None), "exclusion_reason": "FW Upgrade",
                                             "upgrade_to": "000001", "target_fw": "N", "ESME.firmware": "2.1",
                                             "epcl_report": None}])
    assert codes(assess([parent, child])) == []


def test_missing_device_columns_are_unknown_not_blank(tmp_path):
    parent = status_list(tmp_path / "sl.xlsx", [row_tested("000001")])
    bare = write_rows(tmp_path / "ex.xlsx", ["EPCL ID", "Cohort", "Installation Status", "Reason for Exclusion",
                                             "Parent EPCL ID", "FW Upgrade To"],
                      [["000002", "MOC Secure", "Dormant", "SE", "000001", None],
                       ["000003", "MOC Secure", "Dormant", "FW Upgrade", None, "000001"]])
    a = assess([parent, bare])
    assert codes(a) == [] and a["000002"].qualifies


def test_a_row_without_device_columns_does_not_conflict_with_one_that_has_them(tmp_path):
    # the Status List row names the same parent as the schedule: a blank Parent
    # EPCL ID there would be a difference (see the test below)
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"), {**row_tested("000002", "Active"),
                                            "dmct_status": "Excluded", "test_report": None,
                                            "parent_id": "000001"}])
    bare = write_rows(tmp_path / "ex.xlsx", ["EPCL ID", "Cohort", "Installation Status", "Reason for Exclusion",
                                             "Parent EPCL ID"], [["000002", "MOC Secure", "Active", "SE", "000001"]])
    assert codes(assess([sl, bare])) == []


def test_cover_sheet_after_the_data_sheet_gives_the_cohort(tmp_path):
    rows = [[c for h, c in zip(SL, TESTED) if h != "Cohort"]]
    header = [h for h in SL if h != "Cohort"]
    path = tmp_path / "sl.xlsx"
    import openpyxl

    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    data.append(header)
    data.append(rows[0])
    book.create_sheet("Cover").append(["Cohort:", "FOC"])
    book.save(path)
    assert assess([path])["000001"].cohort == "FOC"
    assert assess([path], cohort="IOC")["000001"].cohort == "FOC"


def test_cover_sheet_value_below_the_label(tmp_path):
    header = [h for h in SL if h != "Cohort"]
    path = write_rows(tmp_path / "sl.xlsx", header, [[c for h, c in zip(SL, TESTED) if h != "Cohort"]],
                      extra_sheets={"Cover": [["SMETS1 DMCT Status List"], ["Cohort"], ["MOC Secure"]]})
    assert assess([path])["000001"].cohort == "MOC Secure"


def test_unknown_cohort_is_never_a_cross_cohort_error(tmp_path):
    parent = status_list(tmp_path / "sl.xlsx", [row_tested("000001")])
    child = row_child("000002", "000001")
    del child["cohort"]
    kid = excluded(tmp_path / "ex.xlsx", [child])
    a = assess([parent, kid])
    assert a["000002"].cohort == "unknown" and ("SG205", "000002") not in codes(a)
    assert a["000002"].qualifies


def test_plural_headers_are_recognised(tmp_path):
    header = [h.replace("Installations", "Installation(s)") for h in SL] + ["No. of Device(s)"]
    path = write_rows(tmp_path / "sl.xlsx", header, [TESTED + [-5]])
    a = assess([path])
    assert a.graph.entries["000001"].installs == 100
    assert ("SG106", "000001") in codes(a)  # the negative device count is read, and reported


def test_a_column_that_matches_no_field_is_reported_with_the_nearest_header(tmp_path):
    path = write_rows(tmp_path / "sl.xlsx", SL + ["Instalations Count", "Weather"], [TESTED + [5, "sunny"]])
    a = assess([path])
    messages = [f.message for f in a.findings if f.code == "SG114"]
    assert len(messages) == 2
    assert "'Instalations Count'" in messages[0] and "nearest known header is 'Installations'" in messages[0]


def test_clause_20_9_parent_of_another_dmc_is_an_error(tmp_path):
    other = {**row_tested("000001"), "ESME.model": "Liberty 200"}
    covered = {**row_tested("000002", "Active"), "dmct_status": "Covered by Dormant", "test_report": None,
               "sit_report": "SIT 1", "parent_id": "000001"}
    a = assess([status_list(tmp_path / "sl.xlsx", [other, covered])])
    assert ("SG301", "000002") in codes(a) and not a["000002"].qualifies
    assert "another DMC" in next(f.message for f in a.findings if f.code == "SG301")


def test_clause_20_9_needs_a_dormant_entry_that_is_itself_group_1(tmp_path):
    dormant = {**row_tested("000001"), "dmct_status": "In Test", "test_report": None}
    covered = {**row_tested("000002", "Active"), "dmct_status": "Covered by Dormant", "test_report": None,
               "sit_report": "SIT 1"}
    a = assess([status_list(tmp_path / "sl.xlsx", [dormant, covered])])
    assert a["000002"].group is None and ("SG301", "000002") in codes(a)


def test_clause_20_9_with_unknown_devices_finds_no_dormant_entry(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001")])
    bare = write_rows(tmp_path / "ex.xlsx", ["EPCL ID", "Cohort", "Installation Status", "Reason for Exclusion",
                                             "SIT Test Completion Report"],
                      [["000002", "MOC Secure", "Active", "Clause 20.9", "SIT 1"]])
    a = assess([sl, bare])
    assert a["000002"].group is None and ("SG301", "000002") in codes(a)


def test_clause_20_9_with_unknown_devices_rests_on_the_dormant_entry_it_names(tmp_path):
    # the same schedule without device columns, but naming its Dormant entry: the
    # devices are unknown, so nothing shows the entry to be of another DMC
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001")])
    bare = write_rows(tmp_path / "ex.xlsx", ["EPCL ID", "Cohort", "Installation Status", "Reason for Exclusion",
                                             "Parent EPCL ID", "SIT Test Completion Report"],
                      [["000002", "MOC Secure", "Active", "Clause 20.9", "000001", "SIT 1"]])
    a = assess([sl, bare])
    assert codes(a) == [] and a["000002"].qualifies
    assert a.graph.edges[("000002", "000001")] == "status"


def test_conflicting_rows_compare_every_field_both_give(tmp_path):
    one = status_list(tmp_path / "a.xlsx", [row_tested("000001")])
    two = status_list(tmp_path / "b.xlsx", [{**row_tested("000001"), "dmct_status": "Failed",
                                             "test_report": "R9", "target_fw": "N", "epcl_report": 23}])
    a = assess([one, two])
    (message,) = [f.message for f in a.findings if f.code == "SG401"]
    for name in ("dmct status", "test report", "target fw", "EPCL report"):
        assert name in message
    assert "a.xlsx" in message and "b.xlsx" in message


def test_an_identical_repeated_row_is_a_warning(tmp_path):
    a = assess([status_list(tmp_path / "sl.xlsx", [row_tested("000001"), row_tested("000001")])])
    assert [(f.code, f.severity) for f in a.findings] == [("SG403", "warning")]
    assert a["000001"].qualifies


def test_a_six_digit_id_stored_as_a_number_draws_no_warning(tmp_path):
    a = assess([status_list(tmp_path / "sl.xlsx", [row_tested(123456)])])
    assert codes(a) == [] and "123456" in a


def test_a_parent_id_stored_as_a_number_is_restored_with_a_warning(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("002255")])
    ex = excluded(tmp_path / "ex.xlsx", [row_child("000002", 2255)])
    a = assess([sl, ex])
    assert codes(a) == [("SG101", "000002")] and a["000002"].root == "002255"
    assert next(f for f in a.findings).location.column == "Parent EPCL ID"


def test_an_absent_token_in_a_link_cell_means_blank(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001", parent_id="N/A", upgrade_to="-")])
    assert codes(assess([sl])) == []


def test_covered_and_se_is_two_bases_and_no_false_message(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"), {
        **row_tested("000002", "Active"), "dmct_status": "Covered by Dormant", "test_report": None,
        "sit_report": "SIT 1"}])
    ex = excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001", "Active", **{"ESME.firmware": "2.3"})])
    a = assess([sl, ex])
    assert ("SG404", "000002") in codes(a) and not a["000002"].qualifies
    assert not any("not tested" in f.message for f in a.findings)


def test_every_source_of_a_chain_not_ending_at_target_fw_has_the_error(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001", target_fw="N")])
    base = {"exclusion_reason": "FW Upgrade", "parent_id": None, "target_fw": "N", "epcl_report": None}
    ex = excluded(tmp_path / "ex.xlsx", [row_child("000002", None, **base, upgrade_to="000003",
                                                   **{"ESME.firmware": "2.1"}),
                                         row_child("000003", None, **base, upgrade_to="000001",
                                                   **{"ESME.firmware": "2.2"})])
    assert codes(assess([sl, ex])) == [("SG502", "000002"), ("SG502", "000003")]


def test_entries_of_the_current_epcl_are_not_requested_again(tmp_path):
    epcl = write_rows(tmp_path / "epcl.xlsx", ["EPCL ID", "Date Added to EPCL"], [["000001", "2021-01-01"]])
    kid = row_child("000002", "000001", epcl_report=None)
    a = assess([excluded(tmp_path / "ex.xlsx", [kid])], epcl=[epcl])
    assert [v.entry_id for v in a.requested] == ["000002"] and a["000002"].qualifies
    assert DEVICES  # the child's devices are compared with nothing: the EPCL lists ids only


def test_clause_20_9_finds_its_dormant_entry_when_another_table_adds_hardware(tmp_path):
    # found by the differential harness (seed 21441): the Dormant entry also sits in a
    # schedule that lists hardware versions, the covered entry's table does not
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"), {
        **row_tested("000002", "Active"), "dmct_status": "Covered by Dormant", "test_report": None,
        "sit_report": "SIT 1"}])
    with_hardware = excluded(tmp_path / "ex.xlsx", [{
        **row_child("000001", None), "ESME.firmware": "2.3", "exclusion_reason": "Other", "parent_id": None,
        "CHF.hardware": "4", "ESME.hardware": "2"}])
    a = assess([sl, with_hardware])
    assert a.graph.dormant["000002"] == "000001" and a["000002"].group == 1


def test_an_unknown_column_is_reported_once_per_table_not_once_per_row(tmp_path):
    rows = [TESTED + ["sunny"], ["000002", *TESTED[1:]] + ["rain"], ["000003", *TESTED[1:]] + [None]]
    one = write_rows(tmp_path / "a.xlsx", SL + ["Weather"], rows)
    two = write_rows(tmp_path / "b.xlsx", SL + ["Weather"], [["000004", *TESTED[1:]] + ["fog"]])
    a = assess([one, two])
    weather = [f.location for f in a.findings if f.code == "SG114"]
    assert sorted(loc.path.rsplit("/", 1)[-1] for loc in weather) == ["a.xlsx", "b.xlsx"]
    assert all(loc.column == "Weather" for loc in weather)


def test_a_fw_upgrade_to_stored_as_a_number_is_restored_with_a_warning(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("002255")])
    source = {**row_child("000002", None), "exclusion_reason": "FW Upgrade", "upgrade_to": 2255, "target_fw": "N",
              "ESME.firmware": "2.1", "epcl_report": None}
    a = assess([sl, excluded(tmp_path / "ex.xlsx", [source])])
    assert codes(a) == [("SG101", "000002")]
    (finding,) = a.findings
    assert finding.location.column == "FW Upgrade To" and "002255" in finding.message
    assert a.graph.edges[("000002", "002255")] == "fw"


def test_a_blank_cell_beside_a_value_is_not_stated(tmp_path):
    # spec section 3: a row gives a field when its cell is not blank.  The Status List
    # row leaves Parent EPCL ID blank, the schedule names one: no conflict, it stands.
    child = {k: v for k, v in row_child("000002", "000001").items() if k != "exclusion_reason"}
    listed = {**child, "dmct_status": "Excluded", "parent_id": None}
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"), listed])
    a = assess([sl, excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001")])])
    assert ("SG401", "000002") not in codes(a)
    assert a.graph.entries["000002"].parent_id == "000001"


def test_a_column_only_one_row_has_is_filled_not_compared(tmp_path):
    # the schedule has no Test Report column: the Status List row's report fills it
    sl = status_list(tmp_path / "sl.xlsx", [{**row_tested("000001"), "test_report": "R1"}])
    bare = write_rows(tmp_path / "ex.xlsx", ["EPCL ID", "Cohort", "Installation Status", "Reason for Exclusion"],
                      [["000001", "MOC Secure", "Dormant", "Uneconomic"]])
    a = assess([sl, bare])
    assert ("SG401", "000001") not in codes(a)
    assert a.graph.entries["000001"].test_report == "R1"


def test_rows_whose_rationale_differs_conflict(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001")])
    one = excluded(tmp_path / "a.xlsx", [{**row_child("000002", "000001"), "rationale": "Firmware only."}])
    two = excluded(tmp_path / "b.xlsx", [{**row_child("000002", "000001"), "rationale": "Another IHD."}])
    a = assess([sl, one, two])
    assert ("SG401", "000002") in codes(a)
    assert "rationale" in next(f.message for f in a.findings if f.code == "SG401")


def test_a_report_number_one_row_leaves_blank_stands_from_the_other(tmp_path):
    # once (seed 410398) a blank report number beside a conflicting row's number was
    # kept blank; spec section 3 now reads a blank as not stated, so the number stands
    one = status_list(tmp_path / "a.xlsx", [{**row_tested("000001"), "epcl_report": None},
                                            {**row_tested("000003"), "epcl_report": None}])
    two = status_list(tmp_path / "b.xlsx", [{**row_tested("000001"), "epcl_report": 22, "installs": 7}])
    a = assess([one, two])
    assert ("SG401", "000001") in codes(a)  # on the installations
    assert "(installations)" in next(f.message for f in a.findings if f.code == "SG401")
    assert a.graph.entries["000001"].epcl_report == 22
    assert set(a.graph.requested) == {"000001"}
