"""--help names what each value is in words (FILE, FOLDER, NUMBER, NAME), never
Python's types ("<bool>", "<list[Path]>"), and a flag shows no value at all."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from se_graph.cli import app

COMMANDS = ["validate", "trace", "graph", "audit", "rules", "sample", "template", "diff"]


def help_of(*command: str) -> str:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_has_no_python_types(command):
    text = help_of(*command)
    assert not re.search(r"<[A-Za-z_\[\]. ]+>", text), text
    for word in ("bool", "list[", "Path", "str]", "int range"):
        assert word not in text, (word, text)
    row = next(line for line in text.splitlines() if "--help" in line)
    assert re.search(r"--help\s+-h\s+Show this message", row), row


def test_values_are_named_in_words():
    rows = {c: help_of(c) for c in COMMANDS}
    assert re.search(r"--output\s+-o\s+FILE\s", rows["validate"])
    assert re.search(r"--output\s+-o\s+FOLDER\s", rows["audit"])
    assert re.search(r"--output\s+-o\s+FOLDER\s", rows["template"])
    assert re.search(r"--report\s+NUMBER\s", rows["validate"])
    assert re.search(r"--cohort\s+NAME\s", rows["graph"])
    assert re.search(r"--format\s+-f\s+text\|json\|markdown\|xlsx\|html\s", rows["diff"])
    assert re.search(r"--strict\s+Warnings fail", rows["validate"]), "a flag takes no value"
    assert re.search(r"--force\s+Replace the output", rows["diff"])
    assert "OLD" in rows["diff"] and "NEW" in rows["diff"]
