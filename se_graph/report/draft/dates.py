"""The Clause 20 timeline in Working Days, and the dates a report states.

A Working Day is a day that is neither a Saturday, a Sunday nor a bank holiday
in England and Wales.  The bank holidays come from the ``holidays`` library
(country GB, subdivision ENG, which Wales shares): its list is maintained, and
holds the one-off holidays too (the 2022 state funeral, the 2023 coronation),
which a rule such as "first Monday of May" would miss.  ``n`` Working Days after
a date count from the day after it: the 10th Working Day after a Tuesday with
no holiday between is the Tuesday two weeks on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

REFERRAL_DAYS = 10  # Clause 20.37: a Supplier Party may refer a draft DMCT Testing Report
OBJECTION_DAYS = 5  # objections to BEIS after SECAS notifies the publication

MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
# "3 December 2021", "03 December 2021", "03.12.21", "03/12/2021", "2021-12-03"
DATE = re.compile(
    r"\b(?:(?P<d>\d{1,2})(?:st|nd|rd|th)? (?P<month>[A-Z][a-z]+),? (?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})[./](?P<m2>\d{1,2})[./](?P<y2>\d{2}(?:\d{2})?)"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b"
)


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: date, n: int) -> date:
    """The ``n``-th Working Day after ``start``."""
    day = start
    while n > 0:
        day += timedelta(days=1)
        n -= is_working_day(day)
    return day


def parse_date(text: str) -> date | None:
    """A date written as the reports write them; None when it names no real day
    (31 November) or is not a date at all."""
    m = DATE.fullmatch(text.strip())
    if m is None:
        return None
    try:
        if m["d"]:
            month = MONTHS.get(m["month"].lower())
            return date(int(m["y"]), month, int(m["d"])) if month else None
        if m["d2"]:
            year = int(m["y2"]) + (2000 if len(m["y2"]) == 2 else 0)
            return date(year, int(m["m2"]), int(m["d2"]))
        return date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
    except ValueError:
        return None


def long_date(day: date) -> str:
    """3 December 2021: the reports' own way."""
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Timeline:
    """The dates the workbooks do not hold (the config's ``[report]`` section,
    overridden by the command line), and the deadlines they start."""

    report: date | None = None  # the report's date
    drafts_provided: date | None = None  # Clause 20.34: draft DMCT Testing Reports provided
    lists_published: date | None = None  # Clauses 20.8 / 20.10: Status List and Schedule published
    suppliers_notified: date | None = None  # the relevant Suppliers notified

    @classmethod
    def of(cls, settings, **given: date | None) -> Timeline:
        """The config's ``[report]`` dates (a ``ReportSettings``), each replaced by
        the one ``given`` (an option) where that is not None."""
        names = ("report", "drafts_provided", "lists_published", "suppliers_notified")
        configured = {name: getattr(settings, "date" if name == "report" else name) for name in names}
        return cls(**{name: given.get(name) or configured[name] for name in names})

    @property
    def referral_ends(self) -> date | None:
        """The last of the 10 Working Days of Clause 20.37."""
        return add_working_days(self.drafts_provided, REFERRAL_DAYS) if self.drafts_provided else None

    @property
    def objections_due(self) -> date | None:
        """The last of the 5 Working Days for objections."""
        return add_working_days(self.suppliers_notified, OBJECTION_DAYS) if self.suppliers_notified else None

    def problems(self) -> list[str]:
        """What the timeline itself contradicts: a report dated before the 10
        Working Days have run."""
        end = self.referral_ends
        if self.report and end and self.report <= end:
            return [f"the report is dated {long_date(self.report)}, but the 10 Working Days of Clause 20.37 "
                    f"after the draft DMCT Testing Reports ({long_date(self.drafts_provided)}) run to "
                    f"{long_date(end)}"]
        return []
