"""`se-graph impact` and `se-graph plan`: what if a test fails, a stricter
policy, and what to test next."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from se_graph.cli.common import CohortOpt, ConfigOpt, DebugOpt, EpclOpt, ReportOpt, emit, fail, guarded, load

_ID = re.compile(r"\d{1,6}")


class WhatIfFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


FormatOpt = Annotated[WhatIfFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")]


def _split(args: list[str]) -> tuple[list[str], list[Path]]:
    """IDs first, then workbooks or folders: an argument that names no file and
    is one to six digits is an id (zeros restored, as the readers do)."""
    ids: list[str] = []
    files: list[Path] = []
    for arg in args:
        if not files and _ID.fullmatch(arg) and not Path(arg).exists():
            ids.append(arg.zfill(6))
        else:
            files.append(Path(arg))
    return ids, files


def impact(
    args: Annotated[list[str], typer.Argument(metavar="ID... FILE...", show_default=False,
                                              help="EPCL ids to treat as failed, then workbooks or folders.")],
    policy: Annotated[Optional[Path], typer.Option("--policy", help="A config (TOML) whose [policy] to compare "
                                                   "with the current one, instead of failing entries.")] = None,
    format: FormatOpt = WhatIfFormat.text,
    output: OutputOpt = None,
    config: ConfigOpt = None,
    cohort: CohortOpt = None,
    epcl: EpclOpt = None,
    report: ReportOpt = None,
    debug: DebugOpt = False,
) -> None:
    """What if a test fails: treat the named entries as failed (not tested, so no
    longer a root) and list every entry that would no longer qualify, with the
    trace it loses and the installations; totals per cohort and status.  With
    --policy NEW.toml: the entries that stop or start qualifying under that
    equivalence policy, and the rule and difference that decide each.

    Exit 0; 2: an unknown id, unusable input or bad option.
    """

    def body() -> int:
        ids, files = _split(args)
        if not files:
            fail("impact needs the workbooks or folders to read after the ids, e.g. "
                 "`se-graph impact 001003 data/sample`.", 2)
        if policy is not None:
            if ids:
                fail("impact takes either ids to fail or --policy, not both.", 2)
            return _policy(files, policy, format.value, output, config, cohort, epcl, report)
        from se_graph.assessment.impact import impact as find
        from se_graph.report.whatif import render_impact

        assessment = load(files, config, cohort, epcl, report)
        emit(render_impact(find(assessment, ids), format.value), output)
        return 0

    guarded(debug, body)


def _policy(files, policy, fmt, output, config, cohort, epcl, report) -> int:
    """The same workbooks judged under the current policy and under the one in
    ``policy``: read once, checked twice."""
    import dataclasses

    from se_graph.assessment import assess_entries
    from se_graph.assessment.diff import compare
    from se_graph.ingest import read_inputs
    from se_graph.model.config import load_config
    from se_graph.report.whatif_policy import render_policy

    current = load_config(config)
    proposed = dataclasses.replace(current, policy=load_config(policy).policy)
    read = read_inputs(files, current, cohort=cohort, epcl=epcl or ())
    before = assess_entries(read.tables, read.entries, read.findings, current, report)
    after = assess_entries(read.tables, read.entries, read.findings, proposed, report)
    emit(render_policy(compare(before, after), str(policy), fmt), output)
    return 0


def plan(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", show_default=False,
                                                help="Workbooks (.xlsx, .xlsm, .xls, .ods) or folders of them.")],
    tests: Annotated[Optional[int], typer.Option("--tests", "-k", min=1, help="How many DMCs to plan "
                                                 "(default: until no test makes more entries qualify).")] = None,
    format: FormatOpt = WhatIfFormat.text,
    output: OutputOpt = None,
    config: ConfigOpt = None,
    cohort: CohortOpt = None,
    epcl: EpclOpt = None,
    report: ReportOpt = None,
    debug: DebugOpt = False,
) -> None:
    """What to test next: for the requested entries that do not trace to a tested
    entry, the tested entries each could be substantively equivalent to (best
    first), and the DMCs to test, chosen greedily so that the most installations
    would then qualify, with the cumulative installations after each.

    Exit 0; 2: unusable input or bad option.
    """

    def body() -> int:
        from se_graph.assessment.plan import make_plan
        from se_graph.report.whatif import render_plan

        assessment = load(files, config, cohort, epcl, report)
        emit(render_plan(make_plan(assessment, tests), format.value), output)
        return 0

    guarded(debug, body)


__all__ = ["impact", "plan"]
