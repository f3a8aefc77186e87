"""Human text output: a rich table of findings and a one-line verdict."""

from __future__ import annotations

import io
import textwrap

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from se_graph.model import Severity
from se_graph.model.phrases import plural
from se_graph.report.colours import TERMINAL as _STYLE


def fold(text: str, width: int) -> str:
    """Each line longer than ``width`` folded at spaces, its continuation
    indented four more than the line (words are never cut)."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        out += textwrap.wrap(line, width, subsequent_indent=indent + "    ", break_long_words=False,
                             break_on_hyphens=False) or [line]
    return "\n".join(out)


def verdict(assessment, strict: bool = False) -> str:
    g1, g2, untraced = assessment.groups
    counts = f"{plural(assessment.errors, 'error')}, {plural(assessment.warnings, 'warning')}"
    groups = f"{plural(len(assessment.verdicts), 'entry', 'entries')}, {g1} in Group 1, {g2} in Group 2"
    if assessment.valid(strict):
        return f"PASS: {groups}; every Group 2 entry traces to a tested entry; {counts}."
    traced = f"{plural(untraced, 'Group 2 entry does', 'Group 2 entries do')} not trace" if untraced else "all Group 2 entries trace"
    return f"FAIL: {groups}; {traced}; {counts}."


def _location(f) -> str:
    loc = f.location
    parts = [loc.path.rsplit("/", 1)[-1]]
    if loc.sheet:
        parts.append(loc.sheet)
    if loc.row:
        parts.append(f"row {loc.row}")
    if loc.column:
        parts.append(loc.column)
    return ", ".join(parts)


NARROW = 110  # below this many columns findings are blocks, not a five-column table


def _inputs(analysis, width: int) -> Table:
    """What was read: each table's file, kind, sheet, header row and entries."""
    table = Table(title="Read", title_justify="left", header_style="bold", expand=False)
    names = [t.source.path.rsplit("/", 1)[-1] for t in analysis.tables]
    # file names fold only when they cannot fit; the sheet wraps at its spaces
    table.add_column("file", overflow="fold", min_width=min(max(map(len, names), default=4), width // 2))
    table.add_column("kind", no_wrap=True)
    table.add_column("sheet", overflow="fold")
    table.add_column("header row", no_wrap=True, justify="right")
    table.add_column("entries", no_wrap=True, justify="right")
    for name, info in zip(names, analysis.tables):
        s = info.source
        table.add_row(Text(name), Text(s.kind), Text(s.sheet), str(s.header_row), str(info.rows))
    return table


def _findings_table(shown) -> Table:
    table = Table(show_lines=False, header_style="bold", expand=False)
    # the short columns never wrap; where and message share what is left
    # and wrap at spaces (a word longer than the column is folded)
    for name in ("severity", "code", "entry"):
        table.add_column(name, no_wrap=True)
    table.add_column("where", overflow="fold", ratio=2)
    table.add_column("message", overflow="fold", ratio=3)
    for f in shown:
        table.add_row(
            Text(f.severity, style=_STYLE.get(f.severity, "")),
            Text(f.code),
            Text(f.entry or "-"),
            Text(_location(f)),
            Text(f.message),  # Text, never markup: cell text may hold "[...]"
        )
    return table


def _findings_blocks(console: Console, shown) -> None:
    """Narrow terminals: a heading line per finding, its message indented under it."""
    for f in shown:
        console.print(Text.assemble((f.severity, _STYLE.get(f.severity, "")), " ", (f.code, "bold"), " ",
                                    f.entry or "-"))
        console.print(Padding(Text(_location(f), style="dim"), (0, 0, 0, 4)), overflow="fold")
        console.print(Padding(Text(f.message), (0, 0, 0, 4)), overflow="fold")


def _inputs_lines(console: Console, analysis) -> None:
    """Narrow terminals: one sentence per table read."""
    console.print(Text("Read", style="bold"))
    for info in analysis.tables:
        s = info.source
        line = (f"{s.path.rsplit('/', 1)[-1]}: {s.kind}, sheet '{s.sheet}', header row {s.header_row}, "
                f"{plural(info.rows, 'entry', 'entries')}")
        console.print(Padding(Text(line), (0, 0, 0, 2)), overflow="fold")


def render_text(analysis, strict: bool = False, *, color: bool = False, quiet: bool = False, width: int = 140) -> str:
    """The findings and the verdict, ``width`` columns wide: a table when there
    is room, a block per finding below ``NARROW`` columns; text always wraps
    between words (``quiet`` prints one unwrapped line per error, for grep)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=False
    )
    shown = [f for f in analysis.findings if not quiet or f.severity == Severity.ERROR]
    if not quiet and analysis.tables and width < NARROW:
        _inputs_lines(console, analysis)
    elif not quiet and analysis.tables:
        console.print(_inputs(analysis, width))
    if quiet:
        for f in shown:
            console.print(Text(f"{f.code} {f.entry or '-'} ({_location(f)}): {f.message}"), soft_wrap=True)
    elif shown and width < NARROW:
        console.print(Text("Findings", style="bold"))
        _findings_blocks(console, shown)
    elif shown:
        console.print(_findings_table(shown))
    line = verdict(analysis, strict)
    console.print(Text(line, style="bold green" if line.startswith("PASS") else "bold red"))
    return buffer.getvalue()
