"""The vocabulary of the DCC's workbooks as enums, and the predicates every stage
shares.  Each value is the normalised word ingest parses a cell into; comparing
an entry's field with a member (``e.dmct_status is DmctStatus.TESTED``) is the
only way the other stages speak of it.  (They are ``StrEnum``s, so a member is
also equal to its word, which keeps JSON and old fixtures readable.)
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from typing import Protocol


class InstallStatus(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    MIXED = "mixed"

    @property
    def label(self) -> str:
        """As the DCC's workbooks and reports write it: Active, Dormant, Mixed."""
        return self.value.title()

    @property
    def relies_on_dormant(self) -> bool:
        """Active and Mixed entries may stand on their Dormant entry (Clause 20.9)."""
        return self is not InstallStatus.DORMANT


class DmctStatus(StrEnum):
    TESTED = "tested"
    COVERED = "covered"  # Clause 20.9: covered by the Dormant entry's test
    PENDING = "pending"
    FAILED = "failed"
    EXCLUDED = "excluded"


class Reason(StrEnum):
    """Reason for Exclusion."""

    SE = "se"
    UNECONOMIC = "uneconomic"
    FW_UPGRADE = "fw-upgrade"
    COVERED = "covered"
    OTHER = "other"


class Kind(StrEnum):
    """The kinds of table se-graph reads."""

    STATUS_LIST = "status-list"
    EXCLUDED = "excluded"
    EPCL = "epcl"


class _Row(Protocol):
    dmct_status: str | None
    exclusion_reason: str | None
    test_report: str | None


def is_tested(row: _Row) -> bool:
    """Marked tested in DMCT (whether or not it names its report)."""
    return row.dmct_status == DmctStatus.TESTED


def is_tested_with_report(row: _Row) -> bool:
    """Tested in DMCT and naming its DMCT Test Completion Report: a tested root."""
    return row.dmct_status == DmctStatus.TESTED and bool(row.test_report)


def is_covered(row: _Row) -> bool:
    """Relies on Clause 20.9: the status or the reason says covered by Dormant."""
    return row.dmct_status == DmctStatus.COVERED or row.exclusion_reason == Reason.COVERED


def is_se(row: _Row) -> bool:
    """Excluded as substantively equivalent to a parent entry."""
    return row.exclusion_reason == Reason.SE


class Edge(StrEnum):
    """The kinds of edge in the graph: from the entry that relies to the entry it relies on."""

    SE = "se"  # substantively equivalent to its parent
    STATUS = "status"  # Clause 20.9: covered by its Dormant entry's test
    FW = "fw"  # a firmware-upgrade source to its target


class Role(StrEnum):
    """How an entry is drawn (the explorer's legend): what its verdict rests on."""

    TESTED = "tested"  # Group 1, tested or on the EPCL
    EPCL = "epcl"  # drawn for a Group 1 entry on the EPCL without its own DMCT report (never a verdict's own role)
    COVERED = "covered"  # Group 1 by Clause 20.9
    GROUP2 = "group2"
    FW = "fw"  # a firmware-upgrade source
    OTHER = "other"
    BLOCKED = "blocked"  # drawn for an entry in a group that does not qualify (never a verdict's own role)


def is_dormant(row: _Status) -> bool:
    return row.install_status == InstallStatus.DORMANT


def may_rely_on_dormant(row: _Status) -> bool:
    """Active or Mixed: the entries Clause 20.9 lets stand on their Dormant entry's test."""
    return row.install_status in (InstallStatus.ACTIVE, InstallStatus.MIXED)


class _Status(Protocol):
    install_status: str | None


class _Requested(Protocol):
    epcl_report: int | None


def in_epcl_report(row: _Requested, report: int | None = None) -> bool:
    """Named in EPCL report ``report``, or in any EPCL report when None.  (Spec
    section 4: when no entry names a report, the requested entries are instead
    those in Group 1 or 2; the graph decides that.)"""
    if report is None:
        return row.epcl_report is not None
    return row.epcl_report == report


# The cohort of the entries whose table names none (ingest says so in a finding).
UNKNOWN_COHORT = "unknown"


@lru_cache(maxsize=1024)  # a handful of cohorts, asked about for every entry
def cohort_key(cohort: str) -> str:
    """A cohort as compared: case and spacing do not matter."""
    return " ".join(cohort.casefold().split())


def is_unknown_cohort(cohort: str) -> bool:
    return cohort_key(cohort) == UNKNOWN_COHORT


def cohorts_differ(a: str, b: str) -> bool:
    """Whether two cohorts are shown to differ: the unknown cohort differs from nothing."""
    if a == b:
        return False  # the common case, told without building the keys
    ka, kb = cohort_key(a), cohort_key(b)
    return ka != kb and UNKNOWN_COHORT not in (ka, kb)
