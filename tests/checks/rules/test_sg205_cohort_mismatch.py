from se_graph.assessment import assess as assess_workbooks
from se_graph.model.fields import FIELD_HEADERS
from tests.builders import row_child, row_tested, status_list, write_rows
from tests.checks.memory import assess, found, row_child, row_tested


def test_parent_and_child_in_other_cohorts():
    graph, findings = assess([row_tested("000001")], [row_child("000002", "000001", cohort="FOC")])
    assert found(findings) == [("SG205", "000002")]
    assert findings[0].location.column == "Cohort"


def test_cohorts_differing_only_in_case_and_spaces_are_one():
    graph, findings = assess([row_tested("000001")], [row_child("000002", "000001", cohort=" moc  secure")])
    assert found(findings) == []


def test_without_a_cohort_column_the_finding_points_at_the_row(tmp_path):
    # the cohort comes from --cohort: read from workbooks, as the option is
    parent = status_list(tmp_path / "s.xlsx", [row_tested("000001")])  # Cohort column: MOC Secure
    fields = [f for f in row_child("000002", "000001") if f != "cohort"]
    kid = row_child("000002", "000001")
    kids = write_rows(tmp_path / "e.xlsx", [FIELD_HEADERS[f] for f in fields], [[kid[f] for f in fields]])
    analysis = assess_workbooks([parent, kids], cohort="FOC")
    (finding,) = [f for f in analysis.findings if f.code == "SG205"]
    assert finding.location.row == 2 and finding.location.column is None
