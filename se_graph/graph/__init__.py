"""The EPCL graph: one node per entry id, edges from the entry that relies on
another to the entry it relies on (``se``, ``status`` for Clause 20.9, ``fw``).

``build`` computes every fact once and returns a ``Graph``; the graph then only
answers questions.  Everything runs in time linear in entries plus edges: traces,
dead ends and cycles of parents come from one memoised walk up the chains of
parents (each entry walked once), final targets and cycles of firmware upgrades
from one walk down theirs; nothing asks networkx for ``ancestors()`` per node.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from se_graph.graph.merge import device_differences, merge_rows
from se_graph.model import Basis, Device, Entry, Group
from se_graph.model.sameness import number_key
from se_graph.model.vocab import (
    Edge, Kind, cohort_key, cohorts_differ, in_epcl_report, is_covered, is_dormant, is_se, is_tested, is_tested_with_report,
    may_rely_on_dormant,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Graph", "build", "cohort_key", "cohorts_differ", "device_differences"]


@dataclass(frozen=True)
class Graph:
    """What ``build`` found.  Read-only: every field is set when it is made."""

    entries: dict[str, Entry]  # the merged record of each id
    rows: dict[str, list[Entry]]  # every row of each id, in reading order
    conflicts: dict[str, list[str]]  # id -> fields on which its rows disagree
    repeats: dict[str, list[Entry]]  # id -> rows repeating an earlier row exactly
    edges: dict[tuple[str, str], Edge]  # (from, to) -> kind: se, status or fw
    epcl_ids: frozenset[str]  # entries of the current EPCL
    tested: frozenset[str]  # tested with a report, or on the current EPCL
    bases: dict[str, tuple[Basis, ...]]  # id -> every basis its rows claim (more than one is an error)
    group: dict[str, Group]  # id -> group (ids in no group are absent)
    parent: dict[str, str]  # Group 2 id -> the parent its se edge names (may be missing)
    dormant: dict[str, str]  # covered id -> the Dormant entry its status edge reaches
    upgrade: dict[str, str]  # fw source -> the target it names (may be missing)
    next_hop: dict[str, str]  # traced Group 2 id -> its parent
    root: dict[str, str]  # traced entry -> its Group 1 root
    depth: dict[str, int]  # se hops to the root
    dead_end: dict[str, str]  # untraced Group 2 id -> where its chain of parents ends
    se_cycles: list[list[str]]
    fw_cycles: list[list[str]]
    fw_final: dict[str, str | None]  # fw source -> final target (None on a cycle or a missing hop)
    requested: frozenset[str]

    @cached_property
    def nx(self) -> nx.DiGraph:
        """The networkx graph: one node per entry, edges with a ``kind``.

        Built on first use (the explorer asks for it; validation does not need it).
        """
        import networkx as nx

        graph = nx.DiGraph()
        graph.add_nodes_from(self.entries)
        # one bulk call per kind: far cheaper than an add_edge call per edge
        for kind in Edge:
            graph.add_edges_from((pair for pair, k in self.edges.items() if k == kind), kind=kind)
        return graph

    def trace(self, entry_id: str) -> list[str] | None:
        """Ids from the entry to its tested root, or None if it does not trace."""
        if entry_id not in self.root:
            return None
        path = [entry_id]
        while path[-1] in self.next_hop:
            path.append(self.next_hop[path[-1]])
        return path

    def row_for(self, entry_id: str, field_name: str) -> Entry:
        """The row of an id that gives ``field_name`` (for locating findings)."""
        rows = self.rows[entry_id]
        for row in rows:
            if getattr(row, field_name, None) is not None:
                return row
        for row in rows:
            if row.knows(field_name):
                return row
        return rows[0]

    def report_numbers(self) -> list[int]:
        return sorted({e.epcl_report for e in self.entries.values() if e.epcl_report is not None})


def bases_of(rows: list[Entry]) -> tuple[Basis, ...]:
    """Every basis the rows of one id claim: tested, Clause 20.9 or SE.  (Being on
    the current EPCL is not a claim: an approved entry keeps the basis it had.)"""
    found: list[Basis] = []
    for r in rows:
        if is_se(r):
            basis = Basis.SE
        elif is_covered(r):
            basis = Basis.CLAUSE_20_9
        elif is_tested(r):
            basis = Basis.TESTED
        else:
            continue
        if basis not in found:
            found.append(basis)
    return tuple(found)


def _same_dmc(a: Entry, b: Entry) -> bool:
    """Same devices wherever both tables list them (Clause 20.9 rests on one DMC)."""
    return not device_differences(a, b)


def build(entries: Sequence[Entry], *, report: int | None = None) -> Graph:
    """Build the graph, groups, traces and firmware chains."""
    merged = merge_rows(entries)
    nodes = merged.entries
    epcl_ids = frozenset(e.entry_id for e in entries if e.source.kind == Kind.EPCL)
    tested = frozenset(i for i, e in nodes.items() if is_tested_with_report(e) or i in epcl_ids)
    bases = {i: b for i in merged.several if len(b := bases_of(merged.rows[i])) > 1}
    parent: dict[str, str] = {}
    upgrade: dict[str, str] = {}
    dormant: dict[str, str] = {}
    by_dmc = _DormantIndex(nodes)
    group: dict[str, Group] = {}
    edges: dict[tuple[str, str], Edge] = {}  # the first kind found wins
    for i, e in nodes.items():
        if is_se(e):
            group[i] = Group.TWO
            if e.parent_id:
                parent[i] = e.parent_id
                if e.parent_id in nodes:
                    edges[(i, e.parent_id)] = Edge.SE
        elif is_covered(e):
            target = _dormant_of(i, e, nodes, by_dmc, tested)
            if target is not None:
                dormant[i] = target
                edges[(i, target)] = Edge.STATUS
                # the Dormant entry must itself be Group 1: tested, or on the EPCL
                if may_rely_on_dormant(e) and target in tested and e.sit_report:
                    group[i] = Group.ONE
        if e.upgrade_to:
            upgrade[i] = e.upgrade_to
            if e.upgrade_to in nodes:
                edges.setdefault((i, e.upgrade_to), Edge.FW)
    for i in tested:
        group.setdefault(i, Group.ONE)
    root, depth, next_hop, dead_end, se_cycles = _trace(group, parent)
    fw_final, fw_cycles = _fw_finals(upgrade, nodes)
    return Graph(
        entries=nodes,
        rows=merged.rows,
        conflicts=merged.conflicts,
        repeats=merged.repeats,
        edges=edges,
        epcl_ids=epcl_ids,
        tested=tested,
        bases=bases,
        group=group,
        parent=parent,
        dormant=dormant,
        upgrade=upgrade,
        next_hop=next_hop,
        root=root,
        depth=depth,
        dead_end=dead_end,
        se_cycles=se_cycles,
        fw_cycles=fw_cycles,
        fw_final=fw_final,
        requested=requested_ids(nodes, group, report, epcl_ids),
    )


def _dormant_of(i: str, e: Entry, nodes: dict[str, Entry], by_dmc: _DormantIndex, tested: frozenset[str]) -> str | None:
    """The Dormant entry a covered entry's status edge reaches: its Parent EPCL ID
    when given (and a Dormant entry of the same DMC), else the Dormant entry with
    the same cohort and devices (a tested one first)."""
    if e.parent_id:
        target = nodes.get(e.parent_id)
        if target is None or not is_dormant(target) or not _same_dmc(e, target):
            return None
        return e.parent_id
    if not _lists_devices(e.known):
        return None  # its devices are unknown: no Dormant entry can be shown to share them
    # The Dormant entries with the same cohort, device models and firmware are the
    # few that may match; their devices are then compared wherever both tables
    # list them (a hardware version one table lacks, say).
    candidates = [c for c in by_dmc.models().get(by_dmc.key(e), ()) if c != i and _same_dmc(e, nodes[c])]
    if not candidates:
        # a table that lacks some device columns gives a different key: look wider,
        # among the entries whose tables list other device fields (rare, so cheap)
        fields = _device_fields_known(e)
        candidates = [c for c in by_dmc.hub_and_meter().get(_dmc_key(e), ())
                      if c != i and _device_fields_known(nodes[c]) != fields and _same_dmc(e, nodes[c])]
    candidates.sort(key=lambda c: (c not in tested, c))
    return candidates[0] if candidates else None


class _DormantIndex:
    """The Dormant entries that list devices, by cohort and device models and
    firmware; and by cohort and hub and meter models.  Each is built only when
    first asked for: only a covered entry that names no Dormant entry asks."""

    def __init__(self, nodes: dict[str, Entry]) -> None:
        self._nodes = nodes
        self._dormant: list[tuple[str, Entry]] | None = None
        self._parts: dict[int, tuple] = {}
        self._cohorts: dict[str, str] = {}
        self._models: dict[tuple, list[str]] | None = None
        self._hub_and_meter: dict[tuple, list[str]] | None = None

    def dormant(self) -> list[tuple[str, Entry]]:
        if self._dormant is None:
            self._dormant = [(i, e) for i, e in self._nodes.items()
                             if is_dormant(e) and _lists_devices(e.known)]
        return self._dormant

    def models(self) -> dict[tuple, list[str]]:
        if self._models is None:
            # each device's part of the key, by the device's identity: ingest makes
            # each distinct device once, so a few hundred stand for every entry (the
            # entries hold every device while the index lives, so no id is reused)
            devices = {id(d): d for _, e in self.dormant() for d in e.devices}
            self._parts = {k: _part(d) for k, d in devices.items()}
            self._models = {}
            for i, e in self.dormant():
                self._models.setdefault(self.key(e), []).append(i)
        return self._models

    def key(self, e: Entry) -> tuple:
        """Cohort, and the model and firmware of every device present."""
        cohort = self._cohorts.get(e.cohort)
        if cohort is None:
            cohort = self._cohorts[e.cohort] = cohort_key(e.cohort)
        try:
            return ("models", cohort, tuple(map(self._parts.__getitem__, map(id, e.devices))))
        except KeyError:  # a device no Dormant entry has
            return ("models", cohort, tuple(map(_part, e.devices)))

    def hub_and_meter(self) -> dict[tuple, list[str]]:
        if self._hub_and_meter is None:
            self._hub_and_meter = {}
            for i, e in self.dormant():
                self._hub_and_meter.setdefault(_dmc_key(e), []).append(i)
        return self._hub_and_meter


def _part(d: Device) -> tuple:
    # number_key: a `1` read from a number cell may be the `1.0` of another entry
    return (d.role, number_key(d.model), number_key(d.firmware or ""))


@lru_cache(maxsize=256)  # one known-field set per table: asked once per entry
def _lists_devices(known: frozenset[str]) -> bool:
    return any(name.endswith(".model") for name in known)


def _device_fields_known(e: Entry) -> frozenset[str]:
    return frozenset(name for name in e.known if "." in name)


def _dmc_key(e: Entry) -> tuple:
    """Cohort and the models of the devices every DMC has (comms hub and meter)."""
    models = {d.role: number_key(d.model) for d in e.devices if d.role in ("CHF", "ESME")}
    return ("hub and meter", cohort_key(e.cohort), models.get("CHF"), models.get("ESME"))


def _trace(group: dict[str, Group], parent: dict[str, str]) -> tuple[dict, dict, dict, dict, list]:
    """Root, depth and next hop of every traced entry; where each untraced
    Group 2 chain ends (an entry in no group, a missing id, a cycle member or a
    Group 2 entry with no parent); and the cycles of parents.  One walk up each
    chain of parents, memoised so each entry is walked once.  (Every entry with
    a parent is in Group 2, so every cycle of parents is met by some walk.)"""
    one, two = Group.ONE, Group.TWO
    root = {i: i for i, grp in group.items() if grp == one}
    depth = dict.fromkeys(root, 0)
    next_hop: dict[str, str] = {}
    end: dict[str, str] = {}
    cycles: list[list[str]] = []
    for start, grp in group.items():
        if grp != two or start in root or start in end:
            continue
        path, on_path, node = [start], {start}, start
        while True:
            up = parent.get(node)
            if up is None:
                last = node
                break
            if up in root:
                last = None
                break
            if up in end:
                last = end[up]
                break
            if up in on_path:
                last = up
                cycles.append(_ring(path[path.index(up):]))
                break
            if group.get(up) != two:
                last = up
                break
            path.append(up)
            on_path.add(up)
            node = up
        if last is None:  # the chain reaches a traced entry: each hop is one deeper
            top, steps = root[up], depth[up]
            for n in reversed(path):
                steps += 1
                root[n], depth[n], next_hop[n] = top, steps, parent[n]
        else:
            for n in path:
                end[n] = last
    return root, depth, next_hop, end, sorted(cycles)


def _ring(cycle: list[str]) -> list[str]:
    """A cycle (each id's edge leads to the next) from its smallest id."""
    first = cycle.index(min(cycle))
    return cycle[first:] + cycle[:first]


def _fw_finals(upgrade: dict[str, str], nodes: dict[str, Entry]) -> tuple[dict[str, str | None], list[list[str]]]:
    """Final target of each firmware source, and the cycles of upgrades: one
    walk down each chain, memoised so each node is walked once."""
    final: dict[str, str | None] = {}
    cycles: list[list[str]] = []
    for start in upgrade:
        path, node, seen = [], start, set()
        while node in upgrade and node not in final and node not in seen:
            seen.add(node)
            path.append(node)
            node = upgrade[node]
        if node in final:
            end = final[node]
        elif node in seen:
            end = None  # a cycle
            cycles.append(_ring(path[path.index(node):]))
        elif node not in nodes:
            end = None  # a target found in no input
        else:
            end = node
        for n in path:
            final[n] = end
    return final, sorted(cycles)


def requested_ids(
    nodes: dict[str, Entry], group: dict[str, Group], report: int | None, epcl_ids: frozenset[str] = frozenset()
) -> frozenset[str]:
    """Spec section 4: --report N, else every entry with an EPCL Report, else G1 and
    G2 (less the entries of the current EPCL: they are approved already)."""
    if report is not None:
        return frozenset(i for i, e in nodes.items() if in_epcl_report(e, report))
    marked = frozenset(i for i, e in nodes.items() if in_epcl_report(e))
    return marked or frozenset(group).difference(epcl_ids)
