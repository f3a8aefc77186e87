"""A firmware-upgrade source names a target entry found in no input."""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import fw_where
from se_graph.model import Severity

CODE = "SG501"
NAME = "fw-target-missing"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    g = ctx.graph
    for i, target in g.upgrade.items():
        if target not in g.entries:
            yield i, f"Entry {i} is to be upgraded to {target}, which is in none of the inputs.", fw_where(ctx, i)
