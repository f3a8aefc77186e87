"""The layers contract in pyproject holds (import-linter, run on the package)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_layers_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ", 0 broken." in result.stdout and "Contracts: 0 kept" not in result.stdout


def test_rules_doc_is_generated_from_the_registry():
    from se_graph.report.rules_doc import render_rules_markdown

    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_rules_markdown(), "docs/rules.md is stale: run `se-graph rules --format markdown > docs/rules.md`"


def test_every_rule_is_documented_and_every_ingest_code_has_its_rule():
    from se_graph.checks import RULES
    from se_graph.model import InputCode

    assert {c.value for c in InputCode} <= set(RULES)
    assert all(code.startswith("SG") and len(code) == 5 for code in RULES)
    assert len({r.name for r in RULES.values()}) == len(RULES)
    assert all(rule.doc and rule.summary.endswith(".") for rule in RULES.values())
