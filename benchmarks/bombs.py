"""The bombs of the hostile corpus refused quickly, by both readers.

    python -m benchmarks.bombs [--runs 3]

Each bomb (tests/hostile/make_corpus.py: a zip bomb, entity bombs, a million
empty formatted rows) goes through `se-graph validate` in fresh processes, on
calamine and on openpyxl; the median time of each must be under 5 s, except
openpyxl walking the million rows (a fallback only, as slow as bare openpyxl
there): 30 s.  Their memory and their one-sentence refusal are checked by the
tests (tests/hostile/test_bombs.py); only the time lives here.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from benchmarks.__main__ import OUT, ROOT
from tests.hostile.make_corpus import BIG, write

READERS = ("calamine", "openpyxl")
SLOW = {("openpyxl", "million-formatted-rows.xlsx"): 30.0}
TARGET = 5.0


def seconds(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "se_graph", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env, cwd=ROOT, check=False)
    return time.perf_counter() - start


def measure(runs: int) -> list[dict]:
    """The median time of each bomb through each reader, against its limit."""
    folder = OUT / "bombs"
    write(folder)
    results = []
    for name in sorted(BIG):
        for reader in READERS:
            env = {**os.environ, "SE_GRAPH_READER": reader}
            took = statistics.median(seconds(["validate", str(folder / name)], env) for _ in range(runs))
            limit = SLOW.get((reader, name), TARGET)
            results.append({"bomb": name, "reader": reader, "seconds": took, "limit": limit, "ok": took < limit})
    return results


def target(results: list[dict]) -> dict:
    """One line of the bench's targets: the slowest bomb against its limit."""
    worst = max(results, key=lambda r: r["seconds"] / r["limit"])
    return {"target": f"bombs refused in < {TARGET:g} s (openpyxl on a million empty rows: < 30 s)",
            "value": f"{worst['seconds']:.2f} s ({worst['bomb']}, {worst['reader']})",
            "ok": all(r["ok"] for r in results)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bombs", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per bomb and reader (median)")
    args = parser.parse_args(argv)
    results = measure(args.runs)
    for r in results:
        print(f"{r['bomb']} via {r['reader']}: {r['seconds']:.2f} s (limit {r['limit']:g} s)"
              f"{'' if r['ok'] else ' NOT MET'}")
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
