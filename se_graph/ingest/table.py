"""One data table: header row found, rows turned into Entry records and findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import islice, repeat
from operator import itemgetter

from se_graph.ingest import values
from se_graph.ingest.headers import kind_of, match_row, nearest_header
from se_graph.model import Device, Entry, InputCode, Location, NumberCell, Problem, Source, entries_from_columns
from se_graph.model.config import Config
from se_graph.model.fields import (
    DEVICE_FIELDS,
    DMCT_STATUS_WORDS,
    EXCLUSION_REASON_WORDS,
    FIELDS,
    INSTALL_STATUS_WORDS,
    ROLES,
)
from se_graph.model.vocab import Kind

HEADER_SCAN_ROWS = 30
_TOTALS = frozenset({"total", "totals", "grand total"})


@dataclass
class Header:
    row: int
    kind: str | None
    fields: dict[str, tuple[str, int]]
    duplicates: list[tuple[str, str, int]]
    unknown: list[tuple[str, int, str | None]]  # header text, 0-based column, nearest known header


def find_header(rows: list[tuple[int, list]], table: Mapping[str, str]) -> Header | None:
    """The row among the first ones that matches the most known headers."""
    best: Header | None = None
    above: list = []
    for number, cells in rows:
        fields, duplicates, unknown = match_row(cells, above, table)
        above = cells
        if "entry_id" not in fields or len(fields) < 2:
            continue
        if best is None or len(fields) > len(best.fields):
            best = Header(
                row=number, kind=kind_of(fields), fields=fields, duplicates=duplicates,
                unknown=[(text, col, nearest_header(text, table)) for text, col in unknown],
            )
    return best


_COHORT_LABELS = frozenset({"cohort", "smso", "smso cohort"})


def cover_cohort(rows: list[tuple[int, list]]) -> str | None:
    """A 'Cohort' or 'SMSO' label cell and its value: after a colon, to its right,
    or in the cell below."""
    for index, (_, cells) in enumerate(rows):
        for col, cell in enumerate(cells):
            if not isinstance(cell, str):
                continue
            label, _, rest = cell.partition(":")
            if values.word(label) not in _COHORT_LABELS:
                continue
            if rest.strip():
                return rest.strip()
            for value in cells[col + 1 :]:
                found = values.text(value)
                if found:
                    return found
            for _, below in rows[index + 1 : index + 3]:
                found = values.text(below[col]) if col < len(below) else None
                if found:
                    return found
    return None


def _vocabulary(words: Mapping[str, str], label: str) -> Callable[[object], tuple]:
    def parse(raw: object) -> tuple[str | None, str | None]:
        key = values.word(raw)
        if key is None:
            return None, None
        value = words.get(key) or words.get(key.rstrip(". "))
        if value is None:
            return None, f"has an unknown {label} '{values.text(raw)}'; it is treated as not given"
        return value, None

    return parse


def _install_status(raw: object) -> tuple[str | None, str | None]:
    key = values.word(raw)
    if key in INSTALL_STATUS_WORDS:
        return INSTALL_STATUS_WORDS[key], None
    if key is None:
        return None, None
    return None, f"has an unknown installation status '{values.text(raw)}'; use Active, Dormant or Mixed"


def _plain_id(raw: object) -> bool:
    """Text of six ASCII digits: an id as written, the common case, taken
    without the full parser (``str.isdigit()`` alone also takes other digits,
    which the parser refuses)."""
    return raw.__class__ is str and len(raw) == 6 and raw.isascii() and raw.isdigit()


def _reference(raw: object) -> tuple[str | None, str | None]:
    """A Parent EPCL ID or FW Upgrade To: an id, or blank (the absent tokens too)."""
    if _plain_id(raw):
        return raw, None
    if values.device_text(raw) is None:
        return None, None  # N/A, -, None, Not present: no link
    ref, problem, restored = values.entry_id(raw)
    if restored and not isinstance(raw, str):
        return ref, (InputCode.ID_RESTORED, f"'{values.text(raw)}' was read as {ref}: its leading zeros were "
                     "lost, so store the ID as text")
    return ref, problem and f"names {problem}; it was ignored"


def _with_suffix(parse: Callable, suffix: str) -> Callable:
    def wrapped(raw: object) -> tuple:
        value, problem = parse(raw)
        return value, problem and f"{problem}{suffix}"

    return wrapped


def _text(raw: object) -> tuple[str | None, None]:
    return values.text(raw), None


# the field table's parser kinds -> (parser, finding code, cache parsed values by
# raw value?).  Caching pays where values repeat (statuses, flags); ids and counts
# rarely do.  (Ids are read apart, row by row: "id" has no column parser.)
_KINDS: dict[str, tuple[Callable, str, bool]] = {
    "text": (_text, InputCode.BAD_VALUE, False),
    "count": (_with_suffix(values.count, "; it was ignored"), InputCode.BAD_COUNT, False),
    "flag": (_with_suffix(values.flag, "; it was ignored"), InputCode.BAD_VALUE, True),
    "report-number": (_with_suffix(values.report_number, "; it was ignored"), InputCode.BAD_VALUE, True),
    "reference": (_reference, InputCode.BAD_VALUE, False),
    "vocab:InstallStatus": (_install_status, InputCode.UNKNOWN_INSTALL_STATUS, True),
    "vocab:DmctStatus": (_vocabulary(DMCT_STATUS_WORDS, "DMCT status"), InputCode.UNKNOWN_DMCT_STATUS, True),
    "vocab:Reason": (
        _vocabulary(EXCLUSION_REASON_WORDS, "reason for exclusion"), InputCode.UNKNOWN_EXCLUSION_REASON, True
    ),
}
# field -> (parser, finding code, cached), every field of the field table but the id
_PARSERS: dict[str, tuple[Callable, str, bool]] = {f.name: _KINDS[f.parser] for f in FIELDS if f.parser != "id"}
# a blank cell in these columns is itself a finding, for the kinds named
_REQUIRED_VALUE = {
    "install_status": ((Kind.STATUS_LIST, Kind.EXCLUDED), "has no installation status; use Active, Dormant or Mixed"),
    "dmct_status": ((Kind.STATUS_LIST,), "has no DMCT status"),
    "exclusion_reason": ((Kind.EXCLUDED,), "has no reason for exclusion"),
}


CHUNK_ROWS = 16_384
_ENTRY_ORDER = tuple(Entry.__dataclass_fields__)


class TableReader:
    """Turns the data rows of one table into entries, collecting findings.

    Rows are read in chunks and parsed column by column: each distinct cell value
    of a column is parsed once and the column mapped through the result, which
    keeps the per-row cost in C while memory stays bounded by the chunk.
    """

    def __init__(self, source: Source, config: Config, cohort: str | None, pool: dict | None = None):
        self.source = source
        self.config = config
        self.cohort = cohort or "unknown"
        self.findings: list[Problem] = []
        self.entries: list[Entry] = []
        self.known = source.fields | {"cohort"}  # one shared set for every row of the table
        self.unknown_cohort = False  # some entry found no cohort anywhere
        self._defaulted: list[int] = []  # entries whose cohort is the table's default
        cols = {name: col - 1 for name, _, col in source.columns}
        self._id_col = cols["entry_id"]
        self._width = max(cols.values()) + 1
        self._plan = []
        for name, (parse, code, cached) in _PARSERS.items():
            if name in cols:
                blank = _REQUIRED_VALUE.get(name)
                blank_problem = blank[1] if blank and source.kind in blank[0] else None
                cache = Parsed() if cached else None  # kept across chunks where values repeat
                self._plan.append((cols[name], name, _cell_parser(parse, blank_problem, config.limits.max_cell_chars), code, cache))
        # per role: fields present, raw cells -> number, number -> Device, and
        # the getter of the role's raw cells (one cell, or a tuple of them) from
        # a row's key below
        self._roles = []
        start = 0
        for role in ROLES:
            present = [f for f in DEVICE_FIELDS if f"{role}.{f}" in cols]
            if "model" in present:
                # keyed by the fields present too: tables may give different ones
                index, devices = (pool if pool is not None else {}).setdefault((role, tuple(present)), ({}, []))
                pick = itemgetter(*range(start, start + len(present)))
                self._roles.append((role, present, index, devices, pick))
                start += len(present)
        # every device cell of a row, role by role, in one tuple: the row's key
        device_cols = [cols[f"{role}.{f}"] for role, present, *_ in self._roles for f in present]
        self._device_cells = (itemgetter(*device_cols) if len(device_cols) > 1
                              else (lambda row, col=device_cols[0] if device_cols else 0: (row[col],)))
        self._combos: dict[tuple, tuple[Device, ...]] = {}
        self._unfirmed: dict[tuple, dict[str, Device]] = {}  # combination -> role -> device with no firmware
        # combination -> (field, value) of each present device's value read from a number cell
        self._numbered: dict[tuple, tuple[tuple[str, str], ...]] = {}

    def apply_cohort(self, cohort: str) -> None:
        """Give the entries without a Cohort cell this cohort (a cover sheet found
        after the data sheet)."""
        self.cohort = cohort
        for index in self._defaulted:
            self.entries[index] = replace(self.entries[index], cohort=cohort)
        self.unknown_cohort = False

    def finding(self, code: str, message: str, entry: str | None, row: int | None, field: str | None) -> None:
        column = self.source.header(field) if field else None
        location = Location(self.source.path, self.source.sheet, row, column)
        self.findings.append(Problem(code=code, message=message, entry=entry, location=location))

    def read(self, rows: Iterable[tuple[int, list]]) -> None:
        rows = iter(rows)
        while chunk := list(islice(rows, CHUNK_ROWS)):
            self._read_chunk(chunk)

    def _read_chunk(self, chunk: list[tuple[int, list]]) -> None:
        width, id_col = self._width, self._id_col
        if min(map(len, map(_second, chunk))) < width:  # a short row: pad every short one
            chunk = [(n, c if len(c) >= width else list(c) + [None] * (width - len(c))) for n, c in chunk]
        rows = list(map(_second, chunk))
        raw_ids = list(map(itemgetter(id_col), rows))
        joined = "\n".join(raw_ids) if set(map(type, raw_ids)) == {str} else ""
        if len(joined) == 7 * len(raw_ids) - 1 and _SIX_DIGIT_IDS.fullmatch(joined):
            # the common case, every id six ASCII digits: checked in one pass (the
            # length rules out a cell holding a line break, which would pass as two)
            self._read_columns(raw_ids, list(map(_first, chunk)), rows)
            return
        ids, numbers, kept = [], [], []
        for number, cells in chunk:
            raw = cells[id_col]
            if _plain_id(raw):
                entry_id = raw
            else:
                entry_id, problem, restored = values.entry_id(raw)
                if entry_id is None:
                    self._not_an_entry(number, cells, raw, problem)
                    continue
                if restored:
                    self.finding(
                        InputCode.ID_RESTORED,
                        f"EPCL ID '{values.text(raw)}' was read as {entry_id}: its leading "
                        "zeros were lost, so store the ID as text.",
                        entry_id, number, "entry_id",
                    )
            ids.append(entry_id)
            numbers.append(number)
            kept.append(cells)
        if kept:
            self._read_columns(ids, numbers, kept)

    def _read_columns(self, ids: list[str], numbers: list[int], kept: list[list]) -> None:
        """Entries from the rows kept (each with its id and row number), column by column."""
        fields: dict[str, list] = {}
        unread: dict[int, list[tuple[str, str]]] = {}
        for col, name, parse, code, cache in self._plan:
            column = list(map(itemgetter(col), kept))
            fields[name], parsed = _map_column(column, parse, cache)
            if parsed is not None:
                self._problems(ids, numbers, parsed, name, code)
                for k, (value, problem) in enumerate(parsed):
                    said = _said(column[k], self.config.limits.max_cell_chars) if problem and value is None else None
                    if said is not None:
                        unread.setdefault(k, []).append((name, said))
        fields["unread"] = [tuple(unread.get(k, ())) for k in range(len(ids))] if unread else repeat(())
        cohorts = fields.pop("cohort", None)
        start = len(self.entries)
        if cohorts is None:
            cohorts = [self.cohort] * len(ids)
            self._defaulted.extend(range(start, start + len(ids)))
        elif None in cohorts:
            self._defaulted.extend(start + k for k, c in enumerate(cohorts) if c is None)
            cohorts = [c or self.cohort for c in cohorts]
        if self.cohort == "unknown" and self._defaulted:
            self.unknown_cohort = True
        fields["entry_id"] = ids
        fields["source"] = repeat(self.source)
        fields["row"] = numbers
        fields["cohort"] = cohorts
        fields["devices"], fields["number_cells"] = self._devices(ids, numbers, kept)
        fields["known"] = repeat(self.known)
        # Entry takes its fields by name: each column is looked up by field name in
        # the record's own field order, so adding a field cannot shift the others
        # (and the per-row call stays positional, which is what keeps it fast).
        self.entries.extend(entries_from_columns(*(fields.get(name) or repeat(None) for name in _ENTRY_ORDER)))

    def _problems(self, ids, numbers, parsed, name, code) -> None:
        header = self.source.header(name)
        for entry_id, number, (_, problem) in zip(ids, numbers, parsed):
            if problem:
                said = code
                if problem.__class__ is tuple:  # a parser that names its own code
                    said, problem = problem
                    text = f"Entry {entry_id}: {header} {problem}."
                else:
                    text = f"Entry {entry_id}: {header} {problem}." if code == InputCode.BAD_COUNT else f"Entry {entry_id} {problem}."
                self.finding(said, text, entry_id, number, name)

    def _devices(self, ids, numbers, rows) -> tuple[list[tuple[Device, ...]], Iterable]:
        """Each row's devices, and its device values read from number cells.  A
        row's device cells, every role's together, are one key: each distinct key
        (a device combination, few per table) is built once, and each distinct
        (manufacturer, model, hardware, firmware) of a role once per run, shared
        by every table."""
        if not self._roles:
            return [()] * len(rows), repeat(())
        keys = list(map(self._device_cells, rows))
        known = self._combos
        for key in set(keys).difference(known):
            known[key] = self._combo(key)
        combos = list(map(known.__getitem__, keys))
        unfirmed = self._unfirmed
        if unfirmed and not unfirmed.keys().isdisjoint(keys):
            for role, *_ in self._roles:
                for entry_id, number, key in zip(ids, numbers, keys):
                    device = unfirmed.get(key, {}).get(role)
                    if device is not None:
                        self.finding(
                            InputCode.MISSING_FIRMWARE, f"Entry {entry_id}: the {role} {device.model} has no firmware version.",
                            entry_id, number, f"{role}.firmware",
                        )
        numbered = self._numbered
        if not numbered or numbered.keys().isdisjoint(keys):
            return combos, repeat(())
        return combos, [self._number_cells(numbered.get(key, ()), number) for key, number in zip(keys, numbers)]

    def _number_cells(self, numbered: tuple[tuple[str, str], ...], row: int) -> tuple[NumberCell, ...]:
        source = self.source
        return tuple(NumberCell(field, value, Location(source.path, source.sheet, row, source.header(field)))
                     for field, value in numbered)

    def _combo(self, key: tuple) -> tuple[Device, ...]:
        """The devices of one combination of device cells (role by role, as
        ``_device_cells`` takes them); notes the present devices with no firmware,
        and the values of present devices read from number cells."""
        found = []
        numbered = []
        for role, present, index, devices, pick in self._roles:
            raw = pick(key)
            number = index.get(raw)
            if number is None:
                number = index[raw] = len(devices)
                devices.append(self._device(role, present, raw, self.config.limits.max_cell_chars))
            device = devices[number]
            if device is not None:
                found.append(device)
                if device.firmware is None:
                    self._unfirmed.setdefault(key, {})[role] = device
                cells = raw if len(present) > 1 else (raw,)
                numbered += [(f"{role}.{name}", getattr(device, name)) for name, cell in zip(present, cells)
                             if cell.__class__ in _NUMBERS and getattr(device, name) is not None]
        if numbered:
            self._numbered[key] = tuple(numbered)
        return tuple(found)

    @staticmethod
    def _device(role: str, present: list[str], key: object, max_chars: int = 32_767) -> Device | None:
        cells = key if len(present) > 1 else (key,)
        # a device cell is cut to [limits] max_cell_chars: a longer one is no name a DMC has
        cells = [c[:max_chars] if c.__class__ is str else c for c in cells]
        parts = dict(zip(present, map(values.device_text, cells)))
        model = parts.get("model")
        if model is None:
            return None
        return Device(role, parts.get("manufacturer"), model, parts.get("hardware"), parts.get("firmware"))

    def _not_an_entry(self, number: int, cells: list, raw_id: object, problem: str | None) -> None:
        filled = [c for c in cells if values.text(c) is not None]
        if not filled:
            return  # blank rows are skipped silently
        if (values.word(raw_id) or "").startswith(("e.g.", "example")):
            return  # a worked example, as in the template's row 5: never an entry
        first = values.word(filled[0])
        if first in _TOTALS:
            self.finding(InputCode.TOTALS_ROW, f"Row {number} is a totals row and was skipped.", None, number, None)
        elif len(filled) <= 2 and (problem is None or " " in (values.text(raw_id) or "")):
            self.finding(InputCode.NOTE_ROW, f"Row {number} holds a note, not an entry, and was skipped.", None, number, None)
        elif problem is not None:
            self.finding(InputCode.BAD_ID, f"Row {number}: {problem}; the row was skipped.", None, number, "entry_id")
        else:
            self.finding(InputCode.MISSING_ID, f"Row {number} has data but no EPCL ID; the row was skipped.", None, number, "entry_id")


_first = itemgetter(0)
_NUMBERS = (int, float)  # a number cell (a bool, also an int, is a TRUE/FALSE cell)
_second = itemgetter(1)
# ``_plain_id`` for a whole chunk of ids, one per line
_SIX_DIGIT_IDS = re.compile(r"[0-9]{6}(?:\n[0-9]{6})*")


def _said(raw: object, max_chars: int) -> str | None:
    """What a cell the reader could not read says, as written (trimmed, case and
    spaces folded, cut at the cell limit); None for a blank cell."""
    return values.word(raw[:max_chars] if raw.__class__ is str else raw)


def _cell_parser(parse: Callable, blank_problem: str | None, max_chars: int) -> Callable[[object], tuple]:
    """parse() with blank cells (and cells of spaces) giving ``blank_problem``, and
    text longer than ``[limits] max_cell_chars`` cut to it with a problem."""

    def cell(raw: object) -> tuple:
        if raw is None or raw == "":
            return None, blank_problem
        if raw.__class__ is str and len(raw) > max_chars:
            value, problem = parse(raw[:max_chars])
            cut = (f"holds {len(raw):,} characters, more than the limit of {max_chars:,} "
                   "([limits] max_cell_chars); only the first were read")
            return value, f"{problem}; it also {cut}" if problem else cut
        value, problem = parse(raw)
        if value is None and problem is None:
            return None, blank_problem
        return value, problem

    if parse is not _text:
        return cell

    def text_cell(raw: object) -> tuple:
        # the common case of the text columns (reports, dates, rationale), inline
        if raw.__class__ is str and len(raw) <= max_chars:
            value = raw.strip()
            return (value, None) if value else (None, blank_problem)
        return cell(raw)

    return text_cell


class Parsed:
    """A column's distinct raw values, each parsed once: (value, problem), and
    the value alone; and the raw values whose parse has a problem.  Kept across
    chunks where values repeat (statuses, flags)."""

    __slots__ = ("table", "values", "bad")

    def __init__(self) -> None:
        self.table: dict = {}
        self.values: dict = {}
        self.bad: set = set()


def _map_column(column: list, parse: Callable, cache: Parsed | None) -> tuple[list, list[tuple] | None]:
    """The value of each cell, each distinct value parsed once; and, when some
    cell has a problem, (value, problem) of each cell (else None).  True, 1 and
    1.0 are equal as dict keys but not as cells, so a column holding booleans is
    parsed cell by cell."""
    try:
        distinct = set(column)
    except TypeError:
        distinct = None
    if distinct is None or bool in set(map(type, distinct)):
        parsed = [parse(v) for v in column]
        return list(map(_first, parsed)), parsed if any(problem for _, problem in parsed) else None
    known = cache if cache is not None else Parsed()
    table, values_of, bad = known.table, known.values, known.bad
    for value in distinct.difference(table):
        out = table[value] = parse(value)
        values_of[value] = out[0]
        if out[1]:
            bad.add(value)
    got = list(map(values_of.__getitem__, column))
    return got, None if bad.isdisjoint(distinct) else list(map(table.__getitem__, column))
