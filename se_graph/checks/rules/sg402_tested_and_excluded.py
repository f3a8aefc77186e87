"""An entry is marked tested in the Status List and also excluded from the schedule."""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import place, tested_and_excluded
from se_graph.model import Severity

CODE = "SG402"
NAME = "tested-and-excluded"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    g = ctx.graph
    for i, rows in g.rows.items():
        if len(rows) < 2:
            continue  # one row cannot be both
        both = tested_and_excluded(rows)
        if both:
            x = both[1]
            yield i, f"Entry {i} is marked tested in the Status List but also excluded from DMCT ({place(x)}).", x.location
