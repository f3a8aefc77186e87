"""The se-graph command line (typer): each command is a thin function in its own
module, registered here; ``main`` returns the exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from se_graph.cli import audit_cmd, check_report_cmd, commands, diff_cmd, graph_cmd, report_cmd, whatif_cmd
from se_graph.cli.common import PlainCommand, PlainGroup

app = typer.Typer(
    name="se-graph",
    cls=PlainGroup,
    help="Validate, explore and audit SMETS1 EPCL substantive-equivalence graphs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"se-graph {version('se-graph')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            typer.echo("se-graph (not installed: version unknown)")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Validate, explore and audit SMETS1 EPCL substantive-equivalence graphs."""


for _command in (commands.validate, commands.trace, graph_cmd.graph, audit_cmd.audit, commands.rules,
                 commands.sample, commands.template, diff_cmd.diff, whatif_cmd.impact, whatif_cmd.plan):
    app.command(cls=PlainCommand)(_command)
app.command("report", cls=PlainCommand)(report_cmd.report)
app.command("check-report", cls=PlainCommand)(check_report_cmd.check_report)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code (the library never exits)."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="se-graph")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


def run() -> None:
    """The console entry point (``se-graph``, ``python -m se_graph``)."""
    sys.exit(main())
