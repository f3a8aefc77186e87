"""Firmware-upgrade links form a cycle, so the chain has no final target."""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import fw_where
from se_graph.model import Severity

CODE = "SG506"
NAME = "fw-cycle"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    for cycle in ctx.graph.fw_cycles:
        ring = " -> ".join([*cycle, cycle[0]])
        for i in cycle:
            yield i, f"Entry {i} is in a cycle of firmware upgrades: {ring}.", fw_where(ctx, i)
