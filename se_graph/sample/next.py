"""The next publication of a sample set: what the DCC republishes a few weeks on.

``write_next`` writes the workbooks ``write_sample`` writes for the same
arguments, then edits them as a republication would: a pending test completes,
a tested entry fails its test, new children are excluded as substantively
equivalent, a child's firmware moves on, a child is re-parented, a test report is
reissued, an installation count is recounted, an exclusion reason is reworded and
an entry is withdrawn.  Each edit is a known change, listed in ``changes.json``
(what was edited, on which entries, which fields old -> new), so the diff can be
checked against it.  Seeded and deterministic: the same arguments write the same
bytes.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Sequence
from pathlib import Path

from se_graph.model import padded_id
from se_graph.model.vocab import InstallStatus, Kind
from se_graph.sample.build import PENDING_WORDS, TESTED_WORDS, Cohort, Row, device_cells, with_firmware
from se_graph.sample.catalog import installs
from se_graph.sample.writer import KINDS, Sheet, partial, slug

__all__ = ["write_next"]

DORMANT = InstallStatus.DORMANT.label  # as the rows write it


def _stream(entries: int, cohorts: Sequence[str], seed: int, defects: bool, report: int):
    """The rows ``write_sample`` writes for these arguments, per (cohort, kind), in order."""
    from se_graph.sample import MAX_ENTRIES, cohorts_of, generate

    entries = min(entries, MAX_ENTRIES)
    groups = cohorts_of(entries, cohorts, seed, report)
    rows: dict[tuple[str, Kind], list[Row]] = {(c.name, k): [] for c in groups for k in KINDS}

    def add(cohort: Cohort, kind: Kind, row: Row) -> None:
        rows[(cohort.name, kind)].append(row)

    _, notes = generate(groups, entries, defects, add)
    return groups, rows, notes


def _devices_of(row: Row) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, value in row.items():
        if "." in key:
            role, name = key.split(".")
            out.setdefault(role, {})[name] = value
    return out


class _Edits:
    """The edits of one republication, each on entries no other edit touches."""

    def __init__(self, groups: list[Cohort], rows: dict, seed: int):
        self.groups, self.rows = groups, rows
        self.rng = random.Random(f"{seed}:next")
        self.changes: list[dict] = []
        self.used: set[str] = set()  # entries an edit touched, or that depend on one
        self.by_id: dict[str, Row] = {}
        self.parents: dict[str, list[str]] = {}  # parent id -> children (se and covered)
        self.targets: set[str] = set()  # entries a firmware source upgrades to
        for (_, kind), table in rows.items():
            for row in table:
                row["_kind"] = kind
                self.by_id[row["entry_id"]] = row
                if row.get("parent_id"):
                    self.parents.setdefault(row["parent_id"], []).append(row["entry_id"])
                if row.get("upgrade_to"):
                    self.targets.add(row["upgrade_to"])
        # a defective sample stores some ids as numbers, or as text no digit reads
        self.last_id = max((int(i) for i in map(str, self.by_id) if i.isdigit()), default=1000)

    def pick(self, candidates: list[Row]) -> Row | None:
        free = [r for r in candidates if r["entry_id"] not in self.used]
        return self.rng.choice(free) if free else None

    def cohort_rows(self, cohort: Cohort, kind: Kind) -> list[Row]:
        return self.rows[(cohort.name, kind)]

    def leaf(self, row: Row) -> bool:
        i = row["entry_id"]
        return i not in self.parents and i not in self.targets

    def se_children(self, cohort: Cohort) -> list[Row]:
        return [r for r in self.cohort_rows(cohort, Kind.EXCLUDED) if r.get("parent_id") and "upgrade_to" not in r]

    def note(self, change: str, entry_ids: list[str], fields: dict | None = None, **extra) -> None:
        self.used.update(entry_ids)
        record = {"change": change, "entries": entry_ids}
        if fields:
            record["fields"] = fields
        record.update(extra)
        self.changes.append(record)

    def set(self, row: Row, field: str, value) -> list:
        old = row.get(field)
        if value is None:
            row.pop(field, None)
        else:
            row[field] = value
        return [old, value]

    def dependants(self, i: str) -> list[str]:
        """Every entry that relies on ``i``, over any number of hops."""
        out, todo = [], list(self.parents.get(i, ()))
        while todo:
            j = todo.pop()
            out.append(j)
            todo.extend(self.parents.get(j, ()))
        return sorted(out)

    # --- the edits -------------------------------------------------------

    def fail_a_test(self, c: Cohort) -> None:
        """A tested Dormant entry with children fails its retest: it and everything on it lose."""
        rows = [r for r in self.cohort_rows(c, Kind.STATUS_LIST)
                if r.get("dmct_status") in TESTED_WORDS and r["install_status"] == DORMANT
                and r["entry_id"] in self.parents and r.get("test_report")]
        row = self.pick(rows)
        if row:
            fields = {"dmct_status": self.set(row, "dmct_status", "Test Failed")}
            # its covered Active and Mixed siblings rest on it too (Clause 20.9)
            covered = [
                r["entry_id"] for r in self.cohort_rows(c, Kind.STATUS_LIST)
                if r.get("dmc_id") == row.get("dmc_id") and r is not row and r.get("sit_report")]
            relying = sorted({*covered, *(d for i in [row["entry_id"], *covered] for d in self.dependants(i))})
            self.note("tested-to-failed", [row["entry_id"]], fields, dependants=relying)
            self.used.update(relying)

    def complete_a_test(self, c: Cohort) -> None:
        """A pending entry completes its test, with a report: it now qualifies."""
        row = self.pick([r for r in self.cohort_rows(c, Kind.STATUS_LIST) if r.get("dmct_status") in PENDING_WORDS])
        if row:
            fields = {"dmct_status": self.set(row, "dmct_status", "Test Complete"),
                      "test_report": self.set(row, "test_report", c.test_report())}
            self.note("pending-to-tested", [row["entry_id"]], fields)

    def new_children(self, c: Cohort, count: int = 2) -> None:
        """New child DMCs excluded as substantively equivalent to a tested entry (firmware only)."""
        table = self.cohort_rows(c, Kind.STATUS_LIST)
        added = []
        for _ in range(count):
            parent = self.pick([r for r in table if r.get("dmct_status") in TESTED_WORDS and r.get("test_report")])
            if parent is None or self.last_id >= 999_999:
                break
            devices = _devices_of(parent)
            role = self.rng.choice(sorted(devices))
            kids = with_firmware(devices, role, 1)
            self.last_id += 1
            n = installs(self.rng)
            row = {"entry_id": padded_id(self.last_id), "dmc_id": c.dmc(), "install_status": parent["install_status"],
                   **device_cells(kids), "exclusion_reason": "Substantive Equivalence",
                   "parent_id": parent["entry_id"], "target_fw": "Y", "installs": n, "devices": n * len(kids),
                   "epcl_report": c.report + 1, "_kind": Kind.EXCLUDED,
                   "rationale": f"Differs from {parent['entry_id']} only in {role} firmware."}
            self.cohort_rows(c, Kind.EXCLUDED).append(row)
            self.used.add(parent["entry_id"])
            added.append(row["entry_id"])
        if added:
            self.note("new-se-children", added)

    def move_firmware(self, c: Cohort) -> None:
        """A child's firmware moves on a version (still a permitted variation)."""
        row = self.pick([r for r in self.se_children(c) if self.leaf(r)])
        if row:
            devices = _devices_of(row)
            role = self.rng.choice(sorted(devices))
            moved = with_firmware(devices, role, 1)
            key = f"{role}.firmware"
            fields = {key: self.set(row, key, moved[role]["firmware"])}
            self.note("firmware-moved-on", [row["entry_id"]], fields)

    def reparent(self, c: Cohort) -> None:
        """A child of an Active entry is re-pointed at the Dormant entry of the same DMC."""
        dormant = {r["dmc_id"]: r["entry_id"] for r in self.cohort_rows(c, Kind.STATUS_LIST)
                   if r["install_status"] == DORMANT and r.get("dmct_status") in TESTED_WORDS}
        candidates = []
        for r in self.se_children(c):
            parent = self.by_id.get(r["parent_id"])
            if parent and parent["_kind"] == Kind.STATUS_LIST and parent["install_status"] != DORMANT \
                    and parent.get("dmc_id") in dormant and dormant[parent["dmc_id"]] not in self.used:
                candidates.append(r)
        row = self.pick(candidates)
        if row:
            new_parent = dormant[self.by_id[row["parent_id"]]["dmc_id"]]
            fields = {"parent_id": self.set(row, "parent_id", new_parent)}
            self.note("re-parented", [row["entry_id"]], fields)

    def reissue_report(self, c: Cohort) -> None:
        """A test report is reissued as version 1.1."""
        row = self.pick([r for r in self.cohort_rows(c, Kind.STATUS_LIST)
                         if r.get("dmct_status") in TESTED_WORDS and str(r.get("test_report", "")).endswith("v1.0")])
        if row:
            fields = {"test_report": self.set(row, "test_report", row["test_report"][:-4] + "v1.1")}
            self.note("report-reissued", [row["entry_id"]], fields)

    def recount(self, c: Cohort) -> None:
        """More installations of a requested entry (Devices follows)."""
        row = self.pick([r for r in self.cohort_rows(c, Kind.STATUS_LIST)
                         if r.get("epcl_report") and r.get("dmct_status") in TESTED_WORDS and "devices" in r])
        if row:
            n = row["installs"] + 1 + self.rng.randrange(50)
            per = row["devices"] // row["installs"] if row["installs"] else len(_devices_of(row))
            fields = {"installs": self.set(row, "installs", n), "devices": self.set(row, "devices", n * per)}
            self.note("recounted", [row["entry_id"]], fields)

    def reword_reason(self, c: Cohort) -> None:
        """An uneconomic entry is now excluded for having no installations."""
        row = self.pick([r for r in self.cohort_rows(c, Kind.EXCLUDED)
                         if str(r.get("exclusion_reason", "")).startswith("Uneconomic")])
        if row:
            fields = {"exclusion_reason": self.set(row, "exclusion_reason", "No Installations")}
            self.note("reason-changed", [row["entry_id"]], fields)

    def withdraw(self, c: Cohort) -> None:
        """A child that nothing relies on is withdrawn from the schedule."""
        row = self.pick([r for r in self.se_children(c) if self.leaf(r)])
        if row:
            self.cohort_rows(c, Kind.EXCLUDED).remove(row)
            self.note("withdrawn", [row["entry_id"]])


def write_next(
    out_dir: str | Path,
    *,
    entries: int = 300,
    cohorts: Sequence[str] = ("MOC Secure", "FOC"),
    seed: int = 22,
    defects: bool = False,
    report: int = 22,
) -> list[Path]:
    """Write the next publication of the set ``write_sample`` writes for the same
    arguments (same file names), and ``changes.json``; returns the paths written."""
    if not cohorts:
        raise ValueError("give at least one cohort.")
    groups, rows, notes = _stream(entries, cohorts, seed, defects, report)
    edits = _Edits(groups, rows, seed)
    first, last = groups[0], groups[-1]
    # the failure first: the entries that rely on it are then left alone
    edits.fail_a_test(first)
    edits.complete_a_test(first)
    edits.new_children(first)
    edits.move_firmware(first)
    edits.reparent(first)
    edits.reissue_report(first)
    edits.recount(last)
    edits.reword_reason(first)
    edits.withdraw(first)

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for c in groups:
        for kind, kind_name in KINDS.items():
            sheet = Sheet(out / f"{slug(c.name)}-{slug(kind_name)}.xlsx", kind, c.name)
            for row in rows[(c.name, kind)]:
                sheet.add(row)
            if defects and c is first and kind == Kind.STATUS_LIST:
                sheet.totals(notes)
            sheet.close()
            paths.append(sheet.path)
    path = out / "changes.json"
    doc = {"seed": seed, "changes": edits.changes}
    partial(path).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    os.replace(partial(path), path)
    paths.append(path)
    return paths
