from tests.checks.memory import assess, found, row_tested


def test_tested_without_a_report_is_in_no_group():
    graph, findings = assess([row_tested("000001", test_report=None)])
    assert found(findings) == [("SG304", "000001")]
    assert graph.group == {}
    assert findings[0].location.column == "DMCT Test Completion Report"


def test_an_entry_of_the_current_epcl_needs_no_report():
    graph, findings = assess([row_tested("000001", test_report=None)], epcl_ids=["000001"])
    assert found(findings) == []
