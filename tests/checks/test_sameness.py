"""The one rule of device values being the same (model.sameness), and the
comparisons that follow it: policy, rows of one id, Clause 20.9's same DMC."""

from dataclasses import replace

import pytest

from se_graph.checks.policy import differences, may_forbid
from se_graph.graph import device_differences
from se_graph.model import Location, NumberCell
from se_graph.model.config import Config
from se_graph.model.sameness import equal_numbers, number_key, same
from tests.checks.memory import Kind, row_child, row_tested, table


@pytest.mark.parametrize(("a", "b"), [("1", "1.0"), ("1.1", "1.10"), ("2", "2.00"), ("1", "01"), ("0", "0.0")])
def test_the_same_number_is_the_same_value_only_beside_a_number_cell(a, b):
    assert equal_numbers(a, b) and same(a, b, number=True)
    assert not same(a, b)
    assert number_key(a) == number_key(b)


@pytest.mark.parametrize(("a", "b"), [("1", "1.2"), ("1", "v1.0"), ("1", "1.0a"), ("1", "1e0"), ("1", "+1"),
                                      ("1", "1,0"), ("1", "1."), ("1", None), ("10", "1")])
def test_anything_but_a_plain_decimal_of_the_same_value_differs(a, b):
    assert not same(a, b, number=True)


def test_case_is_ignored_either_way():
    assert same("Liberty 110", "LIBERTY 110") and same(None, None) and not same("a", None)


def _pair(**child_fields):
    parent, child = table(Kind.STATUS_LIST, [row_tested("000001", **{"CHF.hardware": "1.0"}),
                                             row_child("000002", "000001", **child_fields)])
    return parent, child


def _numbered(entry, field, value):
    where = Location(entry.source.path, entry.source.sheet, entry.row, "CHF Hardware Version")
    return replace(entry, number_cells=(NumberCell(field, value, where),))


def test_every_comparison_takes_a_number_cell_as_its_text():
    parent, child = _pair(**{"CHF.hardware": "1"})
    policy = Config().policy
    memo: dict = {}
    as_text = differences(parent, child, policy, memo)
    assert [str(d) for d in as_text if not d.permitted] == ["CHF hardware: 1.0 -> 1"]
    assert device_differences(parent, child) == ["CHF hardware", "ESME firmware"]
    numbered = _numbered(child, "CHF.hardware", "1")
    # the memo, kept by device identity, does not answer for the number cell
    assert [str(d) for d in differences(parent, numbered, policy, memo)] == ["ESME firmware: 2.3 -> 2.4"]
    assert may_forbid(parent, numbered, policy, {})  # left to differences
    assert device_differences(parent, numbered) == ["ESME firmware"]
    assert device_differences(numbered, parent) == ["ESME firmware"]
