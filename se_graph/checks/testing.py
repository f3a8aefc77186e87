"""Rules on testing evidence, Clause 20.9 and agreement between rows."""

from __future__ import annotations

from se_graph.checks.registry import Context, rule


def _covered(ctx: Context):
    for i, e in ctx.graph.entries.items():
        if e.dmct_status == "covered" or e.exclusion_reason == "covered":
            yield i, e


def _has_tested_dormant(ctx: Context, entry_id: str) -> bool:
    g = ctx.graph
    target = g.dormant.get(entry_id)
    return target is not None and target in g.tested and g.entries[target].install_status == "dormant"


@rule("SG301")
def covered_no_tested_dormant(ctx: Context):
    """An Active or Mixed entry relies on Clause 20.9 but no tested Dormant entry of
    the same DMC exists.

    Clause 20.9 lets the Dormant entry's DMCT testing stand for the Active and
    Mixed entries of the same DMC. The Dormant entry is the Parent EPCL ID where
    one is given, else the Dormant entry with the same cohort and devices; it must
    be tested with a test report (or be on the current EPCL).
    """
    g = ctx.graph
    for i, e in _covered(ctx):
        if e.install_status in ("active", "mixed") and not _has_tested_dormant(ctx, i):
            target = g.dormant.get(i) or e.parent_id
            if target is None:
                why = "no Dormant entry has the same cohort and devices"
            elif target not in g.entries:
                why = f"its Dormant entry {target} is in none of the inputs"
            elif g.entries[target].install_status != "dormant":
                why = f"{target} is not a Dormant entry"
            else:
                why = f"its Dormant entry {target} is not tested with a test report"
            yield i, f"Entry {i} relies on Clause 20.9 (Dormant testing), but {why}.", g.row_for(i, "dmct_status").location


@rule("SG302")
def covered_no_sit_report(ctx: Context):
    """An Active or Mixed entry relies on Clause 20.9 without a SIT report.

    Clause 20.41: the Dormant DMCT report must be backed by Active or Mixed SIT
    evidence, named in the SIT Test Completion Report column.
    """
    g = ctx.graph
    for i, e in _covered(ctx):
        if e.install_status in ("active", "mixed") and not e.sit_report:
            yield i, f"Entry {i} relies on Clause 20.9 but names no SIT Test Completion Report.", g.row_for(i, "sit_report").at("sit_report")


@rule("SG303")
def covered_not_active_or_mixed(ctx: Context):
    """A Dormant entry is marked as covered by Dormant testing (Clause 20.9).

    Only Active and Mixed entries can rely on their DMC's Dormant testing; a
    Dormant entry must be tested itself.
    """
    g = ctx.graph
    for i, e in _covered(ctx):
        if e.install_status == "dormant":
            yield i, f"Entry {i} is Dormant, so it cannot rely on Clause 20.9; it must be tested itself.", g.row_for(i, "install_status").at("install_status")


@rule("SG304")
def tested_no_report(ctx: Context):
    """An entry is marked tested but names no DMCT Test Completion Report.

    Without the report the entry is not evidence for Group 1, and every entry
    relying on it fails to trace.
    """
    g = ctx.graph
    for i, e in g.entries.items():
        if e.dmct_status == "tested" and not e.test_report and i not in g.epcl_ids:
            yield i, f"Entry {i} is marked tested but names no DMCT Test Completion Report.", g.row_for(i, "dmct_status").at("test_report")


@rule("SG401")
def duplicate_conflict(ctx: Context):
    """The same EPCL ID appears on several rows that disagree.

    Rows of one id in different inputs are merged when they agree on what both
    give (cohort, installation status, devices, counts, links); otherwise which
    one is right cannot be known.
    """
    g = ctx.graph
    for i, fields in g.conflicts.items():
        rows = g.rows[i]
        places = "; ".join(f"{r.source.sheet} row {r.row}" for r in rows)
        what = ", ".join(f.replace("_", " ") for f in fields)
        yield i, f"Entry {i} appears on several rows that disagree ({what}): {places}.", rows[1].location


@rule("SG402")
def tested_and_excluded(ctx: Context):
    """An entry is marked tested in the Status List and also excluded from the schedule."""
    g = ctx.graph
    for i, rows in g.rows.items():
        if len(rows) < 2:
            continue  # one row cannot be both
        tested = [r for r in rows if r.kind == "status-list" and r.dmct_status == "tested"]
        excluded = [r for r in rows if r.kind == "excluded"]
        if tested and excluded:
            x = excluded[0]
            yield i, f"Entry {i} is marked tested in the Status List but also excluded from DMCT ({x.source.sheet} row {x.row}).", x.location
