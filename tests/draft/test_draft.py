"""`se-graph report`: the Word draft, read back with python-docx and opened in
LibreOffice; byte-identical runs; the template's fields."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import docx
import pytest

from se_graph.cli.app import main
from se_graph.report.draft.make_template import TEMPLATE, build

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = str(ROOT / "data" / "sample")
EXAMPLE = json.loads((ROOT / "reports" / "example" / "summary.json").read_text())
DATES = ["--date", "03.12.21", "--drafts-provided", "2 November 2021", "--lists-published", "29 November 2021",
         "--suppliers-notified", "29 November 2021"]
STATUSES = ("active", "dormant", "mixed")


def draft(where: Path, *extra: str, files=(SAMPLE,)) -> Path:
    out = where / "draft.docx"
    assert main(["report", *files, "-o", str(out), "--number", "22", *DATES, *extra]) == 0
    return out


@pytest.fixture(scope="module")
def sample_draft(tmp_path_factory):
    return draft(tmp_path_factory.mktemp("draft"))


def unique_cells(row) -> list:
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def test_the_three_tables_equal_summary_json_cell_for_cell(sample_draft):
    tables = {t.rows[0].cells[0].text: t for t in docx.Document(str(sample_draft)).tables}
    for name, title in (("overall", "Overall"), ("group1", "Group 1"), ("group2", "Group 2")):
        rows = [[c.text for c in unique_cells(r)] for r in tables[title].rows]
        assert rows[0] == [title, "Installs", "Devices"]  # the merged header cells
        assert rows[1] == ["FOC, MOC Secure", "Active", "Dormant", "Mixed", "Active", "Dormant", "Mixed"]
        data = EXAMPLE[name]
        for row, key in zip(rows[2:5], ("requested_at_target_fw", "potential_fw_upgrades", "totals_by_status")):
            want = [data[key][kind][s] for kind in ("installs", "devices") for s in STATUSES]
            assert [int(c.replace(",", "")) for c in row[1:]] == want, (title, row[0])
        assert rows[5][0] == "Totals"
        assert [int(c.replace(",", "")) for c in rows[5][1:]] == [data["totals"]["installs"],
                                                                   data["totals"]["devices"]]
        assert tables[title].rows[0]._tr.tc_lst[1].grid_span == 3  # Installs spans its three columns


def test_the_prose_names_the_figures_and_placeholders_are_marked(sample_draft):
    text = "\n".join(p.text for p in docx.Document(str(sample_draft)).paragraphs)
    head = EXAMPLE["headline"]
    assert f"details of {head['requested']} entries" in text
    assert f"{head['group1_dormant_tested']} Dormant" in text
    assert "approximately 170,000 unmigrated SMETS1 installations" in text  # 170,459 to 2 significant figures
    assert "exact figure is 170,459" in text
    first = head["group1_clause_20_9"][0]
    assert f"{first['entry']} ({first['install_status'].title()}; Dormant {first['dormant']})" in text
    assert "the 10 Working Days ran to 16 November 2021" in text
    assert "by 6 December 2021" in text  # 5 Working Days after Monday 29 November
    assert "[To be completed: name and title of the confirming Director]" in text
    assert "{{" not in text and "{%" not in text


def test_annex_a_workbook_is_written_beside_the_draft(sample_draft):
    """The audit's annex-a.xlsx, unchanged (the example audit is of the same sample)."""
    annex = sample_draft.parent / "EPCL Report 22 - Annex A - EPCL Entries.xlsx"
    assert annex.read_bytes() == (ROOT / "reports" / "example" / "annex-a.xlsx").read_bytes()


def test_two_runs_give_identical_bytes(tmp_path, sample_draft):
    again = draft(tmp_path)
    assert again.read_bytes() == sample_draft.read_bytes()
    name = "EPCL Report 22 - Annex A - EPCL Entries.xlsx"
    assert (tmp_path / name).read_bytes() == (sample_draft.parent / name).read_bytes()


def test_the_default_template_is_its_build():
    assert build() == TEMPLATE.read_bytes()  # python -m se_graph.report.draft.make_template rewrites it


def test_a_template_field_the_data_cannot_fill_is_one_sentence(tmp_path, capsys):
    document = docx.Document()
    document.add_paragraph("Report {{ number }} has {{ requested }} entries and {{ no_such_field }}.")
    template = tmp_path / "mine.docx"
    document.save(str(template))
    assert main(["report", SAMPLE, "-o", str(tmp_path / "d.docx"), "--template", str(template)]) == 2
    err = capsys.readouterr().err
    assert "no_such_field" in err and err.count("\n") == 1
    assert not (tmp_path / "d.docx").exists()


def test_an_analysts_template_with_the_same_fields_is_filled(tmp_path):
    document = docx.Document()
    document.add_paragraph("{{ requested }} entries; Overall installs {{ overall.totals.installs }}.")
    template = tmp_path / "mine.docx"
    document.save(str(template))
    out = tmp_path / "d.docx"
    assert main(["report", SAMPLE, "-o", str(out), "--template", str(template)]) == 0
    assert docx.Document(str(out)).paragraphs[0].text == "249 entries; Overall installs 659,306."


def test_workbook_text_is_escaped_not_markup(tmp_path):
    from tests.builders import row_tested, status_list

    title = 'DMCT <TCR> & "R&D" </w:t>'
    book = status_list(tmp_path / "s.xlsx", [row_tested("000001", test_report=title)])
    out = draft(tmp_path, files=(str(book),))
    rows = [[c.text for c in r.cells] for t in docx.Document(str(out)).tables for r in t.rows]
    assert ["000001", "Dormant", title, "not given"] in rows


def test_libreoffice_opens_the_draft(tmp_path, sample_draft):
    from tests.browser.conftest import need

    soffice = need("soffice")
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(sample_draft)],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    pdf = (tmp_path / "draft.pdf").read_bytes()
    # section 1 and its tables, the criteria, Annex A's 249 rows, Annexes B and D: more than ten pages
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type/Page") - pdf.count(b"/Type/Pages") > 10


def test_a_draft_changed_since_is_not_replaced_unless_force(tmp_path, capsys):
    out = draft(tmp_path)
    assert draft(tmp_path) == out  # its own output, unchanged: replaced
    written = out.read_bytes()
    out.write_bytes(written + b"\0")  # the analyst has worked on it
    assert main(["report", SAMPLE, "-o", str(out), "--number", "22"]) == 2
    err = capsys.readouterr().err
    assert f"{out}: it exists and se-graph did not write it, or it was changed since" in err and "--force" in err
    assert out.read_bytes() == written + b"\0"
    assert main(["report", SAMPLE, "-o", str(out), "--number", "22", "--force"]) == 0
    assert out.read_bytes() != written + b"\0"
