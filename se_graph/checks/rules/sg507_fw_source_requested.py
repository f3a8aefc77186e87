"""A firmware-upgrade source is itself requested for the EPCL.

Sources are counted as potential upgrades to their target, not as entries of
their own; requesting both counts the installations twice.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.model import Severity

CODE = "SG507"
NAME = "fw-source-requested"
SEVERITY = Severity.WARNING


def check(ctx: Context):
    g = ctx.graph
    for i in g.upgrade:
        if i in g.requested:
            yield i, f"Entry {i} is a firmware-upgrade source but is also requested for the EPCL.", g.row_for(i, "epcl_report").at("epcl_report")
