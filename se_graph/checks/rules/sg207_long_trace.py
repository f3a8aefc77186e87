"""A Group 2 entry traces to Group 1 only through another Group 2 entry.

Allowed, but each extra hop is an equivalence argument a reviewer must accept;
consider naming the tested entry as the parent directly.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.model import Severity

CODE = "SG207"
NAME = "long-trace"
SEVERITY = Severity.WARNING


def check(ctx: Context):
    g = ctx.graph
    for i, depth in g.depth.items():
        if depth > 1:
            path = " -> ".join(g.trace(i))
            yield i, f"Entry {i} traces to its tested root over {depth} equivalence hops: {path}.", g.row_for(i, "parent_id").at("parent_id")
