"""One word for each basis everywhere, and "root" in one sense (docs/audit.md):
a Clause 20.9 entry is never counted, coloured or named as tested, in trace, the
roots chart, Annex A, the summary or the explorer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from se_graph.assessment import assess
from se_graph.model import Basis
from se_graph.model.vocab import is_tested_with_report
from se_graph.report.audit import build_audit, charts
from se_graph.report.html_view import BASIS, payload
from se_graph.report.trace import render_trace
from tests.builders import row_tested

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"


@pytest.fixture(scope="module")
def sample():
    return assess(sorted(SAMPLE.glob("*.xlsx")))


def test_trace_names_a_clause_20_9_root_by_its_basis(hand_worked):
    a = assess(hand_worked)  # 000011 is SE to 000002, which stands on Clause 20.9 (Dormant 000001)
    ok, text = render_trace(a, "000011")
    last = text.splitlines()[-1]
    assert ok and last == ("QUALIFIES: 000011 traces to its root 000002 (Clause 20.9) over 000011 -> 000002 "
                           "and has no error.")
    assert "tested entry" not in text
    ok, text = render_trace(a, "000010")  # SE to the tested Dormant entry
    assert "its root 000001 (tested)" in text.splitlines()[-1]


def test_trace_of_an_untraced_entry_says_group_1(check):
    from tests.builders import row_child

    a = check([row_tested("000001")], [row_child("000002", "000404")])
    ok, text = render_trace(a, "000002")
    assert not ok and "does not trace to a Group 1 entry" in text and "tested entry" not in text


def test_roots_chart_never_lists_a_clause_20_9_root_as_tested(sample):
    ranked = charts.top_roots(sample, limit=1000)
    bases = {root: basis for root, basis, _, _ in ranked}
    covered = [r for r, b in bases.items() if b is Basis.CLAUSE_20_9]
    assert covered  # the sample has Group 2 entries standing on Clause 20.9 roots (001402 among them)
    g = sample.graph
    for root, basis in bases.items():  # "tested" only for an entry with its own DMCT report
        assert (basis is Basis.TESTED) == is_tested_with_report(g.entries[root]), root
        assert (basis is Basis.CLAUSE_20_9) == (root in g.dormant), root
    svg = charts.roots_chart(ranked)
    labels = dict(re.findall(r">(\d{6}) \(([^)]+)\)</text>", svg))
    assert {labels[r] for r in covered} == {"Clause 20.9"}
    assert all(labels[r] == BASIS[b] for r, b in bases.items())
    assert "Tested roots" not in svg and 'data-basis="clause-20.9"' in svg


def test_annex_summary_and_explorer_agree(hand_worked):
    a = assess(hand_worked)
    files = build_audit(a, {})
    rows = {line.split(",")[0]: line for line in files["annex-a.csv"].splitlines()[1:]}
    assert ",Clause 20.9," in rows["000002"] and ",tested," in rows["000001"]
    assert ",000002,000002,root 000002 (Clause 20.9): " in rows["000011"]  # parent, root, evidence
    assert "(3: 2 tested, 1 by Clause 20.9)" in files["summary.md"]
    assert "Roots carrying the most installations" in files["index.html"]
    assert "Tested roots" not in files["index.html"]
    data = payload(a, sorted(a.graph.entries))
    col, text, ids = data["columns"], data["text"], data["ids"]
    role = {i: data["roles"][col["role"][n]]["key"] for n, i in enumerate(ids)}
    assert role["000002"] == "covered" and role["000001"] == "tested"
    n = ids.index("000011")
    assert (text[col["root"][n]], text[col["rootBasis"][n]]) == ("000002", "Clause 20.9")
    assert col["root"][ids.index("000041")] == -1  # pending: no root


def test_an_entry_on_the_epcl_is_a_root_on_the_epcl_not_tested(tmp_path):
    from tests.builders import excluded, row_child, write_rows

    epcl = write_rows(tmp_path / "epcl.xlsx", ["EPCL ID", "Cohort", "Date Added to EPCL"],
                      [["000001", "MOC Secure", "2021-03-01"]])
    a = assess([excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001")])], epcl=[epcl])
    assert render_trace(a, "000002")[1].splitlines()[-1].startswith(
        "QUALIFIES: 000002 traces to its root 000001 (on the EPCL)")
    data = payload(a, ["000001", "000002"])
    assert data["roles"][data["columns"]["role"][0]]["key"] == "epcl"
    assert data["text"][data["columns"]["rootBasis"][1]] == "on the EPCL"
