"""One verdict everywhere (spec section 4): validate's JSON, trace's exit code, the
JUnit report and the audit give the same answer for the same entry."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from se_graph.assessment import assess
from se_graph.cli import main
from se_graph.sample import write_sample

DATA = Path(__file__).resolve().parents[2] / "data"


def run(capsys, *args) -> tuple[int, str]:
    code = main([str(a) for a in args])
    return code, capsys.readouterr().out


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Two generated sets with every defect, in other seeds and cohorts than data/broken."""
    out = []
    for seed, cohorts in ((3, ("IOC",)), (9, ("MOC Secure", "FOC", "IOC"))):
        folder = tmp_path_factory.mktemp(f"set{seed}")
        write_sample(folder, entries=120, cohorts=cohorts, seed=seed, defects=True)
        out.append(folder)
    return out


def sets(generated):
    return [DATA / "broken", DATA / "sample", *generated]


def json_of(capsys, folder) -> dict:
    code, out = run(capsys, "validate", folder, "--format", "json")
    assert code in (0, 1)
    return json.loads(out)


def qualifying(doc: dict) -> dict[str, bool]:
    """What validate's JSON says of each entry: in a group, traces, no error on it."""
    errors = {f["entry"] for f in doc["findings"] if f["severity"] == "error"}
    return {e["id"]: e["group"] in (1, 2) and e["trace"] is not None and e["id"] not in errors
            for e in doc["entries"]}


def test_trace_exit_code_is_validates_verdict_for_every_grouped_entry(capsys, generated):
    from se_graph.report.trace import render_trace

    for folder in (DATA / "broken", generated[0], generated[1]):
        doc = json_of(capsys, folder)
        verdict = qualifying(doc)
        flagged = {f["entry"] for f in doc["findings"]}
        wanted = [e["id"] for e in doc["entries"] if e["group"] is not None or e["id"] in flagged]
        assessment = assess([folder])
        for i in wanted:  # what the command prints and the exit code it returns, for each entry
            ok, text = render_trace(assessment, i)
            assert ok == verdict[i] and ("QUALIFIES:" in text) == verdict[i], (folder, i, text)
        for i in wanted[:: max(1, len(wanted) // 12)]:  # and through the command line itself
            code, out = run(capsys, "trace", i, folder)
            assert code == (0 if verdict[i] else 1), (folder, i, out)


def test_junit_failures_are_exactly_the_entries_with_errors(capsys, generated):
    for folder in sets(generated):
        doc = json_of(capsys, folder)
        with_errors = {f["entry"] for f in doc["findings"] if f["severity"] == "error" and f["entry"]}
        code, out = run(capsys, "validate", folder, "-f", "junit")
        suite = ET.fromstring(out)
        failing = {c.get("name") for c in suite.iter("testcase")
                   if c.find("failure") is not None and not c.get("classname").endswith("inputs")}
        assert failing == with_errors
        named = {c.get("name") for c in suite.iter("testcase") if not c.get("classname").endswith("inputs")}
        grouped = {e["id"] for e in doc["entries"] if e["group"]}
        flagged = {f["entry"] for f in doc["findings"] if f["entry"]}
        assert named == grouped | flagged
        input_errors = [f for f in doc["findings"] if f["severity"] == "error" and not f["entry"]]
        input_failures = [c for c in suite.iter("testcase")
                          if c.get("classname").endswith("inputs") and c.find("failure") is not None]
        assert bool(input_errors) == bool(input_failures)
        assert int(suite.get("failures")) == len(failing) + len(input_failures)
        assert (code == 1) == bool(with_errors or input_errors)


def test_the_audit_names_exactly_the_requested_entries_that_do_not_qualify(capsys, generated, tmp_path):
    for n, folder in enumerate(sets(generated)):
        doc = json_of(capsys, folder)
        verdict = qualifying(doc)
        code, _ = run(capsys, "audit", folder, "-o", tmp_path / f"a{n}")
        summary = json.loads((tmp_path / f"a{n}" / "summary.json").read_text())
        bad = {b["id"] for b in summary["not_qualifying"]}
        assert bad == {i for i in summary["requested"] if not verdict[i]}
        annex = (tmp_path / f"a{n}" / "annex-a.csv").read_text()
        assert all(f"{i}," in annex for i in bad)
        index = (tmp_path / f"a{n}" / "index.html").read_text()
        assert all(i in index for i in bad)
        assert code == (0 if doc["valid"] else 1)


def test_the_library_verdict_is_the_json_verdict(generated):
    from se_graph.report import to_dict

    for folder in sets(generated):
        assessment = assess([folder])
        doc = json.loads(json.dumps(to_dict(assessment)))
        assert {i: v.qualifies for i, v in assessment.verdicts.items()} == qualifying(doc)


def test_cohort_option_never_relabels_an_entry_whose_workbook_gives_one(capsys, generated):
    for folder in sets(generated):
        plain = {e["id"]: e["cohort"] for e in json_of(capsys, folder)["entries"]}
        code, out = run(capsys, "validate", folder, "--format", "json", "--cohort", "Foo")
        assert {e["id"]: e["cohort"] for e in json.loads(out)["entries"]} == plain


def test_a_real_cross_cohort_error_survives_the_cohort_option(capsys):
    code, out = run(capsys, "validate", DATA / "broken", "--format", "json", "--cohort", "FOC")
    assert ("SG205", "001011") in {(f["code"], f["entry"]) for f in json.loads(out)["findings"]}


def test_report_that_selects_nothing_is_a_bad_option(capsys, tmp_path):
    code = main(["audit", str(DATA / "sample"), "-o", str(tmp_path / "a"), "--report", "99"])
    err = capsys.readouterr().err
    assert code == 2 and "--report 99 selects no entry" in err and "22" in err
    assert not (tmp_path / "a").exists()


def test_only_cohort_names_a_cohort_of_the_inputs(capsys, tmp_path):
    code = main(["graph", str(DATA / "sample"), "-o", str(tmp_path / "g.html"), "--only-cohort", "Foo"])
    err = capsys.readouterr().err
    assert code == 2 and "FOC" in err and "MOC Secure" in err
    assert main(["graph", str(DATA / "sample"), "-o", str(tmp_path / "g.html"), "--only-cohort", "foc"]) == 0


def test_the_verdicts_are_judged_once_and_the_counts_agree_with_them(generated):
    """Verdicts are judged when first asked for: asking twice gives the same record,
    and the assessment's group counts are the verdicts' own."""
    for folder in sets(generated):
        a = assess([folder])
        assert list(a.verdicts) == sorted(a.graph.entries) and len(a.verdicts) == len(a.graph.entries)
        first = a.verdicts[next(iter(a.verdicts))]
        assert a.verdicts[first.entry_id] is first
        verdicts = list(a.verdicts.values())
        one = sum(v.group == 1 for v in verdicts)
        two = [v for v in verdicts if v.group == 2]
        assert a.groups == (one, len(two), sum(not v.traces for v in two))
        assert "no-such-id" not in a.verdicts
        with pytest.raises(KeyError):
            a.verdicts["no-such-id"]
