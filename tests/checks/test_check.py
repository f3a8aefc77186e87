"""``check`` over every rule: clean inputs, severities from the config, the
order of the findings."""

from se_graph.model.config import Config
from tests.checks.memory import assess, found, row_child, row_fw_source, row_tested


def test_a_child_of_a_tested_entry_traces_with_no_findings():
    graph, findings = assess([row_tested("000001")], [row_child("000002", "000001")])
    assert found(findings) == []
    assert graph.group == {"000001": 1, "000002": 2}
    assert graph.trace("000002") == ["000002", "000001"]


def test_entries_of_the_current_epcl_are_tested_roots():
    graph, findings = assess([], [row_child("000002", "000001")], epcl_ids=["000001"])
    assert graph.root["000002"] == "000001"
    assert found(findings) == []


def test_a_severity_from_the_config_replaces_the_default():
    config = Config(severities={"SG207": "error"})
    graph, findings = assess([row_tested("000001")], [row_child("000002", "000001"), row_child("000003", "000002")], config=config)
    assert [(f.code, f.severity) for f in findings] == [("SG207", "error")]


def test_a_rule_is_named_by_its_name_too():
    config = Config(severities={"long-trace": "info"})
    graph, findings = assess([row_tested("000001")], [row_child("000002", "000001"), row_child("000003", "000002")], config=config)
    assert [(f.code, f.severity) for f in findings] == [("SG207", "info")]


def test_findings_are_in_place_order_then_code():
    graph, findings = assess([row_tested("000001")], [row_fw_source("000003", "000099"), row_child("000002", None),
                                                  row_child("000004", "000001"), row_child("000005", "000004")])
    assert [(f.location.row, f.code, f.entry) for f in findings] == [
        (2, "SG501", "000003"), (3, "SG201", "000002"), (5, "SG207", "000005")]
