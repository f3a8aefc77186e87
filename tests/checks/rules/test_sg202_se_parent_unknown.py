from tests.checks.memory import assess, found, row_child, row_tested


def test_a_parent_in_no_input_is_named():
    graph, findings = assess([row_tested("000001")], [row_child("000002", "009999")])
    assert found(findings) == [("SG202", "000002")]
    assert "009999" in findings[0].message
