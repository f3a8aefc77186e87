"""Every known edit of the next-publication generator shows in the diff, and the
diff's verdicts are the assessments' own."""

from __future__ import annotations

from se_graph.assessment import assess
from se_graph.assessment.diff import compare
from se_graph.sample.next import write_next

EVERY_EDIT = {"tested-to-failed", "pending-to-tested", "new-se-children", "firmware-moved-on", "re-parented",
              "report-reissued", "recounted", "reason-changed", "withdrawn"}


def fields_of(found, entry_id):
    return next(c.fields for c in found.changed if c.entry_id == entry_id)


def test_the_generator_made_every_kind_of_edit(pair):
    assert set(pair[2]) == EVERY_EDIT


def test_field_changes_are_the_generator_edits_normalised(pair, found):
    edits = pair[2]
    failed = edits["tested-to-failed"]["entries"][0]
    assert fields_of(found, failed) == {"dmct_status": ("tested", "failed")}
    done = edits["pending-to-tested"]
    fields = fields_of(found, done["entries"][0])
    assert fields["dmct_status"] == ("pending", "tested")
    assert fields["test_report"] == tuple(done["fields"]["test_report"])
    for name in ("firmware-moved-on", "re-parented", "report-reissued", "recounted"):
        edit = edits[name]
        assert fields_of(found, edit["entries"][0]) == {k: tuple(v) for k, v in edit["fields"].items()}, name
    assert fields_of(found, edits["reason-changed"]["entries"][0]) == {"exclusion_reason": ("uneconomic", "other")}


def test_only_edited_entries_change(pair, found):
    edited = {i for name, e in pair[2].items() if name not in ("new-se-children", "withdrawn") for i in e["entries"]}
    assert {c.entry_id for c in found.changed} == edited


def test_added_and_removed(pair, found):
    assert found.added == pair[2]["new-se-children"]["entries"]
    assert found.removed == pair[2]["withdrawn"]["entries"]
    assert all(found.new[i].qualifies for i in found.added)


def test_a_failed_test_loses_the_entry_and_everything_on_it(pair, sides, found):
    old, new = sides
    edit = pair[2]["tested-to-failed"]
    failed = edit["entries"][0]
    lost = {e.entry_id: e for e in found.lost}
    assert set(lost) == {failed, *edit["dependants"]}
    assert lost[failed].was == "Group 1, tested" and lost[failed].now == "no group: failed testing"
    for i in edit["dependants"]:
        assert lost[i].findings and lost[i].findings == new[i].blocking  # why: the new side's blocking findings
    groups = {g.entry_id: (g.old, g.new) for g in found.groups}
    assert groups[failed] == ("Group 1, tested", "no group: failed testing")
    assert not found.ok


def test_a_completed_test_gains_eligibility(pair, found):
    done = pair[2]["pending-to-tested"]["entries"][0]
    assert [e.entry_id for e in found.gained] == [done]
    assert {g.entry_id: g.new for g in found.groups}[done] == "Group 1, tested"


def test_verdicts_come_from_each_sides_assessment(sides, found):
    old, new = sides
    both = set(old.verdicts) & set(new.verdicts)
    assert {e.entry_id for e in found.lost} == {i for i in both if old[i].qualifies and not new[i].qualifies}
    assert {e.entry_id for e in found.gained} == {i for i in both if new[i].qualifies and not old[i].qualifies}
    assert {g.entry_id for g in found.groups} == {i for i in both if old[i].group != new[i].group
                                                  or old[i].basis != new[i].basis}


def test_findings_new_and_fixed_both_ways(sides, found):
    old, new = sides
    assert old.findings == [] and found.fixed_findings == []
    assert found.new_findings == new.findings
    back = compare(new, old)  # the newer set taken back: what it broke is fixed, what it lost is gained
    assert back.fixed_findings == new.findings and back.new_findings == []
    assert {e.entry_id for e in back.gained} == {e.entry_id for e in found.lost}
    assert {e.entry_id: e.findings for e in back.gained} == {e.entry_id: e.findings for e in found.lost}
    assert back.added == found.removed and back.removed == found.added
    assert [e.entry_id for e in back.lost] == [e.entry_id for e in found.gained]  # the completed test, undone


def test_counts_add_up_per_cohort_and_status(sides, found):
    old, new = sides
    for side, pick in ((old, lambda r: r.old), (new, lambda r: r.new)):
        for r in found.counts:
            vs = [v for v in side.verdicts.values()
                  if v.qualifies and v.cohort == r.cohort and v.install_status == r.install_status]
            assert pick(r) == (sum(v.installs or 0 for v in vs), sum(v.devices for v in vs))
    total_gained = sum(r.gained[0] for r in found.counts)
    assert total_gained == sum(new[i].installs or 0 for i in [e.entry_id for e in found.gained] + found.added)


def test_same_set_no_differences(pair):
    a = assess([pair[0]])
    same = compare(a, assess([pair[0]]))
    assert same.empty and same.ok and same.counts and all(r.old == r.new for r in same.counts)


def test_next_publication_is_deterministic(tmp_path):
    for name in ("a", "b"):
        write_next(tmp_path / name, entries=200, seed=9)
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_unknown_columns_are_never_compared(tmp_path):
    from tests.builders import STATUS_FIELDS, _table, row_tested

    old = _table(tmp_path / "old.xlsx", STATUS_FIELDS, [row_tested("000001", installs=5, rationale="x")])
    row = row_tested("000001", rationale="y")
    del row["installs"]
    new = _table(tmp_path / "new.xlsx", [f for f in STATUS_FIELDS if f != "installs"], [row])
    found = compare(assess([old]), assess([new]))
    # the newer table has no Installations column: unknown, not blank; the rationale did change
    assert [c.fields for c in found.changed] == [{"rationale": ("x", "y")}]
