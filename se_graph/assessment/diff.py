"""What changed between two publications of a set: ``compare(old, new)``.

Both sides are ``Assessment``s, each made once by ``assess``; every verdict here
(group, qualifies, the findings that block an entry) is read from them, never
worked out again.  The entries of the two sides are aligned by id with pandas:
one row per entry, one column per field, compared column by column.

A field is compared only where both sides' tables have a column for it (spec
section 1: a missing column is unknown, never blank).  Devices are compared field
by field (``ESME.firmware``) only for the entries whose device tuples differ.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from se_graph.model import Entry, Finding
from se_graph.model.fields import DEVICE_FIELDS, ROLES

if TYPE_CHECKING:
    import pandas as pd

    from se_graph.assessment import Assessment

__all__ = ["Change", "CountRow", "Diff", "Eligibility", "GroupChange", "SCHEMA_VERSION", "compare"]

SCHEMA_VERSION = 1

# the entry's own fields, in the order a change lists them: (field name, Entry attribute)
FIELDS: tuple[tuple[str, str], ...] = (
    ("table", ""),  # which table(s) give the entry: status-list, excluded, epcl
    ("cohort", "cohort"),
    ("install_status", "install_status"),
    ("dmc_id", "dmc_id"),
    ("dmct_status", "dmct_status"),
    ("exclusion_reason", "exclusion_reason"),
    ("parent_id", "parent_id"),
    ("upgrade_to", "upgrade_to"),
    ("target_fw", "target_fw"),
    ("test_report", "test_report"),
    ("test_report_date", "test_report_date"),
    ("sit_report", "sit_report"),
    ("installs", "installs"),
    ("devices", "device_count"),
    ("epcl_report", "epcl_report"),
    ("rationale", "rationale"),
    ("date_added", "date_added"),
)
DEVICE_KEYS: tuple[str, ...] = tuple(f"{role}.{name}" for role in ROLES for name in DEVICE_FIELDS)
_UNKNOWN = "\x00unknown"  # no column for the field on that side: never compared


@dataclass(frozen=True)
class Change:
    entry_id: str
    fields: dict[str, tuple]  # field -> (old, new), in FIELDS then DEVICE_KEYS order


@dataclass(frozen=True)
class GroupChange:
    entry_id: str
    old: str  # the verdict's label on each side, e.g. "Group 1, tested"
    new: str


@dataclass(frozen=True)
class Eligibility:
    """An entry that qualified on one side and not on the other."""

    entry_id: str
    cohort: str
    was: str  # label on the older side
    now: str  # label on the newer side
    requested: bool  # requested on the newer side (lost) or the older (gained)
    # lost: the findings that now block it; gained: those that blocked it before
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class CountRow:
    """Installations and devices on qualifying entries, one cohort and status."""

    cohort: str
    install_status: str
    old: tuple[int, int]  # (installs, devices)
    new: tuple[int, int]
    gained: tuple[int, int]  # on entries that qualify now and did not (or are new)
    lost: tuple[int, int]  # on entries that qualified and do not now (or were withdrawn)


@dataclass(frozen=True)
class Diff:
    old: Assessment
    new: Assessment
    added: list[str]
    removed: list[str]
    changed: list[Change]
    groups: list[GroupChange]
    lost: list[Eligibility]
    gained: list[Eligibility]
    new_findings: list[Finding]
    fixed_findings: list[Finding]
    counts: list[CountRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No entry lost its eligibility (exit 0)."""
        return not self.lost

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.groups or self.lost or self.gained
                    or self.new_findings or self.fixed_findings)


def _table_of(rows: list[Entry]) -> str:
    kinds = sorted({r.source.kind for r in rows})
    return "+".join(kinds)


def _frame(a: Assessment) -> pd.DataFrame:
    """One row per entry, one column per field (object dtype: None stays None)."""
    import pandas as pd

    entries = a.graph.entries
    ids = list(entries)
    values = list(entries.values())
    cols: dict[str, list] = {"table": [_table_of(a.graph.rows[i]) for i in ids]}
    for name, attr in FIELDS[1:]:
        cols[name] = [getattr(e, attr) if name in e.known else _UNKNOWN for e in values]
    cols["_devices"] = [e.devices for e in values]
    return pd.DataFrame(cols, index=pd.Index(ids, name="id"), dtype=object)


def _device_changes(old: Entry, new: Entry) -> dict[str, tuple]:
    a = {d.role: d for d in old.devices}
    b = {d.role: d for d in new.devices}
    out = {}
    for key in DEVICE_KEYS:
        if key not in old.known or key not in new.known:
            continue
        role, name = key.split(".")
        x, y = a.get(role), b.get(role)
        vx, vy = (getattr(x, name) if x else None), (getattr(y, name) if y else None)
        if vx != vy:
            out[key] = (vx, vy)
    return out


def _changes(old: Assessment, new: Assessment, fo: pd.DataFrame, fn: pd.DataFrame, common) -> list[Change]:
    import numpy as np

    a, b = fo.loc[common], fn.loc[common]
    per_field: dict[str, tuple] = {}
    hit = np.zeros(len(common), dtype=bool)
    for name, _ in FIELDS:
        x, y = a[name].to_numpy(), b[name].to_numpy()
        # numpy compares object arrays element by element with ==, so None == None
        differ = (x != y) & (x != _UNKNOWN) & (y != _UNKNOWN)
        if differ.any():
            per_field[name] = (differ, x, y)
            hit |= differ
    devices = a["_devices"].to_numpy() != b["_devices"].to_numpy()
    hit |= devices
    out = []
    ids = np.asarray(common, dtype=object)
    for k in np.flatnonzero(hit):
        i = ids[k]
        fields = {name: (x[k], y[k]) for name, (differ, x, y) in per_field.items() if differ[k]}
        if devices[k]:
            fields.update(_device_changes(old.graph.entries[i], new.graph.entries[i]))
        if fields:
            out.append(Change(entry_id=i, fields=fields))
    return out


def _finding_key(f: Finding) -> tuple:
    # rows move between publications: a finding is the same when it says the same
    return (f.code, f.entry or "", f.message)


def _finding_changes(old: Assessment, new: Assessment) -> tuple[list[Finding], list[Finding]]:
    before = Counter(map(_finding_key, old.findings))
    after = Counter(map(_finding_key, new.findings))
    gone, came = before - after, after - before
    fixed, new_ones = [], []
    for f in old.findings:
        k = _finding_key(f)
        if gone[k]:
            gone[k] -= 1
            fixed.append(f)
    for f in new.findings:
        k = _finding_key(f)
        if came[k]:
            came[k] -= 1
            new_ones.append(f)
    return new_ones, fixed


def _counts(old: Assessment, new: Assessment) -> list[CountRow]:
    import pandas as pd

    def frame(a: Assessment) -> pd.DataFrame:
        vs = [v for v in a.verdicts.values() if v.qualifies]
        return pd.DataFrame({
            "id": [v.entry_id for v in vs],
            "cohort": [v.cohort for v in vs],
            "status": [v.install_status or "unknown" for v in vs],
            "installs": [v.installs or 0 for v in vs],
            "devices": [v.devices for v in vs],
        }, columns=["id", "cohort", "status", "installs", "devices"]).astype(
            {"installs": "int64", "devices": "int64"})

    fo, fn = frame(old), frame(new)
    keys = ["cohort", "status"]
    lost = fo[~fo["id"].isin(fn["id"])]
    gained = fn[~fn["id"].isin(fo["id"])]
    table = pd.concat(
        [d.groupby(keys)[["installs", "devices"]].sum().add_prefix(p)
         for p, d in (("old_", fo), ("new_", fn), ("gained_", gained), ("lost_", lost))],
        axis=1,
    ).fillna(0).astype("int64").sort_index()
    rows = []
    for (cohort, status), r in table.iterrows():
        rows.append(CountRow(
            cohort=cohort, install_status=status,
            old=(int(r.old_installs), int(r.old_devices)), new=(int(r.new_installs), int(r.new_devices)),
            gained=(int(r.gained_installs), int(r.gained_devices)), lost=(int(r.lost_installs), int(r.lost_devices)),
        ))
    return rows


def compare(old: Assessment, new: Assessment) -> Diff:
    """What changed from ``old`` to ``new``: entries, fields, groups, verdicts, findings, counts."""
    fo, fn = _frame(old), _frame(new)
    common = fo.index.intersection(fn.index).sort_values()
    added = sorted(fn.index.difference(fo.index))
    removed = sorted(fo.index.difference(fn.index))
    changed = _changes(old, new, fo, fn, common)
    groups, lost, gained = [], [], []
    for i in common:
        vo, vn = old.verdicts[i], new.verdicts[i]
        if vo.group != vn.group or vo.basis != vn.basis:
            groups.append(GroupChange(entry_id=i, old=vo.label, new=vn.label))
        if vo.qualifies and not vn.qualifies:
            lost.append(Eligibility(entry_id=i, cohort=vn.cohort, was=vo.label, now=vn.label,
                                    requested=vn.requested, findings=vn.blocking))
        elif vn.qualifies and not vo.qualifies:
            gained.append(Eligibility(entry_id=i, cohort=vn.cohort, was=vo.label, now=vn.label,
                                      requested=vn.requested, findings=vo.blocking))
    new_findings, fixed = _finding_changes(old, new)
    return Diff(old=old, new=new, added=added, removed=removed, changed=changed, groups=groups, lost=lost,
                gained=gained, new_findings=new_findings, fixed_findings=fixed, counts=_counts(old, new))
