"""A substantive-equivalence parent is found in no input.

Add the workbook that holds the parent (or the current EPCL with `--epcl`), or
correct the Parent EPCL ID.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.model import Severity

CODE = "SG202"
NAME = "se-parent-unknown"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    g = ctx.graph
    for i, par in g.parent.items():
        if par not in g.entries:
            e = g.row_for(i, "parent_id")
            yield i, f"Entry {i} names parent {par}, which is in none of the inputs.", e.at("parent_id")
