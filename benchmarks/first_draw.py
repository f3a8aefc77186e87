"""Time to first draw of the HTML explorer in headless chromium.

    python -m benchmarks.first_draw [--runs 3] [--screenshot docs/img/sample-graph.png]

Writes the explorer page for the bundled sample and for a generated 20,000-entry
set, opens each in Debian's chromium (network blocked) and measures, per run,
the time from navigation to vis-network's first ``afterDrawing`` event. Prints
medians. With --screenshot it also saves a picture of the sample graph.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def page_for(folder: Path, out: Path, **kwargs) -> Path:
    from se_graph.assessment import assess as analyse
    from se_graph.report.html_graph import render_graph_html

    out.write_text(render_graph_html(analyse([folder]), **kwargs), encoding="utf-8")
    return out


def first_draw(browser, path: Path, shot: Path | None = None) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    url = path.resolve().as_uri()
    page.route("**/*", lambda r: r.continue_() if r.request.url == url else r.abort())
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_function("window.__seGraphFirstDraw !== undefined", timeout=300_000)
    seconds = time.perf_counter() - start
    if shot is not None:
        page.evaluate("(() => { const id = window.seGraph.exampleId(); window.seGraph.select(id);"
                      " window.seGraph.zoomTo(id, 1.1); })()")
        page.wait_for_timeout(300)
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot))
    page.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.first_draw", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, help="save a picture of the sample graph here")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from benchmarks.__main__ import OUT, sample_set

    OUT.mkdir(parents=True, exist_ok=True)
    pages = {
        "sample (data/sample)": page_for(ROOT / "data" / "sample", OUT / "sample.html"),
        "20,000 entries": page_for(sample_set(20_000), OUT / "20k.html", limit=50_000),
    }
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        print("| graph | entries on the page | time to first draw (median) |")
        print("|---|---:|---:|")
        for name, path in pages.items():
            times = [first_draw(browser, path) for _ in range(args.runs)]
            count = path.read_text(encoding="utf-8").count('"role":')
            print(f"| {name} | {count:,} | {statistics.median(times):.2f} s |", flush=True)
        if args.screenshot:
            focus = page_for(ROOT / "data" / "sample", OUT / "sample-foc.html", cohort="FOC")
            first_draw(browser, focus, args.screenshot)
            print(f"screenshot: {args.screenshot}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
