"""Device differences between two entries, judged against an equivalence policy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from se_graph.model import Device, Entry
from se_graph.model.config import RolePolicy
from se_graph.model.fields import DEVICE_FIELD_HEADERS, DEVICE_FIELDS, ROLES

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


def _same(a: str | None, b: str | None) -> bool:
    return a == b or (a or "").casefold() == (b or "").casefold()


def _name(device: Device) -> str:
    return " ".join(p for p in (device.manufacturer, device.model) if p)


def differences(parent: Entry, child: Entry, policy: Mapping[str, RolePolicy],
                memo: dict | None = None) -> list[Difference]:
    """Every device difference from parent (old) to child (new), each marked
    permitted or not.  Only what both entries' tables list is compared.

    ``memo``, a dict kept by a caller that compares many pairs under one policy
    (a rule over every edge), holds what was found for each pair of device
    combinations and of each pair of devices: the same pairs come back edge
    after edge.  What it returns then is shared: read it, do not change it."""
    if parent.devices is child.devices:
        return []  # ingest shares one tuple between rows of the same device combination
    if memo is None:
        memo = {}
    # by identity: ingest shares device tuples, devices and each table's set of
    # known fields; each is kept in the memo beside its result, so no id is reused
    key = (id(parent.devices), id(child.devices), id(parent.known), id(child.known))
    hit = memo.get(key)
    if hit is not None:
        return hit[0]
    found = _differences(parent, child, policy, memo)
    if found and parent.known is not child.known and parent.known != child.known:
        both = parent.known & child.known  # a field one table lacks is unknown there
        found = [d for d in found if f"{d.role}.{d.field or 'model'}" in both]
    memo[key] = (found, parent.devices, child.devices, parent.known, child.known)
    return found


def may_forbid(parent: Entry, child: Entry, policy: Mapping[str, RolePolicy], memo: dict) -> bool:
    """False only where ``differences`` surely holds no difference the policy
    forbids: a first look for the rules over every edge, which call
    ``differences`` only where this says True.  It compares the devices role by
    role, each pair of devices judged once (``memo``, kept by the caller for one
    policy); where the roles do not line up it answers True and leaves the
    question to ``differences``.  (Fields one table lacks are left out there,
    never added, so a pair without a forbidden difference here has none there.)"""
    olds, news = parent.devices, child.devices
    if olds is news:
        return False
    if len(olds) != len(news):
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


def _device_pair(old: Device, new: Device, rules: RolePolicy) -> list[Difference]:
    """The fields in which two devices of one role differ."""
    if old == new:
        return []
    may = rules.may_differ
    out = []
    for name in DEVICE_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if not _same(a, b):
            out.append(Difference(old.role, name, a, b, name in may))
    return out


def _differences(parent: Entry, child: Entry, policy: Mapping[str, RolePolicy], memo: dict) -> list[Difference]:
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
                found = memo[key] = (_device_pair(old, new, policy[old.role]), old, new)
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
            out.extend(_device_pair(old, new, rules))
    return out


def describe(diffs: list[Difference]) -> str:
    return "; ".join(str(d) for d in diffs) if diffs else "no device differences"
