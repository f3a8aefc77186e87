"""Parent and child are in different cohorts.

Equivalence is judged within one SMSO cohort: the communications differ.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.graph import cohorts_differ
from se_graph.model import Entry, Location, Severity

CODE = "SG205"
NAME = "cohort-mismatch"
SEVERITY = Severity.ERROR


def check(ctx: Context):
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


def _cohort_cell(entry: Entry) -> Location:
    """The Cohort cell, or just the row where the cohort came from a cover sheet or --cohort."""
    return entry.at("cohort") if entry.source.header("cohort") else entry.location
