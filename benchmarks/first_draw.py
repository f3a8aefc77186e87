"""Time to first draw of the HTML explorer in headless chromium.

    python -m benchmarks.first_draw [--runs 3] [--screenshots docs/img]
    python -m benchmarks --first-draw   (the same, from the main bench)

Writes the explorer page for the bundled sample (about 300 entries) and for
generated sets of 20,000 and 100,000 entries, opens each in Debian's chromium
(network blocked, a 1400x900 window) and measures, per run, the time from the
start of navigation to the first frame drawn with the page's content (the
page's own clock: reading the file, parsing it, laying out and drawing).  Prints medians.
With --screenshots it also saves explorer-300.png and explorer-100k.png there
(the first view of the sample and of 100,000 entries), explorer-300-1000x700.png
(the sample's first view in a 1000x700 window) and sample-graph.png (the
sample's FOC cohort with an entry selected).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def page_for(folder: Path, out: Path, **kwargs) -> tuple[Path, int]:
    from se_graph.assessment import assess as analyse
    from se_graph.report.html_graph import render_graph_html

    analysis = analyse([folder])
    out.write_text(render_graph_html(analysis, **kwargs), encoding="utf-8")
    return out, len(analysis.verdicts)


def first_draw(browser, path: Path, shot: Path | None = None, select: bool = False,
               size: tuple[int, int] = (1400, 900)) -> tuple[float, str]:
    """Seconds from navigation to the first drawn frame, and the view it opened on."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    url = path.resolve().as_uri()
    page.route("**/*", lambda r: r.continue_() if r.request.url == url else r.abort())
    page.goto(url)
    page.wait_for_function("window.__seGraphFirstDraw !== undefined", timeout=300_000)
    # the page's own clock: milliseconds from the start of navigation to the first frame
    seconds = page.evaluate("window.__seGraphFirstDraw") / 1000
    mode = page.evaluate("window.seGraph.mode()")
    if shot is not None:
        if select:
            page.evaluate("window.seGraph.select(window.seGraph.exampleId())")
        page.wait_for_timeout(300)
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot))
    page.close()
    return seconds, mode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.first_draw", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshots", type=Path, help="save the first views of 300 and 100k entries here")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from benchmarks.__main__ import OUT, sample_set

    OUT.mkdir(parents=True, exist_ok=True)
    pages = {
        "sample (data/sample)": page_for(ROOT / "data" / "sample", OUT / "explorer-sample.html"),
        "20,000 entries": page_for(sample_set(20_000), OUT / "explorer-20k.html"),
        "100,000 entries": page_for(sample_set(100_000), OUT / "explorer-100k.html"),
    }
    shots = {"sample (data/sample)": [("explorer-300.png", (1400, 900)), ("explorer-300-1000x700.png", (1000, 700))],
             "100,000 entries": [("explorer-100k.png", (1400, 900))]}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        print("| graph | entries | page size | opens on | time to first draw (median) |")
        print("|---|---:|---:|---|---:|")
        for name, (path, count) in pages.items():
            runs = [first_draw(browser, path) for _ in range(args.runs)]
            size = path.stat().st_size / 1e6
            print(f"| {name} | {count:,} | {size:.1f} MB | {runs[0][1]} | "
                  f"{statistics.median(r[0] for r in runs):.2f} s |", flush=True)
            for shot, window in shots.get(name, []) if args.screenshots else []:
                first_draw(browser, path, args.screenshots / shot, size=window)
        if args.screenshots:  # the README's picture: one cohort, an entry selected
            foc, _ = page_for(ROOT / "data" / "sample", OUT / "explorer-foc.html", cohort="FOC")
            first_draw(browser, foc, args.screenshots / "sample-graph.png", select=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
