"""The explorer page without a browser: self-contained, escaped, focused, any size."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from se_graph.cli import app
from se_graph.report.html_graph import UnknownFocus, render_graph_html
from se_graph.report.html_view import levels, payload, select
from tests.builders import excluded, row_child, row_tested, status_list


@pytest.fixture
def chain(check):
    """000001 tested <- 000002 <- 000003 (two se hops), 000009 pending on its own."""
    return check(
        [row_tested("000001"), {**row_tested("000009"), "dmct_status": "In Test", "test_report": None,
                                "cohort": "FOC"}],
        [row_child("000002", "000001"), row_child("000003", "000002", rationale="</script><b>x</b>")],
    )


def data_block(page: str) -> dict:
    raw = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(raw)


def column(data: dict, name: str, entry: str):
    return data["columns"][name][data["ids"].index(entry)]


def test_page_is_self_contained(chain):
    page = render_graph_html(chain)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    assert not re.search(r"url\((?![\"']?data:)", page), "CSS may only embed data: images"
    assert not re.search(r"@import", page)
    assert "default-src 'none'" in page
    assert page.count("</script>") == 3  # the data block, vis-network and ours: nothing closes early


def test_each_entry_hangs_under_what_it_relies_on(chain):
    ids = select(chain, focus=None, depth=None, errors_only=False, cohort=None)
    level, under = levels(chain.graph, ids)
    assert level == {"000001": 0, "000002": 1, "000003": 2, "000009": 0}
    assert under == {"000002": "000001", "000003": "000002"}
    data = payload(chain, ids)
    assert data["columns"]["under"] == [-1, 0, 1, -1]


def test_data_is_escaped_json(chain):
    page = render_graph_html(chain)
    assert "<b>x</b>" not in page
    data = data_block(page)
    assert data["ids"] == ["000001", "000002", "000003", "000009"]
    hops = [data["hops"][h] for h in column(data, "hops", "000003")]
    assert [(data["text"][h[1]], data["text"][h[2]]) for h in hops] == [("000003", "000002"), ("000002", "000001")]
    kinds = [k["key"] for k in data["edge_kinds"]]
    edges = data["edges"]
    assert {(data["ids"][edges[n]], data["ids"][edges[n + 1]], kinds[edges[n + 2]]) for n in range(0, len(edges), 3)} == {
        ("000002", "000001", "se"), ("000003", "000002", "se")}


def test_the_page_reads_the_verdicts(check):
    """An entry that does not qualify is never drawn as one that does; where its chain breaks travels with it."""
    broken = check([row_tested("000001"), {**row_tested("000008"), "dmct_status": "In Test", "test_report": None}],
                   [row_child("000002", "000404"), row_child("000003", "000001"), row_child("000004", "000008")])
    data = data_block(render_graph_html(broken))
    roles = [r["key"] for r in data["roles"]]
    for i in data["ids"]:
        v = broken[i]
        assert column(data, "qualifies", i) == int(v.qualifies)
        if not v.qualifies:
            assert roles[column(data, "role", i)] not in ("tested", "covered", "group2")
    assert data["text"][column(data, "breaks", "000002")] == "000404"
    assert data["text"][column(data, "breaks", "000004")] == "000008"
    assert column(data, "breaks", "000003") == -1
    assert {f[4] for f in data["findings"] if f[1] == "error"} >= {"000002", "000004"}


def test_focus_depth_cohort_and_errors(chain, check):
    assert data_block(render_graph_html(chain, focus="000002", depth=1))["ids"] == ["000001", "000002", "000003"]
    assert data_block(render_graph_html(chain, cohort="foc"))["ids"] == ["000009"]
    broken = check([row_tested("000001")], [row_child("000002", "000404"), row_child("000003", "000001")])
    assert data_block(render_graph_html(broken, errors_only=True))["ids"] == ["000002"]
    with pytest.raises(UnknownFocus):
        render_graph_html(chain, focus="123456")


def test_graph_command_exit_codes(tmp_path):
    paths = [str(status_list(tmp_path / "s.xlsx", [row_tested("000001")])),
             str(excluded(tmp_path / "e.xlsx", [row_child("000002", "000001")]))]
    runner = CliRunner()
    out = tmp_path / "g.html"
    result = runner.invoke(app, ["graph", *paths, "-o", str(out)])
    assert result.exit_code == 0 and out.exists()
    result = runner.invoke(app, ["graph", *paths, "-o", str(out), "--focus", "2"])
    assert result.exit_code == 0
    result = runner.invoke(app, ["graph", *paths, "-o", str(out), "--focus", "777777"])
    assert result.exit_code == 2 and "777777" in result.output
    result = runner.invoke(app, ["graph", *paths, "-o", str(out), "--limit", "1"])
    assert result.exit_code == 2  # the refusal over a limit is gone, and its option with it
