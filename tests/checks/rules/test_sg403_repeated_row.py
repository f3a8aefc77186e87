from tests.checks.memory import assess, found, row_tested


def test_a_row_repeated_exactly_is_read_once_with_a_warning():
    graph, findings = assess([row_tested("000001"), row_tested("000001")])
    assert found(findings) == [("SG403", "000001")]
    assert findings[0].severity == "warning" and findings[0].location.row == 3
    assert graph.group == {"000001": 1}
