"""The `se-graph audit` command."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from se_graph.cli.common import CohortOpt, ConfigOpt, DebugOpt, EpclOpt, Files, ReportOpt, color, guarded, load, progress, width
from se_graph.model.phrases import plural


def audit(
    files: Files,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FOLDER", help="The folder to write the audit into (written whole).")],
    report: ReportOpt = None,
    config: ConfigOpt = None,
    cohort: CohortOpt = None,
    epcl: EpclOpt = None,
    previous: Annotated[Optional[list[Path]], typer.Option("--previous", metavar="FOLDER", help="The previous publication (a folder or workbooks): the audit adds diff.html, what changed since.")] = None,
    debug: DebugOpt = False,
) -> None:
    """Write the pre-submission audit: section 1 tables, Annex A, findings,
    annotated workbooks, the graph and an index.html that links them.

    The folder is written whole: complete, or left as it was. Exit 0: written and
    no errors; 1: written, the data has errors; 2: unusable input or bad option.
    """

    def body() -> int:
        from se_graph.ingest.raw import raw_sheets
        from se_graph.report.audit import build_audit
        from se_graph.report.files import check_folder, write_folder
        from se_graph.report.text import render_text

        check_folder(output)  # refuse a folder that is not an audit before any work
        assessment = load(files, config, cohort, epcl, report)
        # each input's cells, read only when its annotated copy needs them (an
        # .xlsx copy never does): that work is the building's, timed there
        raw = {path: raw_sheets(path, assessment.config.limits)
               for path in dict.fromkeys(t.source.path for t in assessment.tables)}
        diff = None
        if previous:
            from se_graph.assessment.diff import compare

            with progress("Comparing with the previous publication..."):
                diff = compare(load(previous, config, cohort, epcl, None), assessment)
        copies = "its annotated copy" if len(raw) == 1 else f"{len(raw)} annotated copies"
        with progress(f"Building the audit's files and {copies}..."):
            written = build_audit(assessment, raw, report=report, diff=diff)
        with progress(f"Writing {plural(len(written), 'file')} to {output}..."):
            write_folder(output, written)
        sys.stdout.write(render_text(assessment, color=color(), width=width()))
        typer.echo(f"Wrote {plural(len(written), 'file')} to {output}/ (open {output / 'index.html'}).")
        return 0 if assessment.valid() else 1

    guarded(debug, body)
