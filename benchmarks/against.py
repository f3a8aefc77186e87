"""`python -m benchmarks --against REV`: validate of one set by this code and by
the code of an earlier git revision, in alternating fresh processes, with the
bare calamine read of the same files in the same alternation.

On a shared machine the load changes from minute to minute, so figures taken at
different times cannot be compared; runs that alternate (one of each per cycle,
in a shuffled order) see the same load, and the ratios within each cycle can:
their median is the figure quoted.  The earlier
code runs from a git worktree (benchmarks/out/against-REV), with this
environment's interpreter and libraries.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks.__main__ import FLOOR, OUT, ROOT, compiled, run, sample_set


def checkout(rev: str) -> Path:
    """A worktree of ``rev`` under benchmarks/out, made once."""
    sha = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip()
    folder = OUT / f"against-{sha[:12]}"
    if not (folder / "se_graph").is_dir():
        subprocess.run(["git", "worktree", "add", "--detach", "--force", str(folder), sha], cwd=ROOT,
                       capture_output=True, check=True)
    return folder


def compare(rev: str, entries: int = 100_000, runs: int = 5) -> dict:
    folder = sample_set(entries)
    files = sorted(str(p) for p in folder.glob("*.xlsx"))
    earlier = checkout(rev)
    compiled(earlier)
    py = sys.executable
    # `python -m se_graph` from a folder imports that folder's se_graph first
    commands = {
        "earlier": ([py, "-m", "se_graph", "validate", str(folder)], earlier),
        "now": ([py, "-m", "se_graph", "validate", str(folder)], ROOT),
        "floor": ([py, "-c", FLOOR, *files], ROOT),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    order = random.Random(rev)
    for _ in range(runs):
        # a fresh order each cycle, so no command always runs after the same one
        for name in order.sample(list(commands), len(commands)):
            cmd, cwd = commands[name]
            times[name].append(run(cmd, cwd=cwd)[0])
    medians = {name: statistics.median(t) for name, t in times.items()}

    def paired(a: str, b: str) -> float:
        # the median of the ratios within each cycle: the load changes between
        # cycles far more than within one, so these move less than the medians
        return statistics.median(x / y for x, y in zip(times[a], times[b]))

    return {"rev": rev, "entries": entries, "runs": runs, "times": times, "medians": medians,
            "now_vs_earlier": paired("now", "earlier"),
            "now_vs_floor": paired("now", "floor"),
            "earlier_vs_floor": paired("earlier", "floor")}


def render(result: dict) -> str:
    m = result["medians"]
    lines = [f"validate of {result['entries']:,} entries, {result['runs']} cycles of one run each, in shuffled order "
             "(median times; ratios: median of the ratios within each cycle):",
             f"  {result['rev']}: {m['earlier']:.2f} s ({result['earlier_vs_floor']:.2f}x the calamine floor)",
             f"  now: {m['now']:.2f} s ({result['now_vs_floor']:.2f}x the calamine floor)",
             f"  calamine floor: {m['floor']:.2f} s",
             f"  now / {result['rev']}: {result['now_vs_earlier']:.2f}x"]
    for name, values in result["times"].items():
        lines.append(f"  runs, {name}: " + ", ".join(f"{v:.2f}" for v in values))
    return "\n".join(lines)
