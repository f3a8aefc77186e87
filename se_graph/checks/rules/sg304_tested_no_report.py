"""An entry is marked tested but names no DMCT Test Completion Report.

Without the report the entry is not evidence for Group 1, and every entry
relying on it fails to trace.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.model import Severity
from se_graph.model.vocab import is_tested

CODE = "SG304"
NAME = "tested-no-report"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    g = ctx.graph
    for i, e in g.entries.items():
        if is_tested(e) and not e.test_report and i not in g.epcl_ids:
            yield i, f"Entry {i} is marked tested but names no DMCT Test Completion Report.", g.row_for(i, "dmct_status").at("test_report")
