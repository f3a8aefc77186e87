"""Fill in a template in LibreOffice Calc as a user types, and save the copies.

Run with a Python that has LibreOffice's ``uno`` module (Debian: python3-uno),
not the test venv's: ``python3 lo_fill.py JOB.json``. The job names soffice, a
profile folder, the template, the cohort, the rows (each cell as typed text) and
the files to save.

Typing into a cell parses the text unless LibreOffice holds the cell's number
format to be Text: then it is kept as typed (``002255`` stays text, where a
General cell makes ``200001`` a number and ``1.10`` 1.1). The API's
``setFormula`` parses whatever the format, and the keyboard's own command
(the dispatcher's EnterString) crashes a headless LibreOffice 7.4 from a timer
now and then; so each cell is entered as typing enters it: ``setString`` where
LibreOffice reports the cell's format as Text, ``setFormula`` elsewhere. With
``"general": true`` the list's cells are set to General first (the old
template), so a test can show the difference.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue

FILTERS = {".xlsx": "Calc MS Excel 2007 XML", ".ods": "calc8"}
TEXT = 256  # com.sun.star.util.NumberFormat.TEXT


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(soffice: str, profile: Path, pipe: str):
    office = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation={profile.as_uri()}", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 90
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if time.monotonic() > deadline or office.poll() is not None:
                office.kill()
                raise SystemExit("LibreOffice did not start")
            time.sleep(0.5)
    return office, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)


def find(sheet, text: str, rows: int = 30, cols: int = 30):
    for r in range(rows):
        for c in range(cols):
            if sheet.getCellByPosition(c, r).getString() == text:
                return r, c
    raise SystemExit(f"no cell reads {text!r} on sheet {sheet.getName()}")


def type_into(doc, cell, text: str) -> None:
    """Enter ``text`` into the cell as typing it would."""
    if doc.getNumberFormats().getByKey(cell.NumberFormat).Type & TEXT:
        cell.setString(text)
    else:
        cell.setFormula(text)


def fill(desktop, job: dict, book: dict) -> None:
    doc = desktop.loadComponentFromURL(Path(book["template"]).as_uri(), "_blank", 0, (prop("Hidden", True),))
    try:
        sheets = doc.getSheets()
        cover = sheets.getByName("Cover")
        r, c = find(cover, "Cohort")
        type_into(doc, cover.getCellByPosition(c + 1, r), job["cohort"])
        data = sheets.getByIndex(1)
        header_row, _ = find(data, "EPCL ID")
        headers = []
        for col in range(60):
            text = data.getCellByPosition(col, header_row).getString()
            if not text:
                break
            headers.append(text)
        if job.get("general"):
            data.getCellRangeByPosition(0, header_row + 1, len(headers) - 1, header_row + 200).NumberFormat = 0
        first = header_row + 2  # under the example row
        for n, row in enumerate(book["rows"]):
            for header, typed in row.items():
                type_into(doc, data.getCellByPosition(headers.index(header), first + n), typed)
        for out in book["save"]:
            doc.storeToURL(Path(out).as_uri(), (prop("FilterName", FILTERS[Path(out).suffix]),))
    finally:
        doc.close(True)


def main() -> None:
    job = json.loads(Path(sys.argv[1]).read_text())
    office, desktop = connect(job["soffice"], Path(job["profile"]), job["pipe"])
    try:
        for book in job["books"]:
            fill(desktop, job, book)
    finally:
        try:
            desktop.terminate()
        except Exception:  # the bridge closes as LibreOffice exits
            pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
