"""Every README example that names the bundled data runs as written, with the exit
code the README documents, and `make demo` ends without a make error line."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BUNDLED = ("data/sample", "data/broken")


def fenced(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, flags=re.M | re.S)


def commands() -> list[str]:
    """Each se-graph command of a fenced sh block that names the bundled data."""
    found = []
    for block in fenced("sh"):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words and words[0] == "se-graph" and any(w.startswith(BUNDLED) for w in words):
                found.append(line.split("#", 1)[0].strip())
    return found


def documented_exit(words: list[str]) -> int:
    """The README's exit codes: `sample` writes (0); data/broken has one of each
    defect, so validating it finds errors (1); data/sample validates clean and its
    example entry qualifies (0)."""
    if words[0] in ("sample", "template"):
        return 0
    return 1 if any(w.startswith("data/broken") for w in words) else 0


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", "NO_COLOR": "1"}


@pytest.fixture
def workdir(tmp_path):
    """A copy of the bundled data, so a command that writes changes nothing here."""
    for folder in BUNDLED:
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_the_readme_has_the_examples():
    found = commands()
    assert any(c.startswith("se-graph trace ") for c in found) and any("data/broken" in c for c in found)
    assert len(found) >= 5, found


@pytest.mark.parametrize("command", commands())
def test_each_readme_command_runs_as_written(workdir, command):
    words = shlex.split(command)[1:]
    done = subprocess.run([sys.executable, "-m", "se_graph", *words], cwd=workdir, env=env(),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == documented_exit(words), (command, done.stdout[-2000:], done.stderr)
    assert "Traceback" not in done.stderr
    if words[0] == "trace":
        assert "--se-->" in done.stdout and done.stdout.rstrip().splitlines()[-1].startswith("QUALIFIES")
    if words[0] == "sample":  # regenerating the bundled data leaves it as committed
        folder = words[words.index("-o") + 1]
        for path in (ROOT / folder).iterdir():
            assert (workdir / folder / path.name).read_bytes() == path.read_bytes(), path.name


def test_the_python_example_runs(workdir):
    (block,) = fenced("python")
    code = block + "\nassert not result.valid and frame.qualifies.sum() > 0\n"
    done = subprocess.run([sys.executable, "-c", code], cwd=workdir, env=env(), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr


def test_make_demo_ends_without_a_make_error_and_says_what_the_diff_found(tmp_path):
    """The demo's recipe as written, run twice with a se-graph of this checkout (no
    venv built): the diff's exit 1 (entries lost eligibility, as designed) is no
    error, and check-report finds the draft agrees with the data."""
    if not shutil.which("make"):
        pytest.skip("no make on this machine")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "se-graph").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m se_graph "$@"\n')
    (bin_dir / "se-graph").chmod(0o755)
    work = tmp_path / "work"
    shutil.copytree(ROOT / "data", work / "data")
    (work / "pyproject.toml").write_text("")
    stamp = bin_dir / ".runtime"
    stamp.write_text("")  # newer than pyproject.toml: nothing to install
    for _ in range(2):  # a second run replaces what the first wrote
        done = subprocess.run(["make", "-f", str(ROOT / "Makefile"), "demo", f"BIN={bin_dir}", f"RUNTIME={stamp}"],
                              cwd=work, env=env(), capture_output=True, text=True, timeout=600)
        out = done.stdout + done.stderr
        assert done.returncode == 0, out
        assert "Error" not in out and "ignored" not in out, out
        assert re.search(r"^diff: \d+ entries lost eligibility, \d+ gained; .*see reports/diff\.html\.$", out, re.M), out
        assert re.search(r"^check-report: \d+ claims checked: all agree with the data\. .*report-claims\.txt\.$",
                         out, re.M), out
    assert (work / "reports" / "diff.html").exists() and (work / "reports" / "sample" / "index.html").exists()
    assert (work / "reports" / "sample" / "report-draft.docx").exists()


def test_the_readme_config_file_is_read_as_written(tmp_path):
    """The README's config example is a valid config, [report] included."""
    from se_graph.model.config import load_config

    (block,) = fenced("toml")
    path = tmp_path / "se-graph.toml"
    path.write_text(block, encoding="utf-8")
    config = load_config(path)
    assert config.aliases["entry_id"] == ("Ref No",)
    assert "SG207" in config.severities
    assert config.report.number == 23 and config.report.date.isoformat() == "2021-11-20"
