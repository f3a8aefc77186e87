"""Outputs are atomic and repeatable; inputs are never touched by any command."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from se_graph.cli import app
from se_graph.report.files import write_atomic
from tests.builders import excluded, row_child, row_tested, status_list

COMMANDS = set(typer.main.get_command(app).commands)


@pytest.fixture
def inputs(tmp_path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    return [status_list(folder / "s.xlsx", [row_tested("000001", rationale="=1+1")]),
            excluded(folder / "e.xlsx", [row_child("000002", "000001"), row_child("000003", "000404")])]


def digest(paths) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def invocations(inputs, out: Path) -> dict[str, list[list[str]]]:
    files = [str(p) for p in inputs]
    return {
        "validate": [["validate", *files, "-f", fmt, "-o", str(out / f"v.{fmt}")]
                     for fmt in ("text", "json", "markdown", "junit")],
        "trace": [["trace", "000002", *files], ["trace", "000003", *files]],
        "graph": [["graph", *files, "-o", str(out / "g.html")]],
        "audit": [["audit", *files, "-o", str(out / "audit")]],
        "sample": [["sample", "-o", str(out / "sample"), "--entries", "40", "--defects"]],
        "template": [["template", "-o", str(out / "template")]],
        "rules": [["rules"], ["rules", "--format", "markdown"]],
        "diff": [["diff", files[0], files[1], "-f", fmt, "-o", str(out / f"d.{fmt}")]
                 for fmt in ("text", "json", "markdown", "xlsx", "html")],
        "impact": [["impact", "000001", *files, "-f", fmt, "-o", str(out / f"i.{fmt}")]
                   for fmt in ("text", "json", "markdown", "html")],
        "plan": [["plan", *files, "-f", fmt, "-o", str(out / f"p.{fmt}")] for fmt in ("text", "json", "html")],
        "report": [["report", *files, "-o", str(out / "draft.docx")]],
        "check-report": [["report", *files, "-o", str(out / "draft.docx")],
                         ["check-report", str(out / "draft.docx"), *files, "-f", "json"]],
    }


def test_every_command_is_covered(inputs, tmp_path):
    assert COMMANDS == set(invocations(inputs, tmp_path))


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_inputs_are_byte_identical_after_every_command(inputs, tmp_path, command):
    before = digest(inputs)
    for args in invocations(inputs, tmp_path / "out")[command]:
        result = CliRunner().invoke(app, args)
        assert result.exit_code in (0, 1), (args, result.output)
    assert digest(inputs) == before
    assert sorted(p.name for p in inputs[0].parent.iterdir()) == ["e.xlsx", "s.xlsx"]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_outputs_are_identical_across_two_runs(inputs, tmp_path, command):
    runs = []
    for n in (1, 2):
        out = tmp_path / f"run{n}"
        printed = [CliRunner().invoke(app, args).stdout.replace(str(out), "OUT")
                   for args in invocations(inputs, out)[command]]
        files = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()} \
            if out.exists() else {}
        runs.append((printed, files))
    assert runs[0] == runs[1]


def test_interrupted_write_leaves_the_previous_output_intact(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    write_atomic(target, "previous\n")

    def power_cut(*args, **kwargs):
        raise KeyboardInterrupt  # the moment between writing the new file and renaming it

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new content " * 10_000)
    assert target.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"], "no temporary file is left behind"


def test_interrupted_write_through_the_cli(inputs, tmp_path, monkeypatch):
    out = tmp_path / "v.json"
    out.write_text("previous\n")
    real_fsync = os.fsync

    def crash(fd):
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)
    # --force: the previous file is the test's, not se-graph's
    result = CliRunner().invoke(app, ["validate", *map(str, inputs), "-f", "json", "-o", str(out), "--force"])
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert "Traceback" not in result.output
    assert out.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".v.json")] == []


def test_an_interrupted_sample_leaves_the_previous_workbooks_whole(tmp_path, monkeypatch):
    from se_graph.sample import write_sample

    write_sample(tmp_path, entries=40, seed=1)
    before = digest(p for p in sorted(tmp_path.iterdir()) if not p.name.startswith("."))

    def power_cut(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(KeyboardInterrupt):
        write_sample(tmp_path, entries=40, seed=2)
    assert digest(p for p in sorted(tmp_path.iterdir()) if not p.name.startswith(".")) == before
