"""When two device values are the same value: the one rule every comparison of
devices follows (substantive equivalence, firmware upgrades, Clause 20.9's same
DMC, the rows of one id).

Device values (manufacturer, model, hardware and firmware version) are text,
compared ignoring case.  A cell Excel turned into a number has lost what a
number does not keep: `1.0` typed into a General cell is stored as 1, `1.10` as
1.1, `01` as 1.  So where either value was read from a number cell, two plain
decimals of the same value are the same value (docs/decisions.md, "Number cells
in device columns").
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from se_graph.model import Entry

# digits with at most one decimal point: what a number cell's value reads as, and
# the only text a number can have been typed as (no sign, exponent or separator)
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def same(a: str | None, b: str | None, number: bool = False) -> bool:
    """The same value: equal ignoring case, or, where ``number`` (either was read
    from a number cell), equal as numbers."""
    if a == b or (a or "").casefold() == (b or "").casefold():
        return True
    return number and a is not None and b is not None and equal_numbers(a, b)


def number_fields(a: Entry, b: Entry) -> frozenset[str]:
    """The device fields ("CHF.hardware") either entry read from a number cell:
    where ``same`` is asked with ``number`` set when two entries are compared."""
    if not (a.number_cells or b.number_cells):
        return frozenset()
    return frozenset(c.field for c in (*a.number_cells, *b.number_cells))


def equal_numbers(a: str, b: str) -> bool:
    """Two plain decimals of the same value (`1` and `1.0`, `1.1` and `1.10`, `01` and `1`)."""
    return bool(_DECIMAL.fullmatch(a) and _DECIMAL.fullmatch(b)) and Decimal(a) == Decimal(b)


def number_key(value: str) -> str:
    """A value as a key that every value a number could stand for shares: a plain
    decimal in its shortest form (`1.10` -> `1.1`, `2.0` -> `2`), other text
    case-folded.  For narrowing candidates only; ``same`` decides."""
    if _DECIMAL.fullmatch(value):
        whole, _, part = value.partition(".")
        whole, part = whole.lstrip("0") or "0", part.rstrip("0")
        return f"{whole}.{part}" if part else whole
    return value.casefold()
