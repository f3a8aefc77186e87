"""`se-graph diff` of two 100k-entry sets against `validate` of one.

    python -m benchmarks.diff [--runs 3] [--entries 100000] [--screenshot docs/img/diff.png]

Generates (cached under benchmarks/out/) a sample set and its next publication,
then times fresh processes, alternating the two commands run by run, and reports
medians: the diff must take at most 2.5x the validate of one set.  With
--screenshot it also writes the HTML diff of the bundled sample and its next
publication and saves a picture of it (headless chromium, network blocked).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from benchmarks.__main__ import OUT, ROOT, run, sample_set

TARGET = 2.5


def next_set(entries: int) -> Path:
    folder = OUT / "sets" / f"{entries}-next"
    done = folder / ".complete"
    if not done.exists():
        from se_graph.sample.next import write_next

        print(f"  generating the next publication of {entries:,} entries ...", flush=True)
        write_next(folder, entries=entries, seed=22)
        done.write_text("ok\n")
    return folder


def measure(entries: int, runs: int) -> dict:
    old, new = sample_set(entries), next_set(entries)
    py = sys.executable
    validate = [py, "-m", "se_graph", "validate", str(old)]
    diff = [py, "-m", "se_graph", "diff", str(old), str(new), "--format", "json"]
    times: dict[str, list[float]] = {"validate": [], "diff": []}
    for k in range(runs):  # alternate, so a busy spell on a shared machine hits both
        print(f"  {entries:,} entries, run {k + 1}/{runs} ...", flush=True)
        times["validate"].append(run(validate)[0])
        times["diff"].append(run(diff)[0])
    v, d = statistics.median(times["validate"]), statistics.median(times["diff"])
    return {"entries": entries, "runs": runs, "validate_seconds": v, "diff_seconds": d, "ratio": d / v,
            "ok": d / v <= TARGET, "all": times}


def screenshot(path: Path) -> None:
    import os
    import shutil
    import tempfile

    from playwright.sync_api import sync_playwright

    from se_graph.assessment import assess
    from se_graph.assessment.diff import compare
    from se_graph.report.diff_html import render_diff_html
    from se_graph.sample.next import write_next

    path = path.resolve()
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # the page names the folders as given: short and relative
        shutil.copytree(ROOT / "data" / "sample", "sample")
        write_next("sample-next", seed=22)  # the next publication of what `se-graph sample` writes by default
        page_path = Path(tmp) / "diff.html"
        found = compare(assess(["sample"]), assess(["sample-next"]))
        os.chdir(here)
        page_path.write_text(render_diff_html(found), encoding="utf-8")
        url = page_path.resolve().as_uri()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.route("**/*", lambda r: r.continue_() if r.request.url == url else r.abort())
            page.goto(url)
            page.wait_for_function("window.__seGraphDiffReady === true")
            path.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(path))
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.diff", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--screenshot", type=Path, help="save a picture of the sample's HTML diff here")
    args = parser.parse_args(argv)
    if args.screenshot:
        screenshot(args.screenshot)
        print(f"Wrote {args.screenshot}.")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    row = measure(args.entries, args.runs)
    print(f"| {row['entries']:,} entries | validate {row['validate_seconds']:.2f} s | diff {row['diff_seconds']:.2f} s "
          f"| {row['ratio']:.2f}x (target <= {TARGET}x) | {'met' if row['ok'] else 'NOT MET'} |")
    return 0 if row["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
