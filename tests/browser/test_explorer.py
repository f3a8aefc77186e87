"""The explorer in a real browser, with every network request blocked."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from se_graph.assessment import assess as analyse
from se_graph.cli import app
from se_graph.report.html_graph import render_graph_html
from tests.builders import excluded, row_child, row_tested, status_list

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=2</script>",
    '" onmouseover="window.__pwned=3',
    "</script><script>window.__pwned=4</script>",
    "javascript:window.__pwned=5 href",
]


def write(tmp_path, analysis, **kwargs) -> Path:
    path = tmp_path / "graph.html"
    path.write_text(render_graph_html(analysis, **kwargs), encoding="utf-8")
    return path


def test_sample_page_draws_every_entry_offline(tmp_path, open_page):
    analysis = analyse([SAMPLE])
    page, left, errors = open_page(write(tmp_path, analysis))
    assert left == [] and errors == []
    assert page.evaluate("window.seGraph.nodeCount()") == len(analysis.graph.entries)
    assert page.evaluate("window.seGraph.edgeCount()") == analysis.graph.nx.number_of_edges()


def test_clicking_a_group2_entry_highlights_exactly_its_trace(tmp_path, open_page):
    analysis = analyse([SAMPLE])
    g = analysis.graph
    relied_on = {b for _, b in g.nx.edges()}
    child = next(i for i, grp in sorted(g.group.items()) if grp == 2 and i in g.root and i not in relied_on)
    path = tmp_path / "focus.html"
    result = CliRunner().invoke(app, ["graph", str(SAMPLE), "-o", str(path), "--focus", child])
    assert result.exit_code == 0, result.output
    page, left, errors = open_page(path)
    box = page.locator("#graph").bounding_box()
    spot = page.evaluate(f"window.seGraph.domPosition('{child}')")
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    assert page.evaluate("window.seGraph.selected()") == child
    assert page.evaluate("window.seGraph.highlighted()") == sorted(g.trace(child))
    assert page.evaluate("window.seGraph.trace()") == g.trace(child)
    panel = page.locator("#panel").inner_text()
    assert f"Entry {child}" in panel and " \u2192 ".join(g.trace(child)) in panel
    assert left == [] and errors == []


def test_selecting_a_root_highlights_everything_relying_on_it(tmp_path, open_page):
    analysis = analyse([SAMPLE])
    g = analysis.graph
    root = next(r for r in sorted(set(g.root.values())) if any(p == r for p in g.parent.values()))
    page, _, _ = open_page(write(tmp_path, analysis))
    page.evaluate(f"window.seGraph.select('{root}')")
    dependents = set(page.evaluate("window.seGraph.dependents()"))
    assert {c for c, p in g.parent.items() if p == root} <= dependents


def test_spreadsheet_text_never_runs_as_script(tmp_path, open_page):
    rows = [row_tested("000001", cohort=PAYLOADS[3], **{"ESME.model": PAYLOADS[0]})]
    kids = [row_child(f"00000{n}", "000001", cohort=PAYLOADS[3], **{"ESME.model": PAYLOADS[0],
            "CHF.model": text, "rationale": text}) for n, text in enumerate(PAYLOADS, start=2)]
    paths = [status_list(tmp_path / "s.xlsx", rows), excluded(tmp_path / "e.xlsx", kids)]
    out = tmp_path / "evil.html"
    result = CliRunner().invoke(app, ["graph", *map(str, paths), "-o", str(out)])
    assert result.exit_code == 1  # the CHF models differ from the parent's: SG206
    page, left, errors = open_page(out)
    assert page.evaluate("window.seGraph.nodeCount()") == 1 + len(PAYLOADS)
    box = page.locator("#graph").bounding_box()
    for n in range(1, len(PAYLOADS) + 2):
        spot = page.evaluate(f"window.seGraph.domPosition('{n:06d}')")
        page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"])
        page.wait_for_timeout(250)  # let the tooltip open
        page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    page.fill("#search-id", "2")
    page.press("#search-id", "Enter")
    assert page.evaluate("window.__pwned") is None
    assert left == [] and errors == []
    assert PAYLOADS[0] in page.locator("#panel").inner_text()  # 000002: shown as text, not run
    assert page.locator("#panel img, #panel script, #legend img").count() == 0


def test_filters_hide_what_does_not_match(tmp_path, open_page):
    analysis = analyse([SAMPLE])
    page, _, errors = open_page(write(tmp_path, analysis))
    foc = sum(1 for e in analysis.graph.entries.values() if e.cohort == "FOC")
    page.select_option("#filter-cohort", "FOC")
    assert page.locator("#count").inner_text() == f"{foc} of {len(analysis.graph.entries)} entries shown"
    page.select_option("#filter-role", "group2")
    both = sum(1 for i, e in analysis.graph.entries.items() if e.cohort == "FOC" and analysis.graph.group.get(i) == 2)
    assert page.locator("#count").inner_text().startswith(f"{both} of ")
    page.select_option("#filter-testing", "excluded: substantive equivalence")
    assert page.locator("#count").inner_text().startswith(f"{both} of ")
    assert errors == []
