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


def differences(parent: Entry, child: Entry, policy: Mapping[str, RolePolicy]) -> list[Difference]:
    """Every device difference from parent (old) to child (new), each marked
    permitted or not.  Only what both entries' tables list is compared."""
    if parent.devices is child.devices:
        return []  # ingest shares one tuple between rows of the same device combination
    found = _differences(parent, child, policy)
    if parent.known is child.known or parent.known == child.known:
        return found  # the same columns: a field one lacks is blank on both sides
    both = parent.known & child.known
    return [d for d in found if f"{d.role}.{d.field or 'model'}" in both]


def _differences(parent: Entry, child: Entry, policy: Mapping[str, RolePolicy]) -> list[Difference]:
    old_devices, new_devices = parent.devices, child.devices
    if len(old_devices) == len(new_devices):
        # same roles, in the same (ROLES) order: compare device by device (the
        # same device is mostly the same object, shared by ingest: skipped at once)
        out: list[Difference] = []
        for old, new in zip(old_devices, new_devices):
            if old is new:
                continue
            if old.role != new.role:
                break
            if old != new:
                may = policy[old.role].may_differ
                for name in DEVICE_FIELDS:
                    a, b = getattr(old, name), getattr(new, name)
                    if not _same(a, b):
                        out.append(Difference(old.role, name, a, b, name in may))
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
        elif old is not new and old != new:
            for name in DEVICE_FIELDS:
                a, b = getattr(old, name), getattr(new, name)
                if not _same(a, b):
                    out.append(Difference(role, name, a, b, name in rules.may_differ))
    return out


def describe(diffs: list[Difference]) -> str:
    return "; ".join(str(d) for d in diffs) if diffs else "no device differences"
