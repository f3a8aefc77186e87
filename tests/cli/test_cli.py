import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from se_graph.assessment import assess as analyse
from se_graph.cli import app
from se_graph.report import to_dict
from tests.builders import excluded, row_child, row_tested, status_list

runner = CliRunner()
DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def good(tmp_path):
    return [
        status_list(tmp_path / "sl.xlsx", [row_tested("000001")]),
        excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001"), row_child("000003", "000002")]),
    ]


@pytest.fixture
def bad(tmp_path):
    return [excluded(tmp_path / "bad.xlsx", [row_child("000002", "009999")])]


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_validate_passes_with_warnings_exit_0(good):
    result = invoke("validate", *good)
    assert result.exit_code == 0, result.output
    assert "PASS" in result.output and "SG207" in result.output


def test_strict_turns_warnings_into_exit_1(good):
    assert invoke("validate", "--strict", *good).exit_code == 1


def test_errors_exit_1_and_quiet_prints_only_errors_and_verdict(bad):
    result = invoke("validate", "--quiet", *bad)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("FAIL")
    assert lines[:-1] and all(line.startswith("SG2") for line in lines[:-1]), "one line per error, no warnings"
    assert "Read" not in result.output


def test_missing_file_exits_2_with_one_sentence(tmp_path):
    result = invoke("validate", tmp_path / "nope.xlsx")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"se-graph: {tmp_path / 'nope.xlsx'}: file not found."
    assert "Traceback" not in result.output


def test_renamed_csv_exits_2(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_text("EPCL ID,Installation Status\n000001,Active\n")
    result = invoke("validate", path)
    assert result.exit_code == 2 and "CSV" in result.stderr


def test_bad_option_exits_2(good):
    assert invoke("validate", "--format", "yaml", *good).exit_code == 2
    assert invoke("validate", "--no-such-option", *good).exit_code == 2


def test_internal_error_exits_3_without_traceback_unless_debug(good, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    import rich.table

    monkeypatch.setattr(rich.table.Table, "add_row", broken)  # a failure inside a library we use
    result = invoke("validate", *good)
    assert result.exit_code == 3
    assert "bug" in result.stderr and "Traceback" not in result.stderr
    debug = invoke("validate", "--debug", *good)
    assert debug.exit_code == 3 and "Traceback" in debug.stderr


def test_json_output_equals_the_library_result(good):
    result = invoke("validate", "--format", "json", *good)
    assert json.loads(result.stdout) == to_dict(analyse(good))


def test_json_is_byte_identical_across_runs_and_written_atomically(good, tmp_path):
    out = tmp_path / "out" / "findings.json"
    invoke("validate", "-f", "json", "-o", out, *good)
    first = out.read_bytes()
    invoke("validate", "-f", "json", "-o", out, *good)
    assert out.read_bytes() == first
    data = json.loads(first)
    assert set(data) == {"schema_version", "valid", "inputs", "stats", "entries", "findings"}
    assert data["stats"] == {"entries": 3, "group1": 1, "group2": 2, "errors": 0, "warnings": 1}
    assert data["entries"][2] == {"id": "000003", "cohort": "MOC Secure", "install_status": "dormant", "group": 2, "trace": ["000003", "000002", "000001"], "root": "000001", "qualifies": True}
    # no temp files left; the registry notes the output as se-graph's
    assert sorted(p.name for p in out.parent.iterdir()) == [".se-graph-outputs", "findings.json"]


def test_markdown_and_junit(good, bad):
    md = invoke("validate", "-f", "markdown", *good)
    assert md.stdout.startswith("# se-graph validation")
    assert "| warning | SG207 | 000003 |" in md.stdout
    junit = invoke("validate", "-f", "junit", *bad)
    assert junit.exit_code == 1
    assert '<testcase classname="se-graph.group2.MOC Secure" name="000002">' in junit.stdout
    assert "<failure" in junit.stdout


def test_trace_shows_each_hop_with_differences_and_evidence(good):
    result = invoke("trace", "3", *good)
    assert result.exit_code == 0
    out = result.stdout
    assert "--se--> 000002" in out and "--se--> 000001" in out
    assert "differences (old -> new): none" in out  # 000003 -> 000002
    assert "differences (old -> new): ESME firmware: 2.3 -> 2.4" in out  # 000002 -> 000001
    assert "DMCT report: DMCT report 000001" in out and "QUALIFIES: 000003" in out


def test_trace_of_a_broken_entry_exits_1_and_unknown_id_exits_2(bad, good):
    result = invoke("trace", "000002", *bad)
    assert result.exit_code == 1 and "DOES NOT QUALIFY" in result.stdout and "SG202" in result.stdout
    unknown = invoke("trace", "424242", *good)
    assert unknown.exit_code == 2 and "424242" in unknown.stderr


def test_rules_lists_every_code():
    from se_graph.checks import RULES

    result = invoke("rules")
    assert result.exit_code == 0
    assert all(code in result.stdout for code in RULES)


def test_bundled_sample_passes_and_every_group2_entry_traces():
    result = invoke("validate", str(DATA / "sample"), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    group2 = [e for e in doc["entries"] if e["group"] == 2]
    assert group2 and all(e["trace"] and e["root"] for e in group2)
    assert doc["findings"] == []


def test_bundled_broken_sample_reports_exactly_its_defects():
    from collections import Counter

    result = invoke("validate", str(DATA / "broken"), "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    defects = json.loads((DATA / "broken" / "defects.json").read_text())
    want = Counter((f["code"], f["entry"]) for d in defects["defects"] for f in d["expected_findings"])
    assert Counter((f["code"], f["entry"]) for f in doc["findings"]) == want


def test_trace_on_a_sample_group2_entry_names_its_root_and_evidence():
    doc = json.loads(invoke("validate", str(DATA / "sample"), "--format", "json").stdout)
    child = next(e for e in doc["entries"] if e["group"] == 2)
    result = invoke("trace", child["id"], str(DATA / "sample"))
    assert result.exit_code == 0
    assert f"--se--> {child['trace'][1]}" in result.output
    assert "differences (old -> new):" in result.output and "DMCT report: DMCT TCR" in result.output
