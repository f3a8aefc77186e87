"""Rows of one id merged as spec section 3 reads: only two non-blank values that
differ conflict; a blank cell beside a value is not stated there, and the value
stands."""

from __future__ import annotations

from se_graph.assessment import assess
from se_graph.graph.merge import merge_rows
from se_graph.model import Device, Entry, Source
from tests.builders import excluded, row_child, row_tested, status_list

COLUMNS = (("entry_id", "EPCL ID", 1), ("installs", "Installations", 2), ("parent_id", "Parent EPCL ID", 3),
           ("CHF.model", "CHF Model", 4))
ONE = Source("a.xlsx", "Data", "status-list", 1, COLUMNS)
TWO = Source("b.xlsx", "Data", "excluded", 1, COLUMNS)
HUB = (Device("CHF", None, "SKU1"),)


def codes(a) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.entry) for f in a.findings)


def _listed_blank(entry_id: str, **blank) -> dict:
    """The Status List's row of the excluded child ``entry_id`` of 000001, leaving
    cells to the schedule."""
    row = {k: v for k, v in row_child(entry_id, "000001", "Active").items() if k != "exclusion_reason"}
    return {**row, "dmct_status": "Excluded", **blank}


def test_status_list_leaves_installations_blank_for_an_excluded_entry(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"), _listed_blank("000002", installs=None)])
    ex = excluded(tmp_path / "ex.xlsx", [{**row_child("000002", "000001", "Active"), "installs": 40}])
    a = assess([sl, ex])
    assert ("SG401", "000002") not in codes(a)
    assert a.graph.entries["000002"].installs == 40  # the schedule's value stands


def test_status_list_leaves_parent_blank_for_an_excluded_entry(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"), _listed_blank("000002", parent_id=None)])
    ex = excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001", "Active")])
    a = assess([sl, ex])
    assert ("SG401", "000002") not in codes(a)
    assert a.graph.entries["000002"].parent_id == "000001"
    assert a.verdicts["000002"].qualifies  # traces through the schedule's parent


def test_the_schedule_first_and_the_blank_row_second_merge_alike(tmp_path):
    ex = excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001", "Active")])
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"),
                                            _listed_blank("000002", parent_id=None, installs=None)])
    a = assess([ex, sl])
    assert ("SG401", "000002") not in codes(a)
    assert (a.graph.entries["000002"].parent_id, a.graph.entries["000002"].installs) == ("000001", 10)


def test_two_values_that_differ_still_conflict(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"), _listed_blank("000002", parent_id="000009")])
    ex = excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001", "Active")])
    a = assess([sl, ex])
    assert ("SG401", "000002") in codes(a)
    assert "(parent id)" in next(f.message for f in a.findings if f.code == "SG401")


def test_a_blank_count_beside_a_count_is_no_conflict():
    a = Entry("000001", ONE, 2, installs=5, devices=HUB, known=ONE.fields)
    b = Entry("000001", TWO, 2, installs=None, parent_id="000007", devices=HUB, known=TWO.fields)
    merged = merge_rows([a, b])
    assert merged.conflicts == {}
    assert (merged.entries["000001"].installs, merged.entries["000001"].parent_id) == (5, "000007")


def test_a_device_present_on_one_row_and_absent_on_the_other_still_conflicts():
    a = Entry("000001", ONE, 2, devices=HUB, known=ONE.fields)
    b = Entry("000001", TWO, 2, devices=(), known=TWO.fields)
    assert merge_rows([a, b]).conflicts == {"000001": ["CHF device"]}


def test_a_value_filled_from_a_later_row_conflicts_with_a_third():
    a = Entry("000001", ONE, 2, installs=None, devices=HUB, known=ONE.fields)
    b = Entry("000001", TWO, 2, installs=5, devices=HUB, known=TWO.fields)
    c = Entry("000001", TWO, 3, installs=6, devices=HUB, known=TWO.fields)
    merged = merge_rows([a, b, c])
    assert merged.conflicts == {"000001": ["installations"]}
    assert merged.entries["000001"].installs == 5


def test_a_status_the_reader_does_not_know_still_states_the_status(tmp_path):
    """Seed 2876: 'On Hold' is no DMCT status se-graph knows, so that row gives the
    entry no status; but its cell is not blank, so it says something, and a second
    row saying 'Failed' disagrees with it (spec section 3)."""
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"), row_tested("000002", dmct_status="On Hold"),
                                            row_tested("000002", dmct_status="Failed")])
    a = assess([sl])
    assert {("SG104", "000002"), ("SG401", "000002")} <= set(codes(a))
    assert a.graph.entries["000002"].dmct_status == "failed"  # the known word stands


def test_the_same_unknown_word_twice_is_no_conflict(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"),
                                            row_tested("000002", dmct_status="On Hold", test_report="A"),
                                            row_tested("000002", dmct_status="on  hold", test_report="A")])
    a = assess([sl])
    assert ("SG104", "000002") in codes(a)
    assert ("SG401", "000002") not in codes(a)


def test_an_unknown_target_fw_beside_y_conflicts(tmp_path):
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"), row_tested("000002", target_fw="Maybe"),
                                            row_tested("000002", target_fw="Y")])
    assert ("SG401", "000002") in codes(assess([sl]))


def test_a_negative_count_beside_a_count_conflicts(tmp_path):
    """A count the reader refuses (SG106) is not blank: the row states it."""
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"), row_tested("000002", installs=-5),
                                            row_tested("000002", installs=40)])
    a = assess([sl])
    assert {("SG106", "000002"), ("SG401", "000002")} <= set(codes(a))


def test_a_parent_that_is_no_id_beside_an_id_conflicts(tmp_path):
    ex = excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001", "Active"),
                                         row_child("000002", "no parent yet", "Active")])
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001")])
    assert ("SG401", "000002") in codes(assess([sl, ex]))


def test_an_unreadable_cell_on_a_second_row_is_compared_with_a_third(tmp_path):
    """Blank, then -5, then 40: the first row states nothing, the second and third
    disagree, and the merge must still see it."""
    sl = status_list(tmp_path / "sl.xlsx", [row_tested("000001"), row_tested("000002", installs=None),
                                            row_tested("000002", installs=-5), row_tested("000002", installs=40)])
    assert ("SG401", "000002") in codes(assess([sl]))
