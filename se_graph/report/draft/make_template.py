"""Build the default Word template, ``template.docx``, shipped with the package.

    python -m se_graph.report.draft.make_template     # rewrites template.docx

The template is the seed report's layout with docxtpl fields (``{{ requested }}``,
``{{ overall.potential_fw_upgrades.installs.dormant }}``...) where the data
decides a figure, and yellow placeholders where only the analyst can write
(the Live Service Criteria, the risk register, names, letters to suppliers).
It is built by code so that a change to the wording is a reviewable diff, and
its bytes are the same on every build (a test rebuilds it and compares).
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt

from se_graph.model.vocab import InstallStatus
from se_graph.report.draft.fixed import fix_properties, fixed_docx

HERE = Path(__file__).parent
TEMPLATE = HERE / "template.docx"
STATUS = tuple(s.label for s in InstallStatus)  # the tables' column order, as summary.json's

CRITERIA = [
    "SMETS1 Migration Services ready including early migration support for relevant EPCL entry(ies)",
    "Service Operations capability ready",
    "SMETS1 Service and Migration can operate at the requisite volumes to support migration and operation of the "
    "relevant EPCL entry(ies) and operating capability, in parallel with all SMETS2 activity",
    "Regression Testing has completed successfully for SMETS1 and SMETS2 Live Systems",
    "Relevant testing for relevant EPCL entry(ies) has completed",
    "Pre-existing services remain stable for SMETS2 and SMETS1 prior operating capabilities",
    "Any lessons learnt from prior operating capabilities are incorporated in to live process",
    "No detrimental impact to consumers experience expected",
    "Assurance of required Business Continuity/Disaster Recovery",
    "Completion of relevant security testing and approval of security architecture",
]


def _placeholder(doc, text: str) -> None:
    """A paragraph only the analyst can write: yellow, in brackets."""
    run = doc.add_paragraph().add_run(f"[To be completed: {text}]")
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _mark(cell, text: str) -> None:
    run = cell.paragraphs[0].add_run(text)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _note(doc, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.italic = True
    run.font.size = Pt(8)


def _bold(cell, text: str) -> None:
    cell.text = ""
    cell.paragraphs[0].add_run(text).bold = True


def _summary_table(doc, name: str) -> None:
    """The section 1 table: the seed's merged Installs and Devices headers, the
    three rows by status and the merged Totals row."""
    table = doc.add_table(rows=6, cols=7)
    table.style = "Table Grid"
    _bold(table.cell(0, 0), f"{{{{ {name}.title }}}}")
    table.cell(0, 1).merge(table.cell(0, 3))
    table.cell(0, 4).merge(table.cell(0, 6))
    _bold(table.cell(0, 1), "Installs")
    _bold(table.cell(0, 4), "Devices")
    _bold(table.cell(1, 0), "{{ cohort_heading }}")
    for k, status in enumerate(STATUS * 2):
        _bold(table.cell(1, k + 1), status)
    for r, row in enumerate(("requested_at_target_fw", "potential_fw_upgrades", "totals_by_status"), start=2):
        table.cell(r, 0).text = f"{{{{ {name}.{row}.label }}}}"
        for k, kind in enumerate(("installs", "devices")):
            for j, status in enumerate(STATUS):
                table.cell(r, 1 + 3 * k + j).text = f"{{{{ {name}.{row}.{kind}.{status.lower()} }}}}"
    table.cell(5, 1).merge(table.cell(5, 3))
    table.cell(5, 4).merge(table.cell(5, 6))
    _bold(table.cell(5, 0), "Totals")
    table.cell(5, 1).text = f"{{{{ {name}.totals.installs }}}}"
    table.cell(5, 4).text = f"{{{{ {name}.totals.devices }}}}"
    _widths(table, [Cm(3.8)] + [Cm(2.2)] * 6)
    _font(table, 9)
    _note(doc, "{{ devices_note }}")


def _font(table, size: int) -> None:
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(size)


def _widths(table, widths) -> None:
    """Fixed column widths: the grid's, and each cell's (Word reads the cells',
    LibreOffice the grid's); a merged cell is as wide as the columns it spans."""
    table.autofit = False
    for column, w in zip(table.columns, widths):
        column.width = w
    for tr in table._tbl.tr_lst:
        k = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = sum(widths[k:k + span])
            k += span


def _loop_table(doc, headers: list[str], loop: str, cells: list[str], widths: list[float], size: int = 8) -> None:
    """A table with a row per item: docxtpl's {%tr %} rows repeat the middle one."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    for k, h in enumerate(headers):
        _bold(table.cell(0, k), h)
    table.cell(1, 0).text = f"{{%tr for {loop} %}}"
    for k, c in enumerate(cells):
        table.cell(2, k).text = c
    table.cell(3, 0).text = "{%tr endfor %}"
    _widths(table, [Cm(w) for w in widths])
    _font(table, size)
    # the header row repeats on every page the table runs onto
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))


def build() -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.orientation = WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    section.header.paragraphs[0].text = "Classification: DCC Public"
    doc.styles["Normal"].font.size = Pt(10)

    doc.add_heading("DMCT EPCL Report {{ number }}", level=0)
    doc.add_paragraph("Version: 1.0 Date: {{ date }}")
    _placeholder(doc, "author")

    doc.add_heading("1. Context of EPCL Request", level=1)
    doc.add_paragraph(
        "Annex A to this EPCL Report sets out the specific details of {{ requested }} entries that DCC are "
        "proposing to add to the Eligible Products Combination List (EPCL), subject to approval from the "
        "Secretary of State to do so.")
    doc.add_paragraph("DCC is requesting to add Active, Dormant & Mixed {{ cohorts }} EPCL entries which have "
                      "SMETS1 Installations to the EPCL.")
    _summary_table(doc, "overall")
    doc.add_paragraph("EPCL entries contained within this report are split into 2 Groups:")
    doc.add_paragraph("Group 1 holds {{ group1_entries }} EPCL entries: Secure EPCL entries that have been the subject "
                      "of testing.", style="List Number")
    doc.add_paragraph("Group 2 holds {{ group2_entries }} EPCL entries: EPCL entries that have not been tested but are "
                      "being proposed as Substantively Equivalent to EPCL entries in Group 1 that have been "
                      "tested.", style="List Number")

    doc.add_heading("Group 1", level=2)
    doc.add_paragraph(
        "DCC has completed testing via the DMCT process of {{ tested.dormant }} Dormant, {{ tested.active }} "
        "Active and {{ tested.mixed }} Mixed EPCL entries as set out in Annex A. Details of the testing performed "
        "on these EPCL entries is also detailed in Annex A.")
    doc.add_paragraph("{%p if clause_20_9 %}")
    doc.add_paragraph(
        "As described in Annex D, for the following proposed Active and Mixed EPCL entries {{ clause_20_9_ids }} "
        "DCC has tested the Dormant entries in DMCT. In line with SVTAD Appendix AK, Clause 20.9, DCC has chosen "
        "not to additionally test the entries for these DMCs in respect of SMETS1 Installations that comprise "
        "solely Active meters or Mixed meters as it considers that the testing in respect of the entry "
        "containing only Dormant Meters suffices.")
    doc.add_paragraph("{%p endif %}")
    _summary_table(doc, "group1")

    doc.add_heading("Group 2", level=2)
    doc.add_paragraph(
        "DCC is requesting to add additional entries onto the EPCL based on \"Substantive Equivalence\" (see "
        "Annex E). DCC proposes that each of the EPCL entries contained within Group 2 are Substantively "
        "Equivalent to one of the entries in Group 1 and therefore do not require testing for the DCC to satisfy "
        "itself that it will be able to Migrate them and be able to successfully process SMETS1 Service Requests "
        "and relevant SMETS1 Alerts in respect of enrolled SMETS1 Smart Metering Systems comprising all or part "
        "of the DMC.")
    _summary_table(doc, "group2")
    _placeholder(doc, "the regression risk statement, letters to Suppliers about these DMCs and their "
                      "responses, and any functionality restrictions after enrolment")
    doc.add_paragraph(
        "As of {{ as_of }}, there are approximately {{ fw_upgradable.approx }} unmigrated SMETS1 installations "
        "with the potential to be firmware upgraded to the DMCs contained within this report.")
    _note(doc, "Note: the exact figure is {{ fw_upgradable.exact }} installations, of the {{ fw_upgradable.sources }} "
               "entries whose firmware-upgrade chain ends at a requested entry; rounded above to 2 significant "
               "figures.")
    _placeholder(doc, "the Security Sub-Committee's confirmation and its date")
    doc.add_paragraph(
        "DCC accordingly recommends that BEIS approves the requested new entries for the EPCL set out in Annex A.")
    doc.add_paragraph(
        "If a Supplier Party has any objections to the DCC's request that BEIS approves the addition of the "
        "entries listed in this report onto the EPCL their concerns should be sent to BEIS within 5 working days "
        "of a notification being issued by SECAS of the publication of this report.")

    doc.add_heading("2. Live Service Criteria Assessment", level=1)
    table = doc.add_table(rows=1 + len(CRITERIA), cols=4)
    table.style = "Table Grid"
    for k, h in enumerate(("#", "Live Service Criteria", "RAG Status", "Commentary")):
        _bold(table.cell(0, k), h)
    for r, criterion in enumerate(CRITERIA, start=1):
        table.cell(r, 0).text = str(r)
        table.cell(r, 1).text = criterion
        _mark(table.cell(r, 2), "[RAG]")
        _mark(table.cell(r, 3), "[To be completed: commentary]")
    _widths(table, [Cm(1.0), Cm(5.5), Cm(1.7), Cm(8.8)])

    doc.add_heading("3. EPCL Reports Risk Register", level=1)
    _placeholder(doc, "where the EPCL Reports Risk Register is published")
    doc.add_heading("4. Confirmation of DCC Information", level=1)
    _placeholder(doc, "name and title of the confirming Director")

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Annex A - EPCL entries Requested for Eligible Product Combination List", level=1)
    doc.add_paragraph("The file '{{ annex_a_file }}' details the entries that the DCC is requesting to make to the "
                      "list of Eligible Product Combinations. {{ annex_a_listed }}")
    _loop_table(doc, ["EPCL ID", "Cohort", "Status", "Group", "Basis", "Installs", "Devices", "Parent", "Evidence"],
                "row in annex_a", [f"{{{{ row[{k}] }}}}" for k in range(9)], [1.4, 1.8, 1.5, 1.1, 2.4, 1.5, 1.5, 1.4, 4.4], size=7)

    doc.add_heading("Annex B - Final DMCT Testing Reports for proposed EPCL entries", level=1)
    doc.add_paragraph("The title and date of the DMCT Test Completion Report of each tested requested EPCL entry. "
                      "Where requested EPCL entries are being added via Substantive Equivalence (see Annex E), no "
                      "testing of the DMCs corresponding to the requested EPCL entries has been performed. This is "
                      "in accordance with SVTAD Appendix AK, Clause 20.6 (d) (i). {{ annex_b_listed }}")
    _loop_table(doc, ["EPCL ID", "Status", "Test report", "Date"], "t in annex_b",
                ["{{ t.id }}", "{{ t.status }}", "{{ t.report }}", "{{ t.date }}"], [1.6, 1.8, 9.6, 4.0])

    doc.add_heading("Annex C - Latest DCC Pacing Strategy", level=1)
    _placeholder(doc, "the pacing strategy")

    doc.add_heading("Annex D - Mapping to Clause 20 of the SVTAD", level=1)
    doc.add_paragraph("{%p if clause_20_9 %}")
    doc.add_paragraph(
        "For the following proposed Active and Mixed EPCL entries {{ clause_20_9_ids }} DCC has tested the Dormant "
        "entries in DMCT. In line with SVTAD Appendix AK, Clause 20.9, DCC has chosen not to additionally test "
        "entries for these DMCs in respect of SMETS1 Installations that comprise solely Active meters or Mixed "
        "meters as it considers that the testing in respect of these entries containing only Dormant Meters "
        "suffices.")
    doc.add_paragraph(
        "In line with SVTAD Appendix AK, Clause 20.41, for each of these entries DCC references the Dormant DMCT "
        "Test Completion Report and the Active or Mixed SIT Test Completion Report. {{ clause_20_9_listed }}")
    _loop_table(doc, ["EPCL ID", "Status", "Dormant entry", "Dormant DMCT report", "SIT report"],
                "c in clause_20_9_rows",
                ["{{ c.id }}", "{{ c.status }}", "{{ c.dormant }}", "{{ c.dormant_report }}", "{{ c.sit_report }}"],
                [1.6, 1.6, 2.0, 6.3, 5.5])
    doc.add_paragraph("{%p endif %}")
    doc.add_heading("Group 1", level=2)
    _placeholder(doc, "the test packs executed (Clause 20.15) and the open Testing Issues (Clauses 20.29, 20.30)")
    doc.add_paragraph("Pursuant to Clause 20.34 The DCC provided the draft DMCT Testing Reports on "
                      "{{ dates.drafts_provided }}.")
    doc.add_paragraph(
        "Pursuant to Clause 20.37 no Supplier Party has referred the matter to the Secretary of State for a "
        "determination (pursuant to Clause 20.40) within 10 Working Days of the draft DMCT Testing Reports being "
        "provided; the 10 Working Days ran to {{ dates.referral_ends }}.")
    doc.add_heading("Groups 1 & 2", level=2)
    doc.add_paragraph(
        "Pursuant to Clause 20.8 and Clause 20.10 DCC published the DMCT Status List and the DMCT Schedule, and "
        "the exclusions from the DMCT Schedule under Clause 20.11, on the DCC website for {{ cohorts }} on "
        "{{ dates.lists_published }}.")
    doc.add_paragraph(
        "The relevant Suppliers were notified on {{ dates.suppliers_notified }}; objections are due within 5 "
        "Working Days, by {{ dates.objections_due }}.")

    doc.add_heading("Annex E - DCC Guidance Note: Child DMCs and Substantive Equivalence", level=1)
    _placeholder(doc, "where the Guidance Note is published")

    fix_properties(doc)
    doc.core_properties.title = "DMCT EPCL Report"
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_docx(buffer.getvalue())


if __name__ == "__main__":
    TEMPLATE.write_bytes(build())
    print(f"wrote {TEMPLATE}")
