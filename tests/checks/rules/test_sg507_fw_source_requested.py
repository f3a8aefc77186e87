from tests.checks.memory import assess, found, row_fw_source, row_tested


def test_a_source_with_an_epcl_report_warns():
    graph, findings = assess([row_tested("000001")], [row_fw_source("000002", "000001", epcl_report=22)])
    assert found(findings) == [("SG507", "000002")]
    assert findings[0].location.column == "EPCL Report"
