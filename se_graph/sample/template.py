"""Blank workbooks an analyst fills in, in Excel or LibreOffice.

What a spreadsheet does to typed text is the trap: ``002255`` becomes the number
2255 and a firmware ``1.10`` becomes 1.1. So every column that holds a name, an
id or a version is formatted as text before anyone types in it, and only the
three counts are numbers. The fixed vocabularies are drop-downs whose every item
is a word the reader knows; the cohort has its own cell on the Cover sheet, laid
out the way the reader looks for it (label, value to its right, nothing under
the label); row 5 is a worked example whose EPCL ID begins "e.g.", which the
reader skips.
"""

from __future__ import annotations

import os
from pathlib import Path

from se_graph.model.fields import FIELD_HEADERS
from se_graph.model.outputs import check_folder, record
from se_graph.model.vocab import InstallStatus, Kind
from se_graph.sample.notes import NOTES
from se_graph.sample.writer import COLUMNS, HEADER_ROW, PUBLISHED, SHEETS, TITLES, partial, slug

LAST_ROW = 1_048_575  # zero-based: validation and formats reach the sheet's last row
COUNTS = ("installs", "devices", "epcl_report")
IDS = ("entry_id", "parent_id", "upgrade_to")

# Drop-down items: the spelling the DCC's lists use, each one the reader knows
# (a test checks every item against the reader's vocabulary).
CHOICES: dict[str, list[str]] = {
    "install_status": [status.label for status in InstallStatus],
    "dmct_status": ["Tested", "Covered by Dormant", "In Test", "Scheduled", "Not Started", "Failed", "Excluded"],
    "exclusion_reason": ["Substantive Equivalence", "Uneconomic to Test", "Firmware Upgrade",
                         "Covered by Dormant", "Other"],
    "target_fw": ["Y", "N"],
}
KNOWN_COHORTS = ["IOC", "MOC MDS", "MOC Secure", "FOC"]

_DEVICES = {
    "CHF.manufacturer": "Toshiba", "CHF.model": "SKU1", "CHF.hardware": "1.0", "CHF.firmware": "0x01A2",
    "ESME.manufacturer": "Secure Meters", "ESME.model": "Liberty 110", "ESME.hardware": "2",
    "ESME.firmware": "1.10",
    "GSME.manufacturer": "Secure Meters", "GSME.model": "Europa G4", "GSME.firmware": "01.04",
    "PPMID.manufacturer": "N/A",
    "IHD.manufacturer": "Chameleon", "IHD.model": "IHD6", "IHD.firmware": "2.1",
}
EXAMPLES: dict[str, dict[str, str | int]] = {
    Kind.STATUS_LIST: {
        "entry_id": "e.g. 002255", "dmc_id": "DMC-0101", "install_status": InstallStatus.DORMANT.label, **_DEVICES,
        "dmct_status": "Tested", "test_report": "DMCT TCR 0101 v1.0", "target_fw": "Y",
        "installs": 1520, "epcl_report": 22,
    },
    Kind.EXCLUDED: {
        "entry_id": "e.g. 002256", "dmc_id": "DMC-0101", "install_status": InstallStatus.DORMANT.label, **_DEVICES,
        "ESME.firmware": "1.09", "exclusion_reason": "Substantive Equivalence", "parent_id": "002255",
        "target_fw": "Y", "installs": 310, "epcl_report": 22,
        "rationale": "As 002255 but ESME firmware 1.09 (firmware may differ).",
    },
}
PROMPTS = {
    "entry_id": "Up to 6 digits, e.g. 002255. The cell is text, so leading zeros stay.",
    "parent_id": "The EPCL ID of the tested entry this one is equivalent to, e.g. 002255.",
    "upgrade_to": "The EPCL ID of the entry whose firmware this one will be upgraded to.",
    "installs": "A whole number, 0 or more.",
    "devices": "A whole number, or blank to count installations x devices present.",
    "epcl_report": "The EPCL report number, e.g. 22.",
}


def write_template(out_dir: Path, force: bool = False) -> list[Path]:
    """Blank Status List and Excluded workbooks: Cover (cohort), the list, Notes.
    A folder holding anything else, or a template filled in since se-graph
    wrote it, is refused unless ``force``: an analyst's work is never replaced."""
    out_dir = Path(out_dir)
    check_folder(out_dir, force)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in (Kind.STATUS_LIST, Kind.EXCLUDED):
        path = out_dir / f"template-{slug(TITLES[kind])}.xlsx"
        _write(partial(path), kind)
        os.replace(partial(path), path)  # whole files only
        paths.append(path)
    record(paths)
    return paths


def _write(path: Path, kind: Kind) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"title": f"SMETS1 {TITLES[kind]} template", "created": PUBLISHED})
    styles = {
        "title": book.add_format({"bold": True, "font_size": 14}),
        "bold": book.add_format({"bold": True}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "label": book.add_format({"bold": True, "text_wrap": True, "valign": "top"}),
        "input": book.add_format({"num_format": "@", "bg_color": "#FFF2CC", "border": 1}),
        "header": book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7",
                                   "border": 1}),
        "text": book.add_format({"num_format": "@"}),
        "count": book.add_format({"num_format": "#,##0"}),
        "example": book.add_format({"italic": True, "font_color": "#7F7F7F", "num_format": "@"}),
        "example_count": book.add_format({"italic": True, "font_color": "#7F7F7F", "num_format": "#,##0"}),
    }
    _cover(book.add_worksheet("Cover"), kind, styles)
    _data(book.add_worksheet(SHEETS[kind]), kind, styles)
    _notes(book.add_worksheet("Notes"), kind, styles)
    book.close()


def _cover(ws, kind: Kind, s: dict) -> None:
    ws.set_column(0, 0, 14)
    ws.set_column(1, 1, 30)
    ws.set_column(2, 2, 70)
    ws.write_string(0, 0, f"SMETS1 {TITLES[kind]}", s["title"])
    ws.write_string(1, 0, "Type the cohort below, then the entries on the next sheet from row 6 "
                    "(row 5 is an example and is never read). Notes says what goes in each column.")
    # The reader takes the value right of the label; the two cells under the
    # label stay empty so a blank cohort is never read from them.
    ws.write_string(3, 0, "Cohort", s["bold"])
    ws.write_blank(3, 1, None, s["input"])
    ws.data_validation(3, 1, 3, 1, {
        "validate": "list", "source": KNOWN_COHORTS, "error_type": "information",
        "input_title": "Cohort", "input_message": "The SMSO cohort of every entry in this workbook "
        "(pick one or type another name).",
    })
    ws.write_string(4, 1, "The SMSO cohort of every entry in this workbook, e.g. MOC Secure or FOC. "
                    "A Cohort column in the list, where filled in, wins over it.")
    for r, label in ((7, "Version"), (8, "Published"), (9, "Prepared by")):
        ws.write_string(r, 0, label, s["bold"])
        ws.write_blank(r, 1, None, s["input"])
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.activate()


def _data(ws, kind: Kind, s: dict) -> None:
    columns = COLUMNS[kind]
    ws.write_string(0, 0, f"SMETS1 {TITLES[kind]}", s["title"])
    ws.write_string(1, 0, "The cohort, version and date go on the Cover sheet. Row 5 is an example "
                    "(never read): type over it or leave it.")
    first = HEADER_ROW + 2  # zero-based row 5: the first row for real entries (Excel row 6)
    for c, name in enumerate(columns):
        numeric = name in COUNTS
        width = 12 if numeric else 40 if name == "rationale" else 16
        ws.set_column(c, c, width, s["count"] if numeric else s["text"])
        ws.write_string(HEADER_ROW, c, FIELD_HEADERS[name], s["header"])
        value = EXAMPLES[kind].get(name)
        if isinstance(value, int):
            ws.write_number(HEADER_ROW + 1, c, value, s["example_count"])
        elif value is not None:
            ws.write_string(HEADER_ROW + 1, c, value, s["example"])
        else:
            ws.write_blank(HEADER_ROW + 1, c, None, s["example"])
        rule = _validation(name)
        if rule:
            ws.data_validation(first, c, LAST_ROW, c, rule)
    ws.set_row(HEADER_ROW, 45)
    ws.freeze_panes(HEADER_ROW + 1, 1)  # the header and the EPCL ID stay in view
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.repeat_rows(HEADER_ROW)
    ws.fit_to_pages(1, 0)


def _validation(name: str) -> dict | None:
    header = FIELD_HEADERS[name]
    if name in CHOICES:
        return {"validate": "list", "source": CHOICES[name], "input_title": header,
                "input_message": "Pick from the list.", "error_title": header,
                "error_message": "Pick one of: " + ", ".join(CHOICES[name]) + "."}
    if name in IDS:
        return {"validate": "length", "criteria": "between", "minimum": 1, "maximum": 6,
                "input_title": header, "input_message": PROMPTS[name], "error_title": header,
                "error_message": "An EPCL ID has at most 6 digits, e.g. 002255."}
    if name in COUNTS:
        return {"validate": "integer", "criteria": ">=", "value": 0, "input_title": header,
                "input_message": PROMPTS[name], "error_title": header,
                "error_message": "A whole number, 0 or more."}
    return None


NOTE_WIDTHS = (28, 72)  # the two columns, in characters: together one portrait A4 page wide


def _note_row(ws, r: int, label: str, text: str, s: dict) -> None:
    # A spreadsheet does not grow a row to fit wrapped text it did not type
    # itself, so each row is made as tall as its lines: printed, no text runs
    # into the row below.
    import textwrap

    lines = max(len(textwrap.wrap(label, NOTE_WIDTHS[0] - 4)), len(textwrap.wrap(text, NOTE_WIDTHS[1] - 8)), 1)
    ws.set_row(r, 15 * lines + 3)
    ws.write_string(r, 0, label, s["label"])
    ws.write_string(r, 1, text, s["wrap"])


def _notes(ws, kind: Kind, s: dict) -> None:
    ws.set_column(0, 0, NOTE_WIDTHS[0])
    ws.set_column(1, 1, NOTE_WIDTHS[1])
    ws.write_string(0, 0, "Column", s["label"])
    ws.write_string(0, 1, "What to write", s["label"])
    r = 0
    for r, name in enumerate(COLUMNS[kind], start=1):
        role, _, field = name.rpartition(".")
        _note_row(ws, r, FIELD_HEADERS[name], NOTES[field].replace("{ROLE}", role), s)
    # labels that are not "Cohort": the reader looks for that word on every sheet
    _note_row(ws, r + 2, "The cohort", "Goes once on the Cover sheet, beside its label; a Cohort column, "
              "if you add one, wins for the rows that fill it in.", s)
    _note_row(ws, r + 3, "Row 5, the example", "Its EPCL ID begins 'e.g.', so se-graph never reads it as an "
              "entry; type over it or leave it.", s)
    ws.set_portrait()
    ws.set_paper(9)  # A4
    ws.repeat_rows(0)
    ws.fit_to_pages(1, 0)  # one page wide, as many long as it takes
