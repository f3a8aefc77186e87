"""The diff page opens offline in chromium (network blocked) and shows the lost
entries first; spreadsheet text is escaped."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from se_graph.report.diff_html import render_diff_html
from tests.browser.conftest import CHROMIUM_ARGS, need


def in_chromium(path, look):
    """Open ``path`` in headless chromium with every other request blocked and
    return (look(page), requests that tried to leave, page errors).

    Runs in a thread of its own: the explorer tests may hold a Playwright session
    (and its event loop) open in this one for the whole test run."""
    executable = need("chromium")

    def run():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
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
            try:
                return look(page), left, errors
            finally:
                browser.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def test_page_opens_offline_and_lists_what_was_lost(pair, found, tmp_path):
    path = tmp_path / "diff.html"
    path.write_text(render_diff_html(found), encoding="utf-8")
    failed = pair[2]["tested-to-failed"]["entries"][0]

    def look(page):
        verdict = page.inner_text("#verdict")
        lost = page.eval_on_selector_all("table[data-section=lost] tbody tr td:first-child",
                                         "els => els.map(e => e.textContent)")
        page.fill("#filter", failed)
        visible = page.eval_on_selector_all("table[data-section=changed] tbody tr:not([hidden])", "els => els.length")
        return verdict, lost, visible

    (verdict, lost, visible), left, errors = in_chromium(path, look)
    assert left == [] and errors == []
    assert verdict.startswith("LOST: ")
    assert lost == [e.entry_id for e in found.lost]
    assert visible == 1  # the filter keeps the failed entry's one changed field


def test_spreadsheet_text_is_escaped(tmp_path):
    from se_graph.assessment import assess
    from se_graph.assessment.diff import compare
    from tests.builders import row_tested, status_list

    old = status_list(tmp_path / "old.xlsx", [row_tested("000001", rationale="plain")])
    new = status_list(tmp_path / "new.xlsx", [row_tested("000001", rationale="<img src=x onerror=alert(1)>")])
    html = render_diff_html(compare(assess([old]), assess([new])))
    assert "<img src=x" not in html and "&lt;img src=x" in html
    path = tmp_path / "d.html"
    path.write_text(html, encoding="utf-8")

    def look(page):
        return page.query_selector("td img") is None, page.inner_text("table[data-section=changed]")

    (no_img, text), left, errors = in_chromium(path, look)
    assert no_img and errors == [] and left == []
    assert "<img src=x onerror=alert(1)>" in text
