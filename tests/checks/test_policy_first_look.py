"""``may_forbid``, the first look of the rules over every edge, never hides a
difference ``differences`` would call forbidden: where it says False, the full
comparison finds none, for random pairs of entries under both policies."""

import random

from se_graph.checks.policy import FIRMWARE_ONLY, differences, may_forbid
from se_graph.model import Device, Entry, Source
from se_graph.model.config import Config
from se_graph.model.fields import ROLES

SOURCE = Source(path="t.xlsx", sheet="Data", kind="status", header_row=1)
KNOWN = [
    frozenset(f"{r}.{f}" for r in ROLES for f in ("manufacturer", "model", "hardware", "firmware")),
    frozenset(f"{r}.{f}" for r in ("CHF", "ESME", "GSME") for f in ("manufacturer", "model", "firmware")),
    frozenset(f"{r}.{f}" for r in ("CHF", "ESME") for f in ("model", "firmware")),
]


def _devices(pick: random.Random, pool: dict) -> tuple[Device, ...]:
    out = []
    for role in ROLES:
        if role in ("CHF", "ESME") or pick.random() < 0.4:
            fields = (pick.choice(["Acme", "acme", None]), pick.choice(["M1", "m1", "M2"]),
                      pick.choice([None, "H1"]), pick.choice([None, "1.0", "2.0"]))
            # shared objects, as ingest shares them, and equal copies that are not
            out.append(pool.setdefault((role, fields), Device(role, *fields)) if pick.random() < 0.7
                       else Device(role, *fields))
    return tuple(out)


def test_first_look_never_hides_a_forbidden_difference():
    pick, pool, said_no = random.Random(7), {}, 0
    policies = [Config().policy, FIRMWARE_ONLY]
    first = [{}, {}]
    for n in range(4000):
        known = pick.choice(KNOWN)
        parent = Entry(entry_id="000001", source=SOURCE, row=2, devices=_devices(pick, pool), known=known)
        child_devices = parent.devices if pick.random() < 0.2 else _devices(pick, pool)
        child = Entry(entry_id="000002", source=SOURCE, row=3, devices=child_devices,
                      known=known if pick.random() < 0.7 else pick.choice(KNOWN))
        for k, policy in enumerate(policies):
            forbidden = [d for d in differences(parent, child, policy) if not d.permitted]
            if not may_forbid(parent, child, policy, first[k]):
                said_no += 1
                assert forbidden == [], (parent.devices, child.devices)
    assert said_no > 1000  # the first look does settle most pairs
