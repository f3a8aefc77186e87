"""Annex A: one row per requested entry, with the evidence it rests on, as
Markdown (to read), CSV (machine output) and xlsx (to work in)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from typing import Any

from se_graph.model.fields import BY_NAME, FIELDS
from se_graph.model.phrases import plural
from se_graph.model.vocab import InstallStatus
from se_graph.report.audit import xlsx
from se_graph.report.html_view import BASIS
from se_graph.report.markdown import cell as md



def _qualifies(v) -> str:
    if v.qualifies:
        return "yes"
    first = v.blocking[0] if v.blocking else None
    return f"NO: [{first.code}] {first.message}" if first else "NO: in neither group"


def _devices(e) -> str:
    return "; ".join(d.label() for d in e.devices)  # role: manufacturer model HW .. FW ..


def _plain(value):
    """A field's value as an Annex cell: text, a whole number, or None for blank."""
    if value is None or isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return "Y" if value else "N"
    return str(value)


# Annex A's columns (spec section 5): the fields the field table shows in Annex A,
# headed as it says, each reading the entry's value unless the verdict says it (the
# counts as counted, the parent as traced), and Annex A's own columns.  A field the
# layout does not place goes before "Root".
Getter = Callable[[Any, Any, Any], Any]  # (verdict, entry, graph) -> the cell's value
_HEADINGS = {f.name: f.annex for f in FIELDS if f.annex}
_OWN: dict[str, Getter] = {
    "Group": lambda v, e, g: int(v.group) if v.group else None,
    "Basis": lambda v, e, g: BASIS[str(v.basis)] if v.basis else "none",
    "Qualifies": lambda v, e, g: _qualifies(v),
    "Devices": lambda v, e, g: _devices(e),
    "Device count derived": lambda v, e, g: "yes" if v.devices_derived else "no",
    "Root": lambda v, e, g: v.root or None,
    "Evidence": lambda v, e, g: v.evidence,
}
_VERDICT_VALUE: dict[str, Getter] = {
    "entry_id": lambda v, e, g: v.entry_id,
    "cohort": lambda v, e, g: v.cohort,
    "install_status": lambda v, e, g: InstallStatus(v.install_status).label if v.install_status else "",
    "installs": lambda v, e, g: v.installs,
    "device_count": lambda v, e, g: v.devices,
    "parent_id": lambda v, e, g: g.parent.get(v.entry_id) or None,
}
_PLACED = ("entry_id", "cohort", "install_status", "Group", "Basis", "Qualifies", "Devices", "installs",
           "device_count", "Device count derived", "parent_id", "Root", "Evidence")


def _layout() -> list[tuple[str, Getter]]:
    placed = [name for name in _PLACED if name in _OWN or BY_NAME[name].annex]
    root = placed.index("Root")
    placed[root:root] = [f.name for f in FIELDS if f.annex and f.name not in placed]
    return [(name, _OWN[name]) if name in _OWN else (_HEADINGS[name], _field_value(name)) for name in placed]


def _field_value(name: str) -> Getter:
    return _VERDICT_VALUE.get(name) or (lambda v, e, g: _plain(getattr(e, name)))


_LAYOUT = _layout()
COLUMNS = [heading for heading, _ in _LAYOUT]
_GETTERS = [get for _, get in _LAYOUT]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBERS = {"Group", *(f.annex for f in FIELDS if f.annex and f.parser == "count")}
WRAPPED = {"Qualifies", "Devices", "Evidence"}
_COUNT = COLUMNS.index(_HEADINGS["device_count"])
_DERIVED = COLUMNS.index("Device count derived")


_LAST: list = [None, None]  # the last assessment and its rows: four renderers read them


def rows(assessment) -> list[list]:
    """Typed rows: ids and text as str, counts as int, blanks as None (do not modify)."""
    if _LAST[0] is not assessment:
        _LAST[:] = [assessment, _rows(assessment)]
    return _LAST[1]


def _rows(assessment) -> list[list]:
    g = assessment.graph
    out = []
    for v in assessment.requested:
        e = g.entries[v.entry_id]
        out.append([get(v, e, g) for get in _GETTERS])
    return out


def safe(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def render_annex_csv(assessment) -> str:
    """Machine output: one header row, a blank for no value, numbers as digits."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(assessment):
        writer.writerow(["" if c is None else safe(c) if isinstance(c, str) else c for c in row])
    return buffer.getvalue()


def title(report: int | None) -> str:
    return (f"Annex A - EPCL entries requested in EPCL Report {report}" if report else
            "Annex A - EPCL entries requested for the Eligible Product Combination List")


# one sentence a line: the workbook gives each its own row, so no note runs far
# past the table (LibreOffice would print every column it covers)
NOTES = (
    "Basis: tested (the entry's own DMCT Test Completion Report), on the EPCL (approved in an earlier report), "
    "Clause 20.9 (covered by the Dormant entry of the same DMC, with its own SIT report; not itself tested) or "
    "substantive equivalence (Group 2).",
    "Root: the Group 1 entry the entry's trace ends at (the entry itself in Group 1).",
    "Evidence: a tested entry's own DMCT report; for a Clause 20.9 entry, the Dormant entry's DMCT report and "
    "its SIT Test Completion Report; for a Group 2 entry, the evidence of its root.",
)
NOTE = " ".join(NOTES)


_MD_SPECIAL = re.compile(r"[\\|`<>*_\[\]\s]")


def _md(text: str) -> str:
    """markdown.cell, skipped for the common text that has nothing to escape."""
    return md(text) if _MD_SPECIAL.search(text.replace(" ", "")) or text != text.strip() or "  " in text else text


def _md_row(row: list) -> list[str]:
    cells = ["-" if c is None else f"{c:,}" if isinstance(c, int) else c for c in row]
    derived = cells.pop(_DERIVED)
    if derived == "yes":
        cells[_COUNT] += " (derived)"
    return cells


def render_annex_md(assessment, report: int | None = None) -> str:
    columns = [c for c in COLUMNS if c != "Device count derived"]
    lines = [f"# {title(report)}", "", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_md(c) for c in _md_row(row)) + " |" for row in rows(assessment)]
    lines += ["", NOTE]
    return "\n".join(lines) + "\n"


def render_annex_xlsx(assessment, report: int | None = None) -> bytes:
    """Annex A as a workbook: the title, the header frozen with filters, ids as text,
    counts as numbers, the entries that do not qualify filled red; A4 landscape."""
    d = COLUMNS.index("Devices")
    data = []
    for row in rows(assessment):
        row = list(row)
        row[d] = row[d].replace("; ", "\n")  # one device a line
        data.append(row)
    plain = ["number" if c in NUMBERS else "wrap" if c in WRAPPED else "text" for c in COLUMNS]
    bad = ["bad_number" if c in NUMBERS else "bad_wrap" if c in WRAPPED else "bad" for c in COLUMNS]
    q = COLUMNS.index("Qualifies")
    widths = xlsx.fit_widths(data[:2000], high=50, header=COLUMNS)
    for name, w in (("Qualifies", 30), ("Devices", 48), ("Evidence", 45)):  # a device a line, HW and FW
        widths[COLUMNS.index(name)] = w
    failing = sum(1 for r in data if r[q] != "yes")
    requested = plural(len(data), "requested entry", "requested entries")
    intro = (f"{requested}; {plural(failing, 'does', 'do')} not qualify (filled red)." if failing
             else f"{requested}; every one qualifies.")
    sheet = xlsx.Sheet(
        name="Annex A",
        rows=[[title(report)], [intro], COLUMNS, *data, [], *([n] for n in NOTES)],
        styles=["title", "plain", "header", *(bad if r[q] != "yes" else plain for r in data), "plain",
                *["plain"] * len(NOTES)],
        widths=widths, freeze=(3, 1), autofilter=(3, 3 + len(data)), print_titles=3,
    )
    return xlsx.workbook([sheet])
