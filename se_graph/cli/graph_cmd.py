"""The `se-graph graph` command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from se_graph.cli.common import CohortOpt, ConfigOpt, DebugOpt, EpclOpt, Files, ForceOpt, claim, emit, fail, guarded, load


def graph(
    files: Files,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write.")],
    focus: Annotated[Optional[str], typer.Option("--focus", metavar="ID", help="Only this entry, what it relies on and what relies on it.")] = None,
    depth: Annotated[Optional[int], typer.Option("--depth", min=0, help="With --focus: at most N hops each way.")] = None,
    errors_only: Annotated[bool, typer.Option("--errors-only", help="Only entries with errors (and what they rely on).")] = False,
    only_cohort: Annotated[Optional[str], typer.Option("--only-cohort", metavar="NAME", help="Show only the entries of this cohort.")] = None,
    config: ConfigOpt = None,
    cohort: CohortOpt = None,
    epcl: EpclOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Write the interactive graph: one offline HTML file (no network needed).

    Exit 0: written and no errors; 1: written, the data has errors; 2: unusable
    input, an unknown --focus id or --only-cohort name. Any number of entries opens:
    above a few thousand the page starts from one node per family.
    """

    def body() -> int:
        from se_graph.graph import cohort_key
        from se_graph.model import padded_id
        from se_graph.report.html_graph import UnknownFocus, render_graph_html

        claim(output, force)  # before any work
        assessment = load(files, config, cohort, epcl, None)
        if only_cohort is not None:
            present = sorted({v.cohort for v in assessment.verdicts.values()})
            if cohort_key(only_cohort) not in {cohort_key(c) for c in present}:
                fail(f"--only-cohort {only_cohort!r} matches no cohort of the inputs; they have: "
                     f"{', '.join(present) or 'none'}.", 2)
        wanted = padded_id(focus.strip()) if focus and focus.strip().isdigit() else focus
        try:
            page = render_graph_html(assessment, focus=wanted, depth=depth, errors_only=errors_only,
                                     cohort=only_cohort)
        except UnknownFocus as exc:
            fail(str(exc), 2)
        emit(page, output, force)
        typer.echo(f"Wrote {output}: open it in a browser (it works offline).")
        return 0 if assessment.valid() else 1

    guarded(debug, body)
