from tests.checks.memory import assess, found, row_covered, row_tested


def test_covered_without_a_sit_report_points_at_its_sit_cell():
    graph, findings = assess([row_tested("000001"), row_covered("000002", sit_report=None)])
    assert found(findings) == [("SG302", "000002")]
    assert findings[0].location.column == "SIT Test Completion Report"
