"""The library (issue: a library for notebooks): se_graph.validate and its Result,
equal to what the command line says."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import subprocess
import sys
import tempfile
from contextlib import redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

import se_graph
from se_graph.cli.app import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def broken():
    return se_graph.validate([ROOT / "data" / "broken"])


def cli_json(*args: str) -> dict:
    out = io.StringIO()
    with redirect_stdout(out):
        main(["validate", *args, "--format", "json"])
    return json.loads(out.getvalue())


def test_one_row_per_entry_of_the_cli_json_with_the_same_verdict(broken):
    frame = broken.to_frame()
    by_cli = {e["id"]: e for e in cli_json(str(ROOT / "data" / "broken"))["entries"]}
    assert list(frame["id"]) == list(by_cli)
    assert dict(zip(frame["id"], frame["qualifies"])) == {i: e["qualifies"] for i, e in by_cli.items()}
    assert {r["id"]: r["root"] for r in broken.to_records()} == {i: e["root"] for i, e in by_cli.items()}
    assert list(frame["root"].isna()) == [e["root"] is None for e in by_cli.values()]
    assert frame["group"].dtype == "Int64" and frame["qualifies"].dtype == bool


def test_the_result_renders_what_the_cli_prints(broken):
    out = io.StringIO()
    with redirect_stdout(out):
        main(["validate", str(ROOT / "data" / "broken"), "--format", "junit"])
    assert broken.to_junit() == out.getvalue()
    assert json.loads(broken.to_json()) == cli_json(str(ROOT / "data" / "broken"))


def test_findings_are_data_one_row_each(broken):
    frame = broken.findings_frame()
    assert len(frame) == len(broken.findings) == broken.errors + broken.warnings + sum(
        f.severity == "info" for f in broken.findings)
    assert broken.valid is False and broken.errors == 23
    assert set(frame.columns) == {"code", "severity", "entry", "message", "path", "sheet", "row", "column"}
    assert broken.entry("001001").error_codes == ("SG201",)
    with pytest.raises(KeyError):
        broken.entry("999999")


def test_the_result_is_frozen_and_shows_itself_in_a_notebook(broken):
    with pytest.raises(dataclasses.FrozenInstanceError):
        broken.valid = True  # type: ignore[misc]
    page = broken._repr_html_()
    assert "not valid" in page and "<table>" in page and "001001" in page
    assert broken.to_records()[0]["id"] == broken.entries[0].id


def test_unusable_input_is_the_only_exception(tmp_path):
    with pytest.raises(se_graph.InputError, match="does not exist|not found|no such"):
        se_graph.validate([tmp_path / "missing.xlsx"])
    sample = se_graph.validate(ROOT / "data" / "sample")  # one path, not a list, is fine too
    assert sample.valid and sample.errors == 0


def test_the_worked_example_in_docs_api_runs():
    text = (ROOT / "docs" / "api.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks
    for block in blocks:
        out = io.StringIO()
        with redirect_stdout(out):
            exec(compile(block, "docs/api.md", "exec"), {"__name__": "docs_api"})  # noqa: S102
        assert "Result(valid=False" in out.getvalue()


def test_the_public_api_passes_mypy_strict(tmp_path):
    user = tmp_path / "user.py"
    user.write_text(
        "import pandas as pd\nimport se_graph\n\n"
        "result: se_graph.Result = se_graph.validate(['data/sample'], cohort='FOC')\n"
        "frame: pd.DataFrame = result.to_frame()\n"
        "ok: bool = result.entries[0].qualifies\n"
        "codes: tuple[str, ...] = result.entries[0].error_codes\n"
    )
    # mypy's cache under the system's temporary directory, kept between runs: most
    # of a cold run is reading pandas' stubs, which a warm one skips (mypy checks
    # each cached module against its source, so the verdict is the same)
    cache = Path(tempfile.gettempdir()) / "se-graph-test-mypy-cache"
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", f"--cache-dir={cache}",
         str(ROOT / "se_graph" / "__init__.py"), str(ROOT / "se_graph" / "api.py"), str(user)],
        capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


def test_importing_the_package_loads_no_reader_or_pandas():
    code = "import sys, se_graph; print(sorted(m for m in ('pandas', 'networkx', 'python_calamine') if m in sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert run.stdout.strip() == "[]"


def test_the_installed_package_holds_py_typed():
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["se_graph"]
    assert "py.typed" in data and (ROOT / "se_graph" / "py.typed").exists()
    assert isinstance(pd.DataFrame(), pd.DataFrame)
