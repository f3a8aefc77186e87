"""Device differences between two entries, judged against an equivalence policy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from se_graph.model import Device, Entry, Location, NumberCell
from se_graph.model.config import RolePolicy
from se_graph.model.fields import DEVICE_FIELD_HEADERS, DEVICE_FIELDS, HEADERS, ROLES
from se_graph.model.sameness import number_fields, same

# what to do about a device value Excel stored as a number (said by SG206 and SG116)
NUMBER_FIX = "format the column as Text in Excel and retype the value"

# A firmware upgrade may change firmware and nothing else.
FIRMWARE_ONLY: dict[str, RolePolicy] = {
    role: RolePolicy(frozenset({"firmware"}), may_lack=False, may_add=False) for role in ROLES
}


@dataclass(frozen=True)
class Difference:
    role: str
    field: str | None  # None: the whole device is lacking or added
    old: str | None
    new: str | None
    permitted: bool

    def __str__(self) -> str:
        if self.field is None:
            return f"{self.role}: {self.old or '(none)'} -> {self.new or '(none)'}"
        label = DEVICE_FIELD_HEADERS[self.field].lower().replace(" version", "")
        return f"{self.role} {label}: {self.old or '(blank)'} -> {self.new or '(blank)'}"


def _name(device: Device) -> str:
    return " ".join(p for p in (device.manufacturer, device.model) if p)


def differences(parent: Entry, child: Entry, policy: Mapping[str, RolePolicy],
                memo: dict | None = None) -> list[Difference]:
    """Every device difference from parent (old) to child (new), each marked
    permitted or not.  Only what both entries' tables list is compared.

    ``memo``, a dict kept by a caller that compares many pairs under one policy
    (a rule over every edge), holds what was found for each pair of device
    combinations and of each pair of devices: the same pairs come back edge
    after edge.  What it returns then is shared: read it, do not change it.

    Values are compared by ``model.sameness``: where either entry read a value
    from a number cell, `1` is the same as `1.0`."""
    if parent.devices is child.devices:
        return []  # ingest shares one tuple between rows of the same device combination
    numbers = number_fields(parent, child)
    if numbers:
        # the number cells are the entries' own, not their devices': compared
        # afresh, never remembered by the devices' identity (such pairs are rare)
        return _known_only(parent, child, _differences(parent, child, policy, {}, numbers))
    if memo is None:
        memo = {}
    # by identity: ingest shares device tuples, devices and each table's set of
    # known fields; each is kept in the memo beside its result, so no id is reused
    key = (id(parent.devices), id(child.devices), id(parent.known), id(child.known))
    hit = memo.get(key)
    if hit is not None:
        return hit[0]
    found = _known_only(parent, child, _differences(parent, child, policy, memo))
    memo[key] = (found, parent.devices, child.devices, parent.known, child.known)
    return found


def _known_only(parent: Entry, child: Entry, found: list[Difference]) -> list[Difference]:
    if found and parent.known is not child.known and parent.known != child.known:
        both = parent.known & child.known  # a field one table lacks is unknown there
        found = [d for d in found if f"{d.role}.{d.field or 'model'}" in both]
    return found


def number_cells(parent: Entry, child: Entry, diffs: list[Difference]) -> list[tuple[str, NumberCell]]:
    """(entry id, cell) of the number cells (the child's, then the parent's) of
    the fields in which ``diffs`` differ."""
    fields = {f"{d.role}.{d.field}" for d in diffs if d.field}
    return [(e.entry_id, c) for e in (child, parent) for c in e.number_cells if c.field in fields]


def number_hint(parent: Entry, child: Entry, diffs: list[Difference]) -> str:
    """A sentence naming the number cells among ``diffs`` and the fix; "" where none."""
    cells = number_cells(parent, child, diffs)
    if not cells:
        return ""
    said = "; ".join(f"{i}'s {c.location.column or HEADERS[c.field]} {c.value} ({place(c.location)})" for i, c in cells)
    return (f" Read from a number cell: {said}. Excel stores a version typed into a General cell as a number, "
            f"dropping zeros ('1.0' as 1); {NUMBER_FIX}.")


def place(where: Location) -> str:
    """A cell's place in words: workbook, sheet and row (its column is named beside it)."""
    return f"{where.path.rsplit('/', 1)[-1]}, sheet '{where.sheet}', row {where.row}"


def may_forbid(parent: Entry, child: Entry, policy: Mapping[str, RolePolicy], memo: dict) -> bool:
    """False only where ``differences`` surely holds no difference the policy
    forbids: a first look for the rules over every edge, which call
    ``differences`` only where this says True.  It compares the devices role by
    role, each pair of devices judged once (``memo``, kept by the caller for one
    policy); where the roles do not line up it answers True and leaves the
    question to ``differences``.  (Fields one table lacks are left out there,
    never added, so a pair without a forbidden difference here has none there.)
    Where either entry read a device value from a number cell it answers True."""
    olds, news = parent.devices, child.devices
    if olds is news:
        return False
    if len(olds) != len(news) or parent.number_cells or child.number_cells:
        return True
    for old, new in zip(olds, news):
        if old is new:
            continue
        key = (id(old), id(new))
        seen = memo.get(key)
        if seen is None:
            # the devices are kept beside the answer, so no id is reused meanwhile
            bad = old.role != new.role or any(not d.permitted for d in _device_pair(old, new, policy[old.role]))
            seen = memo[key] = (bad, old, new)
        if seen[0]:
            return True
    return False


def _device_pair(old: Device, new: Device, rules: RolePolicy, numbers: frozenset[str] = frozenset()) -> list[Difference]:
    """The fields in which two devices of one role differ (``numbers``: the
    fields, "CHF.hardware", that either side read from a number cell)."""
    if old == new:
        return []
    may = rules.may_differ
    out = []
    for name in DEVICE_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if not same(a, b, bool(numbers) and f"{old.role}.{name}" in numbers):
            out.append(Difference(old.role, name, a, b, name in may))
    return out


def _differences(parent: Entry, child: Entry, policy: Mapping[str, RolePolicy], memo: dict,
                 numbers: frozenset[str] = frozenset()) -> list[Difference]:
    old_devices, new_devices = parent.devices, child.devices
    if len(old_devices) == len(new_devices):
        # same roles, in the same (ROLES) order: compare device by device (the
        # same device is mostly the same object, shared by ingest: skipped at
        # once; a pair of devices met before is looked up by identity, the
        # devices living as long as the entries that hold them)
        out: list[Difference] = []
        for old, new in zip(old_devices, new_devices):
            if old is new:
                continue
            if old.role != new.role:
                break
            key = (id(old), id(new))
            found = memo.get(key)
            if found is None:
                found = memo[key] = (_device_pair(old, new, policy[old.role], numbers), old, new)
            out.extend(found[0])
        else:
            if len(out) < 2 or [d.role for d in out] == sorted((d.role for d in out), key=ROLES.index):
                return out
    olds = {d.role: d for d in parent.devices}
    news = {d.role: d for d in child.devices}
    out = []
    for role in ROLES:
        old, new = olds.get(role), news.get(role)
        if old is None and new is None:
            continue
        rules = policy[role]
        if new is None:
            out.append(Difference(role, None, _name(old), None, rules.may_lack))
        elif old is None:
            out.append(Difference(role, None, None, _name(new), rules.may_add))
        elif old is not new:
            out.extend(_device_pair(old, new, rules, numbers))
    return out


def describe(diffs: list[Difference]) -> str:
    return "; ".join(str(d) for d in diffs) if diffs else "no device differences"
