"""A child differs from its parent in a way the equivalence policy does not permit.

By default a child may differ in firmware of any device, may lack a GSME,
PPMID, IHD or HCALCS the parent has, and may have a different IHD; it may not
change CHF or ESME manufacturer, model or hardware, nor GSME, PPMID or HCALCS
manufacturer or model, nor have a device its parent lacks. The `[policy]`
table of the config changes this per role. Only what both tables list is
compared: a device or a hardware version that one table has no column for is
unknown there, not a difference. A value read from a number cell is the same as
the other entry's text where the two are the same number (`1` and `1.0`: see
SG116); where they differ, the message says which cell holds a number and how to
store it as text.
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.policy import describe, differences, may_forbid, number_hint
from se_graph.model import Severity

CODE = "SG206"
NAME = "not-permitted-variation"
SEVERITY = Severity.ERROR


def check(ctx: Context):
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
            hint = number_hint(parent, entries[i], bad)
            yield i, f"Entry {i} is not a permitted variation of {par}: {describe(bad)}.{hint}", g.row_for(i, column).at(column)
