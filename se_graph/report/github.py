"""``validate --format github``: one GitHub Actions workflow command per finding
(``::error file=...,title=...::message``), so each shows as an annotation on the
workbook, naming its sheet and cell, and a last line with the verdict."""

from __future__ import annotations

from se_graph.model import Finding, Severity
from se_graph.model.phrases import plural

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    # the workflow-command escapes: a message may hold a percent sign or a newline
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def column_letters(index: int) -> str:
    """1 -> A, 27 -> AA, as Excel names its columns."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(finding: Finding, columns: dict[tuple[str, str | None, str], int]) -> str | None:
    loc = finding.location
    if loc.row is None:
        return None
    index = columns.get((loc.path, loc.sheet, loc.column or ""))
    return f"{column_letters(index)}{loc.row}" if index else None


def render_github(assessment, strict: bool = False) -> str:
    columns = {(t.source.path, t.source.sheet, header): index
               for t in assessment.tables for _, header, index in t.source.columns}
    lines = []
    for f in assessment.findings:
        loc = f.location
        cell = _cell(f, columns)
        where = [f"sheet '{loc.sheet}'"] if loc.sheet else []
        if cell:
            where.append(f"cell {cell}")
        elif loc.row is not None:
            where.append(f"row {loc.row}")
        if loc.column:
            where.append(f"column '{loc.column}'")
        title = f"{f.code}" + (f" {f.entry}" if f.entry else "")
        props = [f"file={_property(loc.path)}", f"title={_property(title)}"]
        message = f"{f.message} ({', '.join(where)})" if where else f.message
        lines.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_data(message)}")
    errors, warnings = assessment.errors, assessment.warnings
    verdict = "valid" if assessment.valid(strict) else "not valid"
    lines.append(f"se-graph: {verdict}: {plural(errors, 'error')}, {plural(warnings, 'warning')}.")
    return "\n".join(lines) + "\n"
