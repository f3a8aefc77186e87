"""The verdict on one entry (spec section 4, "One verdict everywhere"): its group,
basis, trace, whether it qualifies, the findings that block it, its evidence and
its counts.  Computed once per entry; every output reads it."""

from __future__ import annotations

from dataclasses import dataclass, field

from se_graph.graph import Graph
from se_graph.model import Basis, Entry, Finding, Group
from se_graph.model.phrases import BASIS, why_no_group
from se_graph.model.vocab import Role, is_tested_with_report


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which
# made judging 100k entries cost more than building the graph.  A Verdict is made
# once, in ``judge``, and never assigned to after.
@dataclass(slots=True, eq=False)
class Verdict:
    entry_id: str
    cohort: str
    install_status: str | None
    group: Group | None
    basis: Basis | None  # what the entry stands on (Group 1 and 2 only)
    root: str | None  # the tested root it traces to; None when it does not trace
    qualifies: bool  # in Group 1 or 2, traces, and no error finding on it
    requested: bool
    findings: tuple[Finding, ...]  # every finding on the entry, sorted
    blocking: tuple[Finding, ...]  # its errors: why it does not qualify
    breaks_at: str | None  # untraced Group 2: the entry where its chain of parents ends
    installs: int | None
    # the texts below are worded from the graph when first asked for (most outputs
    # never ask for most entries): kept with the verdict so they are worded once, here
    graph: Graph = field(repr=False)
    roots: dict = field(repr=False)  # root id -> its evidence, shared by a run's verdicts

    @property
    def traces(self) -> bool:
        return self.root is not None

    @property
    def trace(self) -> tuple[str, ...] | None:
        """Ids from the entry to its root, when it traces (walked when asked: most
        outputs never ask, and the walk is the graph's, so it is the same each time)."""
        path = self.graph.trace(self.entry_id)
        return tuple(path) if path is not None else None

    @property
    def role(self) -> Role:
        """For drawing: tested, covered, group2, fw, other."""
        return role_of(self.graph, self.entry_id, self.basis)

    @property
    def label(self) -> str:
        """E.g. "Group 1 by Clause 20.9", "firmware-upgrade source", "no group: pending testing"."""
        return label_of(self.graph, self.entry_id, self.basis)

    @property
    def evidence(self) -> str:
        """Its own report; the Dormant report and SIT report (Clause 20.9); the root's (Group 2)."""
        return evidence_of(self.graph, self.entry_id, self.basis, self.root, self.roots)

    @property
    def devices(self) -> int:
        """The Devices cell, else installations x devices present."""
        return entry_devices(self.graph.entries[self.entry_id])[0]

    @property
    def devices_derived(self) -> bool:
        return entry_devices(self.graph.entries[self.entry_id])[1]


def basis_of(g: Graph, i: str) -> Basis | None:
    grp = g.group.get(i)
    if grp == Group.TWO:
        return Basis.SE
    if grp == Group.ONE:
        if i in g.tested:
            e = g.entries[i]
            return Basis.TESTED if is_tested_with_report(e) else Basis.EPCL
        return Basis.CLAUSE_20_9
    return None


def label_of(g: Graph, i: str, basis: Basis | None) -> str:
    e = g.entries[i]
    if basis is Basis.CLAUSE_20_9:
        return "Group 1 by Clause 20.9"
    if basis is Basis.EPCL:
        return "Group 1, on the EPCL"
    if basis is Basis.TESTED:
        return "Group 1, tested"
    if basis is Basis.SE:
        return "Group 2"
    if i in g.upgrade:
        return "firmware-upgrade source"
    return f"no group: {why_no_group(e)}"


def role_of(g: Graph, i: str, basis: Basis | None) -> Role:
    if basis is Basis.CLAUSE_20_9:
        return Role.COVERED
    if basis in (Basis.TESTED, Basis.EPCL):
        return Role.TESTED
    if basis is Basis.SE:
        return Role.GROUP2
    return Role.FW if i in g.upgrade else Role.OTHER


def own_evidence(g: Graph, i: str) -> str:
    e = g.entries[i]
    if e.test_report:
        return f"DMCT report: {e.test_report}" + (f" ({e.test_report_date})" if e.test_report_date else "")
    if i in g.epcl_ids:
        return f"{i} is on the current EPCL"
    return "no DMCT report named"


def evidence_of(g: Graph, i: str, basis: Basis | None, root: str | None, roots: dict | None = None) -> str:
    """Spec section 5: the evidence an entry rests on (``roots`` memoises the
    evidence of each root, which every entry of its family repeats)."""
    if basis in (Basis.TESTED, Basis.EPCL):
        return own_evidence(g, i)
    if basis is Basis.CLAUSE_20_9:
        dormant = g.dormant[i]
        return f"Dormant {dormant}: {own_evidence(g, dormant)}; SIT report: {g.entries[i].sit_report}"
    if basis is Basis.SE and root is not None:
        said = roots.get(root) if roots is not None else None
        if said is None:
            root_basis = basis_of(g, root)
            said = f"root {root} ({BASIS[root_basis]}): {evidence_of(g, root, root_basis, root)}"
            if roots is not None:
                roots[root] = said
        return said
    if basis is Basis.SE:
        return "none: does not trace to a Group 1 entry (see findings)"
    return "none: the entry is in neither group (see findings)"


def entry_devices(entry: Entry) -> tuple[int, bool]:
    """Devices of an entry: its Devices cell, else installs x devices present."""
    if entry.device_count is not None:
        return entry.device_count, False
    return (entry.installs or 0) * len(entry.devices), True


def judge(g: Graph, i: str, findings: tuple[Finding, ...], roots: dict | None = None) -> Verdict:
    e = g.entries[i]
    group = g.group.get(i)
    basis = basis_of(g, i) if group is not None else None
    root = g.root.get(i)
    blocking = tuple(f for f in findings if f.is_error) if findings else ()
    return Verdict(
        entry_id=i,
        cohort=e.cohort,
        install_status=e.install_status,
        group=group,
        basis=basis,
        root=root,
        qualifies=basis is not None and root is not None and not blocking,
        requested=i in g.requested,
        findings=findings,
        blocking=blocking,
        breaks_at=g.dead_end.get(i),
        installs=e.installs,
        graph=g,
        roots=roots if roots is not None else {},
    )
