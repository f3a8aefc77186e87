from se_graph.model.config import Config, RolePolicy
from tests.builders import DEVICES, row_child, row_tested
from tests.checks.conftest import found


def test_child_of_tested_entry_traces_with_no_findings(check):
    a = check([row_tested("000001")], [row_child("000002", "000001")])
    assert found(a) == []
    assert a.graph.group == {"000001": 1, "000002": 2}
    assert a.graph.trace("000002") == ["000002", "000001"]


def test_se_no_parent(check):
    a = check([row_tested("000001")], [row_child("000002", None)])
    assert found(a) == [("SG201", "000002")]
    assert a.findings[0].location.column == "Parent EPCL ID"


def test_se_parent_unknown(check):
    a = check([row_tested("000001")], [row_child("000002", "009999")])
    assert found(a) == [("SG202", "000002")]
    assert "009999" in a.findings[0].message


def test_se_cycle_names_every_member(check):
    a = check([row_tested("000001")], [row_child("000002", "000003"), row_child("000003", "000004"), row_child("000004", "000002")])
    assert found(a) == [("SG203", "000002"), ("SG203", "000003"), ("SG203", "000004")]
    assert all("000002 -> 000003 -> 000004 -> 000002" in f.message for f in a.findings)


def test_trace_ending_at_untested_entries(check):
    pending = row_tested("000001", dmct_status="In Test", test_report=None, epcl_report=None)
    failed = row_tested("000005", dmct_status="Failed", test_report=None, epcl_report=None)
    a = check([pending, failed], [row_child("000002", "000001"), row_child("000003", "000002"), row_child("000006", "000005")])
    assert found(a) == [("SG204", "000002"), ("SG204", "000003"), ("SG204", "000006")]
    messages = {f.entry: f.message for f in a.findings}
    assert "pending" in messages["000002"] and "failed" in messages["000006"]
    assert "000003 -> 000002" in messages["000003"]


def test_trace_ending_at_uneconomic_entry(check):
    uneconomic = row_child("000001", None, exclusion_reason="Uneconomic to Test", epcl_report=None)
    a = check([], [uneconomic, row_child("000002", "000001")])
    assert found(a) == [("SG204", "000002")]
    assert "uneconomic" in a.findings[0].message


def test_cohort_mismatch(check):
    a = check([row_tested("000001")], [row_child("000002", "000001", cohort="FOC")])
    assert found(a) == [("SG205", "000002")]


def test_not_permitted_variation_names_each_difference(check):
    a = check([row_tested("000001")], [row_child("000002", "000001", **{"CHF.model": "SKU2", "ESME.manufacturer": "EDMI"})])
    assert found(a) == [("SG206", "000002")]
    message = a.findings[0].message
    assert "CHF model: SKU1 -> SKU2" in message and "ESME manufacturer: Secure -> EDMI" in message
    assert "firmware" not in message  # the permitted difference is not listed


def test_permitted_variations_pass(check):
    lacks_gas = row_child("000002", "000001", **{"GSME.manufacturer": None, "GSME.model": None, "GSME.firmware": None})
    other_ihd = row_child("000003", "000001")
    parent = row_tested("000001", **{"IHD.manufacturer": "geo", "IHD.model": "Trio", "IHD.firmware": "1"})
    other_ihd.update({"IHD.manufacturer": "Chameleon", "IHD.model": "IHD3", "IHD.firmware": "7"})
    a = check([parent], [lacks_gas, other_ihd])
    assert found(a) == []


def test_child_with_a_device_its_parent_lacks_fails(check):
    parent = row_tested("000001", **{"GSME.manufacturer": None, "GSME.model": None, "GSME.firmware": None})
    a = check([parent], [row_child("000002", "000001")])
    assert found(a) == [("SG206", "000002")]
    assert "GSME: (none) -> Secure Europa" in a.findings[0].message


def test_policy_from_config_can_tighten(check):
    strict = Config(policy={**Config().policy, "ESME": RolePolicy(frozenset(), may_lack=False, may_add=False)})
    a = check([row_tested("000001")], [row_child("000002", "000001")], config=strict)
    assert found(a) == [("SG206", "000002")]
    assert "ESME firmware: 2.3 -> 2.4" in a.findings[0].message


def test_long_trace_warns(check):
    a = check([row_tested("000001")], [row_child("000002", "000001"), row_child("000003", "000002")])
    assert found(a) == [("SG207", "000003")]
    assert a.findings[0].severity == "warning"
    assert a.graph.trace("000003") == ["000003", "000002", "000001"]


def test_epcl_entries_are_tested_roots(check, tmp_path):
    from se_graph.assessment import assess as analyse
    from tests.builders import excluded, write_rows

    epcl = write_rows(tmp_path / "epcl.xlsx", ["EPCL ID", "Cohort", "Date Added to EPCL"], [["000001", "MOC Secure", "2021-03-01"]])
    ex = excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001")])
    a = analyse([ex], epcl=[epcl])
    assert a.graph.root["000002"] == "000001"
    assert found(a) == []


def test_severity_override_from_config(check):
    config = Config(severities={"SG207": "error"})
    a = check([row_tested("000001")], [row_child("000002", "000001"), row_child("000003", "000002")], config=config)
    assert [(f.code, f.severity) for f in a.findings] == [("SG207", "error")]


def test_cohort_mismatch_without_a_cohort_column_points_at_the_row(tmp_path):
    from se_graph.assessment import assess as analyse
    from se_graph.model.fields import FIELD_HEADERS
    from tests.builders import row_child, row_tested, status_list, write_rows

    parent = status_list(tmp_path / "s.xlsx", [row_tested("000001")])  # Cohort column: MOC Secure
    fields = [f for f in row_child("000002", "000001") if f != "cohort"]
    child = row_child("000002", "000001")
    kids = write_rows(tmp_path / "e.xlsx", [FIELD_HEADERS[f] for f in fields], [[child[f] for f in fields]])
    analysis = analyse([parent, kids], cohort="FOC")
    (finding,) = [f for f in analysis.findings if f.code == "SG205"]
    assert finding.location.row == 2 and finding.location.column is None
