"""Cell values -> typed field values.  Each parser returns (value, problem).

``problem`` is None when the cell is fine, else a short phrase for a finding
message.  No parser raises on any cell content.
"""

from __future__ import annotations

import datetime as dt
import re

from se_graph.model.fields import ABSENT_TOKENS, ID_DIGITS, padded_id

_DIGITS = re.compile(r"\d{1,%d}" % ID_DIGITS)
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+")
_TRUE = frozenset({"y", "yes", "true", "1", "t"})
_FALSE = frozenset({"n", "no", "false", "0", "f"})


def text(value: object) -> str | None:
    """Trimmed text of any cell; None when blank."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip() or None


def device_text(value: object) -> str | None:
    """Text of a device field; the absent tokens (N/A, -, None, ...) give None."""
    out = text(value)
    if out is None or out.casefold() in ABSENT_TOKENS:
        return None
    return out


def word(value: object) -> str | None:
    """Vocabulary key: trimmed, case folded, inner spaces collapsed."""
    out = text(value)
    return _SPACES.sub(" ", out.casefold()) if out else None


def entry_id(value: object) -> tuple[str | None, str | None, bool]:
    """(id, problem, restored): ids are text of 6 digits; zeros restored."""
    if isinstance(value, bool):
        return None, f"'{value}' is not an EPCL ID", False
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            return None, f"'{value}' is not an EPCL ID (6 digits)", False
        number = int(value)
        if 0 <= number <= 999_999:
            return padded_id(number), None, number < 100_000  # only a number under 100000 lost zeros
        return None, f"'{number}' is not an EPCL ID (6 digits)", False
    raw = text(value)
    if raw is None:
        return None, None, False
    if _DIGITS.fullmatch(raw):
        return padded_id(raw), None, len(raw) < ID_DIGITS
    shown = raw if len(raw) <= 40 else raw[:37] + "..."
    return None, f"'{shown}' is not an EPCL ID (6 digits)", False


def count(value: object) -> tuple[int | None, str | None]:
    """A whole number >= 0; thousands separators allowed in text."""
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return None, f"'{value}' is not a whole number"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            return None, f"{value} is not a whole number"
        if value < 0:
            return None, f"{int(value)} is negative"
        return int(value), None
    raw = text(value)
    if raw is None:
        return None, None
    cleaned = raw.replace(",", "").replace(" ", "")
    if cleaned.startswith("-") and cleaned[1:].isdigit():
        return None, f"{raw} is negative"
    if cleaned.isdigit():
        return int(cleaned), None
    shown = raw if len(raw) <= 40 else raw[:37] + "..."
    return None, f"'{shown}' is not a whole number"


def flag(value: object) -> tuple[bool | None, str | None]:
    """Y/N, Yes/No, True/False, 1/0."""
    if isinstance(value, bool):
        return value, None
    key = word(value)
    if key is None:
        return None, None
    if key in _TRUE:
        return True, None
    if key in _FALSE:
        return False, None
    return None, f"'{text(value)}' is not Y or N"


def report_number(value: object) -> tuple[int | None, str | None]:
    """An EPCL report number: 22, '22', 'Report 22', 'EPCL Report 22'."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and value >= 0:
            return int(value), None
        return None, f"'{value}' is not a report number"
    raw = text(value)
    if raw is None:
        return None, None
    numbers = _NUMBER.findall(raw)
    if len(numbers) == 1:
        return int(numbers[0]), None
    return None, f"'{raw[:40]}' is not a report number"
