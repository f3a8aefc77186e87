from se_graph.model.vocab import DmctStatus, Reason
from tests.checks.memory import assess, found, row_child, row_tested


def test_traces_ending_at_pending_and_failed_entries_say_so():
    pending = row_tested("000001", dmct_status=DmctStatus.PENDING, test_report=None, epcl_report=None)
    failed = row_tested("000005", dmct_status=DmctStatus.FAILED, test_report=None, epcl_report=None)
    graph, findings = assess([pending, failed], [row_child("000002", "000001"), row_child("000003", "000002"),
                                                 row_child("000006", "000005")])
    assert found(findings) == [("SG204", "000002"), ("SG204", "000003"), ("SG204", "000006")]
    messages = {f.entry: f.message for f in findings}
    assert "pending" in messages["000002"] and "failed" in messages["000006"]
    assert "000003 -> 000002" in messages["000003"]


def test_a_trace_ending_at_an_uneconomic_entry_says_so():
    uneconomic = row_child("000001", None, exclusion_reason=Reason.UNECONOMIC, epcl_report=None)
    graph, findings = assess([], [uneconomic, row_child("000002", "000001")])
    assert found(findings) == [("SG204", "000002")]
    assert "uneconomic" in findings[0].message


def test_a_trace_ending_at_a_firmware_source_says_so():
    source = row_child("000001", None, exclusion_reason=Reason.FW_UPGRADE, epcl_report=None)
    graph, findings = assess([], [source, row_child("000002", "000001")])
    assert found(findings) == [("SG204", "000002")]
    assert findings[0].message == ("Entry 000002 does not trace to a tested entry: 000002 -> 000001, "
                                   "and 000001 is a firmware-upgrade source, not a tested entry.")


def test_a_broken_link_further_up_is_reported_once_on_the_entry_that_carries_it():
    graph, findings = assess([row_tested("000001")], [row_child("000002", "009999"), row_child("000003", "000002")])
    assert found(findings) == [("SG202", "000002"), ("SG204", "000003")]
    assert "009999 is in none of the inputs" in findings[-1].message
