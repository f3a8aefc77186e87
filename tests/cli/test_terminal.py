"""The command line in a real terminal (a pty): its width, NO_COLOR, progress
on a terminal only, --version, and the verdict when the report goes to a file."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from importlib.metadata import version
from pathlib import Path

import pytest

from se_graph.assessment import assess
from se_graph.report.text import verdict

ROOT = Path(__file__).resolve().parents[2]
BROKEN = str(ROOT / "data" / "broken")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
COMMAND = [sys.executable, "-m", "se_graph"]


def in_terminal(args: list[str], *, columns: int = 120, **env: str) -> tuple[int, str]:
    """Run se-graph with stdout and stderr on a pty ``columns`` wide; (exit code, output)."""
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR")}
    environ.update(TERM="xterm-256color", **env)
    pid, fd = pty.fork()
    if pid == 0:  # the child: its terminal is the pty
        os.chdir(ROOT)
        os.execve(sys.executable, [*COMMAND, *args], environ)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def lines(text: str) -> list[str]:
    """What the terminal shows: escapes gone, spinner frames (erased lines) gone."""
    plain = ANSI.sub("", text)
    return [line.split("\r")[-1] for line in plain.split("\n")]


@pytest.fixture(scope="module")
def broken_verdict() -> str:
    return verdict(assess([BROKEN]))


def test_at_80_columns_no_line_is_wider_and_the_verdict_is_whole_words(broken_verdict):
    code, out = in_terminal(["validate", BROKEN], columns=200, COLUMNS="80")
    assert code == 1
    shown = lines(out)
    assert max(map(len, shown)) <= 80, [line for line in shown if len(line) > 80][:3]
    start = next(i for i, line in enumerate(shown) if line.startswith("FAIL:"))
    tail = " ".join(line.strip() for line in shown[start:] if line.strip())
    assert tail == broken_verdict, "the verdict wraps between words, never inside one"
    assert len(broken_verdict) > 80


@pytest.mark.parametrize("entry", ["001013", "001011"])
def test_trace_fits_the_terminal_and_folds_between_words(entry):
    from se_graph.report.trace import render_trace

    whole = render_trace(assess([BROKEN]), entry)[1]
    code, out = in_terminal(["trace", entry, BROKEN], columns=72)
    assert code == 1
    shown = [line for line in lines(out) if line.strip()]
    shown = shown[next(i for i, line in enumerate(shown) if line.startswith(entry)):]  # after the progress lines
    assert max(map(len, shown)) <= 72, [line for line in shown if len(line) > 72][:3]
    assert any(len(line) > 72 for line in whole.splitlines())  # there was something to fold
    assert " ".join(" ".join(shown).split()) == " ".join(whole.split()), "folded at spaces only, nothing lost"


def test_a_wide_terminal_gets_tables_a_narrow_one_a_block_per_finding():
    _, wide = in_terminal(["validate", BROKEN], columns=140, NO_COLOR="1")
    _, narrow = in_terminal(["validate", BROKEN], columns=80, NO_COLOR="1")
    assert "┃ severity ┃ code" in wide and max(map(len, lines(wide))) <= 140
    shown = lines(narrow)
    at = shown.index("error SG205 001011")
    assert shown[at + 1].strip() == "foc-excluded-from-dmct.xlsx, Excluded from DMCT, row 5"
    assert shown[at + 2].strip() == "Entry 001011 is in cohort FOC but its parent 001010 is in MOC Secure."


def test_the_terminal_width_is_used_when_columns_is_not_set():
    code, out = in_terminal(["validate", BROKEN], columns=100)
    shown = lines(out)
    assert code == 1 and 90 < max(map(len, shown)) <= 100


def test_colour_on_a_terminal_and_none_with_no_color():
    _, coloured = in_terminal(["validate", BROKEN])
    _, plain = in_terminal(["validate", BROKEN], NO_COLOR="1")
    assert "\x1b[" in coloured and "FAIL:" in coloured
    assert not re.search(r"\x1b\[[0-9;]*m", plain) and "FAIL:" in plain


def test_progress_only_on_a_terminal(tmp_path):
    code, out = in_terminal(["audit", BROKEN, "-o", str(tmp_path / "a")], NO_COLOR="1")
    assert code == 1
    done = [line for line in lines(out) if line.startswith("done ")]
    assert done[0].startswith("done Reading workbooks") and done[1].startswith("done Checking")
    # the annotated copies are made (their inputs read again where needed) while building
    assert len(done) == 4 and done[2].startswith("done Building the audit's files and 4 annotated copies")
    assert done[3].startswith("done Writing")
    piped = subprocess.run([*COMMAND, "audit", BROKEN, "-o", str(tmp_path / "b")], capture_output=True, text=True,
                           cwd=ROOT, env={**os.environ, "COLUMNS": "80"})
    assert piped.returncode == 1 and piped.stderr == "", "no progress in a pipe"
    assert "FAIL:" in piped.stdout


def test_version_comes_from_the_package_metadata():
    done = subprocess.run([*COMMAND, "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == f"se-graph {version('se-graph')}\n"


def test_report_to_a_file_prints_one_verdict_line_on_stderr(tmp_path, broken_verdict):
    out = tmp_path / "report.txt"
    done = subprocess.run([*COMMAND, "validate", BROKEN, "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == f"{broken_verdict} Report written to {out}.\n"
    written = out.read_text()
    assert "\x1b[" not in written and broken_verdict in written.replace("\n", " ")
