"""The diff page opens offline in chromium (network blocked) and shows the lost
entries first; spreadsheet text is escaped."""

from __future__ import annotations

import pytest

from se_graph.report.diff_html import render_diff_html
from tests.browser.conftest import CHROMIUM_ARGS, need


@pytest.fixture(scope="module")
def browser():
    executable = need("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_offline(browser, path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    url = path.resolve().as_uri()
    left, errors = [], []

    def route(r):
        if r.request.url == url:
            r.continue_()
        else:
            left.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_function("window.__seGraphDiffReady === true", timeout=30000)
    return page, left, errors


def test_page_opens_offline_and_lists_what_was_lost(browser, pair, found, tmp_path):
    path = tmp_path / "diff.html"
    path.write_text(render_diff_html(found), encoding="utf-8")
    page, left, errors = open_offline(browser, path)
    assert left == [] and errors == []
    assert page.inner_text("#verdict").startswith("LOST: ")
    lost_ids = page.eval_on_selector_all("table[data-section=lost] tbody tr td:first-child", "els => els.map(e => e.textContent)")
    assert lost_ids == [e.entry_id for e in found.lost]
    failed = pair[2]["tested-to-failed"]["entries"][0]
    page.fill("#filter", failed)
    visible = page.eval_on_selector_all("table[data-section=changed] tbody tr:not([hidden])", "els => els.length")
    assert visible == 1
    page.close()


def test_spreadsheet_text_is_escaped(browser, tmp_path):
    from se_graph.assessment import assess
    from se_graph.assessment.diff import compare
    from tests.builders import row_tested, status_list

    old = status_list(tmp_path / "old.xlsx", [row_tested("000001", rationale="plain")])
    new = status_list(tmp_path / "new.xlsx", [row_tested("000001", rationale="<img src=x onerror=alert(1)>")])
    html = render_diff_html(compare(assess([old]), assess([new])))
    assert "<img src=x" not in html and "&lt;img src=x" in html
    path = tmp_path / "d.html"
    path.write_text(html, encoding="utf-8")
    page, left, errors = open_offline(browser, path)
    assert errors == [] and left == [] and page.query_selector("td img") is None
    assert "<img src=x onerror=alert(1)>" in page.inner_text("table[data-section=changed]")
    page.close()
