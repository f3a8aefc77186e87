"""A firmware chain ends at an entry that is neither requested nor on the EPCL.

Its installations could not migrate after the upgrade.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import fw_where
from se_graph.model import Severity

CODE = "SG508"
NAME = "fw-target-unlisted"
SEVERITY = Severity.WARNING


def check(ctx: Context):
    g = ctx.graph
    for i in g.upgrade:
        final = g.fw_final.get(i)
        if final is not None and g.entries[final].target_fw is not False:
            if final not in g.requested and final not in g.epcl_ids:
                yield i, f"Entry {i} is upgraded towards {final}, which is neither requested nor on the EPCL.", fw_where(ctx, i)
