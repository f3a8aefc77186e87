"""The commands that read workbooks and print: validate, trace, rules, sample, template."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from se_graph.report import RENDERERS

from se_graph.cli.common import (
    CohortOpt,
    ConfigOpt,
    DebugOpt,
    EpclOpt,
    Files,
    ForceOpt,
    ReportOpt,
    claim,
    emit,
    fail,
    guarded,
    load,
    progress,
    width,
)
from se_graph.cli.common import color as use_color


# --format offers every renderer registered in se_graph.report (a new format is
# a renderer and its registration there, nothing here)
Format = Enum("Format", {name: name for name in RENDERERS}, type=str)


def validate(
    files: Files,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Text: only errors and the verdict.")] = False,
    config: ConfigOpt = None,
    cohort: CohortOpt = None,
    epcl: EpclOpt = None,
    report: ReportOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Check that every Group 2 entry traces to a tested Group 1 entry.

    Exit 0: no errors; 1: errors (or warnings with --strict); 2: unusable input or
    bad option; 3: internal error.
    """

    def body() -> int:
        from se_graph.report import RENDERERS
        from se_graph.report.text import render_text, verdict

        claim(output, force)  # before any work
        assessment = load(files, config, cohort, epcl, report)
        if format is Format.text:
            content = render_text(assessment, strict, color=output is None and use_color(), quiet=quiet,
                                  width=width() if output is None else 140)
        else:
            content = RENDERERS[format.value](assessment, strict)
        emit(content, output, force)
        if output is not None:  # the report went to a file: the verdict still reaches the user
            typer.echo(f"{verdict(assessment, strict)} Report written to {output}.", err=True)
        return 0 if assessment.valid(strict) else 1

    guarded(debug, body)


def trace(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="EPCL entry id, e.g. 002255.")],
    files: Files,
    config: ConfigOpt = None,
    cohort: CohortOpt = None,
    epcl: EpclOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show the chain one entry stands on: each hop, its differences and evidence,
    the entry's findings and whether it qualifies.

    Exit 0: it qualifies (it traces and has no error); 1: it does not; 2: unusable
    input or an unknown id.
    """

    def body() -> int:
        from se_graph.model import padded_id
        from se_graph.report.trace import render_trace

        wanted = padded_id(entry_id.strip()) if entry_id.strip().isdigit() else entry_id.strip()
        assessment = load(files, config, cohort, epcl, None)
        if wanted not in assessment:
            fail(f"entry {wanted} is in none of the inputs.", 2)
        ok, text = render_trace(assessment, wanted, width())
        emit(text, None)
        return 0 if ok else 1

    guarded(debug, body)


def rules(
    format: Annotated[str, typer.Option("--format", "-f", metavar="text|markdown", help="Output format.")] = "text",
) -> None:
    """List every rule: code, default severity, name and what it checks."""
    from se_graph.report.rules_doc import render_rules_markdown, render_rules_text

    if format not in ("text", "markdown"):
        fail(f"--format must be text or markdown, not '{format}'.", 2)
    emit(render_rules_markdown() if format == "markdown" else render_rules_text(width()), None)


def sample(
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FOLDER", help="Folder to write the workbooks into.")],
    entries: Annotated[int, typer.Option("--entries", min=10, max=1_000_000, help="About how many entry rows in all.")] = 300,
    cohorts: Annotated[Optional[list[str]], typer.Option("--cohorts", metavar="NAME", help="Cohort names (repeat the option).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: same seed, same bytes.")] = 22,
    defects: Annotated[bool, typer.Option("--defects", help="Inject one of each defect and write defects.json.")] = False,
    report: Annotated[int, typer.Option("--report", help="EPCL report number of the requested entries.")] = 22,
    next_: Annotated[Optional[Path], typer.Option("--next", metavar="FOLDER", help="Also write the set's next publication (a test completed, one failed, new SE children, firmware moved on, an entry withdrawn) into this folder, with changes.json.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Write into the folders even where they hold files se-graph did not write, or that were changed since.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Write realistic synthetic DMCT Status List and Excluded workbooks (seeded, deterministic).

    A folder holding files se-graph did not write, or changed since, is refused
    (exit 2) unless --force.
    """

    def body() -> int:
        from se_graph.model.outputs import check_folder, record
        from se_graph.sample import write_sample

        names = tuple(cohorts) if cohorts else ("MOC Secure", "FOC")
        check_folder(output, force)
        if next_ is not None:
            check_folder(next_, force)
        with progress("Writing sample workbooks..."):
            paths = write_sample(output, entries=entries, cohorts=names, seed=seed, defects=defects, report=report,
                                 force=force)
            if next_ is not None:
                from se_graph.sample.next import write_next

                written = write_next(next_, entries=entries, cohorts=names, seed=seed, defects=defects, report=report)
                record(written)
                paths += written
        for path in paths:
            typer.echo(str(path))
        return 0

    guarded(debug, body)


def template(
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FOLDER", help="Folder to write the templates into.")],
    force: Annotated[bool, typer.Option("--force", help="Write into the folder even where it holds files se-graph did not write, or a template filled in since.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Write blank Status List and Excluded workbooks to fill in: a Cover sheet with
    the Cohort cell, id and version columns formatted as text, drop-downs for the
    fixed words, an example row (never read) and notes on every column.

    A folder holding files se-graph did not write, or a template filled in since,
    is refused (exit 2) unless --force: a filled-in template is never replaced.
    """

    def body() -> int:
        from se_graph.sample import write_template

        for path in write_template(output, force=force):
            typer.echo(str(path))
        return 0

    guarded(debug, body)
