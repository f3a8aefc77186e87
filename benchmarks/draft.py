"""`se-graph report` and `se-graph check-report` on the 100k set against `validate` of it.

    python -m benchmarks.draft [--runs 3] [--entries 100000]

Times fresh processes, the three commands one after another in each cycle (so
a busy spell on a shared machine hits each), and reports medians: report (the
Word draft and its Annex A workbook) within 2x validate, check-report of that
draft within 1.5x.
"""

from __future__ import annotations

import argparse
import statistics
import sys

from benchmarks.__main__ import OUT, run, sample_set

TARGETS = {"report": 2.0, "check-report": 1.5}


def measure(entries: int, runs: int) -> dict:
    folder = sample_set(entries)
    draft = OUT / "draft" / f"{entries}" / "report-draft.docx"
    py = sys.executable
    commands = {
        "validate": [py, "-m", "se_graph", "validate", str(folder)],
        "report": [py, "-m", "se_graph", "report", str(folder), "-o", str(draft)],
        "check-report": [py, "-m", "se_graph", "check-report", str(draft), str(folder)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for k in range(runs):
        print(f"  {entries:,} entries, report and check-report, run {k + 1}/{runs} ...", flush=True)
        for name, cmd in commands.items():  # check-report reads the draft report wrote in this cycle
            times[name].append(run(cmd)[0])
    medians = {name: statistics.median(t) for name, t in times.items()}
    out = {"entries": entries, "runs": runs, "seconds": medians, "all": times}
    for name, target in TARGETS.items():
        ratio = medians[name] / medians["validate"]
        out[name] = {"ratio": ratio, "target": target, "ok": ratio <= target}
    return out


def checks(found: dict) -> list[dict]:
    """The targets' rows of the bench's table."""
    return [{"target": f"100k: {name} <= {found[name]['target']}x validate", "value": f"{found[name]['ratio']:.2f}x",
             "ok": found[name]["ok"]} for name in TARGETS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.draft")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args(argv)
    found = measure(args.entries, args.runs)
    for name in TARGETS:
        r = found[name]
        print(f"{args.entries:,} entries: {name} {found['seconds'][name]:.2f} s, validate "
              f"{found['seconds']['validate']:.2f} s: {r['ratio']:.2f}x (target <= {r['target']}x)")
    return 0 if all(found[name]["ok"] for name in TARGETS) else 1


if __name__ == "__main__":
    sys.exit(main())
