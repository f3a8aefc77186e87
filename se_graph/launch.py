"""The console entry point (``se-graph``, ``python -m se_graph``).

Before the command line (typer) is even imported, it starts opening the
workbooks the command appears to name: typer and what it imports take about
0.2 s to parse the options, time calamine can spend parsing the first
workbooks.  The guess is only a head start: the read adopts it only when it
reads the very same workbooks under the same limits (see
``se_graph.ingest.ahead``), so a wrong guess costs time, never a result.
"""

from __future__ import annotations

import io
import os
import sys

# the commands whose arguments are all workbooks or folders of them, and the
# options of theirs that take a value (a test keeps this in step with the CLI)
EARLY_COMMANDS = frozenset({"validate", "graph", "audit"})
VALUED_OPTIONS = frozenset({"--format", "-f", "--output", "-o", "--config", "--cohort", "--epcl", "--report",
                            "--focus", "--depth", "--only-cohort", "--previous"})


def guess(argv: list[str]) -> tuple[list[str], list[str]] | None:
    """The workbooks (and --epcl workbooks) a command line appears to read, or
    None when it reads none this way (another command, --help, --previous)."""
    if not argv or argv[0] not in EARLY_COMMANDS:
        return None
    files: list[str] = []
    epcl: list[str] = []
    rest = iter(argv[1:])
    for arg in rest:
        if arg == "--":
            files.extend(rest)
            break
        if arg.startswith("-") and arg != "-":
            name, eq, value = arg.partition("=")
            if name in ("--help", "-h", "--previous"):
                return None  # no read, or a second read this start would not match
            if name in VALUED_OPTIONS and not eq:
                value = next(rest, "")
            if name == "--epcl":
                epcl.append(value)
            continue
        files.append(arg)
    return (files, epcl) if files else None


def run() -> None:
    """Run the command named on the command line, then leave at once."""
    # Python's own messages keep to the real standard error: while a native
    # reader runs, file descriptor 2 is sent to a temporary file (so that a
    # Rust panic never reaches the user), and with the early start that can be
    # while typer reports a mistyped option
    try:
        sys.stderr.flush()
        sys.stderr = io.TextIOWrapper(open(os.dup(2), "wb", buffering=0), encoding=sys.stderr.encoding,
                                      errors=sys.stderr.errors, line_buffering=True, write_through=True)
    except (OSError, ValueError, AttributeError):
        pass  # no usable standard error: nothing to keep apart
    wanted = guess(sys.argv[1:])
    if wanted is not None:
        from se_graph.ingest import start_reading

        start_reading(*wanted)
    from se_graph.cli import run as run_cli

    run_cli()
