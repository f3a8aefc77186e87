"""The chain an entry stands on, edge by edge, with each edge's differences (old
-> new) and the evidence of the entry it reaches: what ``trace`` prints and the
explorer's panel shows."""

from __future__ import annotations

from dataclasses import dataclass

from se_graph.checks.policy import FIRMWARE_ONLY, differences
from se_graph.model.vocab import Edge


@dataclass(frozen=True, slots=True)
class Hop:
    kind: Edge
    start: str  # the entry that relies
    end: str  # the entry relied on (may be in none of the inputs)
    differences: tuple[str, ...]  # "ROLE field: old -> new"
    found: bool  # whether ``end`` is in the inputs


def _hop(assessment, kind: Edge, a: str, b: str) -> Hop:
    g = assessment.graph
    if b not in g.entries:
        return Hop(kind=kind, start=a, end=b, differences=(), found=False)
    if kind is Edge.FW:  # an upgrade goes from the source's firmware to the target's
        diffs = differences(g.entries[a], g.entries[b], FIRMWARE_ONLY)
    else:  # a child (or a covered entry) is a variation of the entry it relies on
        diffs = differences(g.entries[b], g.entries[a], assessment.config.policy)
    return Hop(kind=kind, start=a, end=b, differences=tuple(str(d) for d in diffs), found=True)


def hops(assessment, entry_id: str) -> list[Hop]:
    """A firmware source's upgrades to its final target, then the se edges to the
    root (or to where the chain breaks), then the Clause 20.9 edge of a covered root."""
    g = assessment.graph
    out: list[Hop] = []
    node, seen = entry_id, {entry_id}
    while node in g.upgrade and g.group.get(node) is None:
        nxt = g.upgrade[node]
        out.append(_hop(assessment, Edge.FW, node, nxt))
        if nxt in seen or nxt not in g.entries:
            return out
        seen.add(nxt)
        node = nxt
    while node in g.parent:
        nxt = g.parent[node]
        out.append(_hop(assessment, Edge.SE, node, nxt))
        if nxt in seen or nxt not in g.entries:
            return out
        seen.add(nxt)
        node = nxt
    if node in g.dormant:
        out.append(_hop(assessment, Edge.STATUS, node, g.dormant[node]))
    return out
