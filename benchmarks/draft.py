"""`se-graph report` and `se-graph check-report` on the 100k set against `validate` of it.

    python -m benchmarks.draft [--runs 3] [--entries 100000]

Times fresh processes, the three commands one after another in each cycle
(benchmarks/versus.py), and reports the median of the ratios paired within each
cycle: report (the Word draft and its Annex A workbook) within 2x validate,
check-report of that draft within 1.5x.
"""

from __future__ import annotations

import sys

from benchmarks import versus
from benchmarks.__main__ import OUT, sample_set

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
    found = versus.measure(commands, TARGETS, runs, f"{entries:,} entries, report and check-report")
    return {**found, "entries": entries}


def checks(found: dict) -> list[dict]:
    return versus.checks(found, TARGETS)


if __name__ == "__main__":
    sys.exit(versus.main("python -m benchmarks.draft", measure, TARGETS))
