"""What to test next: for the requested entries that do not qualify for want of a
tested entry, the tested entries each could stand on instead, and the DMCs whose
testing would make the most installations qualify.

*Uncovered*: a requested entry that does not trace to a tested entry (a Group 2
chain that ends at a pending, failed, uneconomic or missing entry, or a cycle; a
Clause 20.9 entry whose Dormant entry is untested; a pending or failed entry).
An entry that traces but has another error (a forbidden device difference, say)
is not uncovered: a test would not mend it.

*Testing a DMC* (cohort and devices) means testing its Dormant entry: that entry
becomes a tested root, and the Active and Mixed entries of the DMC stand on it
by Clause 20.9 (given their SIT reports).  An uncovered entry then qualifies if
its chain of parents ends at an entry of that DMC, or if it could be
substantively equivalent, under the policy, to an entry of it (so naming that
entry as its parent mends it).

The plan picks DMCs greedily, each time the one that adds the most installations
(maximum coverage).  Greedy is within a factor 1 - 1/e (about 63%) of the best
choice of K DMCs, and exact when no two candidates could mend the same entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from se_graph.checks.policy import Difference, differences
from se_graph.graph import cohort_key
from se_graph.model import Basis, Entry
from se_graph.model.config import RolePolicy
from se_graph.model.vocab import InstallStatus

if TYPE_CHECKING:
    from se_graph.assessment import Assessment

BOUND = "at least 1 - 1/e (about 63%) of the installations the best choice of as many DMCs would make qualify"


@dataclass(frozen=True)
class Parent:
    """A tested entry an uncovered entry could stand on, and how they differ."""

    entry_id: str
    differences: tuple[Difference, ...]


@dataclass(frozen=True)
class Uncovered:
    entry_id: str
    cohort: str
    install_status: str | None
    installs: int
    ends_at: str | None  # where its chain of support ends (None: itself)
    parents: tuple[Parent, ...]  # tested entries it could be equivalent to, best first


@dataclass(frozen=True)
class Candidate:
    """A DMC to test, named by its Dormant entry (else the entry of it found)."""

    entry_id: str
    cohort: str
    mends: frozenset[str]  # the uncovered entries that would qualify


@dataclass(frozen=True)
class Pick:
    candidate: Candidate
    gained: tuple[str, ...]  # uncovered entries this pick adds
    installs: int  # installations it adds
    cumulative_installs: int
    cumulative_entries: int


@dataclass(frozen=True)
class Plan:
    uncovered: tuple[Uncovered, ...]
    candidates: tuple[Candidate, ...]
    picks: tuple[Pick, ...]
    bound: str = BOUND

    @property
    def installs_uncovered(self) -> int:
        return sum(u.installs for u in self.uncovered)


def _blocking_roles(policy: Mapping[str, RolePolicy]) -> tuple[str, ...]:
    """Roles whose model a child must share with its parent under the policy: it
    may not change the model, lack the device or add one.  Only entries alike in
    these can be equivalent, so only they are compared."""
    return tuple(role for role, rules in policy.items()
                 if "model" not in rules.may_differ and not rules.may_lack and not rules.may_add)


def _key(e: Entry, roles: tuple[str, ...]) -> tuple:
    models = {d.role: d.model.casefold() for d in e.devices}
    return tuple(models.get(role) for role in roles)


class _Index:
    """Entries by cohort and the models the policy fixes."""

    def __init__(self, entries: list[tuple[str, Entry]], roles: tuple[str, ...]) -> None:
        self.roles = roles
        self.by_key: dict[tuple, dict[str, list[str]]] = {}
        for i, e in entries:
            self.by_key.setdefault(_key(e, roles), {}).setdefault(cohort_key(e.cohort), []).append(i)

    def alike(self, e: Entry) -> list[str]:
        cohorts = self.by_key.get(_key(e, self.roles), {})
        mine = cohort_key(e.cohort)
        if mine == "unknown":  # an unknown cohort differs from none
            return [i for ids in cohorts.values() for i in ids]
        return [*cohorts.get(mine, ()), *cohorts.get("unknown", ())]


def _equivalent(parent: Entry, child: Entry, policy, memo) -> tuple[Difference, ...] | None:
    if not child.devices or not parent.devices:
        return None  # no devices listed: nothing shows them equivalent
    found = differences(parent, child, policy, memo)
    return tuple(found) if all(d.permitted for d in found) else None


def uncovered_entries(assessment: Assessment) -> list[str]:
    return [v.entry_id for v in assessment.requested if not v.qualifies and not v.traces]


def _end_of(assessment: Assessment, i: str) -> str:
    """Where an uncovered entry's chain of support ends: the entry to test."""
    g = assessment.graph
    end = g.dead_end.get(i, i)
    if end in g.dormant:  # a Clause 20.9 entry: its Dormant entry is what needs the test
        end = g.dormant[end]
    return end


def make_plan(assessment: Assessment, tests: int | None = None) -> Plan:
    g = assessment.graph
    policy = assessment.config.policy
    roles = _blocking_roles(policy)
    memo: dict = {}
    ids = uncovered_entries(assessment)
    tested = [(i, g.entries[i]) for i, v in assessment.verdicts.items()
              if v.qualifies and v.basis in (Basis.TESTED, Basis.EPCL)]
    tested_index = _Index(tested, roles)

    # the DMCs that could be tested: those of the entries where chains end, and
    # of every entry in no group (each named by its Dormant entry where listed)
    dmc_of: dict[tuple, str] = {}
    untested = [(i, e) for i, e in g.entries.items()
                if i not in g.tested and assessment.verdicts[i].group is None and e.devices]
    for i, e in sorted(untested, key=lambda ie: (ie[1].install_status != InstallStatus.DORMANT, ie[0])):
        dmc_of.setdefault(_dmc(e), i)
    untested_index = _Index(untested, roles)

    uncovered = []
    mends: dict[str, set[str]] = {}
    for i in ids:
        e = g.entries[i]
        parents = []
        for p in tested_index.alike(e):
            if p != i and (diffs := _equivalent(g.entries[p], e, policy, memo)) is not None:
                parents.append(Parent(entry_id=p, differences=diffs))
        parents.sort(key=lambda p: (len(p.differences), -(g.entries[p.entry_id].installs or 0), p.entry_id))
        end = _end_of(assessment, i)
        uncovered.append(Uncovered(entry_id=i, cohort=e.cohort, install_status=e.install_status,
                                   installs=e.installs or 0, ends_at=None if end == i else end,
                                   parents=tuple(parents)))
        if parents:
            continue  # it can stand on a tested entry now: no test is needed for it
        if end in g.entries and g.group.get(end) is None and g.entries[end].devices:
            mends.setdefault(dmc_of.get(_dmc(g.entries[end]), end), set()).add(i)
        for p in untested_index.alike(e):
            if p != i and _equivalent(g.entries[p], e, policy, memo) is not None:
                mends.setdefault(dmc_of.get(_dmc(g.entries[p]), p), set()).add(i)

    candidates = tuple(Candidate(entry_id=c, cohort=g.entries[c].cohort, mends=frozenset(m))
                       for c, m in sorted(mends.items()))
    weights = {u.entry_id: u.installs for u in uncovered}
    return Plan(uncovered=tuple(uncovered), candidates=candidates, picks=tuple(greedy(candidates, weights, tests)))


def _dmc(e: Entry) -> tuple:
    return (cohort_key(e.cohort), tuple(sorted((d.role, d.manufacturer or "", d.model, d.hardware or "",
                                                  d.firmware or "") for d in e.devices)))


def greedy(candidates: tuple[Candidate, ...], weights: Mapping[str, int], tests: int | None) -> list[Pick]:
    """Maximum coverage, greedily: each pick adds the most installations not yet
    covered (ties: more entries, then the smaller id); stops after ``tests`` picks
    or when no candidate adds anything."""
    covered: set[str] = set()
    picks: list[Pick] = []
    left = list(candidates)
    total_installs = 0
    while left and (tests is None or len(picks) < tests):
        def gain(c: Candidate) -> tuple[int, int]:
            new = c.mends - covered
            return sum(weights[i] for i in new), len(new)

        gains = {c.entry_id: gain(c) for c in left}  # each candidate's gain once per pick
        best = min(left, key=lambda c: (-gains[c.entry_id][0], -gains[c.entry_id][1], c.entry_id))
        installs, count = gains[best.entry_id]
        if count == 0:
            break
        gained = tuple(sorted(best.mends - covered))
        covered |= best.mends
        total_installs += installs
        picks.append(Pick(candidate=best, gained=gained, installs=installs,
                          cumulative_installs=total_installs, cumulative_entries=len(covered)))
        left.remove(best)
    return picks
