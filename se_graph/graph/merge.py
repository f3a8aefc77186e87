"""One record per entry id: the rows of an id merged, and where they disagree.

Spec sections 2 and 3: an id in two inputs is one node if the rows agree.  Two
rows disagree on a field only when both give it: their tables have the column
and neither cell is blank.  A blank cell on one row beside a value on the other
is not stated there, so it is no conflict and the value stands in the merged
record.  A column a table lacks is unknown: it is never compared, and is filled
from another row that gives it.  Devices are compared as present or absent
wherever both tables have the device's columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from se_graph.model import Device, Entry
from se_graph.model.fields import DEVICE_FIELDS, FIELDS, ROLES
from se_graph.model.sameness import number_fields, same
from se_graph.model.vocab import cohorts_differ, is_unknown_cohort

# value fields the rows of one id must agree on, in the field table's order (the
# cohort is compared as cohorts are, and devices field by field, below)
VALUES = tuple(f.name for f in FIELDS if f.agree and f.name != "cohort")
LABELS = {f.name: f.words for f in FIELDS}
_NOT_MERGED = frozenset({"entry_id", "source", "row", "known", "devices", "number_cells", "unread"})


@dataclass(frozen=True)
class Merged:
    entries: dict[str, Entry]  # the merged record of each id
    rows: dict[str, list[Entry]]  # every row of each id, in reading order
    conflicts: dict[str, list[str]]  # id -> fields on which its rows disagree
    repeats: dict[str, list[Entry]]  # id -> rows that repeat an earlier row of the same table exactly
    several: list[str]  # the ids read from more than one row, in the order their second row came


def device_differences(a: Entry, b: Entry) -> list[str]:
    """Device fields that both entries give and that differ, as 'ROLE field'
    (the same value by ``model.sameness``: a number cell's `1` is the `1.0` Excel made it)."""
    if a.devices is b.devices:
        return []
    numbers = number_fields(a, b)
    out = []
    da = {d.role: d for d in a.devices}
    db = {d.role: d for d in b.devices}
    for role, names in _both_give(a.known, b.known):
        x, y = da.get(role), db.get(role)
        if x is y:
            continue  # both absent, or the one device ingest shares
        if x is None or y is None:
            out.append(f"{role} device")
            continue
        for name in names:
            p, q = getattr(x, name), getattr(y, name)
            if p != q and not same(p, q, f"{role}.{name}" in numbers):
                out.append(f"{role} {name}")
    return out


@lru_cache(maxsize=1024)  # one pair of known-field sets per pair of tables
def _both_give(a: frozenset[str], b: frozenset[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each role whose model both tables give, with the device fields both give."""
    return tuple(
        (role, tuple(name for name in DEVICE_FIELDS if f"{role}.{name}" in a and f"{role}.{name}" in b))
        for role in ROLES
        if f"{role}.model" in a and f"{role}.model" in b
    )


def _merge_devices(first: Entry, other: Entry) -> tuple[tuple[Device, ...], frozenset[str], tuple]:
    """first's devices, with the device fields only ``other`` knows filled in;
    the fields known and the number cells of the values (first's, and other's
    of the fields filled from it)."""
    mine = {d.role: d for d in first.devices}
    theirs = {d.role: d for d in other.devices}
    out = []
    for role in ROLES:
        own, new = mine.get(role), theirs.get(role)
        if not first.knows(f"{role}.model"):
            own = new  # the role is unknown here: take it whole
        elif own is not None and new is not None:
            fill = {
                name: getattr(new, name)
                for name in DEVICE_FIELDS
                if not first.knows(f"{role}.{name}") and other.knows(f"{role}.{name}")
            }
            if fill:
                own = replace(own, **fill)
        if own is not None:
            out.append(own)
    numbers = first.number_cells + tuple(c for c in other.number_cells if not first.knows(c.field))
    return tuple(out), first.known | other.known, numbers


def _stated(entry: Entry, name: str) -> object:
    """What the row says of the field: its value, or what its cell says when the
    reader could not read it (stated, though not understood); None when the cell
    is blank."""
    value = getattr(entry, name)
    if value is None and entry.unread:
        word = dict(entry.unread).get(name)
        return None if word is None else ("unread", word)
    return value


def _rows_differ(a: Entry, b: Entry, name: str) -> bool:
    """Both rows give the field (their tables have its column and neither cell is
    blank) and say different things there."""
    if not (a.knows(name) and b.knows(name)):
        return False
    said_a, said_b = _stated(a, name), _stated(b, name)
    return said_a is not None and said_b is not None and said_a != said_b


def _same_row(a: Entry, b: Entry) -> bool:
    # the number cells name their rows: equal values are the same row whatever their cells' types
    return all(getattr(a, n) == getattr(b, n) for n in Entry.__dataclass_fields__ if n not in ("row", "number_cells"))


def merge_rows(entries: Iterable[Entry]) -> Merged:
    merged: dict[str, Entry] = {}
    rows: dict[str, list[Entry]] = {}
    conflicts: dict[str, list[str]] = {}
    repeats: dict[str, list[Entry]] = {}
    several: list[str] = []
    for entry in entries:
        seen = rows.get(entry.entry_id)
        if seen is None:
            rows[entry.entry_id] = [entry]
            merged[entry.entry_id] = entry
            continue
        if len(seen) == 1:
            several.append(entry.entry_id)
        if any(r.source == entry.source and _same_row(r, entry) for r in seen):
            seen.append(entry)
            repeats.setdefault(entry.entry_id, []).append(entry)
            continue
        seen.append(entry)
        first = merged[entry.entry_id]
        differ = [
            LABELS[name]
            for name in VALUES
            if _rows_differ(first, entry, name)
        ]
        if cohorts_differ(first.cohort, entry.cohort):
            differ.insert(0, "cohort")
        differ += device_differences(first, entry)
        if differ:
            known = conflicts.setdefault(entry.entry_id, [])
            known.extend(d for d in differ if d not in known)
        # a field this row gives and the record does not (no column there, or a blank cell)
        fill = {
            name: getattr(entry, name)
            for name in Entry.__dataclass_fields__
            if name not in _NOT_MERGED and entry.knows(name)
            and (not first.knows(name) or (getattr(first, name) is None and getattr(entry, name) is not None))
        }
        # a cell this row states but could not be read, where the record states
        # nothing: kept, so that a later row is compared with it too
        carried = tuple(pair for pair in entry.unread if _stated(first, pair[0]) is None)
        if carried:
            fill["unread"] = first.unread + carried
        if is_unknown_cohort(first.cohort) and not is_unknown_cohort(entry.cohort):
            fill["cohort"] = entry.cohort
        if not entry.known <= first.known:
            fill["devices"], fill["known"], fill["number_cells"] = _merge_devices(first, entry)
        if fill:
            merged[entry.entry_id] = replace(first, **fill)
    return Merged(entries=merged, rows=rows, conflicts=conflicts, repeats=repeats, several=several)
