"""A firmware chain ends at an entry that is not at target FW.

A chain may pass through other firmware sources; its final entry must have
Target FW = Y.  Every source of such a chain has the error, not only the one
that names the final entry.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import fw_where
from se_graph.model import Severity

CODE = "SG502"
NAME = "fw-target-not-at-target"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    g = ctx.graph
    for i in g.upgrade:
        final = g.fw_final.get(i)
        if final is not None and g.entries[final].target_fw is False:
            yield i, f"Entry {i} is upgraded towards {final}, which is not at target FW.", fw_where(ctx, i)
