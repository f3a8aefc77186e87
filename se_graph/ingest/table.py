"""One data table: header row found, rows turned into Entry records and findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter

from se_graph.ingest import values
from se_graph.ingest.headers import kind_of, match_row
from se_graph.model import Device, Entry, Finding, Location, Source
from se_graph.model.config import Config
from se_graph.model.fields import (
    DEVICE_FIELDS,
    DMCT_STATUS_WORDS,
    EXCLUSION_REASON_WORDS,
    INSTALL_STATUSES,
    ROLES,
)

HEADER_SCAN_ROWS = 30
_TOTALS = frozenset({"total", "totals", "grand total"})
_TEXT_FIELDS = ("dmc_id", "test_report", "test_report_date", "sit_report", "rationale", "date_added")


@dataclass
class Header:
    row: int
    kind: str | None
    fields: dict[str, tuple[str, int]]
    duplicates: list[tuple[str, str, int]]


def find_header(rows: list[tuple[int, list]], table: Mapping[str, str]) -> Header | None:
    """The row among the first ones that matches the most known headers."""
    best: Header | None = None
    above: list = []
    for number, cells in rows:
        fields, duplicates = match_row(cells, above, table)
        above = cells
        if "entry_id" not in fields or len(fields) < 2:
            continue
        if best is None or len(fields) > len(best.fields):
            best = Header(number, kind_of(fields), fields, duplicates)
    return best


def cover_cohort(rows: Iterable[tuple[int, list]]) -> str | None:
    """A 'Cohort' or 'SMSO' label cell and the value to its right (or after ':')."""
    for _, cells in rows:
        for col, cell in enumerate(cells):
            if not isinstance(cell, str):
                continue
            label, _, rest = cell.partition(":")
            if values.word(label) not in ("cohort", "smso", "smso cohort"):
                continue
            if rest.strip():
                return rest.strip()
            for value in cells[col + 1 :]:
                found = values.text(value)
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
    if key in INSTALL_STATUSES:
        return key, None
    if key is None:
        return None, None
    return None, f"has an unknown installation status '{values.text(raw)}'; use Active, Dormant or Mixed"


def _reference(raw: object) -> tuple[str | None, str | None]:
    ref, problem, _ = values.entry_id(raw)
    return ref, problem and f"names {problem}; it was ignored"


def _with_suffix(parse: Callable, suffix: str) -> Callable:
    def wrapped(raw: object) -> tuple:
        value, problem = parse(raw)
        return value, problem and f"{problem}{suffix}"

    return wrapped


def _text(raw: object) -> tuple[str | None, None]:
    return values.text(raw), None


# field -> (parser, finding code, cache parsed values by raw value?)
# Caching pays where values repeat (statuses, flags); ids and counts rarely do.
_PARSERS: dict[str, tuple[Callable, str, bool]] = {
    "cohort": (_text, "SG110", True),
    "install_status": (_install_status, "SG103", True),
    "dmct_status": (_vocabulary(DMCT_STATUS_WORDS, "DMCT status"), "SG104", True),
    "exclusion_reason": (_vocabulary(EXCLUSION_REASON_WORDS, "reason for exclusion"), "SG105", True),
    "installs": (_with_suffix(values.count, "; it was ignored"), "SG106", False),
    "devices": (_with_suffix(values.count, "; it was ignored"), "SG106", False),
    "parent_id": (_reference, "SG111", False),
    "upgrade_to": (_reference, "SG111", False),
    "target_fw": (_with_suffix(values.flag, "; it was ignored"), "SG111", True),
    "epcl_report": (_with_suffix(values.report_number, "; it was ignored"), "SG111", True),
    **{name: (_text, "SG111", False) for name in _TEXT_FIELDS},
}
# a blank cell in these columns is itself a finding, for the kinds named
_REQUIRED_VALUE = {
    "install_status": (("status-list", "excluded"), "has no installation status; use Active, Dormant or Mixed"),
    "dmct_status": (("status-list",), "has no DMCT status"),
    "exclusion_reason": (("excluded",), "has no reason for exclusion"),
}
_ENTRY_FIELD = {"devices": "device_count"}


class TableReader:
    """Turns the data rows of one table into entries, collecting findings."""

    def __init__(self, source: Source, config: Config, cohort: str | None):
        self.source = source
        self.config = config
        self.cohort = cohort or "unknown"
        self.findings: list[Finding] = []
        self.entries: list[Entry] = []
        self.unknown_cohort = False  # some entry found no cohort anywhere
        cols = {name: col - 1 for name, _, col in source.columns}
        self._id_col = cols["entry_id"]
        plan = []
        for name, (parse, code, cached) in _PARSERS.items():
            if name in cols:
                blank = _REQUIRED_VALUE.get(name)
                blank_problem = blank[1] if blank and source.kind in blank[0] else None
                plan.append((cols[name], (name, _ENTRY_FIELD.get(name, name), parse, code, {} if cached else None, blank_problem)))
        self._plan = [step for _, step in plan]
        self._get = _getter([col for col, _ in plan])
        # every device cell of a row is looked up at once: device combinations
        # repeat, so one cache hit replaces parsing twenty cells
        self._roles = [role for role in ROLES if f"{role}.model" in cols]
        device_cols = [cols.get(f"{role}.{f}") for role in self._roles for f in DEVICE_FIELDS]
        self._get_devices = _getter([c for c in device_cols if c is not None])
        self._device_cache: dict[tuple, tuple] = {}
        self._role_readers = []
        for role in self._roles:
            present = [f for f in DEVICE_FIELDS if f"{role}.{f}" in cols]
            get = _getter([cols[f"{role}.{f}"] for f in present])
            self._role_readers.append((role, get, present, {}))
        self._width = max(cols.values()) + 1

    def finding(self, code: str, message: str, entry: str | None, row: int | None, field: str | None) -> None:
        column = self.source.header(field) if field else None
        location = Location(self.source.path, self.source.sheet, row, column)
        self.findings.append(Finding(code, self.config.severity(code), message, entry, location))

    def read(self, rows: Iterable[tuple[int, list]]) -> None:
        id_col = self._id_col
        for number, cells in rows:
            raw_id = cells[id_col] if id_col < len(cells) else None
            if raw_id.__class__ is str and len(raw_id) == 6 and raw_id.isdigit():
                entry_id, problem, restored = raw_id, None, False  # the common case, fast
            else:
                entry_id, problem, restored = values.entry_id(raw_id)
            if entry_id is None:
                self._not_an_entry(number, cells, raw_id, problem)
                continue
            if restored:
                self.finding(
                    "SG101",
                    f"EPCL ID '{values.text(raw_id)}' was read as {entry_id}: its leading "
                    "zeros were lost, so store the ID as text.",
                    entry_id, number, "entry_id",
                )
            self.entries.append(self._entry(entry_id, number, cells))

    def _not_an_entry(self, number: int, cells: list, raw_id: object, problem: str | None) -> None:
        filled = [c for c in cells if values.text(c) is not None]
        if not filled:
            return  # blank rows are skipped silently
        first = values.word(filled[0])
        if first in _TOTALS:
            self.finding("SG107", f"Row {number} is a totals row and was skipped.", None, number, None)
        elif len(filled) <= 2 and (problem is None or " " in (values.text(raw_id) or "")):
            self.finding("SG108", f"Row {number} holds a note, not an entry, and was skipped.", None, number, None)
        elif problem is not None:
            self.finding("SG102", f"Row {number}: {problem}; the row was skipped.", None, number, "entry_id")
        else:
            self.finding("SG112", f"Row {number} has data but no EPCL ID; the row was skipped.", None, number, "entry_id")

    def _entry(self, entry_id: str, number: int, cells: list) -> Entry:
        if len(cells) < self._width:
            cells = list(cells) + [None] * (self._width - len(cells))
        data: dict[str, object] = {}
        for (name, key, parse, code, cache, blank_problem), raw in zip(self._plan, self._get(cells)):
            if raw == "" or raw is None:
                value, problem = None, blank_problem
            else:
                hit = cache.get(raw) if cache is not None else None
                if hit is None:
                    hit = parse(raw)
                    if cache is not None:
                        cache[raw] = hit
                value, problem = hit
                if value is None and problem is None:
                    problem = blank_problem  # a cell of spaces is blank too
            data[key] = value
            if problem:
                header = self.source.header(name)
                text = f"Entry {entry_id}: {header} {problem}." if code == "SG106" else f"Entry {entry_id} {problem}."
                self.finding(code, text, entry_id, number, name)
        cohort = data.pop("cohort", None) or self.cohort
        if cohort == "unknown":
            self.unknown_cohort = True
        devices = ()
        if self._roles:
            raw = self._get_devices(cells)
            hit = self._device_cache.get(raw)
            if hit is None:
                hit = self._device_cache[raw] = self._parse_devices(cells)
            devices, no_firmware = hit
            for role, model in no_firmware:
                self.finding(
                    "SG109", f"Entry {entry_id}: the {role} {model} has no firmware version.",
                    entry_id, number, f"{role}.firmware",
                )
        return Entry(entry_id=entry_id, source=self.source, row=number, cohort=cohort, devices=devices, **data)

    def _parse_devices(self, cells: list) -> tuple[tuple[Device, ...], tuple]:
        """Devices of a row whose combination was not seen before; each role's
        cells are cached too, since one role's device repeats far more."""
        found, no_firmware = [], []
        for role, get, present, cache in self._role_readers:
            key = get(cells)
            device = cache.get(key, False)
            if device is False:
                parts = dict(zip(present, (values.device_text(v) for v in key)))
                model = parts.get("model")
                device = cache[key] = Device(role, parts.get("manufacturer"), model, parts.get("hardware"), parts.get("firmware")) if model else None
            if device is None:
                continue
            found.append(device)
            if device.firmware is None:
                no_firmware.append((role, device.model))
        return tuple(found), tuple(no_firmware)


def _getter(cols: list[int]) -> Callable[[list], tuple]:
    """A fast fetch of several cells of a row, always as a tuple."""
    if not cols:
        return lambda cells: ()
    if len(cols) == 1:
        col = cols[0]
        return lambda cells: (cells[col],)
    return itemgetter(*cols)
