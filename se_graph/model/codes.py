"""Named constants shared by every stage: severities, groups, the bases an entry
can stand on, and the codes of the findings that ingest raises.

The codes of the check rules live with their rules (``se_graph.checks``); ingest
cannot import the checks, so its codes are named here, and the checks register
a rule (name, severity, documentation) for each of them.
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
    """Findings about single cells and rows, raised while the workbooks are read."""

    ID_RESTORED = "SG101"
    BAD_ID = "SG102"
    UNKNOWN_INSTALL_STATUS = "SG103"
    UNKNOWN_DMCT_STATUS = "SG104"
    UNKNOWN_EXCLUSION_REASON = "SG105"
    BAD_COUNT = "SG106"
    TOTALS_ROW = "SG107"
    NOTE_ROW = "SG108"
    MISSING_FIRMWARE = "SG109"
    COHORT_UNKNOWN = "SG110"
    BAD_VALUE = "SG111"
    MISSING_ID = "SG112"
    DUPLICATE_HEADER = "SG113"
    UNKNOWN_COLUMN = "SG114"
    VALUE_NOT_READ = "SG115"
