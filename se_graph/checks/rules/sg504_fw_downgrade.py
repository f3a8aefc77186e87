"""A firmware "upgrade" would move a device to an older firmware version.

Versions are compared number by number (1.10 is newer than 1.9); hex
versions such as 0x01A2 are compared as numbers.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import fw_not_forward, fw_where
from se_graph.model import Severity

CODE = "SG504"
NAME = "fw-downgrade"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    for i, target, pairs in fw_not_forward(ctx):
        older = [f"{role} {old} -> {new}" for role, old, new, order in pairs if order == 1]
        if older:
            yield i, f"Entry {i} would be downgraded by its upgrade to {target.entry_id}: {'; '.join(older)}.", fw_where(ctx, i)
