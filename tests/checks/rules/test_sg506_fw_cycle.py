from tests.checks.memory import assess, found, row_fw_source, row_tested


def test_every_member_of_a_cycle_of_upgrades_has_the_error():
    graph, findings = assess([row_tested("000001")], [row_fw_source("000002", "000003"), row_fw_source("000003", "000002")])
    assert found(findings) == [("SG506", "000002"), ("SG506", "000003")]
    assert all("000002 -> 000003 -> 000002" in f.message for f in findings)
