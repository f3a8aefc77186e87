import pytest

from se_graph.model.config import Config, RolePolicy
from tests.builders import row_child as row_child_book
from tests.builders import row_tested as row_tested_book
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


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
@pytest.mark.parametrize("number_in", ["child", "parent"])
def test_a_real_difference_with_a_number_cell_says_how_to_store_it_as_text(check, monkeypatch, reader, number_in):
    monkeypatch.setenv("SE_GRAPH_READER", reader)
    parent_hw, child_hw = ("1.2", 1) if number_in == "child" else (1, "1.2")
    a = check([row_tested_book("000001", **{"CHF.hardware": parent_hw})],
              [row_child_book("000002", "000001", **{"CHF.hardware": child_hw})])
    assert [(f.code, f.entry) for f in a.findings] == [("SG206", "000002")]
    message = a.findings[0].message
    old, new = (parent_hw, child_hw) if number_in == "child" else ("1", "1.2")
    book, holder = ("excluded", "000002") if number_in == "child" else ("status", "000001")
    assert message.startswith(f"Entry 000002 is not a permitted variation of 000001: CHF hardware: {old} -> {new}. "
                              f"Read from a number cell: {holder}'s CHF Hardware Version 1 ({book}-0.xlsx, sheet 'Data', row 2). ")
    assert message.endswith("format the column as Text in Excel and retype the value.")


def test_no_hint_where_no_number_cell_is_involved(check):
    a = check([row_tested_book("000001", **{"CHF.hardware": "1.2"})],
              [row_child_book("000002", "000001", **{"CHF.hardware": "1", "CHF.firmware": 1.0})])
    assert [(f.code, f.entry) for f in a.findings] == [("SG116", "000002"), ("SG206", "000002")]
    sg206 = a.findings[1].message
    assert sg206 == "Entry 000002 is not a permitted variation of 000001: CHF hardware: 1.2 -> 1."
