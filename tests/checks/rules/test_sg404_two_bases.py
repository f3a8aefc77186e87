from se_graph.model.vocab import InstallStatus
from tests.checks.memory import assess, found, row_child, row_covered, row_tested


def test_covered_in_the_status_list_and_se_in_the_schedule():
    graph, findings = assess([row_tested("000001"), row_covered("000002")],
                             [row_child("000002", "000001", InstallStatus.ACTIVE, **{"ESME.firmware": "2.3"})])
    assert ("SG404", "000002") in found(findings)
    (finding,) = [f for f in findings if f.code == "SG404"]
    assert finding.message == ("Entry 000002 is given two bases by its rows: covered by its Dormant entry "
                               "(Clause 20.9) and substantively equivalent; it can stand on one only.")
    assert finding.location.path == "excluded.xlsx"
