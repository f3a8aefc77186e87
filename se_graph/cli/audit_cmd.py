"""The `se-graph audit` command."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the command to the app (filled in with the audit feature)."""
