"""The vocabulary of the DCC's workbooks as enums, and the predicates every stage
shares.  Each value is the normalised word ingest parses a cell into; comparing
an entry's field with a member (``e.dmct_status is DmctStatus.TESTED``) is the
only way the other stages speak of it.  (They are ``StrEnum``s, so a member is
also equal to its word, which keeps JSON and old fixtures readable.)
"""

from __future__ import annotations

from enum import StrEnum
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
