from tests.checks.memory import assess, found, row_child, row_tested


def test_an_se_row_without_a_parent_points_at_its_parent_cell():
    graph, findings = assess([row_tested("000001")], [row_child("000002", None)])
    assert found(findings) == [("SG201", "000002")]
    assert findings[0].location.column == "Parent EPCL ID"
    assert findings[0].message == "Entry 000002 is excluded as substantively equivalent but names no parent entry."
