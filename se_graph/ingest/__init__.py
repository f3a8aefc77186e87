"""Read DCC workbooks into EPCL entries.  The only stage that knows spreadsheets exist.

``read_inputs`` takes workbook paths (or folders of them) and returns every entry
with its source location, a description of each table read, and the findings
about individual cells.  A file that cannot be used at all raises ``InputError``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from se_graph.ingest.ahead import Ahead
from se_graph.ingest.headers import alias_table, describe, missing_required
from se_graph.ingest.table import HEADER_SCAN_ROWS, TableReader, cover_cohort, find_header
from se_graph.ingest.workbook import sheets
from se_graph.model import Entry, InputCode, InputError, Location, Problem, Source
from se_graph.model.config import Config

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")


@dataclass(frozen=True)
class TableInfo:
    """One table read: JSON's ``inputs`` item."""

    source: Source
    rows: int  # entries read from the table

    def to_dict(self) -> dict:
        s = self.source
        return {"path": s.path, "kind": s.kind, "sheet": s.sheet, "header_row": s.header_row, "rows": self.rows}


@dataclass
class ReadResult:
    tables: list[TableInfo] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)
    # role -> (raw cells -> number, number -> Device), shared by every table so
    # the same device read from two workbooks is one object (cheap to compare)
    devices: dict = field(default_factory=dict, repr=False)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder gives its workbooks in name order."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.iterdir()
                if p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith(("~$", "."))
                and ".annotated." not in p.name
            )
            if not found:
                raise InputError(f"{path}: the folder holds no workbook (.xlsx, .xlsm, .xlsb, .xls, .ods).")
            out.extend(found)
        else:
            out.append(path)
    return out


def read_inputs(
    paths: Sequence[str | Path],
    config: Config | None = None,
    *,
    cohort: str | None = None,
    epcl: Sequence[str | Path] = (),
) -> ReadResult:
    """Read every workbook; ``epcl`` files are read as the current EPCL."""
    config = config or Config()
    result = ReadResult()
    jobs = [(p, None) for p in expand(paths)] + [(p, "epcl") for p in expand(epcl)]
    if len(jobs) == 1:
        path, kind = jobs[0]
        read_workbook(path, config, result, cohort=cohort, kind=kind)
        return result
    ahead = Ahead(jobs, config.limits)
    try:
        for path, kind, opened, notes in ahead:
            read_workbook(path, config, result, cohort=cohort, kind=kind, opened=opened, notes=notes)
    finally:
        ahead.close()
    return result


def read_workbook(
    path: Path, config: Config, result: ReadResult, *, cohort: str | None = None, kind: str | None = None,
    opened: Iterable | None = None, notes: list[Problem] | None = None,
) -> None:
    """Read the data tables of one workbook into ``result``; ``notes`` gathers what
    the reader says about its cells (given with ``opened``, which fills it)."""
    notes = notes if notes is not None else []
    table = alias_table(config.aliases)
    shown = str(path)
    others: list[list[tuple[int, list]]] = []  # the first rows of every sheet that is not a table
    readers: list[tuple[TableReader, bool]] = []  # and whether its cohort came from the workbook
    best_failure: str | None = None
    for name, rows in opened if opened is not None else sheets(path, config.limits, notes):
        head = list(itertools.islice(rows, HEADER_SCAN_ROWS))
        header = find_header(head, table)
        if header is None:
            others.append(head)
            continue
        header_kind = kind or header.kind
        if header_kind is None:
            best_failure = best_failure or (
                f"{shown}, sheet '{name}': the header row {header.row} has no 'DMCT Status' or "
                "'Reason for Exclusion' column, so it is neither a DMCT Status List nor an "
                "Excluded from DMCT Schedule."
            )
            others.append(head)
            continue
        missing = missing_required(header_kind, header.fields)
        if missing:
            columns = ", ".join(describe(m) for m in missing)
            raise InputError(
                f"{shown}, sheet '{name}': the header row {header.row} lacks the required "
                f"column {columns} of a {header_kind} table."
            )
        rest = itertools.chain((r for r in head if r[0] > header.row), rows)
        # spec section 1: the Cohort column, else a cover sheet (before or after
        # the data), else --cohort; a cover sheet read later is applied below
        found = cover_cohort([r for r in head if r[0] < header.row])
        found = found or next(filter(None, (cover_cohort(o) for o in others)), None)
        reader = _read_table(path, config, name, header, header_kind, rest, found or cohort, result.devices)
        readers.append((reader, found is not None))
    if not readers:
        raise InputError(
            best_failure
            or f"{shown}: no sheet has the columns of a DMCT Status List or an Excluded from "
            f"DMCT Schedule (looked for a header row with 'EPCL ID' in the first "
            f"{HEADER_SCAN_ROWS} rows of each sheet)."
        )
    result.findings.extend(notes)
    late = next(filter(None, (cover_cohort(o) for o in others)), None)
    for reader, from_workbook in readers:
        if late is not None and not from_workbook:
            reader.apply_cohort(late)
        if reader.unknown_cohort:
            reader.findings.append(
                Problem(
                    code=InputCode.COHORT_UNKNOWN,
                    message="No cohort was found in a column, a cover sheet or the --cohort option; "
                    "entries are put in cohort 'unknown'.",
                    entry=None,
                    location=Location(str(path), reader.source.sheet, reader.source.header_row, None),
                )
            )
        result.tables.append(TableInfo(reader.source, len(reader.entries)))
        result.entries.extend(reader.entries)
        result.findings.extend(reader.findings)


def _read_table(path, config, name, header, kind, rest, default_cohort, pool) -> TableReader:
    source = Source(
        path=str(path),
        sheet=name,
        kind=kind,
        header_row=header.row,
        columns=tuple(
            sorted(((f, h, c + 1) for f, (h, c) in header.fields.items()), key=lambda t: t[2])
        ),
    )
    reader = TableReader(source, config, default_cohort, pool)
    for field_name, text, col in header.duplicates:
        reader.finding(
            InputCode.DUPLICATE_HEADER,
            f"The header '{text}' repeats a column already read as '{header.fields[field_name][0]}'; "
            "only the first is used.",
            None, header.row, None,
        )
    for text, col, nearest in header.unknown:
        hint = f"; the nearest known header is '{nearest}'" if nearest else ""
        reader.findings.append(
            Problem(
                code=InputCode.UNKNOWN_COLUMN,
                message=f"The column '{text}' matches no known field and was not read{hint}.",
                entry=None,
                location=Location(str(path), name, header.row, text),
            )
        )
    reader.read(rest)
    return reader
