"""`make bench`: se-graph validate against its floor and its peer, on the same files.

For each size (1k, 10k, 100k entries; 1M with --million) it generates a sample
set once (cached under benchmarks/out/), then times fresh processes, several runs
each, and reports medians:

- se-graph: `python -m se_graph validate DIR` end to end (wall time, peak RSS);
- floor: a bare python-calamine read of every sheet of the same workbooks;
- peer: the same se-graph pipeline reading through openpyxl (SE_GRAPH_READER=openpyxl);
- startup: `python -c "import pandas, networkx"`;
- audit: `python -m se_graph audit DIR -o OUT` at 10k and 100k, against the
  validate of the same set measured in the same run (target: at most 3x).
- bombs: the hostile corpus's bombs through both readers (benchmarks/bombs.py;
  target: each refused in under 5 s).
- report and check-report at 100k, each cycle timing validate, report and
  check-report of that draft (benchmarks/draft.py; targets: 2x and 1.5x validate).

`--against REV` instead times validate at 100k by this code and by an earlier
git revision, alternating with the calamine floor (benchmarks/against.py).

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


def compiled(root: Path = ROOT) -> None:
    """Byte-compile se_graph under ``root`` first, as ``pip install`` does: where
    PYTHONDONTWRITEBYTECODE is set, a checkout would otherwise compile every
    module again in every timed run (about 0.06 s), which no installed copy does."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "se_graph")], check=True,
                   stdout=subprocess.DEVNULL)


def run(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
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


def measure_audit(entries: int, runs: int, row: dict) -> None:
    """The audit of the set, in runs interleaved with validate so both see the same machine load."""
    folder = sample_set(entries)
    py = sys.executable
    target = OUT / "audit" / f"{entries}"
    print(f"  {entries:,} entries: audit ...", flush=True)
    audits, validates = [], []
    for _ in range(runs):
        validates.append(run([py, "-m", "se_graph", "validate", str(folder)]))
        audits.append(run([py, "-m", "se_graph", "audit", str(folder), "-o", str(target)]))
    row["audit"] = {"seconds": statistics.median(a[0] for a in audits), "peak_mb": max(a[1] for a in audits),
                    "runs": runs, "validate_seconds": statistics.median(v[0] for v in validates)}


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
    parser.add_argument("--first-draw", action="store_true",
                        help="only the explorer's time to first draw in chromium (benchmarks/first_draw.py)")
    parser.add_argument("--audit-only", action="store_true", help="only the 100k audit against validate")
    parser.add_argument("--against", metavar="REV",
                        help="only validate at 100k by this code and by git revision REV, alternating runs "
                             "(with the calamine floor), and the ratio between them")
    args = parser.parse_args(argv)
    compiled()
    if args.against:
        from benchmarks.against import compare, render

        OUT.mkdir(parents=True, exist_ok=True)
        result = compare(args.against, runs=args.runs)
        print(render(result))
        (OUT / "against.json").write_text(json.dumps(result, indent=2) + "\n")
        return 0
    if args.first_draw:
        from benchmarks.first_draw import main as first_draw

        return first_draw([])
    OUT.mkdir(parents=True, exist_ok=True)
    print("Measuring (medians of fresh processes; the machine may be shared and noisy):", flush=True)
    py = sys.executable
    if args.audit_only:
        row = {"entries": 100_000}
        measure_audit(100_000, 3, row)
        a = row["audit"]
        print(f"100k: audit {a['seconds']:.2f} s, validate {a['validate_seconds']:.2f} s: "
              f"{a['seconds'] / a['validate_seconds']:.2f}x (target <= 3x)")
        return 0 if a["seconds"] <= 3 * a["validate_seconds"] else 1
    startup = median_of([py, "-c", "import pandas, networkx"], args.runs)
    rows = [measure(1_000, args.runs, True), measure(10_000, args.runs, True), measure(100_000, 3, True)]
    measure_audit(10_000, args.runs, rows[1])
    measure_audit(100_000, 3, rows[2])
    if args.million:
        rows.append(measure(1_000_000, 1, False))
    from benchmarks.report import plot, render, targets, update_docs

    checks = targets(rows, startup)
    from benchmarks.diff import measure as measure_diff

    print("  100,000 entries: diff of a set and its next publication ...", flush=True)
    diff = measure_diff(100_000, 3)
    checks.append({"target": "100k: diff of two sets <= 2.5x validate of one", "value": f"{diff['ratio']:.2f}x",
                   "ok": diff["ok"]})
    from benchmarks.bombs import measure as measure_bombs, target as bombs_target

    print("  the hostile corpus's bombs, both readers ...", flush=True)
    checks.append(bombs_target(measure_bombs(3)))
    from benchmarks.whatif import checks as whatif_checks, measure as measure_whatif

    print("  100,000 entries: impact and plan ...", flush=True)
    whatif = measure_whatif(100_000, 3)
    checks += whatif_checks(whatif)
    from benchmarks.draft import checks as draft_checks, measure as measure_draft

    print("  100,000 entries: report and check-report ...", flush=True)
    draft = measure_draft(100_000, 3)
    checks += draft_checks(draft)
    text = render(rows, startup, checks)
    print()
    print(text)
    for row in rows:
        if "safety" in row:
            print(f"safety check before reading, {row['entries']:,} entries: {row['safety']['seconds']:.2f} s "
                  f"({row['safety']['seconds'] / row['floor']['seconds']:.2f}x of the calamine floor, "
                  "interpreter start included)")
    results = {"startup": startup, "rows": rows, "diff": diff, "whatif": whatif, "draft": draft, "targets": checks, "python": sys.version.split()[0],
               "cpus": os.cpu_count()}
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    if not args.no_write:
        plot(rows, startup, ROOT / "docs" / "img" / "performance.png")
        update_docs(ROOT / "docs" / "performance.md", text)
    return 0 if all(c["ok"] for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
