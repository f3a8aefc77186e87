"""Each refusal reason, on a file of that kind, in a real process: the sentence
says the true reason in se-graph's words, exit 2, nothing else on stderr.
Files other writers produce (LibreOffice, Gnumeric) are read, not refused."""

from __future__ import annotations

import io
import json
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.hostile import fuzz

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample" / "foc-dmct-status-list.xlsx"


# what the readers say, which must never reach the user
LIBRARY_WORDS = ("Cannot detect file format", "There is no item named", "index out of range", "openpyxl",
                 "calamine", "Error -3", "does not support", "Traceback", "panicked", "CalamineError", "BadZipFile")


def validate(path: Path, reader: str = "calamine") -> tuple[int, str, str]:
    import os

    done = subprocess.run([sys.executable, "-m", "se_graph", "validate", str(path), "--format", "json"],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "SE_GRAPH_READER": reader})
    return done.returncode, done.stdout, done.stderr


def refused(path: Path, *words: str, reader: str = "calamine") -> str:
    code, out, err = validate(path, reader)
    assert code == 2 and out == "", (code, out, err)
    assert err.count("\n") == 1 and err.startswith(f"se-graph: {path}: ") and err.rstrip().endswith("."), err
    assert err.count(str(path)) == 1, err
    assert not any(w in err for w in LIBRARY_WORDS), f"a library's words passed through: {err}"
    for word in words:
        assert word in err, err
    return err


@pytest.fixture(scope="module")
def writers() -> dict[str, Path]:
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is required to make the legacy .xls and .ods files these tests read")
    return {p.name: p for p in fuzz.writer_corpus(fuzz.WRITERS)}


def _xls(writers) -> Path:
    return next(p for name, p in writers.items() if name.startswith("lo-xls-"))


def test_files_other_writers_produce_are_read(writers):
    kinds = {p.suffix for p in writers.values()}
    assert {".xls", ".ods", ".xlsx"} <= kinds, sorted(writers)
    for path in writers.values():
        for reader in ("calamine", "openpyxl"):
            code, out, err = validate(path, reader)
            assert code in (0, 1) and err == "", (path.name, reader, code, err)
            assert json.loads(out)["stats"]["entries"] > 0, path.name


def test_encrypted_xlsx(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with SAMPLE.open("rb") as plain:
        OOXMLFile(plain).encrypt("secret", out)
    path = tmp_path / "locked.xlsx"
    path.write_bytes(out.getvalue())
    refused(path, "encrypted (password-protected)", "unprotected copy")


def test_default_password_workbook_is_read(tmp_path):
    """Excel's read-only encryption, which Excel opens without asking."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with SAMPLE.open("rb") as plain:
        OOXMLFile(plain).encrypt("VelvetSweatshop", out)
    path = tmp_path / "read-only.xlsx"
    path.write_bytes(out.getvalue())
    code, stdout, err = validate(path)
    assert code in (0, 1) and err == "", err
    assert json.loads(stdout)["stats"]["entries"] == 75


def test_encrypted_xls(writers, tmp_path):
    """A FILEPASS record in the workbook stream: the BIFF8 mark of encryption."""
    import olefile

    path = tmp_path / "locked.xls"
    shutil.copy(_xls(writers), path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        book = bytearray(ole.openstream("Workbook").read())
        offset = 4 + struct.unpack_from("<H", book, 2)[0]  # the record after BOF
        struct.pack_into("<H", book, offset, 0x002F)
        ole.write_stream("Workbook", bytes(book))
    refused(path, "encrypted (password-protected)")


def test_encrypted_ods(tmp_path):
    path = tmp_path / "locked.ods"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                   'manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data '
                   'manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>')
        z.writestr("content.xml", bytes(range(256)) * 8)
    path.write_bytes(buffer.getvalue())
    refused(path, "encrypted (password-protected)")


def biff4(rows: list[list[str]]) -> bytes:
    """An Excel 4.0 worksheet: a bare BIFF4 record stream (BOF, LABELs, EOF)."""
    out = struct.pack("<HHHHH", 0x0409, 6, 0, 0x0010, 0)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            data = text.encode("latin-1")
            out += struct.pack("<HHHHHH", 0x0204, 8 + len(data), r, c, 15, len(data)) + data
    return out + struct.pack("<HH", 0x000A, 0)


def test_excel_4_workbook(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(biff4([["EPCL ID", "Installation Status"], ["000001", "Dormant"]]))
    refused(path, "Excel 4.0", "too old", "save it as .xlsx")


def excel_95(xls: bytes) -> bytes:
    """A BIFF8 .xls made into what Excel 5.0/95 writes: its workbook stream named
    'Book' (not 'Workbook') and a BIFF5 BOF record (version 0x0500)."""
    data = bytearray(xls)
    size = 1 << struct.unpack_from("<H", data, 30)[0]
    name = "Workbook".encode("utf-16-le") + b"\0\0"
    entry = data.find(name)
    assert entry > 0 and entry % 128 == 0
    data[entry:entry + 64] = ("Book".encode("utf-16-le") + b"\0\0").ljust(64, b"\0")
    struct.pack_into("<H", data, entry + 64, 10)
    start, length = struct.unpack_from("<II", data, entry + 116)
    assert length >= 4096  # in regular sectors, so its first sector holds the BOF record
    bof = (start + 1) * size
    assert struct.unpack_from("<H", data, bof)[0] == 0x0809
    struct.pack_into("<H", data, bof + 4, 0x0500)
    return bytes(data)


def test_excel_95_workbook(writers, tmp_path):
    path = tmp_path / "old95.xls"
    path.write_bytes(excel_95(_xls(writers).read_bytes()))
    for reader in ("calamine", "openpyxl"):
        refused(path, "Excel 5.0/95", "too old", "save it as .xlsx", reader=reader)


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
def test_shared_strings_announcing_more_strings_than_they_hold(tmp_path, reader):
    """uniqueCount="99999999999": calamine sets room aside for that many strings
    and aborts; the part goes to the bounded child, which says it in a sentence
    (4 of 10,000 fuzzed mutants)."""
    from tests.builders import row_tested, status_list

    source = status_list(tmp_path / "shared.xlsx", [row_tested("000001")], writer="xlsxwriter")
    path = tmp_path / "lying-count.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        names = src.namelist()
        assert "xl/sharedStrings.xml" in names
        for name in names:
            data = src.read(name)
            if name == "xl/sharedStrings.xml":
                data, n = re.subn(rb'uniqueCount="[0-9]+"', b'uniqueCount="99999999999"', data)
                assert n == 1
            out.writestr(name, data)
    refused(path, "damaged", "re-save it", reader=reader)


def test_zip_of_a_version_no_reader_knows(tmp_path):
    """The central directory asks for zip version 11.8 (a fuzzed .ods)."""
    data = bytearray(SAMPLE.read_bytes())
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 6, 118)
    path = tmp_path / "version.xlsx"
    path.write_bytes(bytes(data))
    for reader in ("calamine", "openpyxl"):
        refused(path, "damaged", "zip archive cannot be opened", reader=reader)


def test_numbers_file(tmp_path):
    path = tmp_path / "list.numbers"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Index/Document.iwa", b"\x00\x01\x02")
        z.writestr("Metadata/DocumentIdentifier", "1234")
        z.writestr("preview.jpg", b"\xff\xd8")
    refused(path, "Apple Numbers", "export it from Numbers as Excel (.xlsx)", ".xlsx, .xlsm, .xls and .ods")


def test_damaged_zip(tmp_path):
    path = tmp_path / "cut.xlsx"
    data = SAMPLE.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(path, "the workbook is damaged", "re-save it")


def test_looping_sector_chain_is_refused_at_once(writers, tmp_path):
    """A hand-damaged OLE file whose directory chain points back at itself: a
    native reader goes round for ever; se-graph says where it is damaged."""
    data = bytearray(_xls(writers).read_bytes())
    size = 1 << struct.unpack_from("<H", data, 30)[0]
    first_dir = struct.unpack_from("<I", data, 48)[0]
    first_fat = struct.unpack_from("<I", data, 76)[0]
    struct.pack_into("<I", data, (first_fat + 1) * size + 4 * first_dir, first_dir)
    path = tmp_path / "loop.xls"
    path.write_bytes(bytes(data))
    for reader in ("calamine", "openpyxl"):
        refused(path, "damaged", "loops back on itself", reader=reader)


def test_cell_past_excel_last_row(tmp_path):
    path = tmp_path / "far.xlsx"
    with zipfile.ZipFile(SAMPLE) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("sheet2.xml"):
                data = data.replace(b'r="C6"', b'r="C1048577"', 1)
            out.writestr(info.filename, data)
    for reader in ("calamine", "openpyxl"):
        refused(path, "damaged", "'C1048577'", reader=reader)


@pytest.mark.parametrize("ref", ["XFD1048576", "A1048576"])
def test_far_cell_within_excel_is_bounded(tmp_path, ref):
    """Within Excel's limits but a dense block of billions of cells: never an
    abort; answered within the memory bound."""
    path = tmp_path / "spread.xlsx"
    with zipfile.ZipFile(SAMPLE) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("sheet2.xml"):
                data = data.replace(b'r="C6"', f'r="{ref}"'.encode(), 1)
            out.writestr(info.filename, data)
    result = fuzz.run_one(path, "far", "calamine", budget=None)
    assert result.problem is None, result.problem


def test_an_ods_calamine_cannot_read_is_read_through_libreoffice(writers, tmp_path):
    """A valid OpenDocument file without its `mimetype` part: LibreOffice opens
    it, calamine does not; se-graph reads it through LibreOffice's copy."""
    source = next(p for name, p in writers.items() if name.startswith("lo-ods-"))
    path = tmp_path / "no-mimetype.ods"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "mimetype":
                out.writestr(info.filename, src.read(info))
    code, stdout, err = validate(path)
    assert code in (0, 1) and err == "", err
    assert json.loads(stdout)["stats"]["entries"] > 0
