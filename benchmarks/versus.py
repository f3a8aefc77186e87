"""Commands timed against `validate` of the same set: fresh processes, every
command once per cycle (in the given order: a later one may read what an
earlier one wrote), ratios paired within each cycle and their median quoted,
as `docs/performance.md` does (a busy spell on a shared machine hits a whole
cycle, not one command)."""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Callable

from benchmarks.__main__ import run


def measure(commands: dict[str, list[str]], targets: dict[str, float], runs: int, label: str) -> dict:
    """``commands`` holds "validate" and one command per target."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for k in range(runs):
        print(f"  {label}, run {k + 1}/{runs} ...", flush=True)
        for name, cmd in commands.items():
            times[name].append(run(cmd)[0])
    out: dict = {"runs": runs, "seconds": {name: statistics.median(t) for name, t in times.items()}, "all": times}
    for name, target in targets.items():
        ratio = statistics.median(a / v for a, v in zip(times[name], times["validate"]))
        out[name] = {"ratio": ratio, "target": target, "ok": ratio <= target}
    return out


def checks(found: dict, targets: dict[str, float]) -> list[dict]:
    """The targets' rows of the bench's table."""
    return [{"target": f"100k: {name} <= {target}x validate", "value": f"{found[name]['ratio']:.2f}x",
             "ok": found[name]["ok"]} for name, target in targets.items()]


def main(prog: str, measure_at: Callable[[int, int], dict], targets: dict[str, float],
         argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args(argv)
    found = measure_at(args.entries, args.runs)
    for name, target in targets.items():
        print(f"{args.entries:,} entries: {name} {found['seconds'][name]:.2f} s, validate "
              f"{found['seconds']['validate']:.2f} s: {found[name]['ratio']:.2f}x paired (target <= {target}x)")
    return 0 if all(found[name]["ok"] for name in targets) else 1
