"""Open a workbook safely: sniff what the file really is, check it against the
limits and its structure before any native reader sees it, then read it.

Yields each worksheet as (name, rows) where rows iterates (excel_row, cells).

How each file is read:

- .xlsx/.xlsm whose cell references all lie within the sheet's extent (checked
  by ``sheetcheck``, one pass over the sheet XML): calamine, in this process,
  with its stderr captured and its panics caught; when calamine refuses the
  file, openpyxl tries, its exceptions and warnings captured.
- everything else calamine reads (legacy .xls after its compound-file chains
  are checked, .ods, .xlsb, a decrypted copy, an .xlsx reaching far out):
  calamine in a child process bounded in memory and time (``guarded``).

Every failure is the typed input error: one sentence naming the file.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from se_graph.ingest import cfb, guarded, sheetcheck
from se_graph.model import InputCode, InputError, Location, Problem
from se_graph.model.config import Limits

_ZIP = b"PK\x03\x04"
_CFB = cfb.SIGNATURE
READS = "se-graph reads .xlsx, .xlsm, .xls and .ods"
# Excel's "read-only recommended" encryption: Excel opens it without asking
DEFAULT_PASSWORD = "VelvetSweatshop"
# BOF record types of the Excel versions before 5.0, whose files are a bare
# record stream rather than a compound file
_OLD_BIFF = {0x0009: "Excel 2.x", 0x0209: "Excel 3.0", 0x0409: "Excel 4.0"}

log = logging.getLogger("se_graph.ingest")

# warnings.catch_warnings swaps process-wide state (the filters, showwarning):
# two threads inside it at once can leave the other's filters in place, or take
# its warnings.  Every capture here holds this lock (workbooks are opened in
# worker threads, se_graph.ingest.ahead).
WARNINGS = threading.Lock()
Rows = Iterator[tuple[int, list]]


# the packages the readers import when first needed, by the name they are
# imported as, and the name pip installs them by
PACKAGES = {"python_calamine": "python-calamine", "openpyxl": "openpyxl", "msoffcrypto": "msoffcrypto-tool"}


def missing(module: str, exc: BaseException | None = None, needed_to: str = "read workbooks") -> InputError:
    """A package that is not installed, or does not load (a broken install):
    one sentence naming it and how to install it, never a word about the file."""
    package = PACKAGES.get(module, module)
    if exc is not None:
        log.debug("importing %s failed: %s: %s", module, type(exc).__name__, exc)
    return InputError(f"cannot {needed_to}: the package {package} is not installed or does not load; "
                      f"install it with `pip install {package}`.")


def damaged(shown, where: str | None = None) -> InputError:
    detail = f" ({where})" if where else ""
    return InputError(f"{shown}: the workbook is damaged{detail}; re-save it from Excel or LibreOffice.")


def _encrypted(shown) -> InputError:
    return InputError(f"{shown}: the workbook is encrypted (password-protected); "
                      "save an unprotected copy and read that.")


def sniff(path: Path, limits: Limits) -> str:
    """What the file holds: 'zip', 'cfb'; raises InputError for anything else."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        raise InputError(f"{path}: file not found.") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a workbook.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
    if size == 0:
        raise InputError(f"{path}: the file is empty, not a workbook.")
    if size > limits.max_file_bytes:
        raise InputError(
            f"{path}: the file is {size:,} bytes, over the limit of "
            f"{limits.max_file_bytes:,}; raise [limits] max_file_bytes in the config "
            "if it is a real workbook."
        )
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(_CFB):
        return "cfb"
    if len(head) >= 8:
        kind = int.from_bytes(head[:2], "little")
        length = int.from_bytes(head[2:4], "little")
        if kind in _OLD_BIFF and 4 <= length <= 16:
            raise _too_old(path, _OLD_BIFF[kind])
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sample.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<")):
        raise InputError(
            f"{path}: is an HTML or XML file, not a workbook; open it in Excel and save "
            "it as .xlsx."
        )
    if b"\x00" not in head:
        raise InputError(
            f"{path}: is a text (CSV) file, not a workbook; open it in Excel and save "
            "it as .xlsx."
        )
    raise InputError(f"{path}: is not a workbook; {READS}.")


def _too_old(shown, version: str) -> InputError:
    return InputError(f"{shown}: is an {version} workbook, a version too old to read; "
                      "open it in Excel or LibreOffice and save it as .xlsx.")


def check_zip(path: Path, limits: Limits) -> zipfile.ZipFile:
    """Refuse zip bombs from the central directory, before anything inflates;
    the open archive, for the checks that follow."""
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except Exception:  # BadZipFile, OSError, EOFError, NotImplementedError ("zip file version 11.8"), ...
        raise damaged(path, "its zip archive cannot be opened") from None
    over = sheetcheck.oversized(infos, limits.max_uncompressed_bytes, limits.max_inflate_ratio)
    if over is None:
        return archive
    archive.close()
    if over[0] == "part":
        _, name, ratio = over
        raise InputError(
            f"{path}: part '{name}' inflates {ratio:,.0f} times, over "
            f"the limit of {limits.max_inflate_ratio}; the file looks like a zip "
            "bomb (raise [limits] max_inflate_ratio in the config if it is real)."
        )
    raise InputError(
        f"{path}: the workbook inflates to {over[1]:,} bytes, over the limit of "
        f"{limits.max_uncompressed_bytes:,}; raise [limits] max_uncompressed_bytes "
        "in the config if it is real."
    )


def _zip_kind(archive: zipfile.ZipFile, shown) -> str:
    """'xlsx', 'xlsb' or 'ods'; InputError for zips that are no workbook se-graph reads."""
    names = set(archive.namelist())
    lower = {n.lower() for n in names}
    if "mimetype" in names:
        try:
            mime = archive.read("mimetype")[:200].decode("ascii", "replace").strip()
        except Exception:
            raise damaged(shown, "its zip archive is corrupt") from None
        if mime == "application/vnd.oasis.opendocument.spreadsheet":
            try:
                manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
            except Exception:
                raise damaged(shown, "its zip archive is corrupt") from None
            if b"encryption-data" in manifest:
                raise _encrypted(shown)
            return "ods"
        if mime.startswith("application/vnd.oasis.opendocument."):
            raise InputError(f"{shown}: is an OpenDocument file that is not a spreadsheet; {READS}.")
    if any(n.startswith("index/") and n.endswith(".iwa") for n in lower) or "index.zip" in lower:
        raise InputError(f"{shown}: is an Apple Numbers file, which se-graph does not read; "
                         f"export it from Numbers as Excel (.xlsx): {READS}.")
    if "xl/workbook.bin" in lower:
        return "xlsb"
    if "word/document.xml" in lower:
        raise InputError(f"{shown}: is a Word document, not a workbook; {READS}.")
    if "ppt/presentation.xml" in lower:
        raise InputError(f"{shown}: is a PowerPoint file, not a workbook; {READS}.")
    if "content.xml" in lower and "xl/workbook.xml" not in lower:
        return "ods"
    if "xl/workbook.xml" not in lower:
        if "[content_types].xml" not in lower:
            raise InputError(f"{shown}: is a zip file that cannot be read as a workbook; {READS}.")
        raise damaged(shown, "its workbook part is missing")
    return "xlsx"


def sheets(path: Path, limits: Limits, notes: list[Problem] | None = None,
           checker: sheetcheck.Checker | None = None) -> Iterator[tuple[str, Rows]]:
    """Every worksheet of the workbook as (name, rows).  What a reader says about
    a cell of a sheet (a value it could not keep) is added to ``notes``; ``checker``
    may have checked the sheets' extent already."""
    yield from _sheets(Path(path), path, limits, notes if notes is not None else [], checker)


def _sheets(path: Path, shown, limits: Limits, notes: list[Problem],
            checker: sheetcheck.Checker | None = None) -> Iterator[tuple[str, Rows]]:
    kind = sniff(path, limits)
    if kind == "cfb":
        yield from _compound(path, shown, limits)
        return
    archive = check_zip(path, limits)
    try:
        what = _zip_kind(archive, shown)
        verdict = sheetcheck.Verdict(True)
        if what == "xlsx":
            verdict = checker.verdict(str(path), archive) if checker else sheetcheck.check_here(archive)
            if verdict is None:
                raise damaged(shown, "a part of its zip archive is corrupt")
    finally:
        archive.close()
    if verdict.beyond_excel is not None:
        raise damaged(shown, f"it has a cell reference, '{verdict.beyond_excel[:40]}', outside "
                             "what any Excel sheet can hold")
    forced = os.environ.get("SE_GRAPH_READER", "calamine") == "openpyxl"
    if what != "xlsx":
        yield from _child(path, shown, limits, what)
        return
    if not verdict.safe:
        # within Excel's limits but spread far beyond the sheet's content: only
        # the bounded child may lay it out
        yield from _child(path, shown, limits, "xlsx")
        return
    first_error: BaseException | None = None
    if not forced:
        try:
            loaded = _calamine_load(path, shown, limits)
        except InputError:
            raise
        except Exception as exc:  # calamine's errors are many and untyped: fall back
            first_error = exc
            log.debug("calamine could not read %s: %s: %s", shown, type(exc).__name__, exc)
        else:
            for name, sheet in loaded:
                yield name, enumerate(sheet.iter_rows(), start=1)
            return
    yield from _openpyxl_sheets(path, shown, limits, first_error, notes)


# ---- native output and panics -------------------------------------------------------

_quiet_lock = threading.Lock()
_quiet_depth = 0
_quiet_saved: int | None = None
_quiet_file = None


@contextmanager
def native_quiet():
    """Send file descriptor 2 to a temporary file while native code runs, so a
    Rust panic message never reaches the user; what it said goes to the debug log."""
    global _quiet_depth, _quiet_saved, _quiet_file
    with _quiet_lock:
        if _quiet_depth == 0:
            try:
                import sys

                sys.stderr.flush()
                _quiet_file = tempfile.TemporaryFile()
                _quiet_saved = os.dup(2)
                os.dup2(_quiet_file.fileno(), 2)
            except OSError:
                _quiet_file = None
                _quiet_saved = None
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0 and _quiet_saved is not None:
                os.dup2(_quiet_saved, 2)
                os.close(_quiet_saved)
                _quiet_saved = None
                if _quiet_file is not None:
                    _quiet_file.seek(0)
                    said = _quiet_file.read(4096).decode("utf-8", "replace").strip()
                    _quiet_file.close()
                    _quiet_file = None
                    if said:
                        log.debug("native reader wrote to stderr: %s", said)


def _too_many(shown, sheet: str, rows: int, limits: Limits) -> InputError:
    return InputError(
        f"{shown}, sheet '{sheet}': has {rows:,} rows, over the limit of "
        f"{limits.max_rows:,}; raise [limits] max_rows in the config if it is real."
    )


class _Panicked(Exception):
    pass


def _calamine_load(path: Path, shown, limits: Limits) -> list:
    try:
        import python_calamine
    except ImportError as exc:  # a missing reader is no reason to try another
        raise missing("python_calamine", exc) from None

    loaded = []
    try:
        with native_quiet():
            with path.open("rb") as handle:
                book = python_calamine.CalamineWorkbook.from_filelike(handle)
            # materialise every sheet first so a read error falls back before any
            # row has been handed out
            for meta in book.sheets_metadata:
                if str(meta.typ).rsplit(".", 1)[-1] not in ("WorkSheet", "Worksheet"):
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                if sheet.height > limits.max_rows:
                    raise _too_many(shown, meta.name, sheet.height, limits)
                loaded.append((meta.name, sheet))
    except (InputError, Exception):
        raise
    except BaseException as exc:  # a Rust panic arrives as pyo3's PanicException
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        raise _Panicked(str(exc)) from None
    return loaded


# ---- the bounded child --------------------------------------------------------------

def _child(path: Path, shown, limits: Limits, suffix: str | None = None) -> Iterator[tuple[str, Rows]]:
    # 900 MB for any file; a big real workbook gets memory in proportion to its size
    memory = min(max(guarded.MEMORY_BYTES, 64 * path.stat().st_size), 8 << 30)
    outcome = guarded.read(str(path), limits.max_rows, memory=memory, suffix=suffix)
    if outcome.kind == "error" and suffix in ("xls", "ods"):
        # calamine cannot read every valid legacy or OpenDocument file (unusual
        # code pages, for one): LibreOffice, where installed, re-saves it as .xlsx
        copy = _libreoffice_copy(path, shown)
        if copy is not None:
            with copy as folder:
                converted = guarded.read(str(Path(folder) / "book.xlsx"), limits.max_rows, memory=memory,
                                         suffix="xlsx")
            if converted.kind == "ok":
                outcome = converted
    if outcome.kind == "missing":
        raise missing("python_calamine")
    if outcome.kind == "ok":
        for name, rows in outcome.sheets:
            yield name, enumerate(rows, start=1)
        return
    if outcome.kind == "rows":
        raise _too_many(shown, outcome.sheet, outcome.height, limits)
    if outcome.kind in ("memory", "killed"):
        raise InputError(f"{shown}: the workbook is damaged or far larger than its content (reading it "
                         f"needs more than {memory / 2**20:,.0f} MB of memory); re-save it from "
                         "Excel or LibreOffice.")
    if outcome.kind == "timeout":
        raise InputError(f"{shown}: the workbook could not be read within {guarded.SECONDS} seconds; it "
                         "is damaged or far larger than its content: re-save it from Excel or LibreOffice.")
    detail = outcome.detail
    if "PasswordError" in detail or "password" in detail.lower() or "encrypt" in detail.lower():
        raise _encrypted(shown)
    if "XmlError" in detail:
        raise damaged(shown, "a part's XML is broken")
    if "ZipError" in detail:
        raise damaged(shown, "its zip archive is corrupt")
    raise damaged(shown)


def _libreoffice_copy(path: Path, shown):
    """A temporary folder holding LibreOffice's book.xlsx of ``path``, or None."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    folder = tempfile.TemporaryDirectory(prefix="se-graph-lo-")
    source = Path(folder.name) / ("book" + (path.suffix.lower() if path.suffix.lower() in (".xls", ".ods") else ".xls"))
    try:
        source.symlink_to(path.resolve())
        # its own session, so a LibreOffice that hangs is ended whole
        proc = subprocess.Popen([soffice, "--headless", "--norestore",
                                 f"-env:UserInstallation=file://{folder.name}/profile", "--convert-to", "xlsx",
                                 "--outdir", folder.name, str(source)], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
            raise
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("LibreOffice could not convert %s: %s", shown, exc)
        folder.cleanup()
        return None
    if not (Path(folder.name) / "book.xlsx").exists():
        folder.cleanup()
        return None
    return folder


# ---- legacy and encrypted compound files --------------------------------------------

def _compound(path: Path, shown, limits: Limits) -> Iterator[tuple[str, Rows]]:
    data = path.read_bytes()
    try:
        book = cfb.parse(data)
    except cfb.Damaged as exc:
        raise damaged(shown, str(exc)) from None
    except (IndexError, ValueError, OverflowError, MemoryError, UnicodeError):
        raise damaged(shown, "its internal structure is broken") from None
    names = {n.lower(): n for n in book.streams}
    if "encryptedpackage" in names:
        yield from _decrypted(path, shown, limits, data, xls=False)
        return
    stream = names.get("workbook") or names.get("book")
    if stream is None:
        if "worddocument" in names:
            raise InputError(f"{shown}: is a Word document, not a workbook; {READS}.")
        raise InputError(f"{shown}: is an Office file that holds no workbook; {READS}.")
    try:
        version, encrypted = cfb.biff_facts(book.read(stream, 1 << 16))
    except cfb.Damaged as exc:
        raise damaged(shown, str(exc)) from None
    if stream.lower() == "book" or version < 0x0600:
        raise _too_old(shown, "Excel 5.0/95")
    if encrypted:
        yield from _decrypted(path, shown, limits, data, xls=True)
        return
    yield from _child(path, shown, limits, "xls")


def _decrypted(path: Path, shown, limits: Limits, data: bytes, *, xls: bool) -> Iterator[tuple[str, Rows]]:
    """Excel's default-password encryption opens without asking: read it; any
    other password is the user's to give."""
    import io

    try:
        import msoffcrypto
    except ImportError as exc:
        raise missing("msoffcrypto", exc, "open encrypted workbooks") from None
    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        office.load_key(password=DEFAULT_PASSWORD, verify_password=True)
        plain = io.BytesIO()
        office.decrypt(plain)
    except Exception as exc:
        log.debug("default password does not open %s: %s: %s", shown, type(exc).__name__, exc)
        raise _encrypted(shown) from None
    with tempfile.TemporaryDirectory(prefix="se-graph-") as folder:
        copy = Path(folder) / ("plain.xls" if xls else "plain.xlsx")
        copy.write_bytes(plain.getvalue())
        del plain
        if copy.read_bytes()[:4] == _ZIP:
            archive = check_zip(copy, limits)
            archive.close()
        elif not xls:
            raise damaged(shown, "its encrypted content does not decrypt to a workbook")
        yield from _child(copy, shown, limits, "xls" if xls else "xlsx")


# ---- the openpyxl fallback ----------------------------------------------------------

def _openpyxl_sheets(path: Path, shown, limits: Limits, first_error, notes: list[Problem]) -> Iterator[tuple[str, Rows]]:
    try:
        import openpyxl  # imported only when calamine could not read the file
    except ImportError as exc:
        raise missing("openpyxl", exc) from None
    try:
        with WARNINGS, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        _log_warnings(shown, caught)
    except InputError:
        raise
    except Exception as exc:
        raise _openpyxl_failure(shown, exc, first_error) from None
    try:
        for sheet in book.worksheets:
            try:
                with WARNINGS, warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    height = sheet.max_row or 0
                    title = sheet.title
                    rows = list(sheet.iter_rows(min_row=1, values_only=True)) if height <= limits.max_rows else None
                notes.extend(_cell_notes(shown, title, caught))
            except Exception as exc:
                raise _openpyxl_failure(shown, exc, first_error, getattr(sheet, "title", None)) from None
            if rows is None:
                raise _too_many(shown, title, height, limits)
            yield title, ((n, list(r)) for n, r in enumerate(rows, start=1))
    finally:
        try:
            book.close()
        except Exception:
            pass


def _log_warnings(shown, caught) -> None:
    for w in caught:
        log.debug("while reading %s: %s", shown, w.message)


# openpyxl's words for a value it replaced by an error while reading a sheet
_DATE_LOST = re.compile(r"Cell ([A-Z]{1,3})([0-9]{1,7}) is marked as a date but the serial value (\S{1,40}) is "
                        r"outside the limits for dates")


def _cell_notes(shown, sheet: str, caught) -> Iterator[Problem]:
    """The reader's warnings about a cell's value as located findings; its other
    warnings (unsupported extensions, a missing default style) change no value
    and go to the debug log."""
    for w in caught:
        found = _DATE_LOST.search(str(w.message))
        if found is None:
            log.debug("while reading %s, sheet '%s': %s", shown, sheet, w.message)
            continue
        column, row, value = found.groups()
        yield Problem(
            code=InputCode.VALUE_NOT_READ,
            message=f"Cell {column}{row} is formatted as a date but holds {value}, outside the dates a workbook "
                    "can hold; it was read as an error, not as its value.",
            entry=None,
            location=Location(str(shown), sheet, int(row), None),
        )


def _openpyxl_failure(shown, exc: BaseException, first_error, sheet: str | None = None) -> InputError:
    from xml.etree.ElementTree import ParseError

    log.debug("openpyxl could not read %s: %s: %s", shown, type(exc).__name__, exc)
    where = f", sheet '{sheet}'" if sheet else ""
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        why = "a part of its zip archive is corrupt"
    elif isinstance(exc, KeyError):
        why = "a part it needs is missing"
    elif isinstance(exc, ParseError) or type(exc).__name__ in ("XMLSyntaxError", "ExpatError") \
            or isinstance(first_error, _Panicked):
        why = "a part's XML is broken"
    elif isinstance(exc, MemoryError):
        why = "it needs more memory than this machine has"
    else:
        why = "it holds a value or setting no Excel writes"
    return InputError(f"{shown}{where}: the workbook is damaged ({why}); re-save it from Excel or LibreOffice.")
