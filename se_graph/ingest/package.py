"""The parts of an .xlsx/.xlsm package, for the audit's annotated copies.

The audit copies the analyst's own file part by part and changes only what the
findings touch, so widths, styles, number formats and freeze panes survive.
This module only opens the package (with the same size and zip-bomb checks as
reading it) and maps each worksheet name to its part; it never writes.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as ET

from se_graph.ingest.workbook import check_zip, sniff
from se_graph.model.config import Limits

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class Package:
    path: Path
    names: list[str]  # every part, in the archive's order
    parts: dict[str, bytes]
    workbook: str  # e.g. xl/workbook.xml
    sheets: dict[str, str]  # worksheet name -> part name, in workbook order
    macros: bool  # an .xlsm: the copy keeps the macro-enabled type


def _rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _targets(parts: dict[str, bytes], part: str) -> dict[str, str]:
    """Relationship id -> target part name of ``part``."""
    data = parts.get(_rels_part(part))
    if data is None:
        return {}
    folder = posixpath.dirname(part)
    out = {}
    for rel in ET.fromstring(data).iter(f"{{{PKG_REL}}}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        out[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
    return out


def read_package(path: str | Path, limits: Limits | None = None) -> Package | None:
    """The parts of an Office Open XML workbook (transitional), or None for any
    other file (.xls, .ods, strict OOXML), which the audit rewrites instead."""
    path = Path(path)
    limits = limits or Limits()
    if sniff(path, limits) != "zip":
        return None
    check_zip(path, limits)
    with zipfile.ZipFile(path) as archive:
        names = [i.filename for i in archive.infolist() if not i.is_dir()]
        if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
            return None  # an .ods or another zip
        parts = {name: archive.read(name) for name in names}
    workbook = next(iter(_targets_root(parts).values()), None)
    if workbook is None or workbook not in parts:
        return None
    try:
        book = ET.fromstring(parts[workbook])
    except ET.ParseError:
        return None
    if book.tag != f"{{{MAIN}}}workbook":
        return None  # strict OOXML or something else
    rels = _targets(parts, workbook)
    sheets = {}
    for sheet in book.iter(f"{{{MAIN}}}sheet"):
        target = rels.get(sheet.get(f"{{{DOC_REL}}}id"))
        if target in parts and b"<worksheet" in parts[target][:2048]:
            sheets[sheet.get("name")] = target
    macros = b"macroEnabled" in parts["[Content_Types].xml"]
    return Package(path=path, names=names, parts=parts, workbook=workbook, sheets=sheets, macros=macros)


def _targets_root(parts: dict[str, bytes]) -> dict[str, str]:
    """The package's office document (the workbook part)."""
    out = {}
    for rel in ET.fromstring(parts["_rels/.rels"]).iter(f"{{{PKG_REL}}}Relationship"):
        if rel.get("Type", "").endswith("/officeDocument"):
            out[rel.get("Id")] = rel.get("Target", "").lstrip("/")
    return out
