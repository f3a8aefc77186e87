"""Rules on testing evidence, Clause 20.9 and agreement between rows."""

from __future__ import annotations

from se_graph.checks.registry import Context, rule
from se_graph.graph import device_differences
from se_graph.model import Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def _has_tested_dormant(ctx: Context, entry_id: str) -> bool:
    g = ctx.graph
    target = g.dormant.get(entry_id)
    return target is not None and target in g.tested


def why_not_tested(entry) -> str:
    """Why a Dormant entry is not Group 1, in the words of its own row."""
    status = entry.dmct_status
    if status == "tested":
        return "names no DMCT Test Completion Report"
    if status in ("pending", "failed"):
        return "is still pending testing" if status == "pending" else "failed testing"
    if entry.exclusion_reason:
        return "is excluded from testing"
    return "is not marked tested" if status is None else f"is marked '{status}', not tested"


@rule("SG301", "covered-no-tested-dormant", ERROR)
def covered_no_tested_dormant(ctx: Context):
    """An Active or Mixed entry relies on Clause 20.9 but no tested Dormant entry of
    the same DMC exists.

    Clause 20.9 lets the Dormant entry's DMCT testing stand for the Active and
    Mixed entries of the same DMC. The Dormant entry is the Parent EPCL ID where
    one is given, else the Dormant entry with the same cohort and devices; it must
    be tested with a test report (or be on the current EPCL).
    """
    g = ctx.graph
    for i, e in ctx.covered:
        if e.install_status in ("active", "mixed") and not _has_tested_dormant(ctx, i):
            target = g.dormant.get(i) or e.parent_id
            if target is None:
                why = "no Dormant entry has the same cohort and devices"
            elif target not in g.entries:
                why = f"its Dormant entry {target} is in none of the inputs"
            elif g.entries[target].install_status != "dormant":
                why = f"{target} is not a Dormant entry"
            elif i not in g.dormant and (diffs := device_differences(e, g.entries[target])):
                why = f"its Parent EPCL ID {target} is another DMC (it differs in {', '.join(diffs)})"
            else:
                why = f"its Dormant entry {target} {why_not_tested(g.entries[target])}"
            yield i, f"Entry {i} relies on Clause 20.9 (Dormant testing), but {why}.", g.row_for(i, "dmct_status").location


@rule("SG302", "covered-no-sit-report", ERROR)
def covered_no_sit_report(ctx: Context):
    """An Active or Mixed entry relies on Clause 20.9 without a SIT report.

    Clause 20.41: the Dormant DMCT report must be backed by Active or Mixed SIT
    evidence, named in the SIT Test Completion Report column.
    """
    g = ctx.graph
    for i, e in ctx.covered:
        if e.install_status in ("active", "mixed") and not e.sit_report:
            yield i, f"Entry {i} relies on Clause 20.9 but names no SIT Test Completion Report.", g.row_for(i, "sit_report").at("sit_report")


@rule("SG303", "covered-not-active-or-mixed", ERROR)
def covered_not_active_or_mixed(ctx: Context):
    """A Dormant entry is marked as covered by Dormant testing (Clause 20.9).

    Only Active and Mixed entries can rely on their DMC's Dormant testing; a
    Dormant entry must be tested itself.
    """
    g = ctx.graph
    for i, e in ctx.covered:
        if e.install_status == "dormant":
            yield i, f"Entry {i} is Dormant, so it cannot rely on Clause 20.9; it must be tested itself.", g.row_for(i, "install_status").at("install_status")


@rule("SG304", "tested-no-report", ERROR)
def tested_no_report(ctx: Context):
    """An entry is marked tested but names no DMCT Test Completion Report.

    Without the report the entry is not evidence for Group 1, and every entry
    relying on it fails to trace.
    """
    g = ctx.graph
    for i, e in g.entries.items():
        if e.dmct_status == "tested" and not e.test_report and i not in g.epcl_ids:
            yield i, f"Entry {i} is marked tested but names no DMCT Test Completion Report.", g.row_for(i, "dmct_status").at("test_report")


def _place(row) -> str:
    return f"{row.source.path.rsplit('/', 1)[-1]}, sheet '{row.source.sheet}', row {row.row}"


@rule("SG401", "duplicate-conflict", ERROR)
def duplicate_conflict(ctx: Context):
    """The same EPCL ID appears on several rows that disagree.

    Rows of one id are merged when they agree on every field that both give
    (status, reports, target FW, report number, DMC id, devices, counts, links);
    otherwise which one is right cannot be known. A column one table lacks is
    not compared.
    """
    g = ctx.graph
    for i, fields in g.conflicts.items():
        rows = g.rows[i]
        places = "; ".join(_place(r) for r in rows)
        what = ", ".join(fields)
        yield i, f"Entry {i} appears on several rows that disagree ({what}): {places}.", rows[1].location


@rule("SG403", "repeated-row", WARNING)
def repeated_row(ctx: Context):
    """The same row appears twice in one table, with identical contents.

    It is read once; delete the copy.
    """
    g = ctx.graph
    for i, copies in g.repeats.items():
        first = g.rows[i][0]
        for r in copies:
            yield i, f"Entry {i}: row {r.row} repeats row {first.row} exactly and was read once.", r.location


@rule("SG404", "two-bases", ERROR)
def two_bases(ctx: Context):
    """The rows of one entry give it more than one basis.

    An entry stands on one basis: tested in DMCT, covered by its Dormant entry's
    test (Clause 20.9), or substantively equivalent to a parent. Rows that claim
    two (covered in the Status List and excluded as SE in the schedule, say)
    cannot both be right. (Tested and excluded is SG402.)
    """
    g = ctx.graph
    names = {"tested": "tested", "clause-20.9": "covered by its Dormant entry (Clause 20.9)",
             "se": "substantively equivalent"}
    for i, bases in g.bases.items():
        if _tested_and_excluded(g.rows[i]):
            continue
        said = " and ".join(names[str(b)] for b in bases)
        yield i, f"Entry {i} is given two bases by its rows: {said}; it can stand on one only.", g.rows[i][-1].location


def _tested_and_excluded(rows) -> tuple | None:
    tested = [r for r in rows if r.kind == "status-list" and r.dmct_status == "tested"]
    excluded = [r for r in rows if r.kind == "excluded"]
    return (tested[0], excluded[0]) if tested and excluded else None


@rule("SG402", "tested-and-excluded", ERROR)
def tested_and_excluded(ctx: Context):
    """An entry is marked tested in the Status List and also excluded from the schedule."""
    g = ctx.graph
    for i, rows in g.rows.items():
        if len(rows) < 2:
            continue  # one row cannot be both
        both = _tested_and_excluded(rows)
        if both:
            x = both[1]
            yield i, f"Entry {i} is marked tested in the Status List but also excluded from DMCT ({_place(x)}).", x.location
