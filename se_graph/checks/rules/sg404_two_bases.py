"""The rows of one entry give it more than one basis.

An entry stands on one basis: tested in DMCT, covered by its Dormant entry's
test (Clause 20.9), or substantively equivalent to a parent. Rows that claim
two (covered in the Status List and excluded as SE in the schedule, say)
cannot both be right. (Tested and excluded is SG402.)
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import tested_and_excluded
from se_graph.model import Basis, Severity

CODE = "SG404"
NAME = "two-bases"
SEVERITY = Severity.ERROR

# each basis in words (tested is its own word)
_SAID = {
    Basis.TESTED: Basis.TESTED.value,
    Basis.CLAUSE_20_9: "covered by its Dormant entry (Clause 20.9)",
    Basis.SE: "substantively equivalent",
}


def check(ctx: Context):
    g = ctx.graph
    for i, bases in g.bases.items():
        if tested_and_excluded(g.rows[i]):
            continue  # tested-and-excluded says so
        said = " and ".join(_SAID[b] for b in bases)
        yield i, f"Entry {i} is given two bases by its rows: {said}; it can stand on one only.", g.rows[i][-1].location
