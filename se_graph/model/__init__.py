"""Frozen records shared by every stage: devices, entries, findings, locations."""

from __future__ import annotations

from collections.abc import Iterable
import dataclasses
from dataclasses import dataclass

from se_graph.model.codes import Basis, Group, InputCode, Severity
from se_graph.model.fields import FIELDS, HEADERS, ID_DIGITS, padded_id
from se_graph.model.vocab import UNKNOWN_COHORT, Kind

__all__ = [
    "Basis",
    "Device",
    "Entry",
    "entries_from_columns",
    "Finding",
    "Group",
    "InputCode",
    "InputError",
    "Location",
    "NumberCell",
    "padded_id",
    "Problem",
    "Severity",
    "Source",
]


class InputError(Exception):
    """An input that cannot be used at all; the message is one plain sentence."""



@dataclass(frozen=True, slots=True)
class Location:
    """Where something stands: file, sheet, Excel row number and column header."""

    path: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.sheet is not None:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def sort_key(self) -> tuple:
        return (self.path, self.sheet or "", self.row or 0, self.column or "")


@dataclass(frozen=True, slots=True)
class NumberCell:
    """A device value read from a cell that held a number, not text (Excel stores
    `1.0` typed into a General cell as the number 1): the field, the number as
    the entry holds it, and where the cell is."""

    field: str  # "CHF.hardware"
    value: str  # "1"
    location: Location


_KINDS = frozenset(Kind)


@dataclass(frozen=True, slots=True)
class Source:
    """One data table read from one sheet of one workbook.

    ``columns`` maps each recognised field to its header text and 1-based column.
    """

    path: str
    sheet: str
    kind: Kind
    header_row: int
    columns: tuple[tuple[str, str, int], ...] = ()
    fields: frozenset[str] = frozenset()  # the fields the table has a column for

    def __post_init__(self) -> None:
        if self.kind in _KINDS and self.kind.__class__ is not Kind:  # a kind forced by name
            object.__setattr__(self, "kind", Kind(self.kind))
        if self.columns and not self.fields:
            object.__setattr__(self, "fields", frozenset(name for name, _, _ in self.columns))

    def header(self, field_name: str) -> str | None:
        for name, header, _ in self.columns:
            if name == field_name:
                return header
        return None

    def column_index(self, field_name: str) -> int | None:
        for name, _, index in self.columns:
            if name == field_name:
                return index
        return None


@dataclass(frozen=True, slots=True)
class Device:
    role: str
    manufacturer: str | None
    model: str
    hardware: str | None = None
    firmware: str | None = None

    def label(self) -> str:
        text = " ".join(p for p in (self.manufacturer, self.model) if p)
        if self.hardware:
            text += f" HW {self.hardware}"
        if self.firmware:
            text += f" FW {self.firmware}"
        return f"{self.role}: {text}"


def _table_fields(cls: type) -> type:
    """Give the record every field of the field table it does not declare, blank by
    default: a new column needs its entry in the table and nothing here."""
    for field in FIELDS:
        if field.name not in cls.__annotations__:
            cls.__annotations__[field.name] = "object"
            setattr(cls, field.name, None)
    return cls


@dataclass(frozen=True, slots=True)
@_table_fields
class Entry:
    """One EPCL entry: one DMC at one installation status, from one row."""

    entry_id: str
    source: Source
    row: int
    cohort: str = UNKNOWN_COHORT
    install_status: str | None = None  # active | dormant | mixed
    devices: tuple[Device, ...] = ()
    dmc_id: str | None = None
    dmct_status: str | None = None  # tested | covered | pending | failed | excluded
    test_report: str | None = None
    test_report_date: str | None = None
    sit_report: str | None = None
    target_fw: bool | None = None
    upgrade_to: str | None = None
    installs: int | None = None
    device_count: int | None = None
    epcl_report: int | None = None
    parent_id: str | None = None
    exclusion_reason: str | None = None  # se | uneconomic | fw-upgrade | covered | other
    rationale: str | None = None
    date_added: str | None = None
    # the fields this entry's table(s) have a column for: a field outside it is
    # unknown, never blank (spec section 1), and is never compared
    known: frozenset[str] = frozenset()
    # the device values read from number cells (rare: most rows have none), so
    # that comparisons can take `1` as the `1.0` Excel made it (model/sameness.py)
    number_cells: tuple[NumberCell, ...] = ()
    # (field, text) of each cell the reader could not read (rare: an unknown word,
    # a negative count, an id that is none): the field is then blank, yet the row
    # still states it (spec section 3: a cell gives its field when it is not
    # blank), so rows of one id that say different things there disagree
    unread: tuple[tuple[str, str], ...] = ()

    @property
    def kind(self) -> str:
        return self.source.kind

    @property
    def location(self) -> Location:
        return Location(self.source.path, self.source.sheet, self.row)

    def at(self, field_name: str) -> Location:
        """The location of one of this entry's cells, by field name."""
        header = self.source.header(field_name) or HEADERS.get(field_name)
        return Location(self.source.path, self.source.sheet, self.row, header)

    def device(self, role: str) -> Device | None:
        for device in self.devices:
            if device.role == role:
                return device
        return None

    def knows(self, field_name: str) -> bool:
        return field_name in self.known

    def number_cell(self, field_name: str) -> NumberCell | None:
        """The number cell this entry's device field (``"CHF.hardware"``) was read from, if any."""
        for cell in self.number_cells:
            if cell.field == field_name:
                return cell
        return None


# An Entry made through its frozen __init__ pays one object.__setattr__ call per
# field: about a third of the cost of turning a row into an entry.  The draft has the
# same fields and the same slots, so it is filled with plain slot stores; giving
# it the Entry class afterwards is allowed because the two layouts are the same,
# and the object is then an Entry in every respect (frozen, equal and hashed alike).
_Draft = dataclasses.make_dataclass(
    "_Draft",
    [(f.name, f.type) if f.default is dataclasses.MISSING else (f.name, f.type, dataclasses.field(default=f.default))
     for f in dataclasses.fields(Entry)],
    slots=True, eq=False, repr=False, match_args=False,
)


def _swap_allowed() -> bool:
    probe = _Draft("000000", None, 0)
    try:
        probe.__class__ = Entry
    except TypeError:  # another interpreter's layout rules: build them plainly
        return False
    return True


_FAST = _swap_allowed()


def entries_from_columns(*columns: Iterable) -> list[Entry]:
    """``list(map(Entry, *columns))``: one column per field, in Entry's field order."""
    if not _FAST:
        return list(map(Entry, *columns))
    made = list(map(_Draft, *columns))
    for entry in made:
        entry.__class__ = Entry
    return made


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule (or ingest) found, before its severity is resolved."""

    code: str
    message: str
    entry: str | None
    location: Location


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    entry: str | None
    location: Location

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def sort_key(self) -> tuple:
        return (*self.location.sort_key(), self.code, self.entry or "", self.message)

    def to_dict(self) -> dict:
        loc = self.location
        return {
            "code": self.code,
            "severity": str(self.severity),
            "entry": self.entry,
            "message": self.message,
            "location": {
                "path": loc.path,
                "sheet": loc.sheet,
                "row": loc.row,
                "column": loc.column,
            },
        }


