"""The rules of what ingest finds: each code of ``InputCode`` has its rule, named
as the model names it, and passes on what ingest found as it found it, at the
rule's severity."""

import pytest

from se_graph.checks import RULES, check, severities
from se_graph.graph import build
from se_graph.model import InputCode, Location, Problem
from se_graph.model.config import Config


@pytest.mark.parametrize("code", list(InputCode))
def test_what_ingest_found_is_passed_on_under_its_rule(code):
    where = Location("status-list.xlsx", "Data", 7, "Installations")
    problems = [Problem(code=code, message=f"Entry 000007: something about {code}.", entry="000007", location=where),
                Problem(code=code, message="About the table.", entry=None, location=Location("status-list.xlsx", "Data", 1))]
    findings = check(build([]), Config(), problems)
    rule = RULES[code]
    assert rule.name == code.rule_name
    assert [(f.code, f.severity, f.entry, f.message, f.location) for f in findings] == [
        (code, rule.severity, None, "About the table.", Location("status-list.xlsx", "Data", 1)),
        (code, rule.severity, "000007", f"Entry 000007: something about {code}.", where),
    ]


def test_an_ingest_rule_takes_its_severity_from_the_config_by_name():
    config = Config(severities={InputCode.ID_RESTORED.rule_name: "error"})
    assert severities(config)[InputCode.ID_RESTORED] == "error"
    assert severities(Config())[InputCode.ID_RESTORED] == "warning"
