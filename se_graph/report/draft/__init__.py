"""The Word draft of a DMCT EPCL Report, from the assessment.

``render_draft`` returns {file name: bytes}: the draft and, beside it, the
Annex A workbook the report names.  Every figure comes from the assessment
(``facts``); the template only places them.  The template is filled by docxtpl
with autoescaping on (workbook text never becomes Word markup) and strict
fields: a field the data cannot fill is refused, naming it.
"""

from __future__ import annotations

import io
from datetime import datetime
from importlib import resources
from pathlib import Path

from se_graph.model import InputError
from se_graph.report.audit.annex import COLUMNS, render_annex_xlsx, rows
from se_graph.report.draft.dates import Timeline
from se_graph.report.draft.facts import context, facts
from se_graph.report.draft.fixed import fix_properties, fixed_docx

__all__ = ["Timeline", "annex_name", "default_template", "render_draft"]


def default_template() -> bytes:
    return resources.files("se_graph.report.draft").joinpath("template.docx").read_bytes()


def annex_name(number: int | None) -> str:
    return f"EPCL Report {number if number is not None else 'N'} - Annex A - EPCL Entries.xlsx"


def render_draft(assessment, *, number: int | None = None, report: int | None = None,
                 timeline: Timeline | None = None, template: str | Path | None = None) -> tuple[bytes, bytes]:
    """The draft (.docx bytes) and its Annex A workbook (.xlsx bytes)."""
    timeline = timeline or Timeline()
    number = number if number is not None else report
    fields = context(facts(assessment), rows(assessment), COLUMNS, number=number, timeline=timeline)
    draft = fill(template, fields, datetime(*timeline.report.timetuple()[:3]) if timeline.report else None)
    return draft, render_annex_xlsx(assessment, report)


def fill(template: str | Path | None, fields: dict, when: datetime | None) -> bytes:
    import jinja2
    from docxtpl import DocxTemplate

    name = str(template) if template is not None else "the default template"
    try:
        source = Path(template).read_bytes() if template is not None else default_template()
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc}).") from None
    try:
        tpl = DocxTemplate(io.BytesIO(source))
        tpl.init_docx()
    except Exception as exc:  # not a Word file: python-docx says why in its own words
        raise InputError(f"{name}: is not a Word (.docx) file ({type(exc).__name__}: {exc}).") from None
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    try:
        tpl.render(fields, jinja_env=env, autoescape=True)
    except jinja2.UndefinedError as exc:
        raise InputError(f"{name}: a template field the data cannot fill ({exc}); the fields are those of "
                         f"docs/report.md, e.g. {{{{ requested }}}} or {{{{ overall.totals.installs }}}}.") from None
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(f"{name}: a template field is not well formed (line {exc.lineno}: {exc.message}).") from None
    fix_properties(tpl.docx, when)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return fixed_docx(buffer.getvalue())
