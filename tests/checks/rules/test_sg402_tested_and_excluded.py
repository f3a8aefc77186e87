from tests.checks.memory import assess, found, row_child, row_tested


def test_tested_in_the_status_list_and_excluded_in_the_schedule():
    graph, findings = assess([row_tested("000001"), row_tested("000002", **{"ESME.firmware": "2.4"})],
                             [row_child("000002", "000001")])
    assert ("SG402", "000002") in found(findings)
    (finding,) = [f for f in findings if f.code == "SG402"]
    assert finding.location.path == "excluded.xlsx" and finding.location.row == 2
    assert "(excluded.xlsx, sheet 'Data', row 2)" in finding.message


def test_it_is_not_also_two_bases():
    graph, findings = assess([row_tested("000001"), row_tested("000002", **{"ESME.firmware": "2.4"})],
                             [row_child("000002", "000001")])
    assert graph.bases["000002"] == ("tested", "se")  # two bases, said once: as tested and excluded
    assert ("SG404", "000002") not in found(findings)
