"""The words the outputs and findings use for the vocabulary: why an entry is in
no group, what a status means, what a basis or a group is called.  One home, so
the label in a report, the clause in a finding and the word in the explorer are
changed together.  (The wordings differ where a sentence needs them to: a label
reads "no group: pending testing", a finding "Entry 000123 is still pending
testing".)
"""

from __future__ import annotations

from typing import Protocol

from se_graph.model.codes import Basis, Group
from se_graph.model.vocab import DmctStatus, Reason


class _Row(Protocol):
    dmct_status: str | None
    exclusion_reason: str | None


# Why an entry is in no group, by its reason for exclusion, else its DMCT status
# (a label: "no group: pending testing").  Reason.COVERED is DmctStatus.COVERED's word.
_NO_GROUP: dict[str, str] = {
    DmctStatus.PENDING: "pending testing",
    DmctStatus.FAILED: "failed testing",
    DmctStatus.EXCLUDED: "excluded from testing",
    DmctStatus.TESTED: "marked tested without a test report",
    DmctStatus.COVERED: "covered by Dormant, but its Clause 20.9 basis does not hold",
    Reason.UNECONOMIC: "excluded as uneconomic to test",
    Reason.FW_UPGRADE: "excluded for a firmware upgrade",
    Reason.OTHER: "excluded (other)",
    Reason.SE: "excluded as substantively equivalent",
}
NO_STATUS = "no DMCT status or reason for exclusion"

# The same facts as the clause of a finding about the entry ("Entry 000123 ...").
PENDING = "is still pending testing"
FAILED = "failed testing"
EXCLUDED = "is excluded from testing"
_NOT_A_ROOT: dict[str, str] = {
    DmctStatus.PENDING: PENDING,
    DmctStatus.FAILED: FAILED,
    DmctStatus.EXCLUDED: EXCLUDED,
    DmctStatus.COVERED: "relies on Clause 20.9 but does not qualify for Group 1",
    DmctStatus.TESTED: "is marked tested but has no test report",
}

# A status or reason in a few words, as the explorer shows an entry.
_STATUS: dict[str, str] = {
    Reason.SE: "substantive equivalence",
    Reason.UNECONOMIC: "uneconomic to test",
    Reason.FW_UPGRADE: "firmware upgrade",
    Reason.COVERED: "covered by Dormant (Clause 20.9)",
    Reason.OTHER: "other",
    DmctStatus.TESTED: f"{DmctStatus.TESTED}",  # these two are said as the word itself
    DmctStatus.PENDING: "pending testing",
    DmctStatus.FAILED: "failed testing",
    DmctStatus.EXCLUDED: f"{DmctStatus.EXCLUDED}",
}

BASIS: dict[Basis, str] = {
    Basis.TESTED: f"{Basis.TESTED}", Basis.EPCL: "on the EPCL", Basis.CLAUSE_20_9: "Clause 20.9",
    Basis.SE: "substantive equivalence",
}
GROUP: dict[Group, str] = {Group.ONE: BASIS[Basis.TESTED], Group.TWO: "SE"}  # what each group stands on, in a word


def why_no_group(row: _Row) -> str:
    """Why an entry is in no group, as a label: "pending testing"."""
    return _NO_GROUP.get(row.exclusion_reason or row.dmct_status or "", NO_STATUS)


def why_not_tested(row: _Row) -> str:
    """Why a Dormant entry is not Group 1, in the words of its own row (a clause)."""
    status = row.dmct_status
    if status == DmctStatus.TESTED:
        return "names no DMCT Test Completion Report"
    if status == DmctStatus.PENDING:
        return PENDING
    if status == DmctStatus.FAILED:
        return FAILED
    if row.exclusion_reason:
        return EXCLUDED
    return "is not marked tested" if status is None else f"is marked '{status}', not tested"


def why_not_root(row: _Row, upgrade_source: bool = False) -> str:
    """Why an entry a chain of parents reaches is not a tested root (a clause)."""
    if row.exclusion_reason == Reason.UNECONOMIC:
        return "was excluded as uneconomic to test"
    if upgrade_source or row.exclusion_reason == Reason.FW_UPGRADE:
        return "is a firmware-upgrade source, not a tested entry"
    return _NOT_A_ROOT.get(row.dmct_status or "", "is untested")


def status_words(row: _Row) -> str:
    """Its DMCT status, else its reason for exclusion, in a few words."""
    if row.dmct_status:
        return _STATUS.get(row.dmct_status, row.dmct_status)
    if row.exclusion_reason:
        return "excluded: " + _STATUS.get(row.exclusion_reason, row.exclusion_reason)
    return "unknown"


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 entry``, ``2 entries``, ``1,234 entries``: the count, its thousands
    grouped as every output writes figures, and the words that agree with it
    (``many`` is ``one`` + "s" unless given: ``plural(n, "entry does", "entries do")``)."""
    return f"{count:,} {one if count == 1 else many or one + 's'}"
