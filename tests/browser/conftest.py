"""Headless Debian chromium through Playwright. Missing browser: skip, unless
SE_GRAPH_REQUIRE_BROWSER=1 (as CI sets), then fail."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.checks.conftest import check  # noqa: F401  (shared fixture: an assessment of real workbooks)

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def need(program: str) -> str:
    """The path of a program the test needs: skip without it, or fail under CI."""
    found = shutil.which(program)
    if found:
        return found
    if os.environ.get("SE_GRAPH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{program} is required (SE_GRAPH_REQUIRE_BROWSER=1) but is not installed")
    pytest.skip(f"{program} is not installed")


@pytest.fixture
def open_page(browser):
    """open_page(path, size=(1400, 900)) -> (page, requests that tried to leave, page errors); all network blocked."""
    pages = []

    def run(path, size=(1400, 900)):
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        url = path.resolve().as_uri()
        left, errors = [], []

        def route(r):
            if r.request.url == url:
                r.continue_()
            else:
                left.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("request", lambda req: req.url != url and left.append(req.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
        page.goto(url)
        page.wait_for_function("window.__seGraphFirstDraw !== undefined", timeout=30000)
        pages.append(page)
        return page, left, errors

    yield run
    for page in pages:
        page.close()
