from tests.checks.memory import assess, found, row_fw_source, row_tested


def test_a_target_not_at_target_fw():
    graph, findings = assess([row_tested("000001", target_fw=False)], [row_fw_source("000002", "000001")])
    assert found(findings) == [("SG502", "000002")]


def test_every_source_of_the_chain_has_the_error():
    graph, findings = assess([row_tested("000001", target_fw=False)],
                             [row_fw_source("000002", "000003", **{"ESME.firmware": "2.1"}),
                              row_fw_source("000003", "000001", **{"ESME.firmware": "2.2"})])
    assert found(findings) == [("SG502", "000002"), ("SG502", "000003")]
