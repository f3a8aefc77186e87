from tests.checks.memory import assess, row_fw_source, row_tested


def test_versions_that_cannot_be_ordered_warn():
    graph, findings = assess([row_tested("000001", **{"ESME.firmware": "2.1a"})],
                             [row_fw_source("000002", "000001", **{"ESME.firmware": "2.1.3"})])
    assert [(f.code, f.severity) for f in findings] == [("SG505", "warning")]
    assert "(ESME 2.1.3 -> 2.1a)" in findings[0].message
