"""The registry finds every rule module, in code order, and refuses a code or a
name given twice; each module is named after its rule."""

import importlib
import pkgutil
import sys
from pathlib import Path

import pytest

from se_graph.checks import RULES, rules
from se_graph.checks.registry import discover
from se_graph.model import InputCode

RULE = '''"""{summary}

More words.
"""
from se_graph.model import Severity

CODE = "{code}"
NAME = "{name}"
SEVERITY = Severity.WARNING


def check(ctx):
    yield None, "{code} was here.", None
'''


def _package(tmp_path, name, modules: dict[str, tuple[str, str]]):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    for module, (code, rule_name) in modules.items():
        (folder / f"{module}.py").write_text(RULE.format(summary=f"Rule {rule_name}.", code=code, name=rule_name))
    sys.path.insert(0, str(tmp_path))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(tmp_path))


def test_every_rule_module_is_found_and_named_after_its_code_and_name():
    modules = sorted(info.name for info in pkgutil.iter_modules(rules.__path__))
    assert modules == [f"{r.code.lower()}_{r.name.replace('-', '_')}" for r in RULES.values()]
    assert list(RULES) == sorted(RULES)


def test_every_check_rule_has_its_test_module():
    # the ingest rules pass on what ingest found: tests/checks/test_ingest_rules.py
    # covers them all, and tests/ingest what each finds
    tests = Path(__file__).parent / "rules"
    missing = [code for code, r in RULES.items() if code not in set(InputCode)
               and not (tests / f"test_{code.lower()}_{r.name.replace('-', '_')}.py").is_file()]
    assert missing == []


def test_a_module_gives_its_rule_code_name_severity_documentation_and_check(tmp_path):
    found = discover(_package(tmp_path, "some_rules", {"b": ("SG902", "second"), "a": ("SG901", "first")}))
    assert list(found) == ["SG901", "SG902"]
    first = found["SG901"]
    assert (first.name, first.severity, first.doc, first.summary) == (
        "first", "warning", "Rule first.\n\nMore words.", "Rule first.")
    assert list(first.check(None)) == [(None, "SG901 was here.", None)]


@pytest.mark.parametrize("twice", [("SG901", "other"), ("SG902", "first")])
def test_a_code_or_a_name_given_twice_is_refused(tmp_path, twice):
    package = _package(tmp_path, f"twice_{twice[0]}_{twice[1]}", {"a": ("SG901", "first"), "b": twice})
    with pytest.raises(ValueError, match="registered twice"):
        discover(package)
