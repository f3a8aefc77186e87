"""The `se-graph graph` command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from se_graph.cli.common import CohortOpt, ConfigOpt, DebugOpt, EpclOpt, Files, emit, fail, guarded


def register(app: typer.Typer) -> None:
    @app.command()
    def graph(
        files: Files,
        output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
        focus: Annotated[Optional[str], typer.Option("--focus", help="Only this entry, what it relies on and what relies on it.")] = None,
        depth: Annotated[Optional[int], typer.Option("--depth", min=0, help="With --focus: at most N hops each way.")] = None,
        errors_only: Annotated[bool, typer.Option("--errors-only", help="Only entries with errors (and what they rely on).")] = False,
        cohort: CohortOpt = None,
        limit: Annotated[int, typer.Option("--limit", min=1, help="Refuse to draw more entries than this on one page.")] = 20_000,
        config: ConfigOpt = None,
        epcl: EpclOpt = None,
        debug: DebugOpt = False,
    ) -> None:
        """Write the interactive graph: one offline HTML file (no network needed).

        --cohort here both names the cohort of tables without one and shows only that
        cohort. Exit 0: written and no errors; 1: written, the data has errors; 2:
        unusable input, unknown --focus id or a graph too large for one page.
        """

        def body() -> int:
            from se_graph.cli.app import _analyse
            from se_graph.report.html_graph import GraphTooLarge, UnknownFocus, render_graph_html

            analysis = _analyse(files, config, cohort, epcl, None)
            wanted = focus.strip().zfill(6) if focus and focus.strip().isdigit() else focus
            try:
                page = render_graph_html(analysis, focus=wanted, depth=depth, errors_only=errors_only,
                                         cohort=cohort, limit=limit)
            except (GraphTooLarge, UnknownFocus) as exc:
                fail(str(exc), 2)
            emit(page, output)
            typer.echo(f"Wrote {output}: open it in a browser (it works offline).")
            return 0 if analysis.valid() else 1

        guarded(debug, body)
