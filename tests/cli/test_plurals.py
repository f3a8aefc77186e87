"""Counts agree with their words: "1 entry", "1 error", "2 entries"."""

from __future__ import annotations

import html
import io
import re
import zipfile

import pytest
from typer.testing import CliRunner

from se_graph.cli import app
from tests.builders import excluded, row_child, row_tested, status_list


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


# "1 entries", "1 errors", "1 installations": a count of one followed by a plural;
# "Group 1" and "Section 1" are names, not counts ("Section 1 tables", "Group 1 plus").
ONE_PLURAL = re.compile(r"(?<!Group )(?<!Section )\b1 ([a-z]+s)\b")
NOT_PLURALS = {"is", "has", "was", "does", "as", "its", "this"}  # a 1 then a word ending in s, no plural


def _text(name: str, content: bytes) -> str:
    """A file's words: a workbook's sheets and shared strings, markup dropped."""
    if name.endswith((".xlsx", ".xlsm")):
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            content = b" ".join(book.read(n) for n in book.namelist() if n.startswith("xl/") and n.endswith(".xml"))
    text = content.decode("utf-8")
    return html.unescape(re.sub(r"<[^>]+>", " ", text)) if name.endswith((".html", ".xml", ".xlsx", ".xlsm", ".svg")) \
        else text


def _wrong(texts: dict[str, str]) -> list[str]:
    return [f"{name}: {m.group(0)!r}" for name, text in texts.items()
            for m in ONE_PLURAL.finditer(text) if m.group(1) not in NOT_PLURALS]


def _one_of_everything(folder):
    """One tested root (1 installation) and one Group 2 entry whose parent is in no
    input: one error, one requested entry that does not qualify, one of each group."""
    folder.mkdir()
    status_list(folder / "sl.xlsx", [row_tested("000001", installs=1, devices=1)])
    excluded(folder / "ex.xlsx", [row_child("000002", "009999", installs=1, devices=1)])
    return folder


def _one_entry(folder):
    folder.mkdir()
    status_list(folder / "sl.xlsx", [row_tested("000001", installs=1, devices=1)])
    return folder


@pytest.mark.parametrize("make", [_one_entry, _one_of_everything], ids=["one entry", "one error"])
def test_no_count_of_one_with_a_plural(tmp_path, make):
    src = make(tmp_path / "in")
    runner = CliRunner()
    texts: dict[str, str] = {}
    audit = runner.invoke(app, ["audit", str(src), "-o", str(tmp_path / "audit")], env={"COLUMNS": "200"})
    assert audit.exit_code in (0, 1), audit.output
    texts["audit (terminal)"] = audit.stdout
    # graph.html is the explorer's page (its own words are tested with the explorer)
    written = [p for p in sorted((tmp_path / "audit").iterdir()) if p.is_file() and p.name != "graph.html"
               and not p.name.startswith(".")]
    assert any(p.name == "summary.md" for p in written) and any(p.suffix == ".xlsx" for p in written)
    texts.update({p.name: _text(p.name, p.read_bytes()) for p in written})
    for fmt in ("text", "markdown", "junit", "github", "json"):
        result = runner.invoke(app, ["validate", str(src), "-f", fmt], env={"COLUMNS": "200"})
        assert result.exit_code in (0, 1), result.output
        texts[f"validate {fmt}"] = result.stdout
    found = "".join(texts.values())
    if make is _one_of_everything:  # the set says what it was built to say, in the singular
        assert "1 error" in texts["validate text"] and "1 requested entry does not qualify" in texts["summary.md"]
        assert "1 installation at stake" in texts["summary.md"]
    else:
        assert "1 entry" in texts["validate text"] and "1 requested entry" in texts["annex-a.html"]
    assert ONE_PLURAL.search("1 entries") and "1 " in found
    assert not _wrong(texts), _wrong(texts)
