from tests.checks.memory import assess, found, row_fw_source, row_tested


def test_a_final_target_neither_requested_nor_on_the_epcl_warns():
    target = row_tested("000001", epcl_report=None)
    other = row_tested("000005", epcl_report=22, **{"CHF.model": "SKU5"})
    graph, findings = assess([target, other], [row_fw_source("000002", "000001")])
    assert found(findings) == [("SG508", "000002")]


def test_a_final_target_on_the_current_epcl_is_listed():
    target = row_tested("000001", epcl_report=None)
    other = row_tested("000005", epcl_report=22, **{"CHF.model": "SKU5"})
    graph, findings = assess([target, other], [row_fw_source("000002", "000001")], epcl_ids=["000001"])
    assert found(findings) == []
