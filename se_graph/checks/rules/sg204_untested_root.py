"""A Group 2 entry does not trace to a tested Group 1 entry.

Its chain of parents ends at an entry that is pending, failed, uneconomic, a
firmware source or otherwise untested, or runs into a broken link further up
(a missing parent or a cycle, reported on the entry that carries it).
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.model import Group, Severity
from se_graph.model.phrases import why_not_root

CODE = "SG204"
NAME = "untested-root"
SEVERITY = Severity.ERROR

def check(ctx: Context):
    g = ctx.graph
    in_cycle = {i for c in g.se_cycles for i in c}
    for i, last in g.dead_end.items():
        par = g.parent.get(i)
        if par is None or par not in g.entries or i in in_cycle:
            continue  # se-no-parent, se-parent-unknown or se-cycle says why
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


def why_not_group1(ctx: Context, entry_id: str) -> str:
    """A short phrase saying why an entry that exists is not a tested root."""
    return why_not_root(ctx.graph.entries[entry_id], entry_id in ctx.graph.upgrade)
