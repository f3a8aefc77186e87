from se_graph.model.vocab import InstallStatus
from tests.checks.memory import assess, found, row_covered, row_tested


def test_a_covered_dormant_entry_must_be_tested_itself():
    graph, findings = assess([row_tested("000001"), row_covered("000002", InstallStatus.DORMANT, **{"CHF.firmware": "9"})])
    assert found(findings) == [("SG303", "000002")]
    assert findings[0].location.column == "Installation Status"
