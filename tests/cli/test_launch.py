"""Launching se-graph: ``python -m se_graph`` and the ``se-graph`` console script
run the command line, and say and return exactly what the library does."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

from se_graph.cli import main, run

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
COMMAND = [sys.executable, "-m", "se_graph"]


def _through_entry_point(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_the_console_script_is_the_command_line():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, _, name = scripts["se-graph"].partition(":")
    assert (module, name) == ("se_graph.cli", "run")
    assert run.__module__ == "se_graph.cli.app"


def test_a_run_through_the_entry_point_equals_the_library(capsys):
    done = _through_entry_point("validate", str(SAMPLE), "--format", "json")
    code = main(["validate", str(SAMPLE), "--format", "json"])
    out = capsys.readouterr().out
    assert (done.returncode, done.stdout) == (code, out) == (0, out)
    assert json.loads(done.stdout)["findings"] == []


def test_a_mistyped_option_reaches_standard_error_with_exit_2():
    done = _through_entry_point("validate", str(SAMPLE), "--bogus")
    assert done.returncode == 2
    assert "No such option" in done.stderr and "--bogus" in done.stderr
    assert done.stdout == ""
