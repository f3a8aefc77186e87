"""Synthetic EPCL entries, one DMC family at a time, streamed to a sink.

A family is one tested device-model combination (DMC) as Dormant, Active and
Mixed entries (Active and Mixed often covered by the Dormant test under Clause
20.9), its children excluded as substantively equivalent (mostly firmware or a
missing device), firmware-upgrade sources pointing at its entries (some over two
hops), and now and then an uneconomic, pending or failed DMC of its own.
Everything a clean family emits passes every check: the defects module adds the
broken rows.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from se_graph.model import padded_id
from se_graph.model.vocab import InstallStatus, Kind
from se_graph.sample.catalog import OPTIONAL, abbreviation, device, firmware, installs, style_of

Row = dict[str, object]
Sink = Callable[[Kind, Row], None]  # (kind, row) -> None, kind Kind.STATUS_LIST or Kind.EXCLUDED

ACTIVE, DORMANT, MIXED = InstallStatus.ACTIVE, InstallStatus.DORMANT, InstallStatus.MIXED
STATUS_SETS = [
    ((DORMANT, ACTIVE, MIXED), 0.5),
    ((DORMANT, ACTIVE), 0.3),
    ((DORMANT,), 0.1),
    ((DORMANT, MIXED), 0.1),
]
# The words the sample writes, in the spellings the DCC's lists use (the reader knows each)
TESTED_WORDS = ("Tested", "Test Complete", "Passed")
PENDING_WORDS = ("In Test", "Scheduled", "Not Started")
SE_WORDS = ["Substantive Equivalence", "Substantive Equivalence", "Substantively Equivalent", "Child DMC"]


class Ids:
    """Unique 6-digit entry ids, rising with small gaps like a real register."""

    def __init__(self, rng: random.Random, dense: bool):
        self.rng, self.dense, self.last = rng, dense, 1000 if not dense else 0

    def next(self) -> str:
        self.last += 1 if self.dense else self.rng.choice((1, 1, 1, 2, 3))
        if self.last > 999_999:
            raise ValueError("the sample ran out of 6-digit entry ids; ask for fewer entries.")
        return padded_id(self.last)


@dataclass
class Cohort:
    name: str
    rng: random.Random
    ids: Ids
    report: int
    dmcs: int = 0
    reports: int = 0
    tag: str = field(init=False)

    def __post_init__(self):
        self.tag = abbreviation(self.name)

    def dmc(self) -> str:
        self.dmcs += 1
        return f"{self.tag}-DMC-{self.dmcs:04d}"

    def test_report(self, kind: str = "DMCT") -> str:
        self.reports += 1
        return f"{kind} TCR {self.tag} {self.reports:04d} v1.0"


def base_devices(c: Cohort) -> dict[str, dict[str, str]]:
    rng = c.rng
    devices = {role: device(rng, role, rng.randrange(8, 40)) for role in ("CHF", "ESME")}
    for role, share in OPTIONAL.items():
        if rng.random() < share:
            devices[role] = device(rng, role, rng.randrange(8, 40))
    return devices


def device_cells(devices: dict[str, dict[str, str]]) -> Row:
    return {f"{role}.{name}": value for role, fields in devices.items() for name, value in fields.items()}


def counted(c: Cohort, row: Row, devices: dict, n: int | None = None) -> Row:
    """Installations, and Devices as installs x devices present (sometimes left blank)."""
    n = installs(c.rng) if n is None else n
    row["installs"] = n
    if c.rng.random() > 0.08:
        row["devices"] = n * len(devices)
    return row


def entry(c: Cohort, status: InstallStatus, dmc: str, devices: dict, **cells) -> Row:
    row: Row = {"entry_id": c.ids.next(), "dmc_id": dmc, "install_status": status.label}
    row.update(device_cells(devices))
    row.update(cells)
    return counted(c, row, devices)


def with_firmware(devices: dict, role: str, step: int) -> dict:
    """The same devices with one role's firmware moved ``step`` versions."""
    out = {r: dict(f) for r, f in devices.items()}
    style = style_of(role, out[role]["manufacturer"])
    level = _level_of(style, out[role]["firmware"])
    out[role]["firmware"] = firmware(style, max(0, level + step))
    return out


def _level_of(style: str, version: str) -> int:
    # invert catalog.firmware for the versions it wrote
    if style == "hex":
        return (int(version, 16) - 0x100) // 3
    major, minor, *_ = (int(p) for p in version.replace("0x", "").split("."))
    return (major - 1) * 16 + minor


def family(c: Cohort, emit: Sink) -> int:
    """Emit one DMC family and everything hanging off it; returns rows written."""
    rng = c.rng
    statuses = rng.choices([s for s, _ in STATUS_SETS], [w for _, w in STATUS_SETS])[0]
    devices = base_devices(c)
    dmc = c.dmc()
    requested = {"epcl_report": c.report, "target_fw": "Y"}
    members: dict[InstallStatus, str] = {}
    rows = 0
    dormant_id = None
    for status in statuses:
        if status is DORMANT or rng.random() < 0.45:
            row = entry(c, status, dmc, devices, dmct_status=rng.choice(TESTED_WORDS),
                        test_report=c.test_report(), **requested)
            if status is DORMANT:
                dormant_id = row["entry_id"]
        else:
            row = entry(c, status, dmc, devices, dmct_status="Covered by Dormant", sit_report=c.test_report("SIT"),
                        **requested)
            if rng.random() < 0.5:
                row["parent_id"] = dormant_id
        members[status] = row["entry_id"]
        emit(Kind.STATUS_LIST, row)
        rows += 1
    targets = [(members[s], devices, s) for s in statuses]
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        rows += child(c, emit, members, devices, targets)
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
        rows += fw_chain(c, emit, *rng.choice(targets))
    roll = rng.random()
    if roll < 0.06:
        rows += other(c, emit, Kind.EXCLUDED, exclusion_reason=rng.choice(["Uneconomic to Test", "Uneconomic"]),
                      rationale="Too few installations to justify a test.")
    elif roll < 0.12:
        rows += other(c, emit, Kind.STATUS_LIST, dmct_status=rng.choice(PENDING_WORDS))
    elif roll < 0.15:
        rows += other(c, emit, Kind.STATUS_LIST, dmct_status="Test Failed", test_report=c.test_report())
    return rows


def child(c: Cohort, emit: Sink, members: dict, devices: dict, targets: list) -> int:
    """A child DMC excluded as substantively equivalent to the family's entries."""
    rng = c.rng
    kids, change = variant(rng, devices)
    dmc = c.dmc()
    statuses = [s for s in members if rng.random() < 0.7] or [next(iter(members))]
    for status in statuses:
        parent = members[status]
        row = entry(c, status, dmc, kids, exclusion_reason=rng.choice(SE_WORDS), parent_id=parent,
                    epcl_report=c.report, target_fw="Y", rationale=f"Differs from {parent} only in {change}.")
        emit(Kind.EXCLUDED, row)
        targets.append((row["entry_id"], kids, status))
    return len(statuses)


def variant(rng: random.Random, devices: dict) -> tuple[dict, str]:
    """A permitted variation: mostly firmware, else a missing or different IHD etc."""
    optional = [r for r in ("GSME", "PPMID", "IHD") if r in devices]
    roll = rng.random()
    if roll < 0.25 and optional:
        role = rng.choice(optional)
        return {r: f for r, f in devices.items() if r != role}, f"having no {role}"
    if roll < 0.4 and "IHD" in devices:
        kids = {r: dict(f) for r, f in devices.items()}
        kids["IHD"] = device(rng, "IHD", rng.randrange(8, 40))
        if kids["IHD"]["model"] != devices["IHD"]["model"]:
            return kids, f"its IHD ({devices['IHD']['model']} -> {kids['IHD']['model']})"
    role = rng.choice(list(devices))
    kids = with_firmware(devices, role, rng.choice((-2, -1, 1, 2)))
    return kids, f"{role} firmware ({devices[role]['firmware']} -> {kids[role]['firmware']})"


def fw_chain(c: Cohort, emit: Sink, target: str, devices: dict, status: InstallStatus) -> int:
    """Older firmware of a target entry, upgradable to it, over one or two hops."""
    rng = c.rng
    role = rng.choice(list(devices))
    hops = 2 if rng.random() < 0.3 else 1
    nxt, rows = target, 0
    for back in range(1, hops + 1):
        older = with_firmware(devices, role, -back)
        if older[role]["firmware"] == devices[role]["firmware"]:
            break  # already the oldest version
        row = entry(c, status, c.dmc(), older, exclusion_reason=rng.choice(["Firmware Upgrade", "FW Upgrade"]),
                    upgrade_to=nxt, target_fw="N",
                    rationale=f"To be upgraded to {role} firmware {devices[role]['firmware']}.")
        row["installs"] = installs(rng)
        emit(Kind.EXCLUDED, row)
        nxt, rows = row["entry_id"], rows + 1
    return rows


def other(c: Cohort, emit: Sink, kind: Kind, **cells) -> int:
    """An entry of its own DMC that belongs to no group (uneconomic, pending, failed)."""
    devices = base_devices(c)
    status = c.rng.choice((DORMANT, ACTIVE, MIXED))
    emit(kind, entry(c, status, c.dmc(), devices, **cells))
    return 1
