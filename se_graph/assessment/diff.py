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
from operator import attrgetter
from typing import TYPE_CHECKING

from se_graph.model import Entry, Finding
from se_graph.model.fields import DEVICE_FIELDS, ROLES
from se_graph.model.fields import FIELDS as FIELD_TABLE

if TYPE_CHECKING:
    import pandas as pd

    from se_graph.assessment import Assessment

__all__ = ["Change", "CountRow", "Diff", "Eligibility", "GroupChange", "SCHEMA_VERSION", "compare"]

SCHEMA_VERSION = 1

# the entry's own fields, in the order a change lists them: (name in the output,
# Entry attribute), the field table's fields that diff compares
FIELDS: tuple[tuple[str, str], ...] = (
    ("table", ""),  # which table(s) give the entry: status-list, excluded, epcl
    *((f.key, f.name) for f in FIELD_TABLE if f.diff),
)
DEVICE_KEYS: tuple[str, ...] = tuple(f"{role}.{name}" for role in ROLES for name in DEVICE_FIELDS)


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

    # The totals' change splits into what eligibility moved (gained - lost) and
    # the rest: entries qualifying on both sides whose counts were edited, or
    # that moved to another cohort or installation status.  A reader sees the
    # totals move; gained and lost alone would leave a recount unexplained.
    @property
    def change(self) -> tuple[int, int]:
        """new - old."""
        return (self.new[0] - self.old[0], self.new[1] - self.old[1])

    @property
    def other(self) -> tuple[int, int]:
        """The part of ``change`` not due to eligibility: recounts and moves of
        entries that qualify on both sides."""
        return tuple(c - g + lo for c, g, lo in zip(self.change, self.gained, self.lost))


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
    if len(rows) == 1:
        return rows[0].source.kind
    return "+".join(sorted({r.source.kind for r in rows}))


_ENTRY = attrgetter(*(attr for _, attr in FIELDS[1:]))
_VERDICT = attrgetter("cohort", "install_status", "installs", "devices", "qualifies", "group", "basis")


def _frame(a: Assessment) -> pd.DataFrame:
    """One row per entry (sorted by id): its fields as one tuple, its devices, its
    table and what its verdict says (object dtype: None stays None)."""
    import pandas as pd

    ids = list(a.verdicts)  # sorted by id
    values = list(map(a.graph.entries.__getitem__, ids))
    verdicts = list(map(_VERDICT, a.verdicts.values()))
    # object dtype: a group of None must stay None (not NaN, which differs from itself)
    frame = pd.DataFrame(verdicts, columns=["cohort", "status", "installs", "devices", "qualifies", "group", "basis"],
                         dtype=object)
    frame.index = pd.Index(ids, name="id")
    frame["fields"] = pd.Series(list(map(_ENTRY, values)), index=frame.index, dtype=object)
    # devices compared as plain tuples of text, which compare in C (the two sides'
    # Device records are different objects); each shared combination converted once
    plain: dict[int, tuple] = {}

    def text(devices: tuple) -> tuple:
        key = plain.get(id(devices))
        if key is None:
            key = plain[id(devices)] = tuple((d.role, d.manufacturer, d.model, d.hardware, d.firmware) for d in devices)
        return key

    frame["device_tuple"] = pd.Series([text(e.devices) for e in values], index=frame.index, dtype=object)
    frame["table"] = [_table_of(rs) for rs in map(a.graph.rows.__getitem__, ids)]
    return frame


def _field_changes(old: Entry, new: Entry, old_table: str, new_table: str) -> dict[str, tuple]:
    out = {"table": (old_table, new_table)} if old_table != new_table else {}
    for name, attr in FIELDS[1:]:
        if attr in old.known and attr in new.known:
            x, y = getattr(old, attr), getattr(new, attr)
            if x != y:
                out[name] = (x, y)
    return out


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


def _changes(old: Assessment, new: Assessment, a: pd.DataFrame, b: pd.DataFrame) -> list[Change]:
    """``a`` and ``b``: the two frames aligned on the ids both sides have."""
    import numpy as np

    fields = a["fields"].to_numpy() != b["fields"].to_numpy()  # tuples compared in C
    devices = a["device_tuple"].to_numpy() != b["device_tuple"].to_numpy()
    tables = a["table"].to_numpy() != b["table"].to_numpy()
    out = []
    ta, tb = a["table"].to_numpy(), b["table"].to_numpy()
    for k in np.flatnonzero(fields | devices | tables):
        i = a.index[k]
        eo, en = old.graph.entries[i], new.graph.entries[i]
        found = _field_changes(eo, en, ta[k], tb[k])  # a field without a column on either side is skipped
        if devices[k]:
            found.update(_device_changes(eo, en))
        if found:
            out.append(Change(entry_id=i, fields=found))
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


def _counts(fo: pd.DataFrame, fn: pd.DataFrame) -> list[CountRow]:
    import pandas as pd

    qo, qn = fo[fo["qualifies"].to_numpy(dtype=bool)], fn[fn["qualifies"].to_numpy(dtype=bool)]
    lost = qo[~qo.index.isin(qn.index)]  # hash lookups; iterating an Index is slow
    gained = qn[~qn.index.isin(qo.index)]
    keys = ["cohort", "status"]

    def sums(d: pd.DataFrame, prefix: str) -> pd.DataFrame:
        if d.empty:  # no qualifying entry on that side: no rows, but the columns
            index = pd.MultiIndex.from_tuples([], names=keys)
            return pd.DataFrame({f"{prefix}installs": [], f"{prefix}devices": []}, index=index)
        d = d.assign(status=d["status"].fillna("unknown"), installs=d["installs"].fillna(0).astype("int64"),
                     devices=d["devices"].astype("int64"))
        return d.groupby(keys)[["installs", "devices"]].sum().add_prefix(prefix)

    table = pd.concat([sums(qo, "old_"), sums(qn, "new_"), sums(gained, "gained_"), sums(lost, "lost_")],
                      axis=1).fillna(0).astype("int64").sort_index()
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
    import numpy as np

    fo, fn = _frame(old), _frame(new)
    a, b = fo.align(fn, join="inner", axis=0)  # the ids on both sides, sorted
    added = [i for i in new.verdicts if i not in old.verdicts]  # both sorted by id
    removed = [i for i in old.verdicts if i not in new.verdicts]
    changed = _changes(old, new, a, b)
    regrouped = (a["group"].to_numpy() != b["group"].to_numpy()) | (a["basis"].to_numpy() != b["basis"].to_numpy())
    qa, qb = a["qualifies"].to_numpy(dtype=bool), b["qualifies"].to_numpy(dtype=bool)
    groups, lost, gained = [], [], []
    for k in np.flatnonzero(regrouped | (qa != qb)):
        i = a.index[k]
        vo, vn = old.verdicts[i], new.verdicts[i]
        if regrouped[k]:
            groups.append(GroupChange(entry_id=i, old=vo.label, new=vn.label))
        if vo.qualifies and not vn.qualifies:
            lost.append(Eligibility(entry_id=i, cohort=vn.cohort, was=vo.label, now=vn.label,
                                    requested=vn.requested, findings=vn.blocking))
        elif vn.qualifies and not vo.qualifies:
            gained.append(Eligibility(entry_id=i, cohort=vn.cohort, was=vo.label, now=vn.label,
                                      requested=vn.requested, findings=vo.blocking))
    new_findings, fixed = _finding_changes(old, new)
    return Diff(old=old, new=new, added=added, removed=removed, changed=changed, groups=groups, lost=lost,
                gained=gained, new_findings=new_findings, fixed_findings=fixed, counts=_counts(fo, fn))
