from se_graph.model.vocab import DmctStatus, InstallStatus, Reason
from tests.checks.memory import assess, found, row_child, row_covered, row_tested


def test_active_and_mixed_entries_find_their_dormant_entry_by_devices_and_are_group_1():
    graph, findings = assess([row_tested("000001"), row_covered("000002"), row_covered("000003", InstallStatus.MIXED)],
                             [row_child("000004", "000002", InstallStatus.ACTIVE)])
    assert found(findings) == []
    assert graph.group["000002"] == 1 and graph.dormant["000002"] == "000001"
    assert graph.trace("000004") == ["000004", "000002"]


def test_clause_20_9_by_parent_id_in_the_excluded_schedule():
    via_excluded = row_child("000002", "000001", InstallStatus.ACTIVE, exclusion_reason=Reason.COVERED,
                         sit_report="SIT A", **{"ESME.firmware": "2.3"})
    graph, findings = assess([row_tested("000001")], [via_excluded])
    assert found(findings) == [] and graph.group["000002"] == 1


def test_a_dormant_entry_still_pending_is_named():
    pending = row_tested("000001", dmct_status=DmctStatus.PENDING, test_report=None, epcl_report=None)
    graph, findings = assess([pending, row_covered("000002")])
    assert found(findings) == [("SG301", "000002")]
    assert "000001 is still pending testing" in findings[0].message


def test_no_dormant_entry_with_the_same_devices():
    graph, findings = assess([row_tested("000001"), row_covered("000002", **{"CHF.model": "SKU9"})])
    assert found(findings) == [("SG301", "000002")]
    assert "no Dormant entry" in findings[0].message


def test_a_parent_id_naming_another_dmc_says_how_it_differs():
    graph, findings = assess([row_tested("000001")], [row_child("000002", "000001", InstallStatus.ACTIVE,
                                                        exclusion_reason=Reason.COVERED, sit_report="SIT A")])
    assert found(findings) == [("SG301", "000002")]
    assert "its Parent EPCL ID 000001 is another DMC (it differs in ESME firmware)" in findings[0].message
