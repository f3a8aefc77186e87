"""The report's number and Clause 20 dates from `[report]` of the config: checked
as read (one sentence naming file and key, exit 2), shown in the draft's Annex
D with the deadlines they start, overridden by the options, and used by
`check-report` to judge the dates a draft states."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
import pytest

from se_graph.cli.app import main
from se_graph.model.config import ReportSettings, load_config
from tests.draft.test_draft import SAMPLE

DATES = """[report]
number = 22
date = 2021-12-03
drafts_provided = "2021-11-02"
lists_published = 2021-11-29
suppliers_notified = "2021-11-29"
"""


def config(where: Path, text: str) -> Path:
    path = where / "se-graph.toml"
    path.write_text(text)
    return path


def paragraphs(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def make(where: Path, *args: str) -> Path:
    out = where / "draft.docx"
    assert main(["report", SAMPLE, "-o", str(out), *args]) == 0
    return out


def claims(capsys, *args: str) -> tuple[int, dict]:
    code = main(["check-report", *args, "-f", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_dates_are_toml_dates_or_iso_strings(tmp_path):
    settings = load_config(config(tmp_path, DATES)).report
    assert settings == ReportSettings(number=22, date=date(2021, 12, 3), drafts_provided=date(2021, 11, 2),
                                      lists_published=date(2021, 11, 29), suppliers_notified=date(2021, 11, 29))
    assert load_config(None).report == ReportSettings()


@pytest.mark.parametrize("text, said", [
    ("[report]\ndate = \"3 December 2021\"\n", "[report] date must be a date such as 2021-12-03, not '3 December 2021'"),
    ("[report]\ndate = 2021-12-03T10:00:00\n", "[report] date must be a date such as 2021-12-03, not 2021-12-03T10:00:00"),
    ("[report]\ndrafts_provided = 20211102\n", "[report] drafts_provided must be a date such as 2021-12-03, not 20211102"),
    ("[report]\nlists_published = \"2021-02-30\"\n", "[report] lists_published '2021-02-30' names no day"),
    ("[report]\nsuppliers_notifed = 2021-11-29\n", "unknown key 'suppliers_notifed'; did you mean 'suppliers_notified'?"),
    ("[report]\nnumber = \"22\"\n", "[report] number must be a positive whole number, not '22'"),
    ("[report]\nnumber = 0\n", "[report] number must be a positive whole number, not 0"),
    ("report = 22\n", "[report] must be a table"),
    ("[reprot]\nnumber = 22\n", "unknown section 'reprot'; did you mean 'report'?"),
])
@pytest.mark.parametrize("command", ["report", "check-report"])
def test_a_bad_report_section_is_one_sentence_and_exit_2(tmp_path, capsys, text, said, command):
    path = config(tmp_path, text)
    out = tmp_path / "draft.docx"
    args = ["report", SAMPLE, "-o", str(out)] if command == "report" else ["check-report", str(out), SAMPLE]
    if command == "check-report":
        out.write_bytes(b"")  # the config is refused before the draft is read
    code = main([*args, "--config", str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert said in err and str(path) in err and err.count("\n") == 1 and "Traceback" not in err
    assert command == "check-report" or not out.exists()


def test_annex_d_states_the_configured_dates_and_the_deadlines_they_start(tmp_path, capsys):
    out = make(tmp_path, "--config", str(config(tmp_path, DATES)))
    text = paragraphs(out)
    assert "Version: 1.0 Date: 03.12.21" in text
    assert "provided the draft DMCT Testing Reports on 2 November 2021." in text
    # the 10th Working Day after Tuesday 2 November 2021 is Tuesday 16 November
    assert "the 10 Working Days ran to 16 November 2021." in text
    assert "on the DCC website for FOC and MOC Secure on 29 November 2021." in text
    # 5 Working Days after Monday 29 November 2021: Monday 6 December
    assert "notified on 29 November 2021; objections are due within 5 Working Days, by 6 December 2021." in text
    assert (tmp_path / "EPCL Report 22 - Annex A - EPCL Entries.xlsx").is_file()  # [report] number
    assert "warning" not in capsys.readouterr().err


def test_an_option_overrides_the_config(tmp_path, capsys):
    path = config(tmp_path, DATES)
    out = make(tmp_path, "--config", str(path), "--date", "10 December 2021", "--number", "23")
    text = paragraphs(out)
    assert "Date: 10.12.21" in text and "Date: 03.12.21" not in text
    assert "on 2 November 2021" in text  # the dates not given as options stay the config's
    assert (tmp_path / "EPCL Report 23 - Annex A - EPCL Entries.xlsx").is_file()
    capsys.readouterr()
    assert claims(capsys, str(out), SAMPLE, "--config", str(path), "--date", "10 December 2021")[0] == 0


def test_check_report_judges_the_stated_report_date_by_the_configured_timeline(tmp_path, capsys):
    # a draft dated 15 November 2021 that does not say when the drafts were provided
    out = make(tmp_path, "--date", "15 November 2021")
    capsys.readouterr()
    assert claims(capsys, str(out), SAMPLE)[0] == 0  # nothing to judge the date by
    path = config(tmp_path, "[report]\ndrafts_provided = 2021-11-02\n")
    code, found = claims(capsys, str(out), SAMPLE, "--config", str(path))
    assert code == 1
    [wrong] = [c for c in found["claims"] if not c["agrees"]]
    assert wrong["stated"] == "the report is dated 15 November 2021" and wrong["where"].startswith("Front matter")
    assert "run to 16 November 2021" in wrong["data"] and found["disagreements"] == 1


def test_check_report_flags_a_stated_date_other_than_the_configured_one(tmp_path, capsys):
    path = config(tmp_path, DATES)
    out = make(tmp_path, "--config", str(path))
    capsys.readouterr()
    assert claims(capsys, str(out), SAMPLE, "--config", str(path))[0] == 0
    later = config(tmp_path, DATES.replace('"2021-11-02"', "2021-11-03"))
    code, found = claims(capsys, str(out), SAMPLE, "--config", str(later))
    assert code == 1
    wrong = [c for c in found["claims"] if not c["agrees"]]
    assert [c["stated"] for c in wrong] == [
        "the draft DMCT Testing Reports provided (Clause 20.34): 2 November 2021",
        "the 10 Working Days of Clause 20.37 ran to 16 November 2021",
    ]
    assert wrong[0]["data"] == "3 November 2021 ([report] drafts_provided or --drafts-provided)"
    assert wrong[1]["data"] == "10 Working Days after 3 November 2021: 17 November 2021"
