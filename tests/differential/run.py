"""Run N random sets through se-graph and the oracle; summarise the disagreements.

    python -m tests.differential.run -n 200 --seed 1 [--keep DIR] [-j 2]

Exit 1 when any set disagrees. For each kind of disagreement the smallest set
(fewest entries) showing it is named by its seed: regenerate it with
``python -m tests.differential.generate --seed S -o DIR``.

While it runs it writes to stderr a line for each disagreeing set the moment it
is found, and a progress line every 250 sets, so a run stopped early still says
how far it got and what it found.
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


EVERY = 250  # sets between progress lines


def run(n, seed, keep=None, jobs=2, out=sys.stdout, drawn=None, log=None):
    """The disagreements by kind; ``drawn``, a set, gathers the defects, writers and
    freedoms (such as hardware written as numbers) the sets drew; ``log``, a stream,
    gets each disagreeing set as found and a progress line every ``EVERY`` sets."""
    seeds = [seed + i for i in range(n)]
    started = time.time()
    by_kind = {}
    failing = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for done, (s, opts, diffs, size) in enumerate(pool.map(one, [(x, keep) for x in seeds]), 1):
            if drawn is not None:
                drawn.update(opts.get("defects") or [])
                drawn.update(opts["writer"].split("+"))
                drawn.update(opts.get("freedoms") or [])
            if diffs:
                failing += 1
                if log is not None:
                    print("seed %d disagrees: %s" % (s, "; ".join(k for k, _ in diffs)), file=log, flush=True)
            if log is not None and (done % EVERY == 0 or done == n):
                print("%d of %d sets, %d disagree, %.0f s" % (done, n, failing, time.time() - started),
                      file=log, flush=True)
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
    by_kind = run(a.n, a.seed, a.keep, a.jobs, log=sys.stderr)
    sys.exit(1 if by_kind else 0)


if __name__ == "__main__":
    main()
