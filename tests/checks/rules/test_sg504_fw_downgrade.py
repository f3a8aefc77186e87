from tests.checks.memory import assess, found, row_fw_source, row_tested


def test_an_upgrade_to_older_firmware():
    graph, findings = assess([row_tested("000001")], [row_fw_source("000002", "000001", **{"ESME.firmware": "2.10"})])
    assert found(findings) == [("SG504", "000002")]
    assert "ESME 2.10 -> 2.3" in findings[0].message
