"""`make bench`: se-graph validate against its floor and its peer, on the same files.

For each size (1k, 10k, 100k entries; 1M with --million) it generates a sample
set once (cached under benchmarks/out/), then times fresh processes, several runs
each, and reports medians:

- se-graph: `python -m se_graph validate DIR` end to end (wall time, peak RSS);
- floor: a bare python-calamine read of every sheet of the same workbooks;
- peer: the same se-graph pipeline reading through openpyxl (SE_GRAPH_READER=openpyxl);
- startup: `python -c "import pandas, networkx"`.

It prints the ratios against the targets, writes benchmarks/out/results.json,
the plot docs/img/performance.png and the figures block of docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
FLOOR = (
    "import sys, python_calamine\n"
    "for p in sys.argv[1:]:\n"
    "    wb = python_calamine.CalamineWorkbook.from_path(p)\n"
    "    for n in wb.sheet_names:\n"
    "        wb.get_sheet_by_name(n).to_python()\n"
)

# what safety adds before calamine sees a file: the sheet-extent check
# (se_graph.ingest.sheetcheck) over the same workbooks, in a fresh process
SAFETY = (
    "import sys, zipfile\n"
    "from se_graph.ingest import sheetcheck\n"
    "for p in sys.argv[1:]:\n"
    "    with zipfile.ZipFile(p) as z:\n"
    "        assert sheetcheck.check_zip(z).safe\n"
)


def sample_set(entries: int) -> Path:
    """A cached sample set of about ``entries`` entries (two cohorts, seed 22)."""
    folder = OUT / "sets" / f"{entries}"
    done = folder / ".complete"
    if not done.exists():
        from se_graph.sample import write_sample

        print(f"  generating {entries:,} entries ...", flush=True)
        write_sample(folder, entries=entries, seed=22)
        done.write_text("ok\n")
    return folder


def run(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(cmd)}\n{err}")
    return wall, usage.ru_maxrss / 1024


def median_of(cmd, runs: int, env=None) -> dict:
    results = [run(cmd, env) for _ in range(runs)]
    return {"seconds": statistics.median(r[0] for r in results), "peak_mb": max(r[1] for r in results),
            "runs": runs}


def measure(entries: int, runs: int, peer: bool) -> dict:
    folder = sample_set(entries)
    files = sorted(str(p) for p in folder.glob("*.xlsx"))
    py = sys.executable
    row = {"entries": entries}
    print(f"  {entries:,} entries: se-graph ...", flush=True)
    row["se_graph"] = median_of([py, "-m", "se_graph", "validate", str(folder)], runs)
    print(f"  {entries:,} entries: calamine floor ...", flush=True)
    row["floor"] = median_of([py, "-c", FLOOR, *files], runs)
    print(f"  {entries:,} entries: safety check ...", flush=True)
    row["safety"] = median_of([py, "-c", SAFETY, *files], runs)
    if peer:
        print(f"  {entries:,} entries: openpyxl pipeline ...", flush=True)
        env = {**os.environ, "SE_GRAPH_READER": "openpyxl"}
        row["openpyxl"] = median_of([py, "-m", "se_graph", "validate", str(folder)], max(1, runs // 3), env)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--million", action="store_true", help="also run 1,000,000 entries (about 5 minutes)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement at 1k and 10k (median)")
    parser.add_argument("--no-write", action="store_true", help="print only; do not update docs/")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    print("Measuring (medians of fresh processes; the machine may be shared and noisy):", flush=True)
    py = sys.executable
    startup = median_of([py, "-c", "import pandas, networkx"], args.runs)
    rows = [measure(1_000, args.runs, True), measure(10_000, args.runs, True), measure(100_000, 3, True)]
    if args.million:
        rows.append(measure(1_000_000, 1, False))
    from benchmarks.report import plot, render, targets, update_docs

    checks = targets(rows, startup)
    text = render(rows, startup, checks)
    print()
    print(text)
    for row in rows:
        if "safety" in row:
            print(f"safety check before reading, {row['entries']:,} entries: {row['safety']['seconds']:.2f} s "
                  f"({row['safety']['seconds'] / row['floor']['seconds']:.2f}x of the calamine floor, "
                  "interpreter start included)")
    results = {"startup": startup, "rows": rows, "targets": checks, "python": sys.version.split()[0],
               "cpus": os.cpu_count()}
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    if not args.no_write:
        plot(rows, startup, ROOT / "docs" / "img" / "performance.png")
        update_docs(ROOT / "docs" / "performance.md", text)
    return 0 if all(c["ok"] for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
