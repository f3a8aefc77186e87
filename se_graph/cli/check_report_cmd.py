"""The `se-graph check-report` command: a drafted report's claims against the data."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from se_graph.cli.common import CohortOpt, ConfigOpt, DebugOpt, EpclOpt, Files, ReportOpt, emit, guarded, load, progress
from se_graph.cli.report_cmd import DateOption, DraftsOpt, ListsOpt, NotifiedOpt, dates


class ClaimsFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def check_report(
    draft: Annotated[Path, typer.Argument(help="The drafted report: .docx, .md or .txt.", show_default=False)],
    files: Files,
    format: Annotated[ClaimsFormat, typer.Option("--format", "-f", help="Output format.")] = ClaimsFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    date: DateOption = None,
    drafts_provided: DraftsOpt = None,
    lists_published: ListsOpt = None,
    suppliers_notified: NotifiedOpt = None,
    report: ReportOpt = None,
    config: ConfigOpt = None,
    cohort: CohortOpt = None,
    epcl: EpclOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Check every claim of a drafted report that the data can decide: the entry
    count, each cell of the three tables, the group and tested counts, the
    Clause 20.9 entries, "approximately N", Annex A's ids, Annex B's reports and
    the Clause 20 dates in Working Days, from the dates of [report] in --config
    (or the options), else those the draft states.  Each claim: where, stated,
    data, agrees.

    Exit 0: every claim agrees; 1: some disagree; 2: unusable input or bad option.
    """

    def body() -> int:
        from se_graph.model.config import load_config
        from se_graph.report.claims import check_report as check, read_draft, render_claims
        from se_graph.report.draft import Timeline

        # a bad date, config or draft is refused before the workbooks are read
        given = Timeline.of(load_config(config).report, **dates(date, drafts_provided, lists_published,
                                                                 suppliers_notified))
        blocks = read_draft(draft)
        assessment = load(files, config, cohort, epcl, report)
        with progress("Checking the draft's claims..."):
            claims = check(assessment, draft, blocks, given)
        emit(render_claims(claims, format.value), output)
        return 1 if any(not c.agrees for c in claims) else 0

    guarded(debug, body)
