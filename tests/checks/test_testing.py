from tests.builders import DEVICES, row_child, row_tested
from tests.checks.conftest import found


def covered(entry_id, status="Active", **fields):
    base = {"dmct_status": "Covered by Dormant", "test_report": None, "sit_report": "SIT Active v2"}
    return row_tested(entry_id, status, **{**base, **fields})


def test_clause_20_9_entry_found_by_same_devices_is_group_1(check):
    a = check([row_tested("000001"), covered("000002"), covered("000003", "Mixed")], [row_child("000004", "000002", "Active")])
    assert found(a) == []
    assert a.graph.group["000002"] == 1 and a.graph.dormant["000002"] == "000001"
    assert a.graph.trace("000004") == ["000004", "000002"]


def test_clause_20_9_by_parent_id_in_the_excluded_schedule(check):
    via_excluded = row_child("000002", "000001", "Active", exclusion_reason="Clause 20.9", sit_report="SIT A", **{"ESME.firmware": "2.3"})
    a = check([row_tested("000001")], [via_excluded])
    assert found(a) == [] and a.graph.group["000002"] == 1


def test_covered_without_tested_dormant(check):
    pending = row_tested("000001", dmct_status="In Test", test_report=None, epcl_report=None)
    a = check([pending, covered("000002")])
    assert found(a) == [("SG301", "000002")]
    assert "000001 is still pending testing" in a.findings[0].message


def test_covered_with_no_dormant_of_the_same_devices(check):
    a = check([row_tested("000001"), covered("000002", **{"CHF.model": "SKU9"})])
    assert found(a) == [("SG301", "000002")]
    assert "no Dormant entry" in a.findings[0].message


def test_covered_without_sit_report(check):
    a = check([row_tested("000001"), covered("000002", sit_report=None)])
    assert found(a) == [("SG302", "000002")]


def test_covered_entry_that_is_dormant(check):
    a = check([row_tested("000001"), covered("000002", "Dormant", **{"CHF.firmware": "9"})])
    assert found(a) == [("SG303", "000002")]


def test_tested_without_report(check):
    a = check([row_tested("000001", test_report=None)])
    assert found(a) == [("SG304", "000001")]
    assert a.graph.group == {}


def test_duplicate_rows_that_disagree(check):
    a = check([row_tested("000001"), row_tested("000001", installs=5)])
    assert found(a) == [("SG401", "000001")]
    assert "installations" in a.findings[0].message


def test_same_entry_in_both_inputs_agreeing_is_merged(check):
    listed = row_tested("000002", dmct_status="Excluded", test_report=None, installs=10, parent_id="000001",
                        **{"ESME.firmware": "2.4"})
    a = check([row_tested("000001"), listed], [row_child("000002", "000001")])
    # the Status List row says Excluded; the schedule row adds the reason (a
    # column the Status List lacks) and gives the same parent
    assert found(a) == []
    assert a.graph.entries["000002"].dmct_status == "excluded"
    assert a.graph.trace("000002") == ["000002", "000001"]
    assert len(a.graph.rows["000002"]) == 2


def test_same_entry_in_both_inputs_with_other_devices_conflicts(check):
    listed = row_tested("000002", dmct_status="Excluded", test_report=None, installs=10, parent_id="000001")
    a = check([row_tested("000001"), listed], [row_child("000002", "000001")])
    assert found(a) == [("SG401", "000002")]
    assert "ESME firmware" in a.findings[0].message


def test_tested_and_excluded(check):
    a = check([row_tested("000001"), row_tested("000002", **{"ESME.firmware": "2.4"})], [row_child("000002", "000001")])
    assert ("SG402", "000002") in found(a)
