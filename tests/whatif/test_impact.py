"""`impact`: the entries lost when a test fails, against a naive re-assessment
that marks the entry failed and judges everything again."""

from __future__ import annotations

import dataclasses
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from se_graph.assessment import assess_entries
from se_graph.assessment.impact import if_failed, impact
from se_graph.cli.app import main
from se_graph.ingest import read_inputs
from se_graph.model import Basis, InputError
from se_graph.model.config import Config
from se_graph.model.vocab import DmctStatus, Kind

ROOT = Path(__file__).resolve().parents[2]


def _read(folder: str):
    return read_inputs([ROOT / "data" / folder], Config())


@pytest.fixture(scope="module", params=["sample", "broken"])
def read(request):
    return _read(request.param)


def _assess(read, entries=None):
    return assess_entries(read.tables, entries if entries is not None else read.entries, read.findings, Config())


def _naive_lost(read, before, failed: str) -> set[str]:
    """Mark every row of the entry failed (and off the EPCL), judge again, and
    see which entries qualified before and do not now."""
    rows = [dataclasses.replace(e, dmct_status=DmctStatus.FAILED) if e.entry_id == failed else e
            for e in read.entries if not (e.entry_id == failed and e.source.kind == Kind.EPCL)]
    after = _assess(read, rows)
    return {i for i, v in before.verdicts.items() if v.qualifies and not after.verdicts[i].qualifies}


def test_each_tested_root_loses_exactly_what_the_naive_search_loses(read):
    before = _assess(read)
    roots = sorted(i for i, v in before.verdicts.items() if v.qualifies and v.basis in (Basis.TESTED, Basis.EPCL))
    assert roots
    by_dominators = if_failed(before)
    assert sorted(by_dominators) == roots
    for root in roots:
        lost = {x.entry_id for x in impact(before, [root]).lost}
        assert lost == _naive_lost(read, before, root), root
        assert sorted(lost) == by_dominators[root], root


def test_failing_several_entries_is_their_union_when_routes_are_single(read):
    before = _assess(read)
    roots = [i for i, v in before.verdicts.items() if v.qualifies and v.basis is Basis.TESTED][:3]
    together = {x.entry_id for x in impact(before, roots).lost}
    assert together == set().union(*({x.entry_id for x in impact(before, [r]).lost} for r in roots))


def test_lost_items_carry_the_trace_and_totals_add_up():
    before = _assess(_read("sample"))
    found = impact(before, ["001001"])
    assert [x.entry_id for x in found.lost][:1] == ["001001"]
    for x in found.lost:
        assert x.trace[0] == x.entry_id and x.through in x.trace and x.trace[-1] == "001001"
    totals = found.totals()
    assert sum(c["installs"] for c in totals["all"].values()) == sum(x.installs for x in found.lost)
    assert sum(c["entries"] for k, s in totals.items() if k != "all" for c in s.values()) == len(found.lost)


def test_unknown_ids_are_one_sentence():
    before = _assess(_read("sample"))
    with pytest.raises(InputError, match="No input has entry 999998"):
        impact(before, ["999998"])


def _cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()


def test_cli_json_shape_and_exit_codes(capsys, tmp_path):
    code, text = _cli("impact", "001001", str(ROOT / "data" / "sample"), "--format", "json")
    assert code == 0
    data = json.loads(text)
    assert data["schema_version"] == 1 and data["failed"] == ["001001"]
    assert {"id", "cohort", "installation_status", "installations", "devices"} <= set(data["lost"][0])
    assert data["totals"]["all"]
    code, _ = _cli("impact", "999998", str(ROOT / "data" / "sample"))
    assert code == 2
    assert "No input has entry 999998" in capsys.readouterr().err
    code, _ = _cli("impact", "1001", str(ROOT / "data" / "sample"), "--format", "html", "-o", str(tmp_path / "impact.html"))
    assert code == 0 and "<table>" in (tmp_path / "impact.html").read_text()


def test_a_stricter_policy_names_the_rule_and_the_difference(tmp_path):
    strict = tmp_path / "strict.toml"
    strict.write_text('[policy.IHD]\nmay_differ = ["firmware"]\nmay_lack = false\nmay_add = false\n')
    code, text = _cli("impact", "--policy", str(strict), str(ROOT / "data" / "sample"), "--format", "json")
    assert code == 0
    data = json.loads(text)
    assert data["stop_qualifying"] and not data["start_qualifying"]
    for item in data["stop_qualifying"]:
        assert any(f["code"] == "SG206" and "IHD" in f["message"] for f in item["because"]), item
    same = tmp_path / "same.toml"
    same.write_text("")
    code, text = _cli("impact", "--policy", str(same), str(ROOT / "data" / "sample"))
    assert code == 0 and "every entry keeps its verdict" in text
