"""The `se-graph check-report` command: a drafted report's claims against the data."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from se_graph.cli.common import CohortOpt, ConfigOpt, DebugOpt, EpclOpt, Files, ReportOpt, emit, guarded, load, progress


class ClaimsFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def check_report(
    draft: Annotated[Path, typer.Argument(help="The drafted report: .docx, .md or .txt.", show_default=False)],
    files: Files,
    format: Annotated[ClaimsFormat, typer.Option("--format", "-f", help="Output format.")] = ClaimsFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    report: ReportOpt = None,
    config: ConfigOpt = None,
    cohort: CohortOpt = None,
    epcl: EpclOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Check every claim of a drafted report that the data can decide: the entry
    count, each cell of the three tables, the group and tested counts, the
    Clause 20.9 entries, "approximately N", Annex A's ids, Annex B's reports and
    the Clause 20 dates in Working Days.  Each claim: where, stated, data, agrees.

    Exit 0: every claim agrees; 1: some disagree; 2: unusable input or bad option.
    """

    def body() -> int:
        from se_graph.report.claims import check_report as check, read_draft, render_claims

        blocks = read_draft(draft)  # an unreadable draft is refused before the workbooks are read
        assessment = load(files, config, cohort, epcl, report)
        with progress("Checking the draft's claims..."):
            claims = check(assessment, draft, blocks)
        emit(render_claims(claims, format.value), output)
        return 1 if any(not c.agrees for c in claims) else 0

    guarded(debug, body)
