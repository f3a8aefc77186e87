"""Reading workbooks the naive way: every cell of every sheet, headers by name.

Written from the behaviour contract alone (sections 1 of the spec); it shares
nothing with the package under test.
"""

import datetime
import os
import re

ROLES = {
    "CHF": ["CHF", "Comms Hub", "Communications Hub", "CH"],
    "ESME": ["ESME", "Electricity Meter"],
    "GSME": ["GSME", "Gas Meter"],
    "PPMID": ["PPMID", "Prepayment Interface Device"],
    "IHD": ["IHD", "In-Home Display", "In Home Display"],
    "HCALCS": ["HCALCS"],
}
DEVICE_FIELDS = {
    "manufacturer": ["Manufacturer"],
    "model": ["Model"],
    "hardware": ["Hardware Version", "HW Version", "Hardware"],
    "firmware": ["Firmware Version", "FW Version", "Firmware", "FW"],
}
FIELDS = {
    "entry_id": ["EPCL ID", "EPCL Entry ID", "EPCL Entry", "Entry ID", "EPCL Ref"],
    "dmc_id": ["DMC ID", "DMC Ref", "DMC Reference"],
    "cohort": ["Cohort", "SMSO", "SMSO Cohort", "Operating Capability"],
    "install_status": ["Installation Status", "Install Status", "Installation Type", "Meter Status"],
    "dmct_status": ["DMCT Status", "Test Status", "Status"],
    "test_report": ["DMCT Test Completion Report", "Test Completion Report", "DMCT Report"],
    "test_report_date": ["Report Date", "Test Completion Date"],
    "sit_report": ["SIT Test Completion Report", "SIT Report"],
    "target_fw": ["Target FW", "At Target FW", "Target Firmware"],
    "upgrade_to": ["FW Upgrade To", "Upgrade Target", "Target FW EPCL ID", "FW Upgrade Target"],
    "installs": ["Installations", "Installs", "No. of Installations", "Install Count"],
    "devices": ["Devices", "No. of Devices", "Device Count"],
    "epcl_report": ["EPCL Report", "Requested In", "EPCL Report No"],
    "parent_id": ["Parent EPCL ID", "Equivalent To", "Substantively Equivalent To",
                  "Parent Entry", "Parent EPCL Entry"],
    "exclusion_reason": ["Reason for Exclusion", "Exclusion Reason", "Reason"],
    "rationale": ["Rationale", "Comments", "Notes"],
    "date_added": ["Date Added to EPCL", "Date Added", "Date First Added"],
}
ABSENT = {"", "n/a", "-", "none", "not present"}


def norm(text):
    """Header key: case, spaces and punctuation ignored; a trailing (s) kept as s."""
    text = str(text).strip().lower()
    text = re.sub(r"\(s\)\s*$", "s", text)
    return re.sub(r"[^a-z0-9]", "", text)


def header_table():
    """Every accepted header key -> field name (device fields as 'ROLE.field')."""
    table = {}
    for field, names in FIELDS.items():
        for name in names:
            table[norm(name)] = field
    for role, role_names in ROLES.items():
        for role_name in role_names:
            for dfield, dnames in DEVICE_FIELDS.items():
                for dname in dnames:
                    table[norm(role_name + " " + dname)] = role + "." + dfield
    return table


HEADERS = header_table()


def field_of(cell):
    if cell is None:
        return None
    if not isinstance(cell, str):
        return None
    key = norm(cell)
    if key in HEADERS:
        return HEADERS[key]
    # "(s)" read as an optional plural: "Installation(s)" may also mean the singular
    if re.search(r"\(s\)\s*$", str(cell).strip().lower()):
        key2 = norm(re.sub(r"\(s\)\s*$", "", str(cell).strip().lower()))  # case ignored: "(S)" too
        if key2 in HEADERS:
            return HEADERS[key2]
    return None


def load_sheets(path):
    """[(sheet name, [row tuples])] with every cell value as the reader gives it."""
    ext = os.path.splitext(path)[1].lower()
    sheets = []
    if ext in (".xlsx", ".xlsm"):
        import openpyxl

        wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows(values_only=True):
                rows.append(tuple(row))
            sheets.append((ws.title, rows))
        wb.close()
    else:
        import python_calamine

        wb = python_calamine.CalamineWorkbook.from_path(path)
        for name in wb.sheet_names:
            data = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
            rows = []
            for row in data:
                rows.append(tuple(None if v == "" else v for v in row))
            sheets.append((name, rows))
    return sheets


def text(value):
    """A cell as trimmed text ('' for blank)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()[:10]
    return str(value).strip()


def is_absent(value):
    return text(value).lower() in ABSENT


def find_cover_cohort(sheets, data_sheet):
    """Cohort/SMSO label on any other sheet: value right, after a colon, or below."""
    for name, rows in sheets:
        if name == data_sheet:
            continue
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if not isinstance(cell, str):
                    continue
                s = cell.strip()
                m = re.match(r"^(cohort|smso)\s*:\s*(.+)$", s, re.I)
                if m:
                    return m.group(2).strip()
                if re.match(r"^(cohort|smso)\s*:?$", s, re.I):
                    right = row[c + 1] if c + 1 < len(row) else None
                    if text(right):
                        return text(right)
                    if r + 1 < len(rows):
                        below_row = rows[r + 1]
                        below = below_row[c] if c < len(below_row) else None
                        if text(below):
                            return text(below)
    return None


def read_table(path, forced_kind=None):
    """Find the data sheet and header row; return a dict describing the table.

    {'kind', 'sheet', 'header_row', 'columns': {col index: field}, 'rows':
    [(excel row number, tuple)], 'cover_cohort'} or None when no sheet has the
    required columns.
    """
    sheets = load_sheets(path)
    best = None
    for name, rows in sheets:
        for r in range(min(30, len(rows))):
            cols = {}
            for c, cell in enumerate(rows[r]):
                f = field_of(cell)
                if f is not None and f not in cols.values():
                    cols[c] = f
            fields = set(cols.values())
            if "entry_id" not in fields:
                continue
            kind = None
            if forced_kind == "epcl":
                kind = "epcl"
            elif "exclusion_reason" in fields and "install_status" in fields:
                kind = "excluded"
            elif "dmct_status" in fields and "install_status" in fields and any(
                f.endswith(".model") for f in fields
            ):
                kind = "status-list"
            elif "date_added" in fields:
                kind = "epcl"
            if kind is None:
                continue
            score = len(cols)
            if best is None or score > best[0]:
                best = (score, name, r, cols, kind, rows)
    if best is None:
        return None
    _, name, r, cols, kind, rows = best
    return {
        "path": path,
        "kind": kind,
        "sheet": name,
        "header_row": r + 1,
        "columns": cols,
        "rows": [(i + 1, rows[i]) for i in range(r + 1, len(rows))],
        "cover_cohort": find_cover_cohort(sheets, name),
    }
