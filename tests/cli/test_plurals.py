"""Counts agree with their words: "1 entry", "1 error", "2 entries"."""

from __future__ import annotations

from typer.testing import CliRunner

from se_graph.cli import app
from tests.builders import excluded, row_child, status_list


def test_one_entry_and_one_error(tmp_path):
    # one Group 2 entry whose parent is in no input: one entry, one error
    path = excluded(tmp_path / "ex.xlsx", [row_child("000002", "009999")])
    result = CliRunner().invoke(app, ["validate", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("FAIL: 1 entry, ") and "1 error," in line and "0 warnings" in line, line
    for wrong in ("1 entries", "1 errors", "1 warnings"):
        assert wrong not in result.stdout


def test_diff_headline_counts_agree(tmp_path):
    from tests.builders import row_tested

    old = status_list(tmp_path / "old.xlsx", [row_tested("000001")])
    new = status_list(tmp_path / "new.xlsx", [row_tested("000001"), row_tested("000003")])
    for fmt in ("text", "markdown", "html"):
        out = CliRunner().invoke(app, ["diff", str(old), str(new), "-f", fmt]).stdout
        assert "(1 entry)" in out and "(2 entries)" in out, fmt
        assert "1 entries" not in out, fmt
