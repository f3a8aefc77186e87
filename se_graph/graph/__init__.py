"""The EPCL graph: one node per entry id, edges from the entry that relies on
another to the entry it relies on (``se``, ``status`` for Clause 20.9, ``fw``).

Everything here runs in time linear in entries plus edges: groups and traces come
from one pass outward from the tested set, cycles from strongly connected
components; nothing asks networkx for ``ancestors()`` per node.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from typing import TYPE_CHECKING

from se_graph.model import Entry

if TYPE_CHECKING:
    import networkx as nx

# fields compared when one id appears on several rows (only where both give them)
COMPARED = ("cohort", "install_status", "devices", "installs", "device_count", "upgrade_to", "parent_id")


@lru_cache(maxsize=1024)  # a handful of cohorts, asked about for every entry
def cohort_key(cohort: str) -> str:
    return " ".join(cohort.casefold().split())


@dataclass
class Graph:
    edges: dict[tuple[str, str], str]  # (from, to) -> kind: se, status or fw
    entries: dict[str, Entry]  # the merged record of each id
    rows: dict[str, list[Entry]]  # every row of each id, in reading order
    conflicts: dict[str, list[str]]  # id -> fields on which its rows disagree
    tested: set[str]  # tested with a report, or on the current EPCL
    group: dict[str, int]  # id -> 1 or 2 (ids in no group are absent)
    parent: dict[str, str]  # Group 2 id -> the parent its se edge names (may be missing)
    dormant: dict[str, str]  # covered id -> the Dormant entry of its DMC, where found
    upgrade: dict[str, str]  # fw source -> the target it names (may be missing)
    next_hop: dict[str, str] = field(default_factory=dict)  # traced G2 -> parent
    root: dict[str, str] = field(default_factory=dict)  # traced entry -> its G1 root
    depth: dict[str, int] = field(default_factory=dict)  # se hops to the root
    se_cycles: list[list[str]] = field(default_factory=list)
    fw_cycles: list[list[str]] = field(default_factory=list)
    requested: set[str] = field(default_factory=set)
    epcl_ids: set[str] = field(default_factory=set)
    # fw source -> final target of its chain (None on a cycle or a missing hop)
    fw_final: dict[str, str | None] = field(default_factory=dict)
    # untraced Group 2 id -> where its chain of parents ends: an entry in no
    # group, a missing id, a cycle member or a Group 2 entry with no parent
    dead_end: dict[str, str] = field(default_factory=dict)
    visits: int = 0  # nodes visited by the trace pass; the linearity test reads it

    _nx: nx.DiGraph | None = field(default=None, repr=False)

    @property
    def nx(self) -> nx.DiGraph:
        """The networkx graph: one node per entry, edges with a ``kind``.

        Built on first use (the explorer asks for it; validation does not need it).
        """
        if self._nx is None:
            import networkx as nx

            graph = nx.DiGraph()
            graph.add_nodes_from(self.entries)
            # one bulk call per kind: far cheaper than an add_edge call per edge
            for kind in ("se", "status", "fw"):
                graph.add_edges_from((pair for pair, k in self.edges.items() if k == kind), kind=kind)
            self._nx = graph
        return self._nx

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
        return rows[0]



def merge_rows(entries: Iterable[Entry]) -> tuple[dict[str, Entry], dict[str, list[Entry]], dict[str, list[str]]]:
    """One record per id; fields given by several rows must agree."""
    merged: dict[str, Entry] = {}
    rows: dict[str, list[Entry]] = {}
    conflicts: dict[str, list[str]] = {}
    for entry in entries:
        seen = rows.get(entry.entry_id)
        if seen is None:
            rows[entry.entry_id] = [entry]
            merged[entry.entry_id] = entry
            continue
        seen.append(entry)
        first = merged[entry.entry_id]
        differ = []
        for name in COMPARED:
            a, b = getattr(first, name), getattr(entry, name)
            if name == "cohort":
                a, b = cohort_key(a), cohort_key(b)
                if "unknown" in (a, b):
                    continue
            if a not in (None, ()) and b not in (None, ()) and a != b:
                differ.append(name)
        if entry.kind == first.kind and entry.source == first.source:
            differ = differ or ["a repeated row"]
        if differ:
            known = conflicts.setdefault(entry.entry_id, [])
            known.extend(d for d in differ if d not in known)
        fill = {
            name: getattr(entry, name)
            for name in Entry.__dataclass_fields__
            if name not in ("entry_id", "source", "row")
            and getattr(first, name) in (None, (), "unknown")
            and getattr(entry, name) not in (None, ())
        }
        if fill:
            merged[entry.entry_id] = replace(first, **fill)
    return merged, rows, conflicts


def build(
    entries: Sequence[Entry], *, report: int | None = None
) -> Graph:
    """Build the graph, groups, traces and firmware chains."""
    merged, rows, conflicts = merge_rows(entries)
    epcl_ids = {e.entry_id for e in entries if e.source.kind == "epcl"}
    tested = {
        i for i, e in merged.items() if (e.dmct_status == "tested" and e.test_report) or i in epcl_ids
    }
    parent: dict[str, str] = {}
    upgrade: dict[str, str] = {}
    dormant: dict[str, str] = {}
    by_dmc: dict[tuple, list[str]] = {}
    for i, e in merged.items():
        if e.install_status == "dormant":
            by_dmc.setdefault((cohort_key(e.cohort), e.devices), []).append(i)
    group: dict[str, int] = {}
    edges: dict[tuple[str, str], str] = {}  # (from, to) -> kind; the first kind found wins
    for i, e in merged.items():
        if e.exclusion_reason == "se":
            group[i] = 2
            if e.parent_id:
                parent[i] = e.parent_id
                if e.parent_id in merged:
                    edges[(i, e.parent_id)] = "se"
        elif e.dmct_status == "covered" or e.exclusion_reason == "covered":
            target = e.parent_id if e.parent_id in merged else None
            if target is None and not e.parent_id:
                candidates = [c for c in by_dmc.get((cohort_key(e.cohort), e.devices), ()) if c != i]
                candidates.sort(key=lambda c: (c not in tested, c))
                target = candidates[0] if candidates else None
            if target is not None:
                dormant[i] = target
                edges[(i, target)] = "status"
                if (
                    e.install_status in ("active", "mixed")
                    and target in tested
                    and merged[target].install_status == "dormant"
                    and e.sit_report
                ):
                    group[i] = 1
        if e.upgrade_to:
            upgrade[i] = e.upgrade_to
            if e.upgrade_to in merged:
                edges.setdefault((i, e.upgrade_to), "fw")
    for i in tested:
        group.setdefault(i, 1)
    g = Graph(edges, merged, rows, conflicts, tested, group, parent, dormant, upgrade, epcl_ids=epcl_ids)
    _trace(g)
    g.se_cycles = _cycles(parent)
    g.fw_cycles = _cycles(upgrade)
    g.fw_final = _fw_finals(upgrade, merged)
    g.dead_end = _dead_ends(g)
    g.requested = requested_ids(g, report)
    return g


def _trace(g: Graph) -> None:
    """One breadth-first pass from the Group 1 entries down the se edges."""
    children: dict[str, list[str]] = {}
    for child, par in g.parent.items():
        children.setdefault(par, []).append(child)
    root, depth, next_hop, group = g.root, g.depth, g.next_hop, g.group  # locals: this loop is hot
    queue = deque(i for i, grp in group.items() if grp == 1)
    for i in queue:
        root[i] = i
        depth[i] = 0
    visits = 0
    while queue:
        node = queue.popleft()
        visits += 1
        kids = children.get(node)
        if not kids:
            continue
        for child in kids:
            if child in root or group.get(child) != 2:
                continue
            next_hop[child] = node
            root[child] = root[node]
            depth[child] = depth[node] + 1
            queue.append(child)
    g.visits += visits


def _dead_ends(g: Graph) -> dict[str, str]:
    """Where each untraced Group 2 chain ends, memoised so each node is walked once."""
    end: dict[str, str] = {}
    for start, grp in g.group.items():
        if grp != 2 or start in g.root or start in end:
            continue
        path, node, on_path = [], start, set()
        while g.group.get(node) == 2 and node not in g.root and node not in end and node not in on_path:
            on_path.add(node)
            path.append(node)
            if node not in g.parent:
                break
            node = g.parent[node]
        last = end.get(node, node)
        for n in path:
            end[n] = last
    return end


def _cycles(edges: dict[str, str]) -> list[list[str]]:
    """Cycles of a one-edge-per-node relation, via strongly connected components.

    A memoised walk first sets aside every node whose chain ends (most of them):
    they are in no cycle. What is left leads into a cycle, and only that part is
    handed to networkx, so a clean list never pays for it.
    """
    ends: set[str] = set()  # the chain from here reaches a node with no edge
    loops: set[str] = set()  # the chain from here runs into a cycle
    for start in edges:
        path, node, on_path = [], start, set()
        while node in edges and node not in ends and node not in loops and node not in on_path:
            on_path.add(node)
            path.append(node)
            node = edges[node]
        (loops if node in on_path or node in loops else ends).update(path)
    if not loops:
        return []
    import networkx as nx

    sub = nx.DiGraph()
    sub.add_edges_from((a, edges[a]) for a in loops)
    cycles = []
    for comp in nx.strongly_connected_components(sub):
        if len(comp) > 1 or any(edges.get(n) == n for n in comp):
            first = min(comp)
            order, node = [first], edges[first]
            while node != first:
                order.append(node)
                node = edges[node]
            cycles.append(order)
    return sorted(cycles)


def _fw_finals(upgrade: dict[str, str], merged: dict[str, Entry]) -> dict[str, str | None]:
    """Final target of each firmware source, memoised so each node is walked once."""
    final: dict[str, str | None] = {}
    for start in upgrade:
        path, node, seen = [], start, set()
        while node in upgrade and node not in final and node not in seen:
            seen.add(node)
            path.append(node)
            node = upgrade[node]
        if node in final:
            end = final[node]
        elif node in seen or node not in merged:
            end = None  # a cycle or a target found in no input
        else:
            end = node
        for n in path:
            final[n] = end
    return final


def requested_ids(g: Graph, report: int | None) -> set[str]:
    """Spec section 4: --report N, else every entry with an EPCL Report, else G1 and G2."""
    if report is not None:
        return {i for i, e in g.entries.items() if e.epcl_report == report}
    marked = {i for i, e in g.entries.items() if e.epcl_report is not None}
    return marked or set(g.group)
