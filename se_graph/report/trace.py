"""``se-graph trace``: the chain one entry stands on, hop by hop, with each edge's
kind, the differences (old -> new) and the evidence, then the entry's findings
and whether it qualifies.  Everything comes from the assessment."""

from __future__ import annotations

import textwrap

from se_graph.assessment.verdict import own_evidence
from se_graph.model.phrases import plural
from se_graph.model.vocab import Edge, InstallStatus
from se_graph.report.html_view import BASIS


def _label(assessment, entry_id: str) -> str:
    if entry_id not in assessment:
        return f"{entry_id} (in none of the inputs)"
    v = assessment[entry_id]
    status = InstallStatus(v.install_status).label if v.install_status else "Status unknown"
    return f"{entry_id} [{v.cohort}, {status}, {v.label}]"


def _devices(assessment, entry_id: str) -> str:
    devices = assessment.graph.entries[entry_id].devices
    return ", ".join(d.label() for d in devices) or "none listed"


def render_trace(assessment, entry_id: str, width: int | None = None) -> tuple[bool, str]:
    """(qualifies, text) for one entry; the caller checks that the id exists.
    With ``width``, each line longer than it is folded at spaces, its continuation
    indented under it (ids, versions and report names are never split)."""
    g = assessment.graph
    v = assessment[entry_id]
    lines = [_label(assessment, entry_id), f"    devices: {_devices(assessment, entry_id)}"]
    chain = [entry_id]
    for hop in assessment.hops(entry_id):
        chain.append(hop.end)
        lines.append(f"    --{hop.kind}--> {_label(assessment, hop.end)}")
        if not hop.found:
            continue
        if hop.kind is Edge.FW:
            lines.append(f"        upgrade (old -> new): {'; '.join(hop.differences) or 'no device differences'}")
        else:
            lines.append(f"        differences (old -> new): {'; '.join(hop.differences) or 'none'}")
        if hop.kind is Edge.STATUS:
            lines.append(f"        DMCT report of {hop.end}: {own_evidence(g, hop.end)}")
            lines.append(f"        SIT report of {hop.start}: {g.entries[hop.start].sit_report or 'none named'}")
        else:
            lines.append(f"        evidence of {hop.end}: {own_evidence(g, hop.end)}")
    lines.append(f"    evidence: {v.evidence}")
    if v.findings:
        lines.append(f"    findings on {entry_id}:")
        lines += [f"        [{f.code}] {f.severity}: {f.message}" for f in v.findings]
    others = [f for i in chain[1:] if i in assessment for f in assessment[i].blocking]
    if others:
        lines.append("    errors further along the chain:")
        lines += [f"        [{f.code}] {f.entry}: {f.message}" for f in others]
    lines.append(_conclusion(assessment, v))
    if width:
        lines = [part for line in lines for part in _fold(line, width)]
    return v.qualifies, "\n".join(lines) + "\n"


def _fold(line: str, width: int) -> list[str]:
    if len(line) <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip(" "))]
    return textwrap.wrap(line, width, initial_indent="", subsequent_indent=indent + "    ",
                         break_long_words=False, break_on_hyphens=False, drop_whitespace=True) or [line]


def _root(assessment, v) -> str:
    """The root and what it stands on, in Annex A's words: "its root 001402 (Clause 20.9)"."""
    return f"its root {v.root} ({BASIS[assessment[v.root].basis]}) over {' -> '.join(v.trace)}"


def _conclusion(assessment, v) -> str:
    i = v.entry_id
    if v.qualifies:
        if v.root == i:
            return f"QUALIFIES: {i} is {v.label} ({v.evidence}) and has no error."
        return f"QUALIFIES: {i} traces to {_root(assessment, v)} and has no error."
    if v.group is None:
        return f"DOES NOT QUALIFY: {i} is in neither group ({v.label})."
    if not v.traces:
        where = f"; its chain ends at {v.breaks_at}" if v.breaks_at and v.breaks_at != i else ""
        return f"DOES NOT QUALIFY: {i} does not trace to a Group 1 entry{where} (see the findings above)."
    errors = len(v.blocking)
    return (f"DOES NOT QUALIFY: {i} traces to {_root(assessment, v)} but has "
            f"{plural(errors, 'error')} (see the findings above).")
