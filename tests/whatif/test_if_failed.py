"""What each tested root would lose if it failed, for every root at once (the
explorer's "If this failed"), against `impact` of that root alone, the support
graph's dominator tree, and a naive re-assessment that marks the root failed."""

from __future__ import annotations

import networkx as nx
import pytest

from se_graph.assessment.impact import SOURCE, dominator_tree, if_failed, impact
from se_graph.ingest import read_inputs
from se_graph.model import Basis
from se_graph.model.config import Config
from se_graph.report.html_view import payload, select
from se_graph.sample import write_sample
from tests.whatif.test_impact import _assess, _naive_lost, _read


@pytest.fixture(scope="module", params=["sample", "broken", "generated"])
def read(request, tmp_path_factory):
    if request.param != "generated":
        return _read(request.param)
    folder = tmp_path_factory.mktemp("generated")
    write_sample(folder, entries=300, seed=7, defects=True)
    return read_inputs([folder], Config())


def test_every_roots_loss_is_its_impact_its_dominated_entries_and_the_naive_loss(read):
    before = _assess(read)
    roots = sorted(i for i, v in before.verdicts.items() if v.qualifies and v.basis in (Basis.TESTED, Basis.EPCL))
    found = if_failed(before)
    assert roots and sorted(found) == roots
    tree = dominator_tree(before)
    assert sorted(tree.successors(SOURCE)) == roots
    relied_on = 0
    for root in roots:
        assert found[root] == sorted(x.entry_id for x in impact(before, [root]).lost), root
        assert found[root] == sorted({root} | nx.descendants(tree, root)), root
        assert set(found[root]) == _naive_lost(read, before, root), root
        relied_on += len(found[root]) > 1
    assert relied_on  # some root carries others: the comparison is not only of singletons
    seen = [i for lost in found.values() for i in lost]
    assert len(seen) == len(set(seen))  # each entry is lost with one root only


def test_the_explorer_carries_each_roots_loss_by_index(read):
    analysis = _assess(read)
    found = if_failed(analysis)
    ids = select(analysis, focus=None, depth=None, errors_only=False, cohort=None)
    data = payload(analysis, ids)["if_failed"]
    carried = {ids[s[0]]: sorted(ids[m] for m in s) for s in data["sets"]}
    assert carried == {r: lost for r, lost in found.items() if len(lost) > 1}  # nobody relies on the others
    assert data["elsewhere"] == []  # every entry is on a full page


def test_a_narrowed_page_counts_the_loss_it_does_not_show():
    analysis = _assess(_read("sample"))
    found = if_failed(analysis)
    root = max(found, key=lambda r: len(found[r]))
    ids = select(analysis, focus=root, depth=1, errors_only=False, cohort=None)
    page = payload(analysis, ids)
    data, text = page["if_failed"], page["text"]
    (here,) = [s for s in data["sets"] if ids[s[0]] == root]
    away = [e for e in data["elsewhere"] if e[0] == data["sets"].index(here)]
    assert len(here) < len(found[root])  # depth 1 leaves some of the loss off the page
    assert len(here) + sum(e[3] for e in away) == len(found[root])
    totals = impact(analysis, [root]).totals()["all"]
    assert sum(c["installs"] for c in totals.values()) == \
        sum(page["columns"]["installs"][m] or 0 for m in here) + sum(e[4] for e in away)
    assert all(text[e[1]] == analysis[root].cohort for e in away)
