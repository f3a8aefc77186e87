"""The same row appears twice in one table, with identical contents.

It is read once; delete the copy.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.model import Severity

CODE = "SG403"
NAME = "repeated-row"
SEVERITY = Severity.WARNING


def check(ctx: Context):
    g = ctx.graph
    for i, copies in g.repeats.items():
        first = g.rows[i][0]
        for r in copies:
            yield i, f"Entry {i}: row {r.row} repeats row {first.row} exactly and was read once.", r.location
