"""The `se-graph diff` command: what changed between two publications."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from se_graph.cli.common import CohortOpt, ConfigOpt, DebugOpt, EpclOpt, ForceOpt, claim, emit, fail, guarded, progress, width


class DiffFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"
    html = "html"


Old = Annotated[Path, typer.Argument(metavar="OLD", help="The older publication: a folder of workbooks or a "
                                     "single workbook.", show_default=False)]
New = Annotated[Path, typer.Argument(metavar="NEW", help="The newer publication: a folder of workbooks or a "
                                     "single workbook.", show_default=False)]


def diff(
    old: Old,
    new: New,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout.")] = None,
    config: ConfigOpt = None,
    cohort: CohortOpt = None,
    epcl: EpclOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
) -> None:
    """What changed from an older publication (OLD) to a newer one (NEW): entries
    added and removed, fields old -> new, group changes, entries that lost or
    gained their eligibility and why, findings new and fixed, installations and
    devices gained and lost.  --config, --cohort and --epcl apply to both sides.

    Exit 0: no entry lost its eligibility; 1: some did; 2: unusable input or bad
    option; 3: internal error.
    """

    def body() -> int:
        from se_graph.assessment import assess
        from se_graph.assessment.diff import compare
        from se_graph.model.config import load_config

        if format is DiffFormat.xlsx and output is None:
            fail("--format xlsx writes a workbook: give -o FILE.xlsx.", 2)
        claim(output, force)  # before any work
        settings = load_config(config)
        with progress("Reading and checking the older set..."):
            before = assess([old], settings, cohort=cohort, epcl=epcl or ())
        with progress("Reading and checking the newer set..."):
            after = assess([new], settings, cohort=cohort, epcl=epcl or ())
        with progress("Comparing..."):
            found = compare(before, after)
        emit(render(found, format.value, width() if output is None else 140), output, force)
        if output is not None:  # the diff went to a file: what it found still reaches the user
            from se_graph.report.diff_text import found_in_words

            typer.echo(f"diff: {found_in_words(found)}; see {output}.", err=True)
        elif format is not DiffFormat.text:
            from se_graph.report.diff_text import headline

            typer.echo(headline(found), err=True)
        return 0 if found.ok else 1

    guarded(debug, body)


def render(found, format: str, columns: int = 140) -> str | bytes:
    if format == "json":
        from se_graph.report.diff_json import render_diff_json

        return render_diff_json(found)
    if format == "markdown":
        from se_graph.report.diff_markdown import render_diff_markdown

        return render_diff_markdown(found)
    if format == "xlsx":
        from se_graph.report.diff_xlsx import render_diff_xlsx

        return render_diff_xlsx(found)
    if format == "html":
        from se_graph.report.diff_html import render_diff_html

        return render_diff_html(found)
    from se_graph.report.diff_text import render_diff_text

    return render_diff_text(found, columns)


__all__ = ["diff"]
