"""The config is checked as it is read: one sentence naming what is wrong, exit 2,
and every option that exists does something."""

from __future__ import annotations

from pathlib import Path

import pytest

from se_graph.cli import main
from tests.builders import row_tested, status_list

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.mark.parametrize("text, said", [
    ("[severty]\nSG207 = 'error'\n", "unknown section 'severty'; did you mean 'severity'?"),
    ("[policy.CHF]\nmay_dffer = ['firmware']\n", "unknown key 'may_dffer'; did you mean 'may_differ'?"),
    ("[policy]\nCHF = 1\n", "[policy] CHF must be a table"),
    ("aliases = 3\n", "[aliases] must be a table"),
    ("[policy.ESME]\nmay_lack = 'yes'\n", "may_lack must be true or false"),
    ("[policy.ESME]\nmay_differ = ['firmwre']\n", "did you mean 'firmware'?"),
    ("[aliases]\nentry_idd = 'Ref'\n", "did you mean 'entry_id'?"),
    ("[severity]\nlong-trac = 'error'\n", "unknown rule 'long-trac'; did you mean 'long-trace'?"),
    ("[severity]\nSG207 = 'fatal'\n", "must be one of error, warning, info"),
    ("[severity]\nSG207 = 2\n", "[severity] SG207 must be"),
    ("[limits]\nmax_rowz = 5\n", "did you mean 'max_rows'?"),
    ("[limits]\nmax_rows = -1\n", "max_rows must be a positive whole number"),
    ("[limits]\nmax_rows = true\n", "max_rows must be a positive whole number"),
    ("not toml = = \n", "is not valid TOML"),
])
def test_a_bad_config_is_one_sentence_and_exit_2(tmp_path, capsys, text, said):
    config = tmp_path / "se-graph.toml"
    config.write_text(text)
    code = main(["validate", str(DATA / "sample"), "--config", str(config)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert said in err and str(config) in err and err.count("\n") == 1 and "Traceback" not in err


def test_max_cell_chars_cuts_a_longer_cell_with_a_finding(tmp_path, capsys):
    path = status_list(tmp_path / "sl.xlsx", [row_tested("000001", rationale="x" * 500)])
    config = tmp_path / "c.toml"
    config.write_text("[limits]\nmax_cell_chars = 100\n")
    assert main(["validate", str(path), "--config", str(config), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "SG111" in out and "500 characters, more than the limit of 100" in out
    assert main(["validate", str(path), "--format", "json"]) == 0
    assert "SG111" not in capsys.readouterr().out
