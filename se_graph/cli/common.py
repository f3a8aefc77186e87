"""What every command shares: option types, error-to-exit-code mapping, output."""

from __future__ import annotations

import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from se_graph.model import InputError

Files = Annotated[list[Path], typer.Argument(metavar="FILE", help="Workbooks (.xlsx, .xlsm, .xls, .ods) or folders of them, one or more.", show_default=False)]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="TOML config: header aliases, equivalence policy, severities, limits.")]
CohortOpt = Annotated[Optional[str], typer.Option("--cohort", metavar="NAME", help="Cohort for tables whose workbook gives none (no Cohort column or cover sheet); never relabels an entry whose workbook gives one.")]
EpclOpt = Annotated[Optional[list[Path]], typer.Option("--epcl", metavar="FILE", help="The current EPCL workbook: its entries count as tested roots.")]
ReportOpt = Annotated[Optional[int], typer.Option("--report", metavar="NUMBER", help="Which EPCL report's entries are requested (default: every entry with an EPCL Report).")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace the output even where se-graph did not write it, or it was changed since.")]


# --help names what each value is in words (FILE, NUMBER, NAME); typer's
# defaults are Python types ("<bool>", "<list[Path]>").  A flag takes no value,
# so it shows none.
_WORDS = {"int": "NUMBER", "str": "TEXT", "Path": "PATH", "path": "PATH", "file": "FILE", "directory": "FOLDER"}


def _plain(param, ctx) -> None:
    if getattr(param, "is_flag", False) or isinstance(param, TyperArgument):
        word = ""  # a flag takes no value; an argument's name column already says it
    elif param.metavar is not None:
        word = param.metavar
    else:
        shown = param.display_type(ctx).strip("<>")
        word = shown if "|" in shown else _WORDS.get(shown.removeprefix("list[").removesuffix("]").split(" ")[0],
                                                      shown.upper())
    param.display_type_rich = lambda ctx, word=word: word


class PlainCommand(TyperCommand):
    def get_params(self, ctx):
        params = super().get_params(ctx)
        for param in params:
            _plain(param, ctx)
        return params


class PlainGroup(TyperGroup):
    def get_params(self, ctx):
        params = super().get_params(ctx)
        for param in params:
            _plain(param, ctx)
        return params


@contextmanager
def collector_paused(freeze: bool = False):
    """The cyclic collector off while a command builds records that hold no
    reference cycles (it would walk them again and again for nothing); with
    ``freeze``, what was built is then left out of every later pass.  The
    command owns the process, so this is its call, not the library's."""
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            if freeze:
                gc.freeze()
            gc.enable()


def load(files, config, cohort, epcl, report):
    """The assessment of the inputs: the one library call behind every command."""
    from se_graph.assessment import assess
    from se_graph.model.config import load_config

    # What is read lives until the command ends: frozen, the collector never
    # walks it again.  (Re-enabled plainly, its first pass would walk every
    # record made while reading, about 0.15 s at 100k entries.)
    with collector_paused(freeze=True):
        return assess(files, load_config(config), cohort=cohort, epcl=epcl or (), report=report,
                      progress=progress)


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"se-graph: {message}", err=True)
    raise typer.Exit(code)


def guarded(debug: bool, body: Callable[[], int]) -> None:
    """Run a command body and map its outcome to the spec's exit codes.  With
    ``--debug`` what the readers said (warnings, native messages) is shown too."""
    if debug:
        import logging

        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
        logging.getLogger("se_graph").setLevel(logging.DEBUG)
    try:
        code = body()
    except typer.Exit:
        raise
    except InputError as exc:
        if debug:
            traceback.print_exc()
        fail(str(exc), 2)
    except OSError as exc:  # the machine, not se-graph: a full disk, a folder that cannot be written
        if debug:
            traceback.print_exc()
        where = f"{exc.filename}: " if exc.filename else ""
        what = str(exc.strerror or exc)
        fail(f"{where}{what}{'' if 'nothing was changed' in what else '; nothing was changed there'}.", 2)
    except KeyboardInterrupt:
        fail("interrupted.", 130)
    except ImportError as exc:  # a package missing or broken, unless the module is ours
        if debug:
            traceback.print_exc()
        module = (exc.name or "").partition(".")[0]
        if module in ("", "se_graph"):
            _internal(exc)
        from se_graph.ingest.workbook import missing

        fail(str(missing(module, exc, "run this command")), 2)
    except Exception as exc:  # anything else is our bug
        if debug:
            traceback.print_exc()
        _internal(exc)
    raise typer.Exit(code)


def _internal(exc: BaseException) -> None:
    fail(
        f"internal error ({type(exc).__name__}: {exc}). This is a bug in se-graph: please report it "
        "with the command you ran; --debug shows the traceback.",
        3,
    )


def color(stream=None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    stream = stream or sys.stdout
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def width() -> int:
    """Text width: COLUMNS when set, else the terminal's, else 140 for a file or pipe."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 20:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    return 140


@contextmanager
def progress(message: str):
    """A spinner on stderr while a stage runs, then a line saying it is done and
    how long it took; on a terminal only (nothing in a pipe, a file or CI logs)."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR"))
    console = Console(stderr=True, no_color=plain or None)
    started = time.perf_counter()
    with console.status(message, spinner="dots"):
        yield
    took = f"({time.perf_counter() - started:.1f} s)"
    what = message.rstrip(".")
    console.print(f"done {what} {took}" if plain else f"[green]done[/] {what} [dim]{took}[/]",
                  markup=not plain, highlight=False)


def claim(output: Path | None, force: bool) -> None:
    """Before any work: refuse an output file se-graph did not write, or that was
    changed since it did, unless ``force`` (se_graph.model.outputs)."""
    if output is not None:
        from se_graph.model.outputs import check_file

        check_file(output, force)


def emit(content: str | bytes, output: Path | None, force: bool = False) -> None:
    """Write to ``output`` atomically (never over a file se-graph did not write,
    unless ``force``), else to stdout."""
    from se_graph.model.outputs import check_file, record
    from se_graph.report import write_atomic

    if output is not None:
        check_file(output, force)
        write_atomic(output, content)
        record([output])
        return
    if isinstance(content, bytes):
        sys.stdout.buffer.write(content)
    else:
        sys.stdout.write(content)
    sys.stdout.flush()
