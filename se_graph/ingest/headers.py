"""Header matching: normalise header text, map aliases to fields, find the header row."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from se_graph.model.fields import DEVICE_FIELD_HEADERS, DEVICE_FIELDS, FIELDS, HEADERS, PUBLIC_NAMES, ROLES
from se_graph.model.vocab import Kind

# Spec section 1: every alias must be accepted (the fields' own are in the field table).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {f.name: f.aliases for f in FIELDS if f.aliases}

ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "CHF": ("CHF", "Comms Hub", "Communications Hub", "CH"),
    "ESME": ("ESME", "Electricity Meter"),
    "GSME": ("GSME", "Gas Meter"),
    "PPMID": ("PPMID", "Prepayment Interface Device"),
    "IHD": ("IHD", "In-Home Display", "In Home Display"),
    "HCALCS": ("HCALCS",),
}

DEVICE_FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "manufacturer": ("Manufacturer",),
    "model": ("Model",),
    "hardware": ("Hardware Version", "HW Version", "Hardware"),
    "firmware": ("Firmware Version", "FW Version", "Firmware", "FW"),
}

REQUIRED: dict[Kind, tuple[str, ...]] = {
    Kind.STATUS_LIST: ("entry_id", "install_status", "dmct_status"),
    Kind.EXCLUDED: ("entry_id", "install_status", "exclusion_reason"),
    Kind.EPCL: ("entry_id",),
}

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: object) -> str:
    """Header key: case, spaces and punctuation ignored; "(s)" read as a plural "s"."""
    if not isinstance(text, str):
        return ""
    return _NON_WORD.sub("", text.strip().casefold().replace("(s)", "s"))


def singular(text: object) -> str:
    """The other reading of an optional plural: "Device(s)" as "Device".  Case is
    folded first, so "(S)" is the same plural."""
    if not isinstance(text, str):
        return ""
    folded = text.strip().casefold()
    if "(s)" not in folded:
        return ""
    return _NON_WORD.sub("", folded.replace("(s)", ""))


def lookup(text: str, table: Mapping[str, str]) -> str | None:
    """The field a header names: "(s)" matches with or without the plural."""
    return table.get(normalise(text)) or table.get(singular(text))


def alias_table(extra: Mapping[str, Sequence[str]] | None = None) -> dict[str, str]:
    """Normalised header -> field name, with the config's extra aliases."""
    table: dict[str, str] = {}
    for name, header in HEADERS.items():
        table[normalise(header)] = name
    for name, aliases in FIELD_ALIASES.items():
        for alias in aliases:
            table[normalise(alias)] = name
    for role, role_names in ROLE_ALIASES.items():
        for field in DEVICE_FIELDS:
            for role_name in role_names:
                for field_name in DEVICE_FIELD_ALIASES[field]:
                    table[normalise(f"{role_name} {field_name}")] = f"{role}.{field}"
    for public, aliases in (extra or {}).items():
        name = PUBLIC_NAMES.get(public, public)  # the config names a field as the spec does
        for alias in aliases:
            table[normalise(alias)] = name
    return table


def match_row(
    cells: Sequence[object], above: Sequence[object], table: Mapping[str, str]
) -> tuple[dict[str, tuple[str, int]], list[tuple[str, str, int]], list[tuple[str, int]]]:
    """Fields recognised in one row: field -> (header text, 0-based column).

    A cell that does not match alone is tried with the group heading above it
    (merged "CHF" over "Manufacturer | Model | ..."), carried right across blanks.
    Also returns duplicates: (field, header, column) of repeated headers, and the
    text cells that match no field: (header, column).
    """
    found: dict[str, tuple[str, int]] = {}
    duplicates: list[tuple[str, str, int]] = []
    unknown: list[tuple[str, int]] = []
    group = ""
    for col, cell in enumerate(cells):
        if col < len(above) and isinstance(above[col], str) and above[col].strip():
            group = above[col].strip()
        if not isinstance(cell, str) or not cell.strip():
            continue
        header = cell.strip()
        name = lookup(header, table)
        if name is None and group:
            name = lookup(f"{group} {header}", table)
            if name is not None:
                header = f"{group} {header}"
        if name is None:
            unknown.append((header, col))
            continue
        if name in found:
            duplicates.append((name, header, col))
        else:
            found[name] = (header, col)
    return found, duplicates, unknown


def nearest_header(text: str, table: Mapping[str, str]) -> str | None:
    """The canonical header of the field whose name or alias is nearest to ``text``."""
    import difflib

    key = normalise(text)
    close = difflib.get_close_matches(key, list(table), n=1, cutoff=0.6)
    if not close:
        return None
    name = table[close[0]]
    if "." in name:
        role, field = name.split(".")
        return f"{role} {DEVICE_FIELD_HEADERS[field]}"
    return HEADERS.get(name, name)


def kind_of(fields: Iterable[str]) -> Kind | None:
    """Which table a header row makes, told apart by its headers."""
    names = set(fields)
    if "entry_id" not in names:
        return None
    if "exclusion_reason" in names:
        return Kind.EXCLUDED
    if "dmct_status" in names:
        return Kind.STATUS_LIST
    if "date_added" in names:
        return Kind.EPCL  # the current EPCL lists when each entry was added
    if any(n.endswith(".model") for n in names):
        return Kind.STATUS_LIST  # reported below as lacking its DMCT Status column
    return None


def missing_required(kind: str, fields: Iterable[str]) -> list[str]:
    names = set(fields)
    missing = [f for f in REQUIRED[Kind(kind)] if f not in names]
    if kind == Kind.STATUS_LIST and not any(n.endswith(".model") for n in names):
        missing.append("device")
    return missing


def describe(field_name: str) -> str:
    if field_name == "device":
        return "at least one device model column (e.g. 'CHF Model')"
    return f"'{HEADERS[field_name]}'"


__all__ = [
    "ROLES",
    "alias_table",
    "describe",
    "kind_of",
    "match_row",
    "missing_required",
    "normalise",
]
