"""The `se-graph audit` command."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from se_graph.cli.common import CohortOpt, ConfigOpt, DebugOpt, EpclOpt, Files, ReportOpt, guarded


def register(app: typer.Typer) -> None:
    @app.command()
    def audit(
        files: Files,
        output: Annotated[Path, typer.Option("--output", "-o", help="The folder to write the audit into.")],
        report: ReportOpt = None,
        config: ConfigOpt = None,
        cohort: CohortOpt = None,
        epcl: EpclOpt = None,
        debug: DebugOpt = False,
    ) -> None:
        """Write the pre-submission audit: section 1 tables, Annex A, findings,
        annotated workbooks, the graph and an index.html that links them.

        Exit 0: written and no errors; 1: written, the data has errors; 2: unusable input.
        """

        def body() -> int:
            from se_graph.cli.app import _analyse
            from se_graph.ingest.raw import raw_sheets
            from se_graph.report import write_atomic
            from se_graph.report.audit import build_audit
            from se_graph.report.text import render_text

            analysis = _analyse(files, config, cohort, epcl, report)
            inputs = dict.fromkeys(t.source.path for t in analysis.tables)
            raw = {path: raw_sheets(path, analysis.config.limits) for path in inputs}
            written = build_audit(analysis, raw, report=report)
            output.mkdir(parents=True, exist_ok=True)
            for name, content in written.items():
                write_atomic(output / name, content)
            color = sys.stdout.isatty()
            sys.stdout.write(render_text(analysis, color=color))
            typer.echo(f"Wrote {len(written)} files to {output}/ (open {output / 'index.html'}).")
            return 0 if analysis.valid() else 1

        guarded(debug, body)
