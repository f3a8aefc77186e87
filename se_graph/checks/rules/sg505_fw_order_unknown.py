"""Two firmware versions of an upgrade cannot be put in order.

For example `REL-A` and `REL-B`: se-graph cannot tell which is newer, so it
cannot rule out a downgrade. Check the versions by hand.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import fw_not_forward, fw_where
from se_graph.model import Severity

CODE = "SG505"
NAME = "fw-order-unknown"
SEVERITY = Severity.WARNING


def check(ctx: Context):
    for i, target, pairs in fw_not_forward(ctx):
        unknown = [f"{role} {old} -> {new}" for role, old, new, order in pairs if order is None]
        if unknown:
            yield i, f"Entry {i}: cannot tell whether its upgrade to {target.entry_id} moves firmware forward ({'; '.join(unknown)}).", fw_where(ctx, i)
