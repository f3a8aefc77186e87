"""What the HTML explorer shows: which entries (focus, errors, cohort), their
hierarchy level, role and the data its side panel needs. All linear passes."""

from __future__ import annotations

import math
from collections import deque

from se_graph.graph import cohort_key

ROLES = {
    "tested": ("Group 1, tested", "#2e7d32"),
    "covered": ("Group 1 via Clause 20.9", "#81c784"),
    "group2": ("Group 2, substantively equivalent", "#1e88e5"),
    "blocked": ("In a group but does not qualify (see findings)", "#c62828"),
    "fw": ("Firmware-upgrade source", "#fb8c00"),
    "other": ("Other (pending, failed, uneconomic)", "#9e9e9e"),
}
EDGES = {
    "se": {"color": "#1e3a5f", "dashes": False, "width": 1.5},
    "status": {"color": "#2e7d32", "dashes": [8, 5], "width": 1.5},
    "fw": {"color": "#e65100", "dashes": [2, 4], "width": 1.5},
}


def role_of(verdict) -> str:
    """How an entry is drawn: an entry that does not qualify is never drawn as one that does."""
    if verdict.group is not None and not verdict.qualifies:
        return "blocked"
    return verdict.role


def select(analysis, *, focus: str | None, depth: int | None, errors_only: bool, cohort: str | None) -> list[str]:
    """The ids to draw, in a stable order."""
    g = analysis.graph
    ids = set(g.entries)
    if cohort is not None:
        key = cohort_key(cohort)
        ids = {i for i in ids if cohort_key(g.entries[i].cohort) == key}
    if errors_only:
        bad = {f.entry for f in analysis.findings if f.severity == "error" and f.entry in g.entries}
        keep = set(bad)
        for i in bad:  # and what each relies on, for context
            keep.update(g.nx.successors(i))
        ids &= keep
    if focus is not None:
        ids &= _around(g.nx, focus, depth)
    return sorted(ids)


def _around(nx_graph, start: str, depth: int | None) -> set[str]:
    """The focus, what it relies on and what relies on it, within ``depth`` hops."""
    seen = {start: 0}
    for step in (nx_graph.successors, nx_graph.predecessors):
        queue = deque([start])
        dist = {start: 0}
        while queue:
            node = queue.popleft()
            if depth is not None and dist[node] >= depth:
                continue
            for nxt in step(node):
                if nxt not in dist:
                    dist[nxt] = dist[node] + 1
                    queue.append(nxt)
        seen.update(dist)
    return set(seen)


def levels(g, ids: list[str]) -> tuple[dict[str, int], dict[str, str]]:
    """Roots (entries relying on nothing shown) on level 0, each entry one below
    what it relies on; and the entry each one hangs under.

    Each node's level is memoised, so the walk is linear; a cycle member gets the
    level at which the walk met it.
    """
    shown = set(ids)
    level: dict[str, int] = {}
    under: dict[str, str] = {}
    for start in ids:
        path, node, on_path = [], start, set()
        while node not in level and node not in on_path:
            on_path.add(node)
            path.append(node)
            targets = [t for t in g.nx.successors(node) if t in shown]
            if not targets:
                break
            node = min(targets)
            under[path[-1]] = node
        base = level.get(node, -1)
        for n in reversed(path):
            base += 1
            level[n] = base
    return level, under


def positions(ids: list[str], level: dict[str, int], under: dict[str, str]) -> dict[str, tuple[int, int]]:
    """x, y of each entry: a tidy forest, leaves side by side, each entry centred
    over what hangs under it. Computed here so the browser draws at once, with no
    layout pass of its own (vis-network's hierarchical layout stalls on large graphs)."""
    kids: dict[str, list[str]] = {}
    for child, parent in under.items():
        if level[child] == level[parent] + 1:  # not the edge that closes a cycle
            kids.setdefault(parent, []).append(child)
    hung = {c for cs in kids.values() for c in cs}
    x: dict[str, float] = {}
    slot = 0
    for root in (i for i in ids if i not in hung):
        stack = [(root, False)]
        while stack:
            node, done = stack.pop()
            children = kids.get(node)
            if done or not children:
                if children:
                    x[node] = (x[children[0]] + x[children[-1]]) / 2
                else:
                    x[node] = slot
                    slot += 1
                continue
            stack.append((node, True))
            stack.extend((c, False) for c in reversed(children))
        slot += 1  # a gap between trees
    return {i: (round(x[i] * 46), level[i] * 120) for i in ids}


def size(installs: int | None) -> float:
    return round(10 + 6 * math.log10(1 + (installs or 0)), 2)


WORDS = {"se": "substantive equivalence", "uneconomic": "uneconomic to test", "fw-upgrade": "firmware upgrade",
         "covered": "covered by Dormant (Clause 20.9)", "other": "other", "tested": "tested",
         "pending": "pending testing", "failed": "failed testing", "excluded": "excluded"}


def status_of(e) -> str:
    if e.dmct_status:
        return WORDS.get(e.dmct_status, e.dmct_status)
    if e.exclusion_reason:
        return "excluded: " + WORDS.get(e.exclusion_reason, e.exclusion_reason)
    return "unknown"


def payload(analysis, ids: list[str]) -> dict:
    """Nodes, edges and legend as plain data for the page."""
    g = analysis.graph
    shown = set(ids)
    level, under = levels(g, ids)
    where = positions(ids, level, under)
    errors: dict[str, list] = {}
    for f in analysis.findings:
        if f.entry in shown:
            errors.setdefault(f.entry, []).append([f.code, f.severity, f.message])
    nodes = []
    for i in ids:
        e = g.entries[i]
        v = analysis[i]
        role = role_of(v)
        nodes.append({
            "id": i, "level": level[i], "x": where[i][0], "y": where[i][1], "role": role, "size": size(e.installs),
            "error": any(s == "error" for _, s, _ in errors.get(i, ())),
            "cohort": e.cohort, "install_status": (e.install_status or "unknown").title(),
            "status": status_of(e), "installs": e.installs, "devices": e.device_count,
            "device_list": [d.label() for d in e.devices], "findings": errors.get(i, []),
            "trace": list(v.trace) if v.trace else None, "evidence": v.evidence, "qualifies": v.qualifies,
        })
    edges = [
        {"from": a, "to": b, "kind": kind}
        for a, b, kind in sorted(g.nx.edges(data="kind"))
        if a in shown and b in shown
    ]
    return {"nodes": nodes, "edges": edges,
            "roles": {k: {"label": v[0], "color": v[1]} for k, v in ROLES.items()}, "role_order": list(ROLES),
            "edge_styles": EDGES}
