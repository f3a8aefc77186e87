"""What if a test fails: the entries that stop qualifying when some entries are
treated as failed (not tested, so no longer a root nor anything to stand on).

Every qualifying entry stands on a chain of support: a tested entry (or one on
the current EPCL) stands on itself; a Clause 20.9 entry on its Dormant entry; a
Group 2 entry on its parent.  The *support graph* has an edge from what is
relied on to what relies on it, and one source above every root.  An entry is
lost when every route from the source to it passes through a failed entry: with
the failed entries taken out, it is no longer reachable (one walk, linear).  For
one failed entry at a time, the same answer for every root at once is its
subtree in the dominator tree (``networkx.immediate_dominators``); as each entry
stands on exactly one thing, that tree is the support graph itself, so
``if_failed`` walks it once, and the explorer says "if this failed" on each
tested entry from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from se_graph.model import Basis, InputError
from se_graph.model.vocab import InstallStatus

if TYPE_CHECKING:
    import networkx as nx

    from se_graph.assessment import Assessment

SOURCE = ""  # the one node above every root: no entry id is empty
STATUSES = tuple(InstallStatus)


@dataclass(frozen=True)
class Lost:
    """An entry that qualified and would not, with the trace it loses."""

    entry_id: str
    cohort: str
    install_status: str | None
    installs: int
    devices: int
    requested: bool
    trace: tuple[str, ...]  # the chain it stood on, from the entry to its root
    through: str  # the failed entry its support passed through (the nearest one)


@dataclass(frozen=True)
class Impact:
    failed: tuple[str, ...]
    lost: tuple[Lost, ...]  # in id order

    def totals(self) -> dict[str, dict[str, dict[str, int]]]:
        """cohort -> installation status -> {"entries", "installs", "devices"}; plus "all"."""
        out: dict[str, dict[str, dict[str, int]]] = {}
        for item in self.lost:
            for cohort in (item.cohort, "all"):
                cell = out.setdefault(cohort, {}).setdefault(
                    item.install_status or "unknown", {"entries": 0, "installs": 0, "devices": 0})
                cell["entries"] += 1
                cell["installs"] += item.installs
                cell["devices"] += item.devices
        return {c: dict(sorted(s.items())) for c, s in sorted(out.items(), key=lambda kv: (kv[0] == "all", kv[0]))}


def support(assessment: Assessment) -> dict[str, list[str]]:
    """What relies on what, among the qualifying entries: relied-on id -> the ids
    relying on it; ``SOURCE`` -> the roots (tested, or on the EPCL)."""
    g = assessment.graph
    dormant, next_hop = g.dormant, g.next_hop
    below: dict[str, list[str]] = {SOURCE: []}
    for v in assessment.verdicts.values():  # values, not items: the explorer asks for 100k at a time
        if not v.qualifies:
            continue
        i, basis = v.entry_id, v.basis
        if basis is Basis.TESTED or basis is Basis.EPCL:
            up = SOURCE
        elif basis is Basis.CLAUSE_20_9:
            up = dormant[i]
        else:
            up = next_hop[i]
        children = below.get(up)
        if children is None:
            below[up] = [i]
        else:
            children.append(i)
    return below


def _check_ids(assessment: Assessment, ids: Iterable[str]) -> tuple[str, ...]:
    failed = tuple(dict.fromkeys(ids))
    unknown = [i for i in failed if i not in assessment.verdicts]
    if not failed:
        raise InputError("impact needs at least one EPCL ID to treat as failed, e.g. `se-graph impact 001003 data/`.")
    if unknown:
        raise InputError(f"No input has entry {', '.join(unknown)}: impact names the entries to treat as failed "
                         f"by their EPCL ID (six digits).")
    return failed


def impact(assessment: Assessment, ids: Iterable[str]) -> Impact:
    """The entries that no longer qualify when ``ids`` are treated as failed."""
    failed = _check_ids(assessment, ids)
    below = support(assessment)
    gone = set(failed)
    reached: set[str] = set()
    stack = [SOURCE]
    while stack:  # every entry still reachable from the source without a failed entry
        for child in below.get(stack.pop(), ()):
            if child not in gone and child not in reached:
                reached.add(child)
                stack.append(child)
    lost = []
    for i in sorted(set().union(*below.values()) - reached):  # the qualifying entries not reached
        v = assessment.verdicts[i]
        chain = _chain(assessment, i)
        lost.append(Lost(entry_id=i, cohort=v.cohort, install_status=v.install_status, installs=v.installs or 0,
                         devices=v.devices, requested=v.requested, trace=chain,
                         through=next(n for n in chain if n in gone)))
    return Impact(failed=failed, lost=tuple(lost))


def _chain(assessment: Assessment, i: str) -> tuple[str, ...]:
    """The chain of support from an entry up to its tested root (Clause 20.9 hops
    to the Dormant entry included)."""
    g = assessment.graph
    chain = [i]
    while True:
        v = assessment.verdicts[chain[-1]]
        if v.basis is Basis.SE:
            chain.append(g.next_hop[chain[-1]])
        elif v.basis is Basis.CLAUSE_20_9:
            chain.append(g.dormant[chain[-1]])
        else:
            return tuple(chain)


def dominator_tree(assessment: Assessment) -> nx.DiGraph:
    """The support graph's dominator tree: each qualifying entry under the entry
    every route to it passes through last."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_node(SOURCE)
    for up, children in support(assessment).items():
        graph.add_edges_from((up, c) for c in children)
    idom = nx.immediate_dominators(graph, SOURCE)
    tree = nx.DiGraph()
    tree.add_nodes_from(idom)
    tree.add_edges_from((d, n) for n, d in idom.items() if n != d)
    return tree


def if_failed(assessment: Assessment) -> dict[str, list[str]]:
    """Each tested root (or EPCL entry) -> the qualifying entries lost if it alone
    failed (itself included), for every root at once.

    Each qualifying entry stands on exactly one thing (``support`` gives it one
    entry above), so the support graph is a tree under the source and is its own
    dominator tree: the entries lost when a root fails are its subtree.  The
    subtrees of different roots are disjoint, so one walk over the tree answers
    every root (linear; ``dominator_tree`` is the general answer, kept as a check)."""
    below = support(assessment)
    out = {}
    for root in sorted(below[SOURCE]):
        lost, stack = [root], [root]
        while stack:
            children = below.get(stack.pop())
            if children:
                lost.extend(children)
                stack.extend(children)
        out[root] = sorted(lost)
    return out
