"""`se-graph impact` and `se-graph plan` on the 100k set against `validate` of it.

    python -m benchmarks.whatif [--runs 3] [--entries 100000]

Times fresh processes, the three commands once in each cycle
(benchmarks/versus.py), and reports the median of the ratios paired within each
cycle: impact (of the tested root carrying the most entries) within 1.5x
validate, plan within 3x.
"""

from __future__ import annotations

import sys

from benchmarks import versus
from benchmarks.__main__ import sample_set

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
    found = versus.measure(commands, TARGETS, runs, f"{entries:,} entries, impact and plan")
    return {**found, "entries": entries, "root": root}


def checks(found: dict) -> list[dict]:
    return versus.checks(found, TARGETS)


if __name__ == "__main__":
    sys.exit(versus.main("python -m benchmarks.whatif", measure, TARGETS))
