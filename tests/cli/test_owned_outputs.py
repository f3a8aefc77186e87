"""`-o FILE` never replaces a file se-graph did not write, or one changed since it
did, unless --force: one sentence, exit 2, the file as it was."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from se_graph.cli import app
from se_graph.model.outputs import REGISTRY
from tests.builders import excluded, row_child, row_tested, status_list

runner = CliRunner()


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    status_list(folder / "sl.xlsx", [row_tested("000001")])
    excluded(folder / "ex.xlsx", [row_child("000002", "000001")])
    return folder


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


COMMANDS = {
    "validate markdown": lambda src, out: ["validate", src, "-f", "markdown", "-o", out],
    "validate junit": lambda src, out: ["validate", src, "-f", "junit", "-o", out],
    "validate text": lambda src, out: ["validate", src, "-o", out],
    "graph": lambda src, out: ["graph", src, "-o", out],
    "diff json": lambda src, out: ["diff", src, src, "-f", "json", "-o", out],
    "diff xlsx": lambda src, out: ["diff", src, src, "-f", "xlsx", "-o", out],
}


def refused(result, path) -> None:
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert "\n" not in message and message.startswith(f"se-graph: {path}: ") and message.endswith(".")
    assert "se-graph did not write it" in message and "--force" in message


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_users_file_is_refused_unless_force(inputs, tmp_path, command):
    mine = tmp_path / "report.out"
    mine.write_text("my own notes\n")
    refused(run(*COMMANDS[command](inputs, mine)), mine)
    assert mine.read_text() == "my own notes\n"
    forced = run(*COMMANDS[command](inputs, mine), "--force")
    assert forced.exit_code == 0, forced.output
    assert mine.read_bytes() != b"my own notes\n"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_its_own_output_is_replaced_and_an_edited_one_is_not(inputs, tmp_path, command):
    out = tmp_path / "report.out"
    assert run(*COMMANDS[command](inputs, out)).exit_code == 0
    first = out.read_bytes()
    assert run(*COMMANDS[command](inputs, out)).exit_code == 0, "se-graph's own, unchanged output"
    assert out.read_bytes() == first
    out.write_bytes(first + b"\nedited by hand\n")
    refused(run(*COMMANDS[command](inputs, out)), out)
    assert out.read_bytes().endswith(b"edited by hand\n")


def test_refused_before_reading_anything(tmp_path):
    mine = tmp_path / "out.json"
    mine.write_text("{}")
    # the inputs do not exist: the output is refused first, so the message is about it
    refused(run("validate", tmp_path / "missing.xlsx", "-f", "json", "-o", mine), mine)


def test_the_registry_is_sha256sum_format(inputs, tmp_path):
    import hashlib

    out = tmp_path / "v.md"
    run("validate", inputs, "-f", "markdown", "-o", out)
    line = (tmp_path / REGISTRY).read_text()
    assert line == f"{hashlib.sha256(out.read_bytes()).hexdigest()}  v.md\n"


def test_a_folder_given_as_output_file_is_one_sentence(inputs, tmp_path):
    result = run("validate", inputs, "-f", "json", "-o", tmp_path)
    assert result.exit_code == 2 and result.stderr.strip() == f"se-graph: {tmp_path}: it is a folder; give a file name."
