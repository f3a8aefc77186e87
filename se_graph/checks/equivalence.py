"""Substantive-equivalence rules: every Group 2 entry traces to Group 1."""

from __future__ import annotations

from se_graph.checks.policy import describe, differences, may_forbid
from se_graph.checks.registry import Context, rule
from se_graph.model import Group, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING
from se_graph.graph import cohorts_differ

_GROUPLESS = {
    "pending": "is still pending testing",
    "failed": "failed testing",
    "excluded": "is excluded from testing",
    "covered": "relies on Clause 20.9 but does not qualify for Group 1",
    "tested": "is marked tested but has no test report",
}


def why_not_group1(ctx: Context, entry_id: str) -> str:
    """A short phrase saying why an entry that exists is not a tested root."""
    entry = ctx.graph.entries[entry_id]
    if entry.exclusion_reason == "uneconomic":
        return "was excluded as uneconomic to test"
    if entry_id in ctx.graph.upgrade or entry.exclusion_reason == "fw-upgrade":
        return "is a firmware-upgrade source, not a tested entry"
    if entry.dmct_status in _GROUPLESS:
        return _GROUPLESS[entry.dmct_status]
    return "is untested"


@rule("SG201", "se-no-parent", ERROR)
def se_no_parent(ctx: Context):
    """A substantive-equivalence row names no parent entry.

    An entry excluded as substantively equivalent must say which tested entry it is
    equivalent to (Parent EPCL ID, or one of its aliases).
    """
    g = ctx.graph
    for i, grp in g.group.items():
        if grp == Group.TWO and i not in g.parent:
            e = g.row_for(i, "exclusion_reason")
            yield i, f"Entry {i} is excluded as substantively equivalent but names no parent entry.", e.at("parent_id")


@rule("SG202", "se-parent-unknown", ERROR)
def se_parent_unknown(ctx: Context):
    """A substantive-equivalence parent is found in no input.

    Add the workbook that holds the parent (or the current EPCL with `--epcl`), or
    correct the Parent EPCL ID.
    """
    g = ctx.graph
    for i, par in g.parent.items():
        if par not in g.entries:
            e = g.row_for(i, "parent_id")
            yield i, f"Entry {i} names parent {par}, which is in none of the inputs.", e.at("parent_id")


@rule("SG203", "se-cycle", ERROR)
def se_cycle(ctx: Context):
    """Substantive-equivalence links form a cycle, so none of its members can trace.

    One finding per member; the message names every member of the cycle.
    """
    g = ctx.graph
    for cycle in g.se_cycles:
        ring = " -> ".join([*cycle, cycle[0]])
        for i in cycle:
            yield i, f"Entry {i} is in a cycle of equivalence links: {ring}.", g.row_for(i, "parent_id").at("parent_id")


@rule("SG204", "untested-root", ERROR)
def untested_root(ctx: Context):
    """A Group 2 entry does not trace to a tested Group 1 entry.

    Its chain of parents ends at an entry that is pending, failed, uneconomic, a
    firmware source or otherwise untested, or runs into a broken link further up
    (a missing parent or a cycle, reported on the entry that carries it).
    """
    g = ctx.graph
    in_cycle = {i for c in g.se_cycles for i in c}
    for i, last in g.dead_end.items():
        par = g.parent.get(i)
        if par is None or par not in g.entries or i in in_cycle:
            continue  # SG201, SG202 or SG203 says why
        if last not in g.entries:
            reason = f"{last} is in none of the inputs"
        elif last in in_cycle:
            reason = f"{last} is in a cycle of equivalence links"
        elif g.group.get(last) == Group.TWO:
            reason = f"{last} names no parent"
        else:
            reason = f"{last} {why_not_group1(ctx, last)}"
        path = f"{i} -> {par}" if par == last else f"{i} -> {par} -> ... -> {last}"
        where = g.row_for(i, "parent_id").at("parent_id")
        yield i, f"Entry {i} does not trace to a tested entry: {path}, and {reason}.", where


@rule("SG205", "cohort-mismatch", ERROR)
def cohort_mismatch(ctx: Context):
    """Parent and child are in different cohorts.

    Equivalence is judged within one SMSO cohort: the communications differ.
    """
    g = ctx.graph
    for i, par in g.parent.items():
        if par in g.entries:
            child, parent = g.entries[i], g.entries[par]
            if cohorts_differ(child.cohort, parent.cohort):
                yield (
                    i,
                    f"Entry {i} is in cohort {child.cohort} but its parent {par} is in {parent.cohort}.",
                    _cohort_cell(g.row_for(i, "cohort")),
                )


def _cohort_cell(entry):
    """The Cohort cell, or just the row where the cohort came from a cover sheet or --cohort."""
    return entry.at("cohort") if entry.source.header("cohort") else entry.location


@rule("SG206", "not-permitted-variation", ERROR)
def not_permitted_variation(ctx: Context):
    """A child differs from its parent in a way the equivalence policy does not permit.

    By default a child may differ in firmware of any device, may lack a GSME,
    PPMID, IHD or HCALCS the parent has, and may have a different IHD; it may not
    change CHF or ESME manufacturer, model or hardware, nor GSME, PPMID or HCALCS
    manufacturer or model, nor have a device its parent lacks. The `[policy]`
    table of the config changes this per role. Only what both tables list is
    compared: a device or a hardware version that one table has no column for is
    unknown there, not a difference.
    """
    g = ctx.graph
    memo: dict = {}
    first: dict = {}
    entries, policy = g.entries, ctx.config.policy
    for i, par in g.parent.items():
        parent = entries.get(par)
        if parent is None or not may_forbid(parent, entries[i], policy, first):
            continue
        bad = [d for d in differences(parent, entries[i], policy, memo) if not d.permitted]
        if bad:
            column = f"{bad[0].role}.{bad[0].field or 'model'}"
            yield i, f"Entry {i} is not a permitted variation of {par}: {describe(bad)}.", g.row_for(i, column).at(column)


@rule("SG207", "long-trace", WARNING)
def long_trace(ctx: Context):
    """A Group 2 entry traces to Group 1 only through another Group 2 entry.

    Allowed, but each extra hop is an equivalence argument a reviewer must accept;
    consider naming the tested entry as the parent directly.
    """
    g = ctx.graph
    for i, depth in g.depth.items():
        if depth > 1:
            path = " -> ".join(g.trace(i))
            yield i, f"Entry {i} traces to its tested root over {depth} equivalence hops: {path}.", g.row_for(i, "parent_id").at("parent_id")
