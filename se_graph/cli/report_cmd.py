"""The `se-graph report` command: the Word draft of the DMCT EPCL Report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from se_graph.cli.common import (
    CohortOpt, ConfigOpt, DebugOpt, EpclOpt, Files, ForceOpt, ReportOpt, claim, collector_paused, fail, guarded, load,
    progress,
)
from se_graph.model.phrases import plural

DateOpt = Optional[str]


def _date(option: str, text: str | None):
    from se_graph.report.draft.dates import parse_date

    if text is None:
        return None
    day = parse_date(text)
    if day is None:
        fail(f"{option} '{text}' is not a date (write 3 December 2021, 03.12.21 or 2021-12-03).", 2)
    return day


def dates(report_date, drafts_provided, lists_published, suppliers_notified) -> dict:
    """The Clause 20 dates given as options (None where not given), checked before
    any workbook is read."""
    return {"report": _date("--date", report_date), "drafts_provided": _date("--drafts-provided", drafts_provided),
            "lists_published": _date("--lists-published", lists_published),
            "suppliers_notified": _date("--suppliers-notified", suppliers_notified)}


DateHelp = "{what} (overrides [report] {key} of --config)."
NumberOpt = Annotated[Optional[int], typer.Option("--number", help="The EPCL report's number (overrides [report] number of --config; default: --report).")]
DateOption = Annotated[DateOpt, typer.Option("--date", help=DateHelp.format(what="The report's date", key="date"))]
DraftsOpt = Annotated[DateOpt, typer.Option("--drafts-provided", help=DateHelp.format(
    what="Clause 20.34: when the draft DMCT Testing Reports were provided", key="drafts_provided"))]
ListsOpt = Annotated[DateOpt, typer.Option("--lists-published", help=DateHelp.format(
    what="Clauses 20.8 and 20.10: when the Status List and Schedule were published", key="lists_published"))]
NotifiedOpt = Annotated[DateOpt, typer.Option("--suppliers-notified", help=DateHelp.format(
    what="When the relevant Suppliers were notified", key="suppliers_notified"))]


def report(
    files: Files,
    output: Annotated[Path, typer.Option("--output", "-o", help="The draft to write (.docx); Annex A's workbook is written beside it.")],
    number: NumberOpt = None,
    template: Annotated[Optional[Path], typer.Option("--template", help="Your own Word template with the same fields (docs/report.md).")] = None,
    date: DateOption = None,
    drafts_provided: DraftsOpt = None,
    lists_published: ListsOpt = None,
    suppliers_notified: NotifiedOpt = None,
    report_number: ReportOpt = None,
    config: ConfigOpt = None,
    cohort: CohortOpt = None,
    epcl: EpclOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Draft the DMCT EPCL Report as a Word file: section 1's text and three
    tables, Annexes A, B and D from the data, placeholders for what only the
    analyst can write, and "EPCL Report N - Annex A - EPCL Entries.xlsx" beside it.

    Exit 0: written and no errors; 1: written, the data has errors; 2: unusable
    input, bad option or a template field the data cannot fill.
    """

    def body() -> int:
        from se_graph.model.config import load_config
        from se_graph.model.outputs import record
        from se_graph.report import write_atomic
        from se_graph.report.draft import Timeline, annex_name, render_draft

        if output.suffix.lower() != ".docx":
            fail(f"{output}: the draft is a Word file: give -o NAME.docx.", 2)
        given = dates(date, drafts_provided, lists_published, suppliers_notified)
        settings = load_config(config).report  # [report] of the config; an option given wins
        timeline = Timeline.of(settings, **given)
        chosen = next((n for n in (number, settings.number, report_number) if n is not None), None)
        annex_path = output.parent / annex_name(chosen)
        claim(output, force)  # a draft the analyst has worked on is theirs
        claim(annex_path, force)
        assessment = load(files, config, cohort, epcl, report_number)
        # As in load: what the draft is made of (Annex A's rows, the figures, the
        # filled XML) lives until it is written and makes no reference cycles worth
        # collecting (at 100k entries the collector would otherwise walk the new
        # rows again and again: about 15% of the drafting).
        with collector_paused(), progress("Drafting the report..."):
            draft, annex = render_draft(assessment, number=chosen, report=report_number, timeline=timeline,
                                        template=template)
        write_atomic(output, draft)
        write_atomic(annex_path, annex)
        record([output, annex_path])
        for problem in timeline.problems():
            typer.echo(f"se-graph: warning: {problem}.", err=True)
        if assessment.not_qualifying:
            bad = plural(len(assessment.not_qualifying), "requested entry does", "requested entries do")
            typer.echo(f"se-graph: warning: {bad} not qualify; "
                       "the draft lists them in Annex A as they stand (se-graph audit says why).", err=True)
        typer.echo(f"Wrote {output} and {annex_path}.")
        return 0 if assessment.valid() else 1

    guarded(debug, body)
