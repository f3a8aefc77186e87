"""Workbooks in the DCC's style, written with xlsxwriter.

A cover sheet names the cohort; the data sheet opens with title and version rows
and has its header on row 4. xlsxwriter streams rows (constant memory, so a
million entries fit) and, given a fixed creation date, writes identical bytes for
identical rows. Every text is written as a string, never as a formula.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from se_graph.model.fields import FIELD_HEADERS
from se_graph.model.vocab import Kind

DEVICE_COLUMNS = [
    "CHF.manufacturer", "CHF.model", "CHF.hardware", "CHF.firmware",
    "ESME.manufacturer", "ESME.model", "ESME.hardware", "ESME.firmware",
    "GSME.manufacturer", "GSME.model", "GSME.firmware",
    "PPMID.manufacturer", "PPMID.model", "PPMID.firmware",
    "IHD.manufacturer", "IHD.model", "IHD.firmware",
]
COLUMNS = {
    Kind.STATUS_LIST: ["entry_id", "dmc_id", "install_status", *DEVICE_COLUMNS, "dmct_status", "test_report",
                    "sit_report", "parent_id", "target_fw", "upgrade_to", "installs", "devices", "epcl_report"],
    Kind.EXCLUDED: ["entry_id", "dmc_id", "install_status", *DEVICE_COLUMNS, "exclusion_reason", "parent_id",
                 "target_fw", "upgrade_to", "installs", "devices", "epcl_report", "rationale"],
}
TITLES = {Kind.STATUS_LIST: "DMCT Status List", Kind.EXCLUDED: "Excluded from DMCT Schedule"}
SHEETS = {Kind.STATUS_LIST: "DMCT Status List", Kind.EXCLUDED: "Excluded from DMCT"}
# each kind's workbook, as its file is named: "foc-dmct-status-list.xlsx"
KINDS = {Kind.STATUS_LIST: "dmct status list", Kind.EXCLUDED: "excluded from dmct"}
PUBLISHED = dt.datetime(2021, 12, 1)
HEADER_ROW = 3  # zero-based: the header is Excel row 4


def partial(path: Path) -> Path:
    """Where a file is written before it is renamed into place."""
    return path.with_name(f".{path.name}.partial")


def slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


class Sheet:
    """One streamed data sheet: cover, title rows, header, then rows as they come."""

    def __init__(self, path: Path, kind: Kind, cohort: str):
        import xlsxwriter

        self.path, self.kind, self.columns = path, kind, COLUMNS[kind]
        self.tmp = partial(path)
        self.book = xlsxwriter.Workbook(str(self.tmp), {"constant_memory": True})
        self.book.set_properties({"title": f"SMETS1 {cohort} {TITLES[kind]}", "author": "se-graph sample",
                                  "created": PUBLISHED})
        bold = self.book.add_format({"bold": True})
        cover = self.book.add_worksheet("Cover")
        cover.set_column(0, 0, 16)
        cover.set_column(1, 1, 48)
        lines = [("Data Communications Company", None), (None, None), ("Document", f"SMETS1 {TITLES[kind]}"),
                 ("Cohort", cohort), ("Version", "1.0"), ("Published", PUBLISHED.date().isoformat()), (None, None),
                 ("Note", "Synthetic sample data for trying se-graph; not a real DCC list.")]
        for r, (label, value) in enumerate(lines):
            if label:
                cover.write_string(r, 0, label, bold)
            if value:
                cover.write_string(r, 1, value)
        self.ws = self.book.add_worksheet(SHEETS[kind])
        self.ws.write_string(0, 0, f"SMETS1 {cohort}: {TITLES[kind]}", bold)
        self.ws.write_string(1, 0, f"Version 1.0, published {PUBLISHED.date().isoformat()}")
        self.ws.set_column(0, len(self.columns) - 1, 14)
        for c, name in enumerate(self.columns):
            self.ws.write_string(HEADER_ROW, c, FIELD_HEADERS[name], bold)
        self.row = HEADER_ROW + 1
        self.installs = 0

    def add(self, cells: dict) -> None:
        ws, r = self.ws, self.row
        for c, name in enumerate(self.columns):
            value = cells.get(name)
            if value is None:
                continue
            if isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write_number(r, c, value)
        if isinstance(cells.get("installs"), int):
            self.installs += cells["installs"]
        self.row += 1

    def totals(self, notes: list[str]) -> None:
        """A totals row and notes under the table, as hand-kept lists often have."""
        self.ws.write_string(self.row, 0, "Total")
        self.ws.write_number(self.row, self.columns.index("installs"), self.installs)
        self.row += 2
        for note in notes:
            self.ws.write_string(self.row, 0, note)
            self.row += 1

    def close(self) -> None:
        self.book.close()
        os.replace(self.tmp, self.path)  # whole files only: an interrupted run leaves the old one
