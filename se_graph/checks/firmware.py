"""Firmware-upgrade rules: each ``fw`` edge leads, by firmware alone, to a
requested entry at target FW."""

from __future__ import annotations

from se_graph.checks.policy import FIRMWARE_ONLY, differences, may_forbid
from se_graph.checks.registry import Context, rule
from se_graph.model import Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING
from se_graph.checks.versions import compare
from se_graph.graph import cohorts_differ


def _links(ctx: Context) -> list:
    """(source id, source entry, target entry) for every fw edge whose target
    exists, found once for the rules that walk them."""

    def make() -> list:
        entries = ctx.graph.entries
        return [(i, entries[i], entries[t]) for i, t in ctx.graph.upgrade.items() if t in entries]

    return ctx.once("fw links", make)


def _not_forward(ctx: Context) -> list:
    """(source id, target entry, [(role, old, new, order)]) for every fw link
    that moves some device's firmware back (order 1) or where the order cannot be
    told (None); the pairs both entries give a firmware for, in role order.
    Found once for the two rules that ask."""

    def make() -> list:
        out = []
        for i, source, target in _links(ctx):
            if source.devices is target.devices:
                continue
            theirs = {d.role: d.firmware for d in target.devices}
            odd = []
            for device in source.devices:
                old, new = device.firmware, theirs.get(device.role)
                if old and new and old != new:
                    order = compare(old, new)
                    if order != -1 and order != 0:
                        odd.append((device.role, old, new, order))
            if odd:
                out.append((i, target, odd))
        return out

    return ctx.once("fw not forward", make)


def _where(ctx: Context, entry_id: str):
    return ctx.graph.row_for(entry_id, "upgrade_to").at("upgrade_to")


@rule("SG501", "fw-target-missing", ERROR)
def fw_target_missing(ctx: Context):
    """A firmware-upgrade source names a target entry found in no input."""
    g = ctx.graph
    for i, target in g.upgrade.items():
        if target not in g.entries:
            yield i, f"Entry {i} is to be upgraded to {target}, which is in none of the inputs.", _where(ctx, i)


@rule("SG502", "fw-target-not-at-target", ERROR)
def fw_target_not_at_target(ctx: Context):
    """A firmware chain ends at an entry that is not at target FW.

    A chain may pass through other firmware sources; its final entry must have
    Target FW = Y.  Every source of such a chain has the error, not only the one
    that names the final entry.
    """
    g = ctx.graph
    for i in g.upgrade:
        final = g.fw_final.get(i)
        if final is not None and g.entries[final].target_fw is False:
            yield i, f"Entry {i} is upgraded towards {final}, which is not at target FW.", _where(ctx, i)


@rule("SG503", "fw-not-firmware-only", ERROR)
def fw_not_firmware_only(ctx: Context):
    """A firmware-upgrade source differs from its target in more than firmware.

    An over-the-air upgrade changes firmware only: cohort, installation status,
    manufacturers, models and hardware must all be the same.
    """
    memo: dict = {}
    first: dict = {}
    for i, source, target in _links(ctx):
        diffs = [d for d in differences(source, target, FIRMWARE_ONLY, memo) if not d.permitted] \
            if may_forbid(source, target, FIRMWARE_ONLY, first) else []
        notes = [str(d) for d in diffs]
        if cohorts_differ(source.cohort, target.cohort):
            notes.append(f"cohort: {source.cohort} -> {target.cohort}")
        if source.install_status and target.install_status and source.install_status != target.install_status:
            notes.append(f"installation status: {source.install_status} -> {target.install_status}")
        if notes:
            yield i, f"Entry {i} differs from its upgrade target {target.entry_id} in more than firmware: {'; '.join(notes)}.", _where(ctx, i)


@rule("SG504", "fw-downgrade", ERROR)
def fw_downgrade(ctx: Context):
    """A firmware "upgrade" would move a device to an older firmware version.

    Versions are compared number by number (1.10 is newer than 1.9); hex
    versions such as 0x01A2 are compared as numbers.
    """
    for i, target, pairs in _not_forward(ctx):
        older = [f"{role} {old} -> {new}" for role, old, new, order in pairs if order == 1]
        if older:
            yield i, f"Entry {i} would be downgraded by its upgrade to {target.entry_id}: {'; '.join(older)}.", _where(ctx, i)


@rule("SG505", "fw-order-unknown", WARNING)
def fw_order_unknown(ctx: Context):
    """Two firmware versions of an upgrade cannot be put in order.

    For example `REL-A` and `REL-B`: se-graph cannot tell which is newer, so it
    cannot rule out a downgrade. Check the versions by hand.
    """
    for i, target, pairs in _not_forward(ctx):
        unknown = [f"{role} {old} -> {new}" for role, old, new, order in pairs if order is None]
        if unknown:
            yield i, f"Entry {i}: cannot tell whether its upgrade to {target.entry_id} moves firmware forward ({'; '.join(unknown)}).", _where(ctx, i)


@rule("SG506", "fw-cycle", ERROR)
def fw_cycle(ctx: Context):
    """Firmware-upgrade links form a cycle, so the chain has no final target."""
    for cycle in ctx.graph.fw_cycles:
        ring = " -> ".join([*cycle, cycle[0]])
        for i in cycle:
            yield i, f"Entry {i} is in a cycle of firmware upgrades: {ring}.", _where(ctx, i)


@rule("SG507", "fw-source-requested", WARNING)
def fw_source_requested(ctx: Context):
    """A firmware-upgrade source is itself requested for the EPCL.

    Sources are counted as potential upgrades to their target, not as entries of
    their own; requesting both counts the installations twice.
    """
    g = ctx.graph
    for i in g.upgrade:
        if i in g.requested:
            yield i, f"Entry {i} is a firmware-upgrade source but is also requested for the EPCL.", g.row_for(i, "epcl_report").at("epcl_report")


@rule("SG508", "fw-target-unlisted", WARNING)
def fw_target_unlisted(ctx: Context):
    """A firmware chain ends at an entry that is neither requested nor on the EPCL.

    Its installations could not migrate after the upgrade.
    """
    g = ctx.graph
    for i in g.upgrade:
        final = g.fw_final.get(i)
        if final is not None and g.entries[final].target_fw is not False:
            if final not in g.requested and final not in g.epcl_ids:
                yield i, f"Entry {i} is upgraded towards {final}, which is neither requested nor on the EPCL.", _where(ctx, i)
