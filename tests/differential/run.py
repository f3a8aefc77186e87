"""Run N random sets through se-graph and the oracle; summarise the disagreements.

    python -m tests.differential.run -n 200 --seed 1 [--keep DIR] [-j 2]

Exit 1 when any set disagrees. For each kind of disagreement the smallest set
(fewest entries) showing it is named by its seed: regenerate it with
``python -m tests.differential.generate --seed S -o DIR``.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor

from tests.differential.compare import compare_set
from tests.differential.generate import generate


def one(args):
    seed, keep = args
    base = keep or tempfile.mkdtemp(prefix="se-graph-fuzz-")
    set_dir = os.path.join(base, "set-%d" % seed)
    try:
        opts = generate(seed, set_dir)
        size = 0
        for e in opts["inputs"]:
            size += os.path.getsize(os.path.join(set_dir, e))
        try:
            diffs = compare_set(set_dir)
        except Exception as crash:  # the harness itself failed: report, never hide
            diffs = [("harness error: %s" % type(crash).__name__, str(crash)[:300])]
        return seed, opts, diffs, size
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)


def run(n, seed, keep=None, jobs=2, out=sys.stdout, drawn=None):
    """The disagreements by kind; ``drawn``, a set, gathers the defects, writers and
    freedoms (such as hardware written as numbers) the sets drew."""
    seeds = [seed + i for i in range(n)]
    started = time.time()
    by_kind = {}
    failing = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for s, opts, diffs, size in pool.map(one, [(x, keep) for x in seeds]):
            if drawn is not None:
                drawn.update(opts.get("defects") or [])
                drawn.update(opts["writer"].split("+"))
                drawn.update(opts.get("freedoms") or [])
            if diffs:
                failing += 1
            for kind, detail in diffs:
                k = by_kind.setdefault(kind, {"count": 0, "sets": set(), "best": None})
                k["count"] += 1
                k["sets"].add(s)
                if k["best"] is None or size < k["best"][0]:
                    k["best"] = (size, s, detail, opts.get("defects"), opts.get("writer"))
    took = time.time() - started
    print("%d sets, %d disagree, %.2f s per set (%d jobs)" % (n, failing, took / max(n, 1), jobs),
          file=out)
    for kind in sorted(by_kind, key=lambda k: -len(by_kind[k]["sets"])):
        k = by_kind[kind]
        size, s, detail, defects, writer = k["best"]
        print("- %s: %d in %d sets; smallest seed %d (%s, defects %s): %s"
              % (kind, k["count"], len(k["sets"]), s, writer, defects, detail), file=out)
    return by_kind


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", default=None, help="keep the generated sets in DIR")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    a = ap.parse_args(argv)
    if a.keep:
        os.makedirs(a.keep, exist_ok=True)
    by_kind = run(a.n, a.seed, a.keep, a.jobs)
    sys.exit(1 if by_kind else 0)


if __name__ == "__main__":
    main()
