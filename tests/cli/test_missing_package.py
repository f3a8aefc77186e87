"""A package se-graph needs that is not installed, or does not load, is one
sentence naming it and how to install it, with exit 2: never a damaged
workbook, never an internal error.  Each run hides or breaks the package in a
fresh interpreter (a ``sitecustomize`` on its path), whose children inherit it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
WORKBOOK = SAMPLE / "foc-dmct-status-list.xlsx"


def run(tmp_path: Path, hidden: list[str], *args: str, broken: str | None = None,
        **env: str) -> subprocess.CompletedProcess:
    """``se-graph args`` with the modules ``hidden`` absent and ``broken`` failing to load."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(
        "import sys\n" + "".join(f"sys.modules[{name!r}] = None\n" for name in hidden))
    if broken:  # found before the real one: importing it fails as a broken native module does
        (site / broken).mkdir()
        (site / broken / "__init__.py").write_text(
            f"raise ImportError('lib{broken}.so: undefined symbol: PyInit_{broken}')\n")
    path = os.pathsep.join([str(site), str(ROOT), os.environ.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-m", "se_graph", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": path, **env}, timeout=300)


def said_missing(done: subprocess.CompletedProcess, package: str) -> None:
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("se-graph: cannot ")
    assert f"the package {package} is not installed or does not load" in lines[0]
    assert lines[0].endswith(f"install it with `pip install {package}`.")
    assert "damaged" not in done.stderr and "internal error" not in done.stderr


def test_without_calamine_an_xlsx_is_not_read_another_way(tmp_path):
    said_missing(run(tmp_path, ["python_calamine"], "validate", str(WORKBOOK)), "python-calamine")


def test_without_calamine_a_folder_read_ahead_says_so_once(tmp_path):
    said_missing(run(tmp_path, ["python_calamine"], "validate", str(SAMPLE), "-f", "json"), "python-calamine")


def test_a_broken_calamine_is_named_too(tmp_path):
    said_missing(run(tmp_path, [], "validate", str(WORKBOOK), broken="python_calamine"), "python-calamine")


@pytest.mark.parametrize("broken", [False, True])
def test_without_calamine_the_bounded_child_says_so(tmp_path, broken):
    """An .ods is read by calamine in a child process, which inherits the loss."""
    import pandas as pd

    frame = pd.DataFrame([{"EPCL ID": "000001", "Installation Status": "Dormant", "CHF Model": "SKU1",
                           "CHF Firmware": "1.0", "DMCT Status": "Tested", "Test Completion Report": "R1",
                           "Cohort": "FOC", "Installations": 5}])
    path = tmp_path / "sl.ods"
    frame.to_excel(path, engine="odf", index=False)
    done = run(tmp_path, [] if broken else ["python_calamine"], "validate", str(path),
               broken="python_calamine" if broken else None)
    said_missing(done, "python-calamine")


def test_without_openpyxl_when_it_is_the_reader(tmp_path):
    done = run(tmp_path, ["openpyxl"], "validate", str(WORKBOOK), SE_GRAPH_READER="openpyxl")
    said_missing(done, "openpyxl")


def test_without_msoffcrypto_a_read_only_workbook_is_not_called_protected(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with WORKBOOK.open("rb") as plain:
        OOXMLFile(plain).encrypt("VelvetSweatshop", out)  # Excel's "read-only" password
    path = tmp_path / "read-only.xlsx"
    path.write_bytes(out.getvalue())
    done = run(tmp_path, ["msoffcrypto"], "validate", str(path))
    said_missing(done, "msoffcrypto-tool")
    assert "password" not in done.stderr


def test_a_package_a_command_needs_later_is_named(tmp_path):
    done = run(tmp_path, ["networkx"], "graph", str(SAMPLE), "-o", str(tmp_path / "graph.html"))
    said_missing(done, "networkx")
    assert "cannot run this command" in done.stderr


def test_a_missing_module_of_se_graph_itself_is_a_bug_not_a_package(tmp_path):
    done = run(tmp_path, ["se_graph.assessment.hops"], "validate", str(WORKBOOK))
    assert done.returncode == 3 and "internal error" in done.stderr and "pip install" not in done.stderr
