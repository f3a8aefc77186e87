"""The explorer page without a browser: self-contained, escaped, focused, bounded."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from se_graph.cli import app
from se_graph.report.html_graph import GraphTooLarge, UnknownFocus, network, render_graph_html
from se_graph.report.html_view import levels, payload, positions, select
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


def test_page_is_self_contained(chain):
    page = render_graph_html(chain)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    assert not re.search(r"url\((?![\"']?data:)", page), "CSS may only embed data: images"
    assert not re.search(r"@import", page)
    assert "default-src 'none'" in page
    assert page.count("</script>") == 3  # the data block, vis-network and ours: nothing closes early


def test_levels_put_roots_on_top(chain):
    ids = select(chain, focus=None, depth=None, errors_only=False, cohort=None)
    level, under = levels(chain.graph, ids)
    assert level == {"000001": 0, "000002": 1, "000003": 2, "000009": 0}
    assert under == {"000002": "000001", "000003": "000002"}
    where = positions(ids, level, under)
    assert where["000001"][0] == where["000002"][0] == where["000003"][0]  # a chain stands straight
    assert [where[i][1] for i in ids] == [0, 120, 240, 0] and where["000009"][0] > where["000001"][0]


def test_data_is_escaped_json(chain):
    page = render_graph_html(chain)
    assert "<b>x</b>" not in page
    data = data_block(page)
    assert [n["id"] for n in data["nodes"]] == ["000001", "000002", "000003", "000009"]
    assert next(n for n in data["nodes"] if n["id"] == "000003")["trace"] == ["000003", "000002", "000001"]
    assert {(e["from"], e["to"], e["kind"]) for e in data["edges"]} == {
        ("000002", "000001", "se"), ("000003", "000002", "se")}


def test_network_is_filled_directly(chain):
    ids = select(chain, focus=None, depth=None, errors_only=False, cohort=None)
    net = network(payload(chain, ids))
    assert net.node_ids == ids and len(net.edges) == 2
    assert all(n["label"] == n["id"] and "title" not in n for n in net.nodes)


def test_focus_depth_cohort_and_errors(chain, check):
    assert [n["id"] for n in data_block(render_graph_html(chain, focus="000002", depth=1))["nodes"]] == [
        "000001", "000002", "000003"]
    assert [n["id"] for n in data_block(render_graph_html(chain, cohort="foc"))["nodes"]] == ["000009"]
    broken = check([row_tested("000001")], [row_child("000002", "000404"), row_child("000003", "000001")])
    assert [n["id"] for n in data_block(render_graph_html(broken, errors_only=True))["nodes"]] == ["000002"]
    with pytest.raises(UnknownFocus):
        render_graph_html(chain, focus="123456")


def test_too_large_says_how_to_narrow(chain):
    with pytest.raises(GraphTooLarge) as err:
        render_graph_html(chain, limit=3)
    assert all(opt in str(err.value) for opt in ("--focus", "--errors-only", "--cohort"))


def test_graph_command_exit_codes(tmp_path):
    paths = [str(status_list(tmp_path / "s.xlsx", [row_tested("000001")])),
             str(excluded(tmp_path / "e.xlsx", [row_child("000002", "000001")]))]
    runner = CliRunner()
    out = tmp_path / "g.html"
    result = runner.invoke(app, ["graph", *paths, "-o", str(out)])
    assert result.exit_code == 0 and out.exists()
    result = runner.invoke(app, ["graph", *paths, "-o", str(out), "--limit", "1"])
    assert result.exit_code == 2 and "--focus" in result.output
    result = runner.invoke(app, ["graph", *paths, "-o", str(out), "--focus", "2"])
    assert result.exit_code == 0
    result = runner.invoke(app, ["graph", *paths, "-o", str(out), "--focus", "777777"])
    assert result.exit_code == 2 and "777777" in result.output
