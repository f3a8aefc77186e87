"""A substantive-equivalence row names no parent entry.

An entry excluded as substantively equivalent must say which tested entry it is
equivalent to (Parent EPCL ID, or one of its aliases).
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.model import Group, Severity

CODE = "SG201"
NAME = "se-no-parent"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    g = ctx.graph
    for i, grp in g.group.items():
        if grp == Group.TWO and i not in g.parent:
            e = g.row_for(i, "exclusion_reason")
            yield i, f"Entry {i} is excluded as substantively equivalent but names no parent entry.", e.at("parent_id")
