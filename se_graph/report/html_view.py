"""What the HTML explorer shows: which entries (focus, errors, cohort), the tree
each one hangs in, and every fact its panel needs, as compact column data.

Everything here reads the assessment's verdicts and hops; nothing is judged
again.  The page lays the trees out itself (it knows the size of the window), so
this module only says which entry hangs under which, and, for each tested root,
what would be lost if it failed.  All passes are linear.
"""

from __future__ import annotations

from collections import deque

from se_graph.assessment.impact import if_failed
from se_graph.graph import cohort_key
from se_graph.model import Basis
from se_graph.model.phrases import BASIS, status_words
from se_graph.model.vocab import Edge, Role

# What an entry stands on, in one word each wherever se-graph shows it (Annex A's
# Basis column, the roots chart, the explorer's panel, trace): a Clause 20.9 entry
# is never called tested, as its testing is its Dormant entry's.
ROLES = {
    Role.TESTED: ("Group 1, tested", "#2e7d32"),
    Role.EPCL: ("Group 1, on the EPCL", "#00838f"),
    Role.COVERED: ("Group 1, Clause 20.9", "#81c784"),
    Role.GROUP2: ("Group 2", "#1e88e5"),
    Role.BLOCKED: ("In a group, does not qualify", "#c62828"),
    Role.FW: ("Firmware-upgrade source", "#fb8c00"),
    Role.OTHER: ("Other (pending, failed, uneconomic)", "#9e9e9e"),
}
LIGHT = {Role.COVERED, Role.FW, Role.OTHER}  # a pale box: its label in black, not white
ROOTS = (Role.TESTED, Role.EPCL)  # the roles of a tested root: the page says "if this failed" on these
EDGES = {
    Edge.SE: {"color": "#1e3a5f", "dashes": False, "width": 1},
    Edge.STATUS: {"color": "#2e7d32", "dashes": [8, 5], "width": 1.5},
    Edge.FW: {"color": "#e65100", "dashes": [2, 4], "width": 1.5},
}
EDGE_KINDS = list(EDGES)


def role_of(verdict) -> Role:
    """How an entry is drawn: an entry that does not qualify is never drawn as one
    that does, and only an entry with its own DMCT report is drawn as tested."""
    if verdict.group is not None and not verdict.qualifies:
        return Role.BLOCKED
    if verdict.basis is Basis.EPCL:
        return Role.EPCL
    return verdict.role


def select(analysis, *, focus: str | None, depth: int | None, errors_only: bool, cohort: str | None) -> list[str]:
    """The ids to draw, in a stable order."""
    g = analysis.graph
    ids = set(g.entries)
    if cohort is not None:
        key = cohort_key(cohort)
        ids = {i for i in ids if cohort_key(g.entries[i].cohort) == key}
    if errors_only:
        bad = {i for i, v in analysis.verdicts.items() if v.blocking}
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
    level at which the walk met it, and hangs under nothing on the closing edge.
    """
    shown = set(ids)
    relies: dict[str, list[str]] = {}  # from the edge dict: cheaper than building networkx
    for a, b in g.edges:
        if a in shown and b in shown:
            relies.setdefault(a, []).append(b)
    level: dict[str, int] = {}
    under: dict[str, str] = {}
    for start in ids:
        path, node, on_path = [], start, set()
        while node not in level and node not in on_path:
            on_path.add(node)
            path.append(node)
            targets = relies.get(node)
            if not targets:
                break
            node = min(targets)
            under[path[-1]] = node
        base = level.get(node, -1)
        for n in reversed(path):
            base += 1
            level[n] = base
    # the edge that closes a cycle is not a tree edge: the forest stays a forest
    return level, {c: p for c, p in under.items() if level[c] == level[p] + 1}


class _Table:
    """Distinct values in first-seen order, so repeated text travels once."""

    def __init__(self):
        self.index: dict = {}

    def __call__(self, value) -> int:
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.index)
        return found

    def values(self) -> list:
        return list(self.index)


def _inst(status) -> str:
    """An installation status as the page shows it: Active, Dormant, Mixed, Unknown."""
    return (status or "unknown").title()


def losses(analysis, pos: dict[str, int], text: _Table) -> dict:
    """What each tested root on the page would lose if it failed (``if_failed``):
    one list per root that others rely on, the root's index first and then the
    indices of the other entries lost, each entry in at most one list.  A lost
    entry not on this page (a narrowed page) is counted in "elsewhere", as
    [list, cohort, installation status, entries, installations, devices]."""
    sets, elsewhere = [], []
    for root, lost in if_failed(analysis).items():
        at = pos.get(root) if len(lost) > 1 else None
        if at is None:
            continue  # nothing else relies on it, or it is not on this page
        here, away = [at], {}
        for i in lost:
            n = pos.get(i)
            if n is not None:
                if n != at:
                    here.append(n)
            else:
                v = analysis[i]
                cell = away.setdefault((text(v.cohort), text(_inst(v.install_status))), [0, 0, 0])
                cell[0] += 1
                cell[1] += v.installs or 0
                cell[2] += v.devices
        elsewhere.extend([len(sets), c, s, *cell] for (c, s), cell in away.items())
        sets.append(here)
    return {"sets": sets, "elsewhere": elsewhere}


def _location(loc) -> str:
    parts = [loc.path.rsplit("/", 1)[-1] if loc.path else None, loc.sheet,
             f"row {loc.row}" if loc.row else None, loc.column]
    return ", ".join(str(p) for p in parts if p)


def payload(analysis, ids: list[str]) -> dict:
    """The page's data: one column per fact, one row per entry (in ``ids`` order);
    repeated text (cohorts, statuses, device models, evidence, differences) sits in
    tables and the columns hold indices, so a 100,000-entry page stays small."""
    g = analysis.graph
    pos = {i: n for n, i in enumerate(ids)}
    _, under = levels(g, ids)
    text = _Table()  # one table for every repeated string
    labels: dict = {}

    def device(d) -> int:  # many entries share a device model: label it once
        found = labels.get(d)
        if found is None:
            found = labels[d] = text(d.label())
        return found

    hop_table: dict[tuple, int] = {}
    hop_rows: list = []
    cols: dict[str, list] = {k: [] for k in (
        "under", "role", "cohort", "inst", "status", "label", "installs", "devices", "derived",
        "qualifies", "requested", "dev", "evidence", "root", "rootBasis", "hops", "breaks")}
    for i in ids:
        e = g.entries[i]
        v = analysis[i]
        cols["under"].append(pos[under[i]] if i in under else -1)
        cols["role"].append(role_of(v))
        cols["cohort"].append(text(e.cohort))
        cols["inst"].append(text(_inst(e.install_status)))
        cols["status"].append(text(status_words(e)))
        cols["label"].append(text(v.label))
        cols["installs"].append(e.installs)
        cols["devices"].append(v.devices)
        cols["derived"].append(1 if v.devices_derived else 0)
        cols["qualifies"].append(1 if v.qualifies else 0)
        cols["requested"].append(1 if v.requested else 0)
        cols["dev"].append([device(d) for d in e.devices])
        cols["evidence"].append(text(v.evidence))
        # the root (docs/audit.md): the Group 1 entry the trace ends at, and its basis in Annex A's words
        cols["root"].append(text(v.root) if v.root is not None else -1)
        cols["rootBasis"].append(text(BASIS[analysis[v.root].basis]) if v.root is not None else -1)
        chain = []
        for h in analysis.hops(i):
            key = (h.kind, h.start, h.end)
            if key not in hop_table:
                hop_table[key] = len(hop_rows)
                hop_rows.append([EDGE_KINDS.index(h.kind), text(h.start), text(h.end),
                                 [text(d) for d in h.differences], 1 if h.found else 0])
            chain.append(hop_table[key])
        cols["hops"].append(chain)
        # where an untraced chain ends: an entry of the page, or an id shown only in the panel
        cols["breaks"].append(text(v.breaks_at) if v.breaks_at is not None and not v.qualifies else -1)
    findings = []
    for f in analysis.findings:
        at = pos.get(f.entry, -1) if f.entry is not None else -1
        if f.entry is not None and at < 0 and f.entry in g.entries:
            continue  # an entry not on this page
        findings.append([f.code, str(f.severity), f.message, at, f.entry or "", _location(f.location)])
    roles = list(ROLES)
    edges = []
    for (a, b), kind in sorted(g.edges.items()):
        if a in pos and b in pos:
            edges.extend((pos[a], pos[b], EDGE_KINDS.index(kind)))
    lost = losses(analysis, pos, text)  # before the text table is read: it adds to it
    return {
        "ids": ids,
        "columns": {**cols, "role": [roles.index(r) for r in cols["role"]]},
        "text": text.values(),
        "hops": hop_rows,
        "findings": findings,
        "edges": edges,
        "roles": [{"key": k, "label": ROLES[k][0], "color": ROLES[k][1], "dark": k not in LIGHT} for k in roles],
        "root_roles": [roles.index(r) for r in ROOTS],
        "if_failed": lost,
        "edge_kinds": [{"key": k, **EDGES[k]} for k in EDGE_KINDS],
    }
