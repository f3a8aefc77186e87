"""The same EPCL ID appears on several rows that disagree.

Rows of one id are merged when they agree on every field that both give
(status, reports, target FW, report number, DMC id, devices, counts, links);
otherwise which one is right cannot be known. A column one table lacks is
not compared, nor is a blank cell; a cell se-graph could not read (an
unknown status, a negative count, an id that is none) is compared as written.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import place
from se_graph.model import Severity

CODE = "SG401"
NAME = "duplicate-conflict"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    g = ctx.graph
    for i, fields in g.conflicts.items():
        rows = g.rows[i]
        places = "; ".join(place(r) for r in rows)
        what = ", ".join(fields)
        yield i, f"Entry {i} appears on several rows that disagree ({what}): {places}.", rows[1].location
