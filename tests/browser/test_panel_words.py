"""The explorer's panel says each thing once: where a chain breaks at an entry in
no group, its label already names its status ("no group: pending testing")."""

from __future__ import annotations

from pathlib import Path

from se_graph.assessment import assess
from se_graph.report.html_graph import render_graph_html

BROKEN = Path(__file__).resolve().parents[2] / "data" / "broken"


def test_the_break_names_the_status_once(tmp_path, open_page):
    analysis = assess([BROKEN])
    assert analysis.verdicts["001008"].group is None and analysis.verdicts["001009"].breaks_at == "001008"
    path = tmp_path / "graph.html"
    path.write_text(render_graph_html(analysis), encoding="utf-8")
    page, _, errors = open_page(path, (1200, 800))
    page.evaluate("window.seGraph.select('001009')")
    panel = page.locator("#panel").inner_text()
    assert "The chain breaks at 001008: no group: pending testing" in panel
    assert "pending testing, pending testing" not in panel
    assert errors == []
