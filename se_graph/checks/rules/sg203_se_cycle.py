"""Substantive-equivalence links form a cycle, so none of its members can trace.

One finding per member; the message names every member of the cycle.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.model import Severity

CODE = "SG203"
NAME = "se-cycle"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    g = ctx.graph
    for cycle in g.se_cycles:
        ring = " -> ".join([*cycle, cycle[0]])
        for i in cycle:
            yield i, f"Entry {i} is in a cycle of equivalence links: {ring}.", g.row_for(i, "parent_id").at("parent_id")
