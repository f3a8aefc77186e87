"""`se-graph impact` and `se-graph plan` on the 100k set against `validate` of it.

    python -m benchmarks.whatif [--runs 3] [--entries 100000]

Times fresh processes, the three commands alternating run by run, and reports
medians: impact (of the tested root carrying the most entries) within 1.5x
validate, plan within 3x.
"""

from __future__ import annotations

import argparse
import statistics
import sys

from benchmarks.__main__ import run, sample_set

TARGETS = {"impact": 1.5, "plan": 3.0}


def busiest_root(folder) -> str:
    from se_graph.assessment import assess
    from se_graph.assessment.impact import if_failed

    lost = if_failed(assess([folder]))
    return max(lost, key=lambda root: (len(lost[root]), root))


def measure(entries: int, runs: int) -> dict:
    folder = sample_set(entries)
    root = busiest_root(folder)
    py = sys.executable
    commands = {
        "validate": [py, "-m", "se_graph", "validate", str(folder)],
        "impact": [py, "-m", "se_graph", "impact", root, str(folder)],
        "plan": [py, "-m", "se_graph", "plan", str(folder)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for k in range(runs):  # alternate, so a busy spell on a shared machine hits each
        print(f"  {entries:,} entries, run {k + 1}/{runs} ...", flush=True)
        for name, cmd in commands.items():
            times[name].append(run(cmd)[0])
    medians = {name: statistics.median(t) for name, t in times.items()}
    out = {"entries": entries, "runs": runs, "root": root, "seconds": medians, "all": times}
    for name, target in TARGETS.items():
        ratio = medians[name] / medians["validate"]
        out[name] = {"ratio": ratio, "target": target, "ok": ratio <= target}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.whatif")
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
