from tests.checks.memory import assess, found, row_fw_source, row_tested


def test_a_target_in_no_input_points_at_the_fw_upgrade_to_cell():
    graph, findings = assess([row_tested("000001")], [row_fw_source("000002", "000099")])
    assert found(findings) == [("SG501", "000002")]
    assert findings[0].location.column == "FW Upgrade To"


def test_a_two_hop_chain_to_a_requested_target_passes():
    graph, findings = assess([row_tested("000001")], [row_fw_source("000002", "000003", **{"ESME.firmware": "2.0"}),
                                                  row_fw_source("000003", "000001", **{"ESME.firmware": "2.2"})])
    assert found(findings) == []
    assert graph.fw_final == {"000002": "000001", "000003": "000001"}
