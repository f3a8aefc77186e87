"""Entries made in memory, as ingest makes them from a table's rows, for the
rule tests where a workbook adds nothing.

Rows are dicts keyed by canonical field name, like ``tests.builders``' rows, but
holding the values ingest parses a cell into (``DmctStatus.TESTED``, ``True``
for Target FW = Y); ``CHF.model`` and the other device fields make the
entry's devices (a device is present when its model is given).  Each table is
one ``Source`` with a column for every field its rows use, its rows numbered
from 2 under a header row, as in a workbook.
"""

from __future__ import annotations

from se_graph.checks import check
from se_graph.graph import Graph, build
from se_graph.model import Device, Entry, Finding, Source
from se_graph.model.config import Config
from se_graph.model.fields import DEVICE_FIELDS, FIELD_HEADERS, ROLES
from se_graph.model.vocab import DmctStatus, InstallStatus, Kind, Reason

STATUS_FIELDS = [
    "entry_id", "cohort", "install_status",
    "CHF.manufacturer", "CHF.model", "CHF.firmware",
    "ESME.manufacturer", "ESME.model", "ESME.firmware",
    "GSME.manufacturer", "GSME.model", "GSME.firmware",
    "IHD.manufacturer", "IHD.model", "IHD.firmware",
    "dmct_status", "test_report", "sit_report", "parent_id",
    "target_fw", "upgrade_to", "installs", "epcl_report",
]
EXCLUDED_FIELDS = [
    f for f in STATUS_FIELDS if f not in ("dmct_status", "test_report", "sit_report")
] + ["exclusion_reason", "rationale"]

DEVICES = {
    "CHF.manufacturer": "Toshiba", "CHF.model": "SKU1", "CHF.firmware": "1.0",
    "ESME.manufacturer": "Secure", "ESME.model": "Liberty 110", "ESME.firmware": "2.3",
    "GSME.manufacturer": "Secure", "GSME.model": "Europa", "GSME.firmware": "1.1",
}


def row_tested(entry_id: str, status: InstallStatus = InstallStatus.DORMANT, **fields) -> dict:
    """A tested Group 1 row with the standard devices."""
    return {"entry_id": entry_id, "cohort": "MOC Secure", "install_status": status, **DEVICES,
            "dmct_status": DmctStatus.TESTED, "test_report": f"DMCT report {entry_id}", "target_fw": True,
            "installs": 100, "epcl_report": 22, **fields}


def row_child(entry_id: str, parent: str | None, status: InstallStatus = InstallStatus.DORMANT, **fields) -> dict:
    """A substantive-equivalence child differing only in ESME firmware."""
    return {"entry_id": entry_id, "cohort": "MOC Secure", "install_status": status,
            **DEVICES, "ESME.firmware": "2.4", "exclusion_reason": Reason.SE,
            "parent_id": parent, "target_fw": True, "installs": 10, "epcl_report": 22, **fields}


def row_covered(entry_id: str, status: InstallStatus = InstallStatus.ACTIVE, **fields) -> dict:
    """A Status List row relying on Clause 20.9, with a SIT report."""
    base = {"dmct_status": DmctStatus.COVERED, "test_report": None, "sit_report": "SIT Active v2"}
    return row_tested(entry_id, status, **{**base, **fields})


def row_fw_source(entry_id: str, target: str | None, **fields) -> dict:
    """A firmware-upgrade source: the target's devices on older ESME firmware."""
    base = {"exclusion_reason": Reason.FW_UPGRADE, "parent_id": None, "upgrade_to": target,
            "target_fw": False, "epcl_report": None, "ESME.firmware": "2.1"}
    return row_child(entry_id, None, **{**base, **fields})


def table(kind: Kind, rows: list[dict], *, fields: list[str] | None = None) -> list[Entry]:
    """The entries of one table: ``fields`` its columns (by default the kind's
    usual ones), with every other field its rows use added after them."""
    used = list(fields if fields is not None else STATUS_FIELDS if kind == Kind.STATUS_LIST else EXCLUDED_FIELDS)
    for row in rows:
        used += [k for k in row if k not in used]
    source = Source(path=f"{kind}.xlsx", sheet="Data", kind=kind, header_row=1,
                    columns=tuple((f, FIELD_HEADERS[f], n) for n, f in enumerate(used, 1)))
    known = source.fields | {"cohort"}  # as ingest: a table without the column still gives a cohort
    return [_entry(source, number, row, known) for number, row in enumerate(rows, 2)]


def _entry(source: Source, number: int, row: dict, known: frozenset[str]) -> Entry:
    values = {k: v for k, v in row.items() if "." not in k}
    devices = []
    for role in ROLES:
        parts = {f: row.get(f"{role}.{f}") for f in DEVICE_FIELDS}
        if parts["model"] is not None:
            devices.append(Device(role, **parts))
    values.setdefault("cohort", "unknown")
    return Entry(source=source, row=number, devices=tuple(devices), known=known, **values)


def assess(status_rows=(), excluded_rows=(), *, epcl_ids=(), config: Config | None = None) -> tuple[Graph, list[Finding]]:
    """The graph of a Status List and an excluded schedule (and, given
    ``epcl_ids``, a current EPCL listing ids only), and every finding about it."""
    entries = []
    if status_rows:
        entries += table(Kind.STATUS_LIST, list(status_rows))
    if excluded_rows:
        entries += table(Kind.EXCLUDED, list(excluded_rows))
    if epcl_ids:
        entries += table(Kind.EPCL, [{"entry_id": i, "cohort": "MOC Secure"} for i in epcl_ids],
                         fields=["entry_id", "cohort"])
    graph = build(entries)
    return graph, check(graph, config or Config())


def found(findings: list[Finding]) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.entry) for f in findings)
