"""The pre-commit hook (``se-graph-pre-commit FILE...``): pre-commit passes the
workbooks a commit touches; each folder holding one is validated whole, as one
set, because a Status List and its Excluded schedule only make sense together."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from se_graph.cli.app import main as se_graph

WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")


def folders(files: Sequence[str]) -> list[str]:
    """The folders of the workbooks named, each once, in name order; an annotated
    copy the audit wrote is not an input."""
    found = {str(Path(f).parent) for f in files
             if Path(f).suffix.lower() in WORKBOOKS and ".annotated." not in Path(f).name}
    return sorted(found)


def main(argv: Sequence[str] | None = None) -> int:
    """Validate each folder; the worst exit code wins (options before the files,
    such as ``--strict`` or ``--config FILE``, go to every validate)."""
    args = list(sys.argv[1:] if argv is None else argv)
    options: list[str] = []
    while args and args[0].startswith("-") and args[0] != "--":
        options.append(args.pop(0))
        if options[-1] in ("--config", "--cohort", "--epcl", "--report") and args:
            options.append(args.pop(0))
    if args[:1] == ["--"]:
        args.pop(0)
    worst = 0
    for folder in folders(args):
        print(f"se-graph validate {folder}", flush=True)
        worst = max(worst, se_graph(["validate", folder, "--quiet", *options]))
    return worst


def run() -> None:
    sys.exit(main())
