"""One data table: header row found, rows turned into Entry records and findings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from se_graph.ingest import values
from se_graph.ingest.headers import kind_of, match_row
from se_graph.model import Device, Entry, Finding, Location, Source
from se_graph.model.config import Config
from se_graph.model.fields import (
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


class TableReader:
    """Turns the data rows of one table into entries, collecting findings."""

    def __init__(self, source: Source, config: Config, cohort: str | None):
        self.source = source
        self.config = config
        self.cohort = cohort or "unknown"
        self.findings: list[Finding] = []
        self.entries: list[Entry] = []
        self._cols = {name: col - 1 for name, _, col in source.columns}
        self._devices = [
            (role, tuple(self._cols.get(f"{role}.{f}") for f in ("manufacturer", "model", "hardware", "firmware")))
            for role in ROLES
            if f"{role}.model" in self._cols
        ]
        self._device_cache: dict[tuple, Device] = {}
        self.unknown_cohort = False  # some entry found no cohort anywhere

    def finding(self, code: str, message: str, entry: str | None, row: int | None, field: str | None) -> None:
        column = self.source.header(field) if field else None
        location = Location(self.source.path, self.source.sheet, row, column)
        self.findings.append(Finding(code, self.config.severity(code), message, entry, location))

    def read(self, rows: Iterable[tuple[int, list]]) -> None:
        id_col = self._cols["entry_id"]
        for number, cells in rows:
            raw_id = cells[id_col] if id_col < len(cells) else None
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
            self.finding(
                "SG108",
                f"Row {number} holds a note, not an entry, and was skipped.",
                None, number, None,
            )
        elif problem is not None:
            self.finding("SG102", f"Row {number}: {problem}; the row was skipped.", None, number, "entry_id")
        else:
            self.finding(
                "SG112",
                f"Row {number} has data but no EPCL ID; the row was skipped.",
                None, number, "entry_id",
            )

    def _cell(self, cells: list, name: str) -> object:
        col = self._cols.get(name)
        if col is None or col >= len(cells):
            return None
        return cells[col]

    def _entry(self, entry_id: str, number: int, cells: list) -> Entry:
        get = self._cell
        data: dict[str, object] = {}
        for name in _TEXT_FIELDS:
            if name in self._cols:
                data[name] = values.text(get(cells, name))
        cohort = values.text(get(cells, "cohort")) or self.cohort
        if cohort == "unknown":
            self.unknown_cohort = True
        status = values.word(get(cells, "install_status"))
        if status not in INSTALL_STATUSES:
            if status is not None or self.source.kind != "epcl":
                shown = values.text(get(cells, "install_status"))
                what = f"unknown installation status '{shown}'" if shown else "no installation status"
                self.finding(
                    "SG103",
                    f"Entry {entry_id} has {what}; use Active, Dormant or Mixed.",
                    entry_id, number, "install_status",
                )
            status = None
        data["dmct_status"] = self._vocab(entry_id, number, cells, "dmct_status", DMCT_STATUS_WORDS, "SG104")
        data["exclusion_reason"] = self._vocab(
            entry_id, number, cells, "exclusion_reason", EXCLUSION_REASON_WORDS, "SG105"
        )
        for name in ("installs", "devices"):
            value, problem = values.count(get(cells, name))
            if problem:
                self.finding(
                    "SG106",
                    f"Entry {entry_id}: the {self.source.header(name)} count {problem}; it was ignored.",
                    entry_id, number, name,
                )
            data["device_count" if name == "devices" else name] = value
        for name in ("parent_id", "upgrade_to"):
            raw = get(cells, name)
            ref, problem, _ = values.entry_id(raw)
            if problem:
                self.finding("SG111", f"Entry {entry_id}: {problem}; it was ignored.", entry_id, number, name)
            data[name] = ref
        for name, parse in (("target_fw", values.flag), ("epcl_report", values.report_number)):
            value, problem = parse(get(cells, name))
            if problem:
                self.finding("SG111", f"Entry {entry_id}: {problem}; it was ignored.", entry_id, number, name)
            data[name] = value
        return Entry(
            entry_id=entry_id,
            source=self.source,
            row=number,
            cohort=cohort,
            install_status=status,
            devices=self._read_devices(entry_id, number, cells),
            **data,
        )

    def _vocab(self, entry_id, number, cells, name, words, code) -> str | None:
        if name not in self._cols:
            return None
        key = values.word(self._cell(cells, name))
        if key is None:
            expected = {"dmct_status": "status-list", "exclusion_reason": "excluded"}[name]
            if self.source.kind == expected:
                label = "DMCT status" if name == "dmct_status" else "reason for exclusion"
                self.finding(code, f"Entry {entry_id} has no {label}.", entry_id, number, name)
            return None
        value = words.get(key) or words.get(key.rstrip(". "))
        if value is None:
            label = "DMCT status" if name == "dmct_status" else "reason for exclusion"
            shown = values.text(self._cell(cells, name))
            self.finding(
                code,
                f"Entry {entry_id} has an unknown {label} '{shown}'; it is treated as not given.",
                entry_id, number, name,
            )
        return value

    def _read_devices(self, entry_id: str, number: int, cells: list) -> tuple[Device, ...]:
        found = []
        for role, cols in self._devices:
            parts = tuple(
                values.device_text(cells[c]) if c is not None and c < len(cells) else None
                for c in cols
            )
            manufacturer, model, hardware, firmware = parts
            if model is None:
                continue
            if firmware is None:
                self.finding(
                    "SG109",
                    f"Entry {entry_id}: the {role} {model} has no firmware version.",
                    entry_id, number, f"{role}.firmware",
                )
            key = (role, *parts)
            device = self._device_cache.get(key)
            if device is None:
                device = self._device_cache[key] = Device(role, manufacturer, model, hardware, firmware)
            found.append(device)
        return tuple(found)
