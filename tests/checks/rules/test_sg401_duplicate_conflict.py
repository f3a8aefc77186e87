from se_graph.model.vocab import DmctStatus
from tests.checks.memory import assess, found, row_child, row_tested


def test_rows_of_one_id_that_disagree():
    graph, findings = assess([row_tested("000001"), row_tested("000001", installs=5)])
    assert found(findings) == [("SG401", "000001")]
    assert "installations" in findings[0].message
    assert "status-list.xlsx, sheet 'Data', row 2; status-list.xlsx, sheet 'Data', row 3" in findings[0].message


def test_the_same_entry_in_both_inputs_agreeing_is_merged():
    listed = row_tested("000002", dmct_status=DmctStatus.EXCLUDED, test_report=None, installs=10, parent_id="000001",
                    **{"ESME.firmware": "2.4"})
    graph, findings = assess([row_tested("000001"), listed], [row_child("000002", "000001")])
    # the Status List row says Excluded; the schedule row adds the reason (a
    # column the Status List lacks) and gives the same parent
    assert found(findings) == []
    assert graph.entries["000002"].dmct_status == DmctStatus.EXCLUDED
    assert graph.trace("000002") == ["000002", "000001"]
    assert len(graph.rows["000002"]) == 2


def test_the_same_entry_in_both_inputs_with_other_devices_conflicts():
    listed = row_tested("000002", dmct_status=DmctStatus.EXCLUDED, test_report=None, installs=10, parent_id="000001")
    graph, findings = assess([row_tested("000001"), listed], [row_child("000002", "000001")])
    assert found(findings) == [("SG401", "000002")]
    assert "ESME firmware" in findings[0].message
