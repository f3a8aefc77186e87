"""An Active or Mixed entry relies on Clause 20.9 without a SIT report.

Clause 20.41: the Dormant DMCT report must be backed by Active or Mixed SIT
evidence, named in the SIT Test Completion Report column.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import covered
from se_graph.model import Severity
from se_graph.model.vocab import InstallStatus

CODE = "SG302"
NAME = "covered-no-sit-report"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    g = ctx.graph
    for i, e in covered(ctx):
        if e.install_status in (InstallStatus.ACTIVE, InstallStatus.MIXED) and not e.sit_report:
            yield i, f"Entry {i} relies on Clause 20.9 but names no SIT Test Completion Report.", g.row_for(i, "sit_report").at("sit_report")
