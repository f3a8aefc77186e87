"""The console entry point's early start of reading (se_graph.launch): what it
guesses from a command line, that its guess keeps step with the CLI's options,
and that a run through it says and returns exactly what the library does,
whether the read adopts the early start or gives it up."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import typer.main

from se_graph.cli import app, main
from se_graph.ingest import read_inputs, start_reading
from se_graph.ingest.ahead import take_early
from se_graph.launch import EARLY_COMMANDS, VALUED_OPTIONS, guess
from se_graph.model.config import Config, Limits

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
COMMAND = [sys.executable, "-m", "se_graph"]


def test_guess_takes_the_workbooks_and_skips_option_values():
    assert guess(["validate", "a.xlsx", "-f", "json", "b.xlsx", "--output=x.json", "--strict"]) == (
        ["a.xlsx", "b.xlsx"], [])
    assert guess(["audit", "dir", "-o", "out", "--epcl", "e.xlsx", "--epcl=f.xlsx"]) == (["dir"], ["e.xlsx", "f.xlsx"])
    assert guess(["graph", "--", "-odd.xlsx"]) == (["-odd.xlsx"], [])


def test_guess_makes_no_start_where_no_single_read_of_workbooks_follows():
    assert guess([]) is None
    assert guess(["trace", "000001", "a.xlsx"]) is None
    assert guess(["diff", "old", "new"]) is None
    assert guess(["validate", "a.xlsx", "--help"]) is None
    assert guess(["audit", "a.xlsx", "--previous", "old"]) is None
    assert guess(["validate", "--strict"]) is None


def test_valued_options_keep_step_with_the_commands():
    command = typer.main.get_command(app)
    for name in EARLY_COMMANDS:
        for param in command.commands[name].params:
            if param.param_type_name != "option":
                continue
            takes_value = not param.is_flag
            for opt in param.opts:
                assert (opt in VALUED_OPTIONS) == takes_value, (name, opt)


def _through_entry_point(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def _in_process(*args: str, capsys) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_a_run_through_the_entry_point_equals_the_library(capsys):
    done = _through_entry_point("validate", str(SAMPLE), "--format", "json")
    code, out = _in_process("validate", str(SAMPLE), "--format", "json", capsys=capsys)
    assert (done.returncode, done.stdout) == (code, out) == (0, out)
    assert json.loads(done.stdout)["findings"] == []


def test_an_early_start_under_other_limits_is_given_up_and_the_result_is_the_same(tmp_path, capsys):
    config = tmp_path / "limits.toml"
    config.write_text("[limits]\nmax_rows = 500000\n")
    done = _through_entry_point("validate", str(SAMPLE), "--config", str(config), "--format", "json")
    code, out = _in_process("validate", str(SAMPLE), "--config", str(config), "--format", "json", capsys=capsys)
    assert (done.returncode, done.stdout) == (code, out)
    assert code == 0


def test_a_mistyped_option_still_reaches_standard_error_while_workbooks_are_read():
    started = time.monotonic()
    done = _through_entry_point("validate", str(SAMPLE), "--bogus")
    assert done.returncode == 2
    assert "No such option" in done.stderr and "--bogus" in done.stderr
    assert done.stdout == ""
    assert time.monotonic() - started < 60


def test_a_read_adopts_only_a_start_of_the_same_workbooks_under_the_same_limits():
    files = sorted(SAMPLE.glob("*.xlsx"))
    start_reading([str(SAMPLE)])
    # other limits: the start is given up (waited for), and the read is whole
    other = Config(limits=Limits(max_rows=Limits().max_rows - 1))
    assert take_early([(p, None) for p in files], other.limits) is None
    assert take_early([(p, None) for p in files], Config().limits) is None  # given up: gone
    start_reading([str(SAMPLE)])
    early = take_early([(p, None) for p in files], Config().limits)
    assert early is not None
    early.close()
    start_reading([str(SAMPLE)])
    adopted = read_inputs([SAMPLE])
    assert take_early([(p, None) for p in files], Config().limits) is None  # the read took it
    plain = read_inputs([SAMPLE])
    assert [(e.entry_id, e.row, e.source.path) for e in adopted.entries] == \
        [(e.entry_id, e.row, e.source.path) for e in plain.entries]
    assert adopted.findings == plain.findings


def test_an_early_start_through_openpyxl_is_adopted_or_given_up_without_a_deadlock(monkeypatch):
    # openpyxl's warnings are captured under a lock the early start holds until
    # the read: giving the start up must let go of it before waiting for it
    monkeypatch.setenv("SE_GRAPH_READER", "openpyxl")
    files = sorted(SAMPLE.glob("*.xlsx"))
    plain = read_inputs([SAMPLE])
    start_reading([str(SAMPLE)])
    other = Config(limits=Limits(max_rows=Limits().max_rows - 1))
    given_up = read_inputs([SAMPLE], other)  # not adopted: waited for, then read afresh
    start_reading([str(SAMPLE)])
    adopted = read_inputs([SAMPLE])
    for result in (given_up, adopted):
        assert [(e.entry_id, e.row) for e in result.entries] == [(e.entry_id, e.row) for e in plain.entries]
    start_reading([str(SAMPLE)])
    early = take_early([(p, None) for p in files], Config().limits)
    assert early is not None
    early.close()
    from se_graph.ingest.workbook import WARNINGS

    assert not WARNINGS.locked()  # the hold ends with the read that takes the start
