"""The explorer's "If this failed" on a tested entry, in a real browser: the
entries it highlights and the totals it shows are `impact`'s for that entry."""

from __future__ import annotations

from pathlib import Path

from se_graph.assessment import assess
from se_graph.assessment.impact import if_failed, impact
from se_graph.report.html_graph import render_graph_html
from tests.browser.test_explorer import PAYLOADS
from tests.builders import row_child, row_tested

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
BROKEN = ROOT / "data" / "broken"
DIMMED = "#ececec"  # the background of an entry the highlight leaves out


def write(tmp_path, analysis, **kwargs) -> Path:
    path = tmp_path / "graph.html"
    path.write_text(render_graph_html(analysis, **kwargs), encoding="utf-8")
    return path


def rows(page) -> set[tuple[str, ...]]:
    cells = page.locator("#if-failed-totals tr").evaluate_all(
        "trs => trs.slice(1).map(tr => Array.from(tr.cells, c => c.textContent))")
    return {tuple(r) for r in cells}


def expected_rows(found) -> set[tuple[str, ...]]:
    return {(cohort, status.title(), f"{c['entries']:,}", f"{c['installs']:,}", f"{c['devices']:,}")
            for cohort, by_status in found.totals().items() if cohort != "all" for status, c in by_status.items()}


def test_if_this_failed_highlights_the_loss_and_shows_its_totals(tmp_path, open_page):
    analysis = assess([SAMPLE])
    losses = if_failed(analysis)
    root = max(sorted(losses), key=lambda r: len(losses[r]))  # the tested entry carrying the most
    found = impact(analysis, [root])
    lost = sorted(x.entry_id for x in found.lost)
    assert lost == losses[root] and len(lost) > 2
    page, left, errors = open_page(write(tmp_path, analysis), (1366, 768))
    page.evaluate(f"window.seGraph.select('{root}')")
    before = page.evaluate("window.seGraph.highlighted()")
    assert page.locator("#if-failed-totals").is_hidden()
    page.click("#if-failed")
    assert page.evaluate("window.seGraph.ifFailed()") is True
    assert page.evaluate("window.seGraph.highlighted()") == lost
    assert page.evaluate("window.seGraph.lost()") == lost
    assert page.locator("#if-failed").get_attribute("aria-pressed") == "true"
    installs = sum(x.installs for x in found.lost)
    devices = sum(x.devices for x in found.lost)
    text = page.locator("#if-failed-totals").inner_text()
    assert (f"{len(lost)} entries would no longer qualify (itself and {len(lost) - 1} entries with no other "
            f"route to a tested entry): {installs:,} installations, {devices:,} devices.") in text
    assert rows(page) == expected_rows(found)
    # the totals fit the side panel of a laptop screen: nothing hidden off to the right
    assert page.evaluate("(p => p.scrollWidth <= p.clientWidth)(document.getElementById('panel'))")
    # the lost keep their colours, every other entry is dimmed
    other = next(i for i in page.evaluate("window.seGraph.drawnIds()") if i not in lost)
    assert page.evaluate(f"window.seGraph.nodeStyle('{other}')")["color"]["background"] == DIMMED
    for i in lost:
        assert page.evaluate(f"window.seGraph.nodeStyle('{i}')")["color"]["background"] != DIMMED
    # off again: the selection's own highlight comes back
    page.click("#if-failed")
    assert page.evaluate("window.seGraph.ifFailed()") is False
    assert page.evaluate("window.seGraph.highlighted()") == before
    assert page.locator("#if-failed-totals").is_hidden()
    # on, then another entry selected: cleared
    page.click("#if-failed")
    page.evaluate(f"window.seGraph.select('{lost[-1]}')")
    assert page.evaluate("window.seGraph.ifFailed()") is False and page.evaluate("window.seGraph.lost()") == []
    assert page.evaluate(f"window.seGraph.nodeStyle('{lost[-1]}')")["color"]["background"] != DIMMED
    # a tested entry nobody relies on
    alone = next(r for r in sorted(losses) if len(losses[r]) == 1)
    page.evaluate(f"window.seGraph.select('{alone}')")
    assert "If this failed\n\nNothing else relies on it." in page.locator("#panel").inner_text()
    assert page.locator("#if-failed").count() == 0
    assert left == [] and errors == []


def test_on_families_the_loss_is_drawn_when_asked_for(tmp_path, open_page):
    analysis = assess([BROKEN])
    losses = if_failed(analysis)
    root = max(sorted(losses), key=lambda r: len(losses[r]))
    assert len(losses[root]) > 1
    page, _, errors = open_page(write(tmp_path, analysis, detail_limit=20))
    assert page.evaluate("window.seGraph.mode()") == "families"
    page.evaluate(f"window.seGraph.select('{root}')")
    page.click("#if-failed")
    assert page.evaluate("window.seGraph.highlighted()") == losses[root]
    assert set(losses[root]) <= set(page.evaluate("window.seGraph.drawnIds()"))
    assert rows(page) == expected_rows(impact(analysis, [root]))
    assert errors == []


def test_the_totals_show_spreadsheet_text_as_text(tmp_path, open_page, check):
    cohort = PAYLOADS[0]
    analysis = check([row_tested("000001", cohort=cohort)], [row_child("000002", "000001", cohort=cohort)])
    assert if_failed(analysis)["000001"] == ["000001", "000002"]
    page, left, errors = open_page(write(tmp_path, analysis))
    page.evaluate("window.seGraph.select('000001')")
    page.click("#if-failed")
    assert page.evaluate("window.seGraph.highlighted()") == ["000001", "000002"]
    assert {r[0] for r in rows(page)} == {cohort}
    assert page.locator("#panel img, #panel script").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert left == [] and errors == []
