"""Open a workbook safely: sniff what the file really is, check size limits
before parsing, read with calamine and fall back to openpyxl.

Yields each worksheet as (name, rows) where rows iterates (excel_row, cells).
"""

from __future__ import annotations

import os

import zipfile
from collections.abc import Iterator
from pathlib import Path

from se_graph.model import InputError
from se_graph.model.config import Limits

_ZIP = b"PK\x03\x04"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
# parts smaller than this are never refused for their inflate ratio: tiny XML
# parts compress extremely well and are harmless
_RATIO_FLOOR = 8 * 1024 * 1024

Rows = Iterator[tuple[int, list]]


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
        with path.open("rb") as handle:
            if _ENCRYPTED_MARK in handle.read(1024 * 1024):
                raise InputError(
                    f"{path}: the workbook is encrypted (password-protected); "
                    "save an unprotected copy and read that."
                )
        return "cfb"
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
    raise InputError(f"{path}: is not a workbook (.xlsx, .xlsm, .xls or .ods).")


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse zip bombs from the central directory, before anything inflates."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(
            f"{path}: the workbook is damaged (its zip archive cannot be read); "
            "re-save it from Excel."
        ) from None
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.max_inflate_ratio:
            raise InputError(
                f"{path}: part '{info.filename}' inflates {ratio:,.0f} times, over "
                f"the limit of {limits.max_inflate_ratio}; the file looks like a zip "
                "bomb (raise [limits] max_inflate_ratio in the config if it is real)."
            )
    if total > limits.max_uncompressed_bytes:
        raise InputError(
            f"{path}: the workbook inflates to {total:,} bytes, over the limit of "
            f"{limits.max_uncompressed_bytes:,}; raise [limits] max_uncompressed_bytes "
            "in the config if it is real."
        )


def sheets(path: Path, limits: Limits) -> Iterator[tuple[str, Rows]]:
    """Every worksheet of the workbook as (name, rows)."""
    kind = sniff(path, limits)
    if kind == "zip":
        check_zip(path, limits)
    first_error: Exception | None = None
    # SE_GRAPH_READER=openpyxl skips calamine: the benchmarks' peer baseline
    if os.environ.get("SE_GRAPH_READER", "calamine") != "openpyxl":
        try:
            yield from _calamine_sheets(path, limits)
            return
        except InputError:
            raise
        except Exception as exc:  # calamine's errors are many and untyped: fall back
            first_error = exc
    if kind != "zip" or path.suffix.lower() == ".ods":
        raise _unreadable(path, first_error or ValueError("openpyxl reads only .xlsx and .xlsm"))
    try:
        yield from _openpyxl_sheets(path, limits)
    except InputError:
        raise
    except Exception as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: Exception) -> InputError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if len(reason) > 160:
        reason = reason[:157] + "..."
    return InputError(f"{path}: cannot be read as a workbook ({reason}).")


def _too_many(path: Path, sheet: str, rows: int, limits: Limits) -> InputError:
    return InputError(
        f"{path}, sheet '{sheet}': has {rows:,} rows, over the limit of "
        f"{limits.max_rows:,}; raise [limits] max_rows in the config if it is real."
    )


def _calamine_sheets(path: Path, limits: Limits) -> Iterator[tuple[str, Rows]]:
    import python_calamine

    with path.open("rb") as handle:
        book = python_calamine.CalamineWorkbook.from_filelike(handle)
    # materialise every sheet first so a read error falls back before any row
    # has been handed out
    loaded = []
    for meta in book.sheets_metadata:
        if str(meta.typ).rsplit(".", 1)[-1] not in ("WorkSheet", "Worksheet"):
            continue
        sheet = book.get_sheet_by_name(meta.name)
        if sheet.height > limits.max_rows:
            raise _too_many(path, meta.name, sheet.height, limits)
        loaded.append((meta.name, sheet))
    for name, sheet in loaded:
        yield name, enumerate(sheet.iter_rows(), start=1)


def _openpyxl_sheets(path: Path, limits: Limits) -> Iterator[tuple[str, Rows]]:
    import openpyxl  # imported only when calamine could not read the file

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            if (sheet.max_row or 0) > limits.max_rows:
                raise _too_many(path, sheet.title, sheet.max_row, limits)
            rows = sheet.iter_rows(min_row=1, values_only=True)
            yield sheet.title, ((n, list(r)) for n, r in enumerate(rows, start=1))
    finally:
        book.close()
