"""Inputs that cannot be used raise one InputError: one sentence naming the file."""

import zipfile

import pytest

from se_graph.ingest import read_inputs
from se_graph.model import InputError
from tests.builders import DEVICES, status_list, row_tested, write_rows


def error_for(path, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        read_inputs([path], **kwargs)
    message = str(info.value)
    assert str(path) in message and message.endswith(".") and "\n" not in message
    return message


def test_missing_file(tmp_path):
    assert "not found" in error_for(tmp_path / "missing.xlsx")


def test_not_a_workbook(tmp_path):
    path = tmp_path / "junk.xlsx"
    path.write_bytes(b"\x00\x01\x02garbage" * 10)
    assert "not a workbook" in error_for(path)


def test_csv_renamed_xlsx(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_text("EPCL ID,Installation Status\n002255,Active\n")
    assert "CSV" in error_for(path)


def test_html_renamed_xlsx(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_text("<html><body><table><tr><td>EPCL ID</td></tr></table></body></html>")
    assert "HTML" in error_for(path)


def test_encrypted_workbook(tmp_path):
    # an encrypted OOXML file is a CFB container holding an EncryptedPackage stream
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)
    assert "encrypted" in error_for(path)


def test_truncated_zip(tmp_path):
    good = status_list(tmp_path / "good.xlsx", [row_tested("000001")])
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good.read_bytes()[:400])
    assert "damaged" in error_for(path)


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "cannot be read as a workbook" in error_for(path)


def test_no_sheet_with_the_required_columns(tmp_path):
    path = write_rows(tmp_path / "x.xlsx", ["Name", "Value"], [["a", 1]])
    assert "no sheet has the columns" in error_for(path)


def test_required_column_missing_names_sheet_and_column(tmp_path):
    path = write_rows(tmp_path / "x.xlsx", ["EPCL ID", "CHF Model", "DMCT Status"], [["000001", "SKU1", "Tested"]], sheet="List")
    message = error_for(path)
    assert "sheet 'List'" in message and "'Installation Status'" in message


def test_header_without_a_kind_says_why(tmp_path):
    path = write_rows(tmp_path / "x.xlsx", ["EPCL ID", "Installations"], [["000001", 4]])
    assert "neither a DMCT Status List nor an Excluded" in error_for(path)


def test_empty_file_and_folder(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert "empty" in error_for(path)
    (tmp_path / "sub").mkdir()
    assert "no workbook" in error_for(tmp_path / "sub")


def test_only_a_header_reads_zero_entries(tmp_path):
    path = status_list(tmp_path / "x.xlsx", [])
    result = read_inputs([path], cohort="FOC")
    assert result.entries == [] and result.tables[0].rows == 0
