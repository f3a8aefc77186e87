"""`template -o DIR` and `sample -o DIR` never replace an analyst's work: a folder
holding a file se-graph did not write, or a template filled in since, is refused
unless --force."""

from __future__ import annotations

import openpyxl
import pytest
from typer.testing import CliRunner

from se_graph.cli import app
from se_graph.model.outputs import OutputRefused
from se_graph.sample import write_sample, write_template

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def fill_in(path) -> bytes:
    """What an analyst does: type an entry under the example row and save."""
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[1]
    ws.cell(6, 1, "002255")
    ws.cell(6, 2, "DMC-0101")
    book.save(path)
    return path.read_bytes()


def test_a_filled_in_template_is_never_replaced(tmp_path):
    out = tmp_path / "templates"
    assert run("template", "-o", out).exit_code == 0
    assert run("template", "-o", out).exit_code == 0, "its own blank templates may be written again"
    status = out / "template-dmct-status-list.xlsx"
    work = fill_in(status)
    result = run("template", "-o", out)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"se-graph: {out}: template-dmct-status-list.xlsx was changed since se-graph wrote it; nothing was "
        "changed: give a new or empty folder, or --force to write into it anyway.")
    assert status.read_bytes() == work
    assert run("template", "-o", out, "--force").exit_code == 0
    assert status.read_bytes() != work
    assert run("template", "-o", out).exit_code == 0, "what --force wrote is se-graph's again"


@pytest.mark.parametrize("command", [["template"], ["sample", "--entries", "20"]])
def test_a_folder_holding_someone_elses_file_is_refused(tmp_path, command):
    out = tmp_path / "work"
    out.mkdir()
    (out / "my-list.xlsx").write_bytes(b"mine")
    result = run(*command, "-o", out)
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert "\n" not in message and "the folder holds my-list.xlsx, which se-graph did not write" in message
    assert sorted(p.name for p in out.iterdir()) == ["my-list.xlsx"], "nothing written"
    assert run(*command, "-o", out, "--force").exit_code == 0
    assert (out / "my-list.xlsx").read_bytes() == b"mine", "--force replaces only what it writes"


def test_sample_checks_both_folders_before_writing_either(tmp_path):
    (tmp_path / "next").mkdir()
    (tmp_path / "next" / "notes.txt").write_text("mine")
    result = run("sample", "-o", tmp_path / "first", "--next", tmp_path / "next", "--entries", "20")
    assert result.exit_code == 2 and "notes.txt" in result.stderr
    assert not (tmp_path / "first").exists()
    assert run("sample", "-o", tmp_path / "first", "--next", tmp_path / "nextnew", "--entries", "20").exit_code == 0
    again = run("sample", "-o", tmp_path / "first", "--next", tmp_path / "nextnew", "--entries", "20")
    assert again.exit_code == 0, "the set and its next publication are se-graph's own"


def test_the_library_refuses_too(tmp_path):
    paths = write_template(tmp_path)
    fill_in(paths[1])
    with pytest.raises(OutputRefused, match="changed since se-graph wrote it"):
        write_template(tmp_path)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.xlsx").write_bytes(b"x")
    with pytest.raises(OutputRefused, match="which se-graph did not write"):
        write_sample(tmp_path / "other", entries=20)
    file = tmp_path / "a-file"
    file.write_text("")
    with pytest.raises(OutputRefused, match="not a folder"):
        write_template(file)
