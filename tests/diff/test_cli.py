"""`se-graph diff`: exit codes, JSON parity with the library, every format."""

from __future__ import annotations

import json
import subprocess

from typer.testing import CliRunner

from se_graph.assessment.diff import compare
from se_graph.cli import app
from se_graph.report.diff_json import to_dict
from tests.browser.conftest import need

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_json_is_the_librarys_diff(pair, found, tmp_path):
    old, new, edits = pair
    result = invoke("diff", old, new, "--format", "json", "-o", tmp_path / "d.json")
    assert result.exit_code == 1, result.output
    doc = json.loads((tmp_path / "d.json").read_text())
    assert doc == json.loads(json.dumps(to_dict(found)))
    assert doc["schema_version"] == 1 and doc["ok"] is False
    assert doc["added"] == edits["new-se-children"]["entries"]
    assert doc["removed"] == edits["withdrawn"]["entries"]
    failed = edits["tested-to-failed"]["entries"][0]
    assert {"id": failed, "fields": {"dmct_status": ["tested", "failed"]}} in doc["changed"]
    lost = {e["id"]: e for e in doc["lost"]}
    assert failed in lost and all(set(e) >= {"id", "findings"} for e in doc["lost"])
    assert all(f["severity"] == "error" for e in doc["lost"] for f in e["findings"])
    assert [e["id"] for e in doc["gained"]] == edits["pending-to-tested"]["entries"]


def test_json_is_deterministic(pair, tmp_path):
    old, new, _ = pair
    invoke("diff", old, new, "-f", "json", "-o", tmp_path / "a.json")
    invoke("diff", old, new, "-f", "json", "-o", tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_exit_0_when_nothing_lost(pair):
    old, new, _ = pair
    same = invoke("diff", old, old)
    assert same.exit_code == 0 and "No differences." in same.output and same.output.rstrip().endswith(".")
    back = invoke("diff", new, old)  # only the completed test is undone: it lost, so 1
    assert back.exit_code == 1


def test_exit_0_with_changes_that_break_nothing(tmp_path):
    from tests.builders import excluded, row_child, row_tested, status_list

    old = status_list(tmp_path / "old.xlsx", [row_tested("000001")])
    new = tmp_path / "new"
    new.mkdir()
    status_list(new / "s.xlsx", [row_tested("000001", installs=120)])
    excluded(new / "e.xlsx", [row_child("000002", "000001")])
    result = invoke("diff", old, new)
    assert result.exit_code == 0, result.output
    assert "Installations: 100 -> 120" in result.output and "000002" in result.output


def test_exit_2_for_unusable_inputs(pair, tmp_path):
    old, _, _ = pair
    result = invoke("diff", old, tmp_path / "missing")
    assert result.exit_code == 2 and "missing" in result.output
    (tmp_path / "junk.xlsx").write_text("not a workbook")
    assert invoke("diff", tmp_path / "junk.xlsx", old).exit_code == 2
    assert invoke("diff", old, old, "-f", "xlsx").exit_code == 2  # a workbook needs -o


def test_text_names_every_kind_of_change(pair):
    old, new, edits = pair
    out = invoke("diff", old, new).output
    for title in ("Lost eligibility", "Gained eligibility", "Added (2)", "Removed (1)", "Changed", "Group changes",
                  "Findings: ", "Installations and devices on qualifying entries"):
        assert title in out, title
    assert "DMCT Status: pending -> tested" in out and "DMCT Status: tested -> failed" in out
    assert "Reason for Exclusion: uneconomic -> other" in out
    assert out.rstrip().splitlines()[-1].startswith("LOST: ")


def test_markdown_tables(pair, tmp_path):
    old, new, edits = pair
    invoke("diff", old, new, "-f", "markdown", "-o", tmp_path / "d.md")
    md = (tmp_path / "d.md").read_text()
    assert "## Lost eligibility" in md and "| entry | field | old | new |" in md
    assert f"| {edits['re-parented']['entries'][0]} | Parent EPCL ID |" in md


def test_xlsx_opens_in_libreoffice_and_holds_no_formula(tmp_path):
    from tests.builders import row_tested, status_list

    soffice = need("soffice")
    old = status_list(tmp_path / "old.xlsx", [row_tested("000001", rationale="plain")])
    new = status_list(tmp_path / "new.xlsx", [row_tested("000001", rationale="+1+cmd")])
    result = invoke("diff", old, new, "-f", "xlsx", "-o", tmp_path / "d.xlsx")
    assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "d.xlsx")["Changed"]
    cell = ws["D2"]
    assert cell.value == "+1+cmd" and cell.data_type == "s"  # text, not a formula
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                           "csv", "--outdir", str(tmp_path / "csv"), str(tmp_path / "d.xlsx")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "OK: no entry lost its eligibility" in (tmp_path / "csv" / "d.csv").read_text()
