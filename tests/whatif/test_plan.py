"""`plan`: greedy maximum coverage against an exhaustive search, and the plan on
a set where requested entries do not trace."""

from __future__ import annotations

import io
import itertools
import json
import math
import random
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from se_graph.assessment import assess
from se_graph.assessment.plan import Candidate, greedy, make_plan
from se_graph.cli.app import main

ROOT = Path(__file__).resolve().parents[2]


def _best(candidates, weights, k: int) -> int:
    best = 0
    for chosen in itertools.combinations(candidates, min(k, len(candidates))):
        best = max(best, sum(weights[i] for i in set().union(*(c.mends for c in chosen))))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_greedy_against_exhaustive_search_on_small_instances(seed):
    rng = random.Random(seed)
    entries = [f"{n:06d}" for n in range(rng.randint(3, 12))]
    weights = {i: rng.choice([1, 5, 20, 100, 1000]) for i in entries}
    candidates = tuple(
        Candidate(entry_id=f"{900000 + c:06d}", cohort="FOC",
                  mends=frozenset(rng.sample(entries, rng.randint(1, min(4, len(entries))))))
        for c in range(rng.randint(1, 7)))
    for k in range(1, len(candidates) + 1):
        picks = greedy(candidates, weights, k)
        got = picks[-1].cumulative_installs if picks else 0
        best = _best(candidates, weights, k)
        assert got <= best
        assert got >= (1 - 1 / math.e) * best - 1e-9
        disjoint = all(not (a.mends & b.mends) for a, b in itertools.combinations(candidates, 2))
        if disjoint:
            assert got == best
    everything = greedy(candidates, weights, None)
    curve = [p.cumulative_installs for p in everything]
    assert curve == sorted(curve) and all(p.installs > 0 or p.gained for p in everything)
    assert set().union(*(p.gained for p in everything)) == set().union(*(c.mends for c in candidates))


@pytest.fixture(scope="module")
def broken():
    return assess([ROOT / "data" / "broken"])


def test_plan_on_a_set_with_uncovered_entries(broken):
    plan = make_plan(broken)
    assert plan.uncovered and plan.picks
    weights = {u.entry_id: u.installs for u in plan.uncovered}
    first = plan.picks[0]
    assert all(first.installs >= sum(weights[i] for i in c.mends) for c in plan.candidates)
    curve = [p.cumulative_installs for p in plan.picks]
    assert curve == sorted(curve)
    uncovered = {u.entry_id for u in plan.uncovered}
    assert uncovered == {v.entry_id for v in broken.requested if not v.traces}
    for u in plan.uncovered:  # every candidate parent is a tested entry its policy allows
        for p in u.parents:
            assert broken[p.entry_id].qualifies and all(d.permitted for d in p.differences)
    assert len(make_plan(broken, tests=1).picks) == 1


def test_plan_on_a_clean_set_has_nothing_to_do():
    plan = make_plan(assess([ROOT / "data" / "sample"]))
    assert not plan.uncovered and not plan.picks


def test_cli_plan_json_and_html(tmp_path):
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["plan", str(ROOT / "data" / "broken"), "--format", "json"])
    assert code == 0
    data = json.loads(out.getvalue())
    assert data["schema_version"] == 1 and data["plan"] and data["uncovered"]
    assert [p["cumulative_installations"] for p in data["plan"]] == sorted(
        p["cumulative_installations"] for p in data["plan"])
    page = tmp_path / "plan.html"
    assert main(["plan", str(ROOT / "data" / "broken"), "--format", "html", "-o", str(page)]) == 0
    html = page.read_text()
    assert "<svg" in html and "<polyline" in html and "Test plan" in html
