from se_graph.model.vocab import InstallStatus
from tests.checks.memory import assess, found, row_fw_source, row_tested


def test_a_source_differing_in_more_than_firmware_names_each_difference():
    source = row_fw_source("000002", "000001", **{"ESME.model": "Liberty 100"}, install_status=InstallStatus.ACTIVE)
    graph, findings = assess([row_tested("000001")], [source])
    assert found(findings) == [("SG503", "000002")]
    message = findings[0].message
    # old -> new: from the source's devices to the target's
    assert "ESME model: Liberty 100 -> Liberty 110" in message and "installation status: active -> dormant" in message


def test_a_source_in_another_cohort():
    graph, findings = assess([row_tested("000001")], [row_fw_source("000002", "000001", cohort="FOC")])
    assert found(findings) == [("SG503", "000002")]
    assert "cohort: FOC -> MOC Secure" in findings[0].message
