"""`se-graph check-report`: a draft se-graph made agrees; a changed cell, the
seed's text and a report dated too early do not, each located."""

from __future__ import annotations

import json
from datetime import date

import docx
import pytest

from se_graph.cli.app import main
from se_graph.report.draft.dates import add_working_days, parse_date
from se_graph.report.draft.facts import approximately, implied_step
from tests.draft.conftest import SEED
from tests.draft.test_draft import SAMPLE, draft


@pytest.fixture(scope="module")
def sample_draft(tmp_path_factory):
    return draft(tmp_path_factory.mktemp("draft"))


def claims(capsys, *args) -> tuple[int, dict]:
    code = main(["check-report", *args, "-f", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_a_draft_se_graph_made_agrees(sample_draft, capsys):
    code, out = claims(capsys, str(sample_draft), SAMPLE)
    assert code == 0 and out["disagreements"] == 0 and out["schema_version"] == 1
    where = [c["where"] for c in out["claims"]]
    assert sum("table 1 (Overall)" in w for w in where) == 20  # 6 + 6 + 6 cells and 2 totals
    assert any("Annex A" in w and "column EPCL ID" in w for w in where)
    assert any(c["stated"].startswith("approximately 170,000") for c in out["claims"])


def test_a_changed_cell_is_found_and_located(sample_draft, tmp_path, capsys):
    document = docx.Document(str(sample_draft))
    group2 = next(t for t in document.tables if t.rows[0].cells[0].text == "Group 2")
    cell = group2.rows[3].cells[2]  # Potential FW upgrades, Installs Dormant
    cell.paragraphs[0].runs[0].text = "276"
    changed = tmp_path / "changed.docx"
    document.save(str(changed))
    code, out = claims(capsys, str(changed), SAMPLE)
    assert code == 1 and out["disagreements"] == 1
    [wrong] = [c for c in out["claims"] if not c["agrees"]]
    assert wrong["stated"] == "276" and wrong["data"] == "275"
    assert "(Group 2), row 'Potential FW upgrades to target FW (SE)', column Installs Dormant" in wrong["where"]


def test_the_seed_text_read_against_the_sample_disagrees_without_crashing(capsys):
    code, out = claims(capsys, SEED, SAMPLE)
    assert code == 1
    stated = {c["stated"]: c for c in out["claims"] if not c["agrees"]}
    assert stated["435 requested entries"]["data"] == "249 requested entries"
    assert "002255: no such entry in the lists" in {c["data"] for c in out["claims"]}


def test_the_seed_against_a_seed_shaped_set_flags_exactly_the_zero_cells(seed_set, capsys):
    code, out = claims(capsys, SEED, *map(str, seed_set))
    assert code == 1
    tables = [c for c in out["claims"] if "table" in c["where"]]
    assert len(tables) == 60 and all(c["stated"] == "0" for c in tables)
    # a zero cell disagrees exactly when the data is not zero; nothing else disagrees
    assert [c for c in out["claims"] if not c["agrees"]] == [c for c in tables if c["data"] != "0"]
    assert out["disagreements"] == sum(c["data"] != "0" for c in tables) > 0
    agreed = {c["stated"] for c in out["claims"] if c["agrees"]}
    assert {"435 requested entries", "2 Dormant entries tested", "002255 is a requested Clause 20.9 entry",
            "approximately 66,000 installations upgradable by firmware",
            "the report is dated 3 December 2021"} <= agreed


def test_text_and_markdown_formats(sample_draft, capsys):
    assert main(["check-report", str(sample_draft), SAMPLE]) == 0
    assert capsys.readouterr().out.rstrip().endswith("all agree with the data.")
    assert main(["check-report", str(sample_draft), SAMPLE, "-f", "markdown"]) == 0
    assert "| agrees | where | stated | data |" in capsys.readouterr().out


def test_a_report_dated_before_the_ten_working_days_is_flagged(tmp_path, capsys):
    early = draft(tmp_path, "--date", "15 November 2021")  # the 10th Working Day after 2 November is the 16th
    assert "run to 16 November 2021" in capsys.readouterr().err
    code, out = claims(capsys, str(early), SAMPLE)
    assert code == 1
    [wrong] = [c for c in out["claims"] if not c["agrees"]]
    assert wrong["stated"] == "the report is dated 15 November 2021" and wrong["where"].startswith("Front matter")


def test_a_date_that_names_no_day_disagrees(tmp_path, capsys):
    text = tmp_path / "draft.md"
    text.write_text("# 1. Context of EPCL Request\n\nAnnex A to this EPCL Report sets out the specific details of "
                    "249 entries that DCC are proposing to add.\n\nPursuant to Clause 20.34 The DCC provided the "
                    "draft DMCT Testing Reports on 31 November 2021.\n")
    code, out = claims(capsys, str(text), SAMPLE)
    assert code == 1
    assert [c["stated"] for c in out["claims"] if not c["agrees"]] == ["the date 31 November 2021"]


@pytest.mark.parametrize("name", ["draft.pdf", "missing.docx"])
def test_an_unusable_draft_is_exit_2(tmp_path, capsys, name):
    path = tmp_path / name
    if name.endswith(".pdf"):
        path.write_bytes(b"%PDF-1.4")
    assert main(["check-report", str(path), SAMPLE]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_a_damaged_docx_is_exit_2(tmp_path, capsys):
    path = tmp_path / "draft.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    assert main(["check-report", str(path), SAMPLE]) == 2
    assert "not a readable Word" in capsys.readouterr().err


def test_rounding_as_a_person_rounds():
    assert approximately(65_812) == 66_000 and approximately(170_459) == 170_000
    assert approximately(95_500) == 96_000 and approximately(42) == 42 and approximately(0) == 0
    assert implied_step(66_000) == 1_000 and implied_step(170_000) == 10_000 and implied_step(7) == 1


def test_working_days_skip_weekends_and_bank_holidays_of_england_and_wales():
    assert add_working_days(date(2021, 11, 2), 10) == date(2021, 11, 16)
    assert add_working_days(date(2022, 4, 14), 1) == date(2022, 4, 19)  # Good Friday and Easter Monday
    assert add_working_days(date(2023, 5, 5), 1) == date(2023, 5, 9)  # the coronation, a one-off holiday
    assert add_working_days(date(2022, 8, 26), 1) == date(2022, 8, 30)  # the August bank holiday
    assert parse_date("03.12.21") == date(2021, 12, 3) and parse_date("26th November 2021") == date(2021, 11, 26)
    assert parse_date("31 November 2021") is None


def test_a_large_set_lists_the_first_entries_and_still_agrees(tmp_path, capsys):
    """Above 1,000 entries the annex tables hold the first 1,000 (the workbook all)."""
    assert main(["sample", "-o", str(tmp_path / "set"), "--entries", "3000", "--seed", "3"]) == 0
    out = draft(tmp_path, files=(str(tmp_path / "set"),))
    capsys.readouterr()
    annex = next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "EPCL ID")
    assert len(annex.rows) == 1 + 1000
    code, found = claims(capsys, str(out), str(tmp_path / "set"))
    assert code == 0
    assert any(c["stated"] == "1,000 entries" and "(the first of" in c["data"] for c in found["claims"])
