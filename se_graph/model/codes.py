"""Named constants shared by every stage: severities, groups, the bases an entry
can stand on, and the codes of the findings that ingest raises.

The codes and names of the check rules live with their rules (one module each
under ``se_graph.checks.rules``); ingest cannot import the checks, so the codes
and names of its findings are defined here, and a rule module under
``se_graph.checks.rules`` gives each its severity and documentation.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Severity(StrEnum):
    """Declared most severe first: the order findings are listed in."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Error 0, warning 1, info 2: sort by it to list the most severe first."""
        return _RANK[self]


_RANK = {severity: rank for rank, severity in enumerate(Severity)}


class Group(IntEnum):
    """Spec section 2: Group 1 stands on testing, Group 2 on substantive equivalence."""

    ONE = 1
    TWO = 2


class Basis(StrEnum):
    """What an entry stands on (spec section 2: an entry has one basis)."""

    TESTED = "tested"  # tested in DMCT, with a test report
    EPCL = "epcl"  # already on the current EPCL
    CLAUSE_20_9 = "clause-20.9"  # an Active/Mixed entry covered by its Dormant entry's test
    SE = "se"  # substantively equivalent to a parent entry


class InputCode(StrEnum):
    """Findings about single cells and rows, raised while the workbooks are read:
    each member is its code (``"SG101"``) and carries its rule's name."""

    rule_name: str

    def __new__(cls, code: str, rule_name: str) -> InputCode:
        member = str.__new__(cls, code)
        member._value_ = code
        member.rule_name = rule_name
        return member

    ID_RESTORED = "SG101", "id-restored"
    BAD_ID = "SG102", "bad-id"
    UNKNOWN_INSTALL_STATUS = "SG103", "unknown-install-status"
    UNKNOWN_DMCT_STATUS = "SG104", "unknown-dmct-status"
    UNKNOWN_EXCLUSION_REASON = "SG105", "unknown-exclusion-reason"
    BAD_COUNT = "SG106", "bad-count"
    TOTALS_ROW = "SG107", "totals-row-skipped"
    NOTE_ROW = "SG108", "note-row-skipped"
    MISSING_FIRMWARE = "SG109", "missing-firmware"
    COHORT_UNKNOWN = "SG110", "cohort-unknown"
    BAD_VALUE = "SG111", "bad-value"
    MISSING_ID = "SG112", "missing-id"
    DUPLICATE_HEADER = "SG113", "duplicate-header"
    UNKNOWN_COLUMN = "SG114", "unknown-column"
    VALUE_NOT_READ = "SG115", "value-not-read"
