from tests.checks.memory import assess, found, row_child, row_tested


def test_a_trace_over_two_hops_warns():
    graph, findings = assess([row_tested("000001")], [row_child("000002", "000001"), row_child("000003", "000002")])
    assert found(findings) == [("SG207", "000003")]
    assert findings[0].severity == "warning"
    assert graph.trace("000003") == ["000003", "000002", "000001"]
    assert "over 2 equivalence hops: 000003 -> 000002 -> 000001" in findings[0].message
