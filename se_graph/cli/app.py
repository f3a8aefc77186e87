"""Thin typer commands: parse options, call one library function, render, exit."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="se-graph",
    help="Validate, explore and audit SMETS1 EPCL substantive-equivalence graphs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def main() -> None:
    app()
