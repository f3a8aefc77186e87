"""Tiny workbooks for tests, written by a real spreadsheet writer.

``status_list`` and ``excluded`` take rows as dicts keyed by canonical field
name (``entry_id``, ``install_status``, ``CHF.model``...) and write them under
the canonical headers, after optional title rows.
"""

from __future__ import annotations

from pathlib import Path

from se_graph.model.fields import FIELD_HEADERS

STATUS_FIELDS = [
    "entry_id", "cohort", "install_status",
    "CHF.manufacturer", "CHF.model", "CHF.firmware",
    "ESME.manufacturer", "ESME.model", "ESME.firmware",
    "GSME.manufacturer", "GSME.model", "GSME.firmware",
    "IHD.manufacturer", "IHD.model", "IHD.firmware",
    "dmct_status", "test_report", "sit_report", "parent_id",
    "target_fw", "upgrade_to", "installs", "devices", "epcl_report",
]
EXCLUDED_FIELDS = [
    f for f in STATUS_FIELDS if f not in ("dmct_status", "test_report", "sit_report")
] + ["exclusion_reason", "rationale"]

DEVICES = {
    "CHF.manufacturer": "Toshiba", "CHF.model": "SKU1", "CHF.firmware": "1.0",
    "ESME.manufacturer": "Secure", "ESME.model": "Liberty 110", "ESME.firmware": "2.3",
    "GSME.manufacturer": "Secure", "GSME.model": "Europa", "GSME.firmware": "1.1",
}


def write_rows(path: Path, header: list[str], rows: list[list], *, sheet: str = "Data",
               title_rows: list[list] | None = None, writer: str = "openpyxl",
               extra_sheets: dict[str, list[list]] | None = None) -> Path:
    """Write one table (after title rows) with openpyxl or xlsxwriter."""
    path = Path(path)
    every = list(title_rows or []) + [header] + rows
    if writer == "xlsxwriter":
        import xlsxwriter

        book = xlsxwriter.Workbook(str(path))
        for name, extra in (extra_sheets or {}).items():
            ws = book.add_worksheet(name)
            for r, values in enumerate(extra):
                ws.write_row(r, 0, values)
        ws = book.add_worksheet(sheet)
        for r, values in enumerate(every):
            for c, value in enumerate(values):
                if value is not None:
                    ws.write(r, c, value)
        book.close()
    else:
        import openpyxl

        book = openpyxl.Workbook()
        first = book.active
        for name, extra in (extra_sheets or {}).items():
            ws = book.create_sheet(name)
            for values in extra:
                ws.append(values)
        ws = book.create_sheet(sheet)
        for values in every:
            ws.append(values)
        book.remove(first)
        book.save(path)
    return path


def _table(path: Path, fields: list[str], rows: list[dict], **kwargs) -> Path:
    used = list(fields)
    for row in rows:
        used += [k for k in row if k not in used]
    header = [FIELD_HEADERS[f] for f in used]
    return write_rows(path, header, [[row.get(f) for f in used] for row in rows], **kwargs)


def status_list(path: Path, rows: list[dict], **kwargs) -> Path:
    return _table(path, STATUS_FIELDS, rows, **kwargs)


def excluded(path: Path, rows: list[dict], **kwargs) -> Path:
    return _table(path, EXCLUDED_FIELDS, rows, **kwargs)


def row_tested(entry_id: str, status: str = "Dormant", **fields) -> dict:
    """A tested Group 1 row with the standard devices."""
    return {"entry_id": entry_id, "cohort": "MOC Secure", "install_status": status, **DEVICES,
            "dmct_status": "Tested", "test_report": f"DMCT report {entry_id}", "target_fw": "Y",
            "installs": 100, "epcl_report": 22, **fields}


def row_child(entry_id: str, parent: str, status: str = "Dormant", **fields) -> dict:
    """A substantive-equivalence child differing only in ESME firmware."""
    return {"entry_id": entry_id, "cohort": "MOC Secure", "install_status": status,
            **DEVICES, "ESME.firmware": "2.4", "exclusion_reason": "Substantive Equivalence",
            "parent_id": parent, "target_fw": "Y", "installs": 10, "epcl_report": 22, **fields}
