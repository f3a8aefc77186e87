"""The in-memory rows the rule tests use are what ingest makes of the same rows
written to workbooks: the rule tests on them mean what they would on workbooks."""

import dataclasses

from se_graph.ingest import read_inputs
from se_graph.model.config import Config
from se_graph.model.vocab import DmctStatus, Kind
from tests import builders
from tests.checks import memory


def _fields(entry):
    # where the row came from differs (file, column set): everything else is the entry
    return {f.name: getattr(entry, f.name) for f in dataclasses.fields(entry) if f.name not in ("source", "known")}


def test_in_memory_rows_are_what_ingest_reads_from_the_same_rows(tmp_path):
    on_sheet = [builders.row_tested("000001"),
                {**builders.row_tested("000002", "Active"), "dmct_status": "Covered by Dormant",
                 "test_report": None, "sit_report": "SIT Active v2"},
                builders.row_tested("000003", dmct_status="In Test", test_report=None, epcl_report=None)]
    excluded_on_sheet = [builders.row_child("000004", "000001"),
                         builders.row_child("000005", None, exclusion_reason="Firmware Upgrade", upgrade_to="000001",
                                            target_fw="N", epcl_report=None, **{"ESME.firmware": "2.1"})]
    paths = [builders.status_list(tmp_path / "s.xlsx", on_sheet), builders.excluded(tmp_path / "e.xlsx", excluded_on_sheet)]
    read = read_inputs(paths, Config())
    in_memory = memory.table(Kind.STATUS_LIST, [
        memory.row_tested("000001"), memory.row_covered("000002"),
        memory.row_tested("000003", dmct_status=DmctStatus.PENDING, test_report=None, epcl_report=None),
    ]) + memory.table(Kind.EXCLUDED, [memory.row_child("000004", "000001"), memory.row_fw_source("000005", "000001")])
    assert read.findings == []
    assert [_fields(e) for e in in_memory] == [_fields(e) for e in read.entries]
    assert [e.kind for e in in_memory] == [e.kind for e in read.entries]
    assert all(m.known <= r.known for m, r in zip(in_memory, read.entries))
