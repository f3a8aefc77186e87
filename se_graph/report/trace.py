"""``se-graph trace``: the path of one entry to its tested root, hop by hop,
with each edge's kind, the device differences and the evidence."""

from __future__ import annotations

from se_graph.checks.policy import describe, differences
from se_graph.model import Entry


def _label(analysis, entry_id: str) -> str:
    g = analysis.graph
    if entry_id not in g.entries:
        return f"{entry_id} (in none of the inputs)"
    e = g.entries[entry_id]
    grp = g.group.get(entry_id)
    if grp == 1 and entry_id in g.dormant:
        role = "Group 1 by Clause 20.9"
    elif grp == 1:
        role = "Group 1, on the EPCL" if entry_id in g.epcl_ids else "Group 1, tested"
    elif grp == 2:
        role = "Group 2"
    elif entry_id in g.upgrade:
        role = "firmware-upgrade source"
    else:
        role = f"no group ({e.dmct_status or e.exclusion_reason or 'no status'})"
    status = (e.install_status or "status unknown").capitalize()
    return f"{entry_id} [{e.cohort}, {status}, {role}]"


def evidence(e: Entry) -> str:
    parts = []
    if e.test_report:
        parts.append(f"DMCT report: {e.test_report}" + (f" ({e.test_report_date})" if e.test_report_date else ""))
    if e.sit_report:
        parts.append(f"SIT report: {e.sit_report}")
    if e.rationale:
        parts.append(f"rationale: {e.rationale}")
    return "; ".join(parts) or "no evidence named"


def _hop(analysis, kind: str, a: str, b: str) -> list[str]:
    g = analysis.graph
    lines = [f"    --{kind}--> {_label(analysis, b)}"]
    if a in g.entries and b in g.entries:
        diffs = differences(g.entries[b], g.entries[a], analysis.config.policy)
        lines.append(f"        differences: {describe(diffs)}")
        lines.append(f"        evidence of {b}: {evidence(g.entries[b])}")
    return lines


def render_trace(analysis, entry_id: str) -> tuple[bool, str]:
    """(traces, text) for one entry; the caller checks that the id exists."""
    g = analysis.graph
    lines = [_label(analysis, entry_id), f"    devices: {', '.join(d.label() for d in g.entries[entry_id].devices) or 'none listed'}"]
    node, seen = entry_id, {entry_id}
    # a firmware source first follows its upgrades to the final target
    while node in g.upgrade and g.group.get(node) is None:
        nxt = g.upgrade[node]
        lines += _hop(analysis, "fw", node, nxt)
        if nxt in seen or nxt not in g.entries:
            break
        seen.add(nxt)
        node = nxt
    if node in g.root:
        path = g.trace(node)
        for a, b in zip(path, path[1:]):
            lines += _hop(analysis, "se", a, b)
        root = path[-1]
        if root in g.dormant:
            lines += _hop(analysis, "status", root, g.dormant[root])
        if len(path) == 1 and root not in g.dormant:
            lines.append(f"        evidence: {evidence(g.entries[root])}")
        lines.append(f"TRACES: {entry_id} rests on tested entry {root} ({' -> '.join(path if node == entry_id else [entry_id, '...', *path])}).")
        return True, "\n".join(lines) + "\n"
    while node in g.parent and g.parent[node] not in seen:
        nxt = g.parent[node]
        lines += _hop(analysis, "se", node, nxt)
        seen.add(nxt)
        if nxt not in g.entries:
            break
        node = nxt
    problems = [f for f in analysis.findings if f.entry in seen and f.severity == "error"]
    lines.append(f"DOES NOT TRACE: {entry_id} does not rest on a tested entry.")
    lines += [f"    [{f.code}] {f.message}" for f in problems]
    return False, "\n".join(lines) + "\n"
