from tests.checks.memory import assess, found, row_child, row_tested


def test_every_member_of_a_cycle_has_the_error_naming_the_whole_cycle():
    graph, findings = assess([row_tested("000001")], [row_child("000002", "000003"), row_child("000003", "000004"),
                                                  row_child("000004", "000002")])
    assert found(findings) == [("SG203", "000002"), ("SG203", "000003"), ("SG203", "000004")]
    assert all("000002 -> 000003 -> 000004 -> 000002" in f.message for f in findings)
