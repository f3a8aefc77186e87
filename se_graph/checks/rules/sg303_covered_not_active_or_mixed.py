"""A Dormant entry is marked as covered by Dormant testing (Clause 20.9).

Only Active and Mixed entries can rely on their DMC's Dormant testing; a
Dormant entry must be tested itself.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import covered
from se_graph.model import Severity
from se_graph.model.vocab import InstallStatus

CODE = "SG303"
NAME = "covered-not-active-or-mixed"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    g = ctx.graph
    for i, e in covered(ctx):
        if e.install_status == InstallStatus.DORMANT:
            yield i, f"Entry {i} is Dormant, so it cannot rely on Clause 20.9; it must be tested itself.", g.row_for(i, "install_status").at("install_status")
