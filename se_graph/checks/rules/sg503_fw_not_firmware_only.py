"""A firmware-upgrade source differs from its target in more than firmware.

An over-the-air upgrade changes firmware only: cohort, installation status,
manufacturers, models and hardware must all be the same.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.policy import FIRMWARE_ONLY, differences, may_forbid
from se_graph.checks.shared import fw_links, fw_where
from se_graph.graph import cohorts_differ
from se_graph.model import Severity

CODE = "SG503"
NAME = "fw-not-firmware-only"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    memo: dict = {}
    first: dict = {}
    for i, source, target in fw_links(ctx):
        diffs = [d for d in differences(source, target, FIRMWARE_ONLY, memo) if not d.permitted] \
            if may_forbid(source, target, FIRMWARE_ONLY, first) else []
        notes = [str(d) for d in diffs]
        if cohorts_differ(source.cohort, target.cohort):
            notes.append(f"cohort: {source.cohort} -> {target.cohort}")
        if source.install_status and target.install_status and source.install_status != target.install_status:
            notes.append(f"installation status: {source.install_status} -> {target.install_status}")
        if notes:
            yield i, f"Entry {i} differs from its upgrade target {target.entry_id} in more than firmware: {'; '.join(notes)}.", fw_where(ctx, i)
