"""The `se-graph diff` command: what changed between two publications."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from se_graph.cli.common import CohortOpt, ConfigOpt, DebugOpt, EpclOpt, emit, fail, guarded, progress


class DiffFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"
    html = "html"


Side = Annotated[Path, typer.Argument(help="A folder of workbooks or a single workbook.", show_default=False)]


def diff(
    old: Side,
    new: Side,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    config: ConfigOpt = None,
    cohort: CohortOpt = None,
    epcl: EpclOpt = None,
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
        settings = load_config(config)
        with progress("Reading and checking the older set..."):
            before = assess([old], settings, cohort=cohort, epcl=epcl or ())
        with progress("Reading and checking the newer set..."):
            after = assess([new], settings, cohort=cohort, epcl=epcl or ())
        with progress("Comparing..."):
            found = compare(before, after)
        emit(render(found, format.value), output)
        if output is not None or format is not DiffFormat.text:
            from se_graph.report.diff_text import headline

            typer.echo(headline(found) + (f" Wrote {output}." if output is not None else ""), err=True)
        return 0 if found.ok else 1

    guarded(debug, body)


def render(found, format: str) -> str | bytes:
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

    return render_diff_text(found)


__all__ = ["diff"]
