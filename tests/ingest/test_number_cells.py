"""Ingest notes each device value read from a number cell, with its cell; text
cells, blank and absent devices are not noted."""

import pytest

from se_graph.graph import build
from se_graph.ingest import read_inputs
from se_graph.model import Location, NumberCell
from tests.builders import excluded, row_child, row_tested, status_list


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
@pytest.mark.parametrize("writer", ["openpyxl", "xlsxwriter"])
def test_number_cells_are_noted_with_their_place(tmp_path, monkeypatch, reader, writer):
    monkeypatch.setenv("SE_GRAPH_READER", reader)
    rows = [row_tested("000001", **{"CHF.hardware": 1.0, "ESME.firmware": 2.5, "GSME.model": None}),
            row_tested("000002", **{"CHF.hardware": "1.0"}),
            row_tested("000003", **{"CHF.hardware": 1.0, "ESME.firmware": 2.5, "GSME.model": None})]
    path = status_list(tmp_path / "sl.xlsx", rows, writer=writer)
    first, second, third = read_inputs([path]).entries
    where = str(path)
    assert first.number_cells == (
        NumberCell("CHF.hardware", "1", Location(where, "Data", 2, "CHF Hardware Version")),
        NumberCell("ESME.firmware", "2.5", Location(where, "Data", 2, "ESME Firmware Version")),
    )
    assert first.number_cell("CHF.hardware").value == "1" and first.number_cell("GSME.firmware") is None
    assert second.number_cells == ()
    # the same device cells on another row: the same devices, the notes of its own row
    assert third.devices is first.devices
    assert [c.location.row for c in third.number_cells] == [4, 4]


def test_identical_rows_with_number_cells_are_still_repeats(tmp_path):
    row = row_tested("000001", **{"CHF.hardware": 1})
    graph = build(read_inputs([status_list(tmp_path / "sl.xlsx", [row, dict(row)])]).entries)
    assert list(graph.repeats) == ["000001"] and graph.conflicts == {}


def test_a_field_filled_from_another_table_brings_its_number_cell(tmp_path):
    # the Status List has no hardware column; the schedule gives it, as a number
    status = status_list(tmp_path / "sl.xlsx", [row_tested("000002", dmct_status="Excluded")])
    schedule = excluded(tmp_path / "ex.xlsx", [row_child("000002", "000001", **{"CHF.hardware": 2})])
    graph = build(read_inputs([status, schedule]).entries)
    (cell,) = graph.entries["000002"].number_cells
    assert (cell.field, cell.value, cell.location.path, cell.location.row) == ("CHF.hardware", "2", str(schedule), 2)
