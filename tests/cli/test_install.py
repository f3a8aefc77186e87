"""The runtime dependencies are what the package imports, and `make demo`
installs only them."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# declared without an import, on purpose (pyproject.toml says why)
NOT_IMPORTED: set[str] = set()
MODULE = {"python-calamine": "python_calamine", "msoffcrypto-tool": "msoffcrypto", "google-re2": "re2",
          "python-docx": "docx"}


def imported() -> set[str]:
    """Top-level modules se_graph imports that are not in the standard library."""
    found = set()
    for path in (ROOT / "se_graph").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
            elif (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "files" and node.args
                  and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value.split(".")[0])  # resources.files("pyvis"): a package used for its data
    return {name for name in found if name not in sys.stdlib_module_names and name != "se_graph"}


def test_runtime_dependencies_are_exactly_what_is_imported():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {re.split(r"[<>=!~\[ ;]", spec)[0] for spec in project["dependencies"]}
    as_modules = {MODULE.get(name, name) for name in declared - NOT_IMPORTED}
    assert imported() == as_modules
    assert NOT_IMPORTED <= declared  # (none at present)


def test_make_demo_installs_the_runtime_dependencies_only():
    plan = subprocess.run(["make", "-n", "-B", "demo"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    installs = [line for line in plan.splitlines() if "pip install" in line and "--upgrade pip" not in line]
    assert installs == ["/".join([".venv", "bin", "python"]) + " -m pip install -q -e ."], plan
