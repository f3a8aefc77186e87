"""An Active or Mixed entry relies on Clause 20.9 but no tested Dormant entry of
the same DMC exists.

Clause 20.9 lets the Dormant entry's DMCT testing stand for the Active and
Mixed entries of the same DMC. The Dormant entry is the Parent EPCL ID where
one is given, else the Dormant entry with the same cohort and devices; it must
be tested with a test report (or be on the current EPCL).
"""

from __future__ import annotations

from se_graph.checks.context import Context
from se_graph.checks.shared import covered
from se_graph.graph import device_differences
from se_graph.model import Severity
from se_graph.model.phrases import why_not_tested
from se_graph.model.vocab import InstallStatus

CODE = "SG301"
NAME = "covered-no-tested-dormant"
SEVERITY = Severity.ERROR


def check(ctx: Context):
    g = ctx.graph
    for i, e in covered(ctx):
        if e.install_status in (InstallStatus.ACTIVE, InstallStatus.MIXED) and g.dormant.get(i) not in g.tested:
            target = g.dormant.get(i) or e.parent_id
            if target is None:
                why = "no Dormant entry has the same cohort and devices"
            elif target not in g.entries:
                why = f"its Dormant entry {target} is in none of the inputs"
            elif g.entries[target].install_status != InstallStatus.DORMANT:
                why = f"{target} is not a Dormant entry"
            elif i not in g.dormant and (diffs := device_differences(e, g.entries[target])):
                why = f"its Parent EPCL ID {target} is another DMC (it differs in {', '.join(diffs)})"
            else:
                why = f"its Dormant entry {target} {why_not_tested(g.entries[target])}"
            yield i, f"Entry {i} relies on Clause 20.9 (Dormant testing), but {why}.", g.row_for(i, "dmct_status").location
