from se_graph.model.config import Config, RolePolicy
from tests.checks.memory import assess, found, row_child, row_tested

NO_GAS = {"GSME.manufacturer": None, "GSME.model": None, "GSME.firmware": None}


def test_each_forbidden_difference_is_named_and_no_permitted_one():
    graph, findings = assess([row_tested("000001")],
                             [row_child("000002", "000001", **{"CHF.model": "SKU2", "ESME.manufacturer": "EDMI"})])
    assert found(findings) == [("SG206", "000002")]
    message = findings[0].message
    assert "CHF model: SKU1 -> SKU2" in message and "ESME manufacturer: Secure -> EDMI" in message
    assert "firmware" not in message  # the permitted difference is not listed
    assert findings[0].location.column == "CHF Model"


def test_permitted_variations_pass():
    lacks_gas = row_child("000002", "000001", **NO_GAS)
    other_ihd = row_child("000003", "000001", **{"IHD.manufacturer": "Chameleon", "IHD.model": "IHD3", "IHD.firmware": "7"})
    parent = row_tested("000001", **{"IHD.manufacturer": "geo", "IHD.model": "Trio", "IHD.firmware": "1"})
    graph, findings = assess([parent], [lacks_gas, other_ihd])
    assert found(findings) == []


def test_a_child_with_a_device_its_parent_lacks_fails():
    graph, findings = assess([row_tested("000001", **NO_GAS)], [row_child("000002", "000001")])
    assert found(findings) == [("SG206", "000002")]
    assert "GSME: (none) -> Secure Europa" in findings[0].message


def test_the_config_policy_can_tighten():
    strict = Config(policy={**Config().policy, "ESME": RolePolicy(frozenset(), may_lack=False, may_add=False)})
    graph, findings = assess([row_tested("000001")], [row_child("000002", "000001")], config=strict)
    assert found(findings) == [("SG206", "000002")]
    assert "ESME firmware: 2.3 -> 2.4" in findings[0].message
