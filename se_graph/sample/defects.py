"""One of each defect the checks look for, injected as rows of their own.

Each defect is a small self-contained group of rows (a clean tested parent where
it needs one), so it causes exactly the findings it lists and nothing else. The
list is written out as ``defects.json``: which defect, which entries carry it and
the (code, entry) findings a correct validation must report.
"""

from __future__ import annotations

from collections.abc import Callable

from se_graph.model.vocab import InstallStatus, Kind
from se_graph.sample.build import ACTIVE, DORMANT, Cohort, Row, Sink, base_devices, device_cells, entry, with_firmware
from se_graph.sample.catalog import CATALOG

Defect = dict[str, object]
_G1 = {"dmct_status": "Tested", "target_fw": "Y"}


def _tested(c: Cohort, emit: Sink, status: InstallStatus = DORMANT, devices: dict | None = None, **cells) -> Row:
    devices = devices or base_devices(c)
    cells = {"test_report": c.test_report(), "epcl_report": c.report, **_G1, **cells}
    row = entry(c, status, c.dmc(), devices, **cells)
    emit(Kind.STATUS_LIST, row)
    return row


def _devices_of(row: Row) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, value in row.items():
        if "." in key:
            role, name = key.split(".")
            out.setdefault(role, {})[name] = value
    return out


def _se(c: Cohort, emit: Sink, parent: str | None, devices: dict, status: InstallStatus = DORMANT, **cells) -> Row:
    extra = {"parent_id": parent} if parent else {}
    row = entry(c, status, c.dmc(), devices, exclusion_reason="Substantive Equivalence", epcl_report=c.report,
                target_fw="Y", **extra, **cells)
    emit(Kind.EXCLUDED, row)
    return row


def _fw(c: Cohort, emit: Sink, target: str, devices: dict, status: InstallStatus = DORMANT, **cells) -> Row:
    row = entry(c, status, c.dmc(), devices, exclusion_reason="Firmware Upgrade", upgrade_to=target,
                target_fw="N", **cells)
    emit(Kind.EXCLUDED, row)
    return row


def _defect(code: str, what: str, rows: list[Row], expect: list[tuple[str, str | None]]) -> Defect:
    return {
        "code": code,
        "defect": what,
        "entries": [r["entry_id"] for r in rows if isinstance(r.get("entry_id"), str)],
        "expected_findings": [{"code": c, "entry": e} for c, e in expect],
    }


def inject(c: Cohort, other: Cohort | None, emit: Sink, emit_other: Sink | None) -> tuple[list[Defect], list[str]]:
    """Emit every defect's rows; returns the defects and the notes to write under the table."""
    out: list[Defect] = []
    rng = c.rng

    def one(code: str, what: str, make: Callable[[], tuple[list[Row], list]]) -> None:
        rows, expect = make()
        out.append(_defect(code, what, rows, expect))

    def se_no_parent():
        r = _se(c, emit, None, base_devices(c))
        return [r], [("SG201", r["entry_id"])]

    def se_parent_unknown():
        r = _se(c, emit, "999999", base_devices(c))
        return [r], [("SG202", r["entry_id"])]

    def se_cycle():
        devices = base_devices(c)
        a_id, b_id = c.ids.next(), c.ids.next()
        a = {"entry_id": a_id, "dmc_id": c.dmc(), "install_status": DORMANT.label, **device_cells(devices),
             "exclusion_reason": "Substantive Equivalence", "parent_id": b_id, "epcl_report": c.report,
             "installs": 40, "devices": 40 * len(devices)}
        b = {**a, "entry_id": b_id, "dmc_id": c.dmc(), "parent_id": a_id,
             **device_cells(with_firmware(devices, "ESME", 1))}
        emit(Kind.EXCLUDED, a)
        emit(Kind.EXCLUDED, b)
        return [a, b], [("SG203", a_id), ("SG203", b_id)]

    def untested_root():
        devices = base_devices(c)
        p = entry(c, DORMANT, c.dmc(), devices, dmct_status="In Test")
        emit(Kind.STATUS_LIST, p)
        k = _se(c, emit, p["entry_id"], with_firmware(devices, "CHF", 1))
        return [k, p], [("SG204", k["entry_id"])]

    def cohort_mismatch():
        p = _tested(c, emit)
        k = _se(other, emit_other, p["entry_id"], with_firmware(_devices_of(p), "ESME", 1))
        return [k, p], [("SG205", k["entry_id"])]

    def not_permitted():
        p = _tested(c, emit)
        devices = _devices_of(p)
        models = [m for name, ms, _, _ in CATALOG["CHF"] for m in ms if m != devices["CHF"]["model"]]
        kids = {r: dict(f) for r, f in devices.items()}
        kids["CHF"]["model"] = rng.choice(models)
        k = _se(c, emit, p["entry_id"], kids)
        return [k, p], [("SG206", k["entry_id"])]

    def long_trace():
        p = _tested(c, emit)
        k1 = _se(c, emit, p["entry_id"], with_firmware(_devices_of(p), "ESME", 1))
        k2 = _se(c, emit, k1["entry_id"], with_firmware(_devices_of(p), "ESME", 2))
        return [k2, k1, p], [("SG207", k2["entry_id"])]

    def covered_no_dormant():
        r = entry(c, ACTIVE, c.dmc(), base_devices(c), dmct_status="Covered by Dormant",
                  sit_report=c.test_report("SIT"), epcl_report=c.report, target_fw="Y")
        emit(Kind.STATUS_LIST, r)
        return [r], [("SG301", r["entry_id"])]

    def covered_no_sit():
        d = _tested(c, emit)
        r = entry(c, ACTIVE, d["dmc_id"], _devices_of(d), dmct_status="Covered by Dormant",
                  parent_id=d["entry_id"], epcl_report=c.report, target_fw="Y")
        emit(Kind.STATUS_LIST, r)
        return [r, d], [("SG302", r["entry_id"])]

    def covered_dormant():
        d = _tested(c, emit)
        r = entry(c, DORMANT, d["dmc_id"], _devices_of(d), dmct_status="Covered by Dormant",
                  sit_report=c.test_report("SIT"), parent_id=d["entry_id"], epcl_report=c.report, target_fw="Y")
        emit(Kind.STATUS_LIST, r)
        return [r, d], [("SG303", r["entry_id"])]

    def tested_no_report():
        r = entry(c, DORMANT, c.dmc(), base_devices(c), epcl_report=c.report, **_G1)
        emit(Kind.STATUS_LIST, r)
        return [r], [("SG304", r["entry_id"])]

    def duplicate_conflict():
        r = _tested(c, emit)
        emit(Kind.STATUS_LIST, {**r, "installs": int(r["installs"]) + 7, "devices": None})
        return [r], [("SG401", r["entry_id"])]

    def tested_and_excluded():
        r = _tested(c, emit)
        x = {k: v for k, v in r.items() if k not in ("dmct_status", "test_report")}
        emit(Kind.EXCLUDED, {**x, "exclusion_reason": "Uneconomic to Test"})
        return [r], [("SG402", r["entry_id"])]

    def fw_missing():
        s = _fw(c, emit, "999998", base_devices(c))
        return [s], [("SG501", s["entry_id"])]

    def fw_not_at_target():
        t = _tested(c, emit, target_fw="N")
        s = _fw(c, emit, t["entry_id"], with_firmware(_devices_of(t), "ESME", -1))
        return [s, t], [("SG502", s["entry_id"])]

    def fw_not_firmware_only():
        t = _tested(c, emit)
        older = with_firmware(_devices_of(t), "CHF", -1)
        older["ESME"]["model"] = older["ESME"]["model"] + " Mk2"
        s = _fw(c, emit, t["entry_id"], older)
        return [s, t], [("SG503", s["entry_id"])]

    def fw_downgrade():
        t = _tested(c, emit)
        s = _fw(c, emit, t["entry_id"], with_firmware(_devices_of(t), "ESME", 2))
        return [s, t], [("SG504", s["entry_id"])]

    def fw_order_unknown():
        devices = base_devices(c)
        devices["CHF"]["firmware"] = "4.2.rc1"
        t = _tested(c, emit, devices=devices)
        older = _devices_of(t)
        older["CHF"]["firmware"] = "4.2.1"
        s = _fw(c, emit, t["entry_id"], older)
        return [s, t], [("SG505", s["entry_id"])]

    def fw_cycle():
        devices = base_devices(c)
        a_id, b_id = c.ids.next(), c.ids.next()
        a = {"entry_id": a_id, "dmc_id": c.dmc(), "install_status": ACTIVE.label, **device_cells(devices),
             "exclusion_reason": "Firmware Upgrade", "upgrade_to": b_id, "target_fw": "N", "installs": 12}
        b = {**a, "entry_id": b_id, "dmc_id": c.dmc(), "upgrade_to": a_id}
        emit(Kind.EXCLUDED, a)
        emit(Kind.EXCLUDED, b)
        return [a, b], [("SG506", a_id), ("SG506", b_id)]

    def fw_source_requested():
        t = _tested(c, emit)
        s = _fw(c, emit, t["entry_id"], with_firmware(_devices_of(t), "ESME", -1), epcl_report=c.report)
        return [s, t], [("SG507", s["entry_id"])]

    def fw_target_unlisted():
        t = _tested(c, emit, epcl_report=None)
        s = _fw(c, emit, t["entry_id"], with_firmware(_devices_of(t), "ESME", -1))
        return [s, t], [("SG508", s["entry_id"])]

    def id_as_number():
        r = _tested(c, lambda kind, row: None)
        emit(Kind.STATUS_LIST, {**r, "entry_id": int(r["entry_id"])})
        return [r], [("SG101", r["entry_id"])]

    def bad_id():
        r = _tested(c, lambda kind, row: None)
        emit(Kind.STATUS_LIST, {**r, "entry_id": "12AB45"})
        return [], [("SG102", None)]

    def cell_defect(code: str, field: str, value: object):
        def make():
            r = _tested(c, lambda kind, row: None)
            emit(Kind.STATUS_LIST, {**r, field: value})
            return [r], [(code, r["entry_id"])]
        return make

    def unknown_reason():
        r = entry(c, DORMANT, c.dmc(), base_devices(c), exclusion_reason="Legacy meter")
        emit(Kind.EXCLUDED, r)
        return [r], [("SG105", r["entry_id"])]

    one("SG201", "an se row with no parent", se_no_parent)
    one("SG202", "an se parent found in no input", se_parent_unknown)
    one("SG203", "a cycle of se edges", se_cycle)
    one("SG204", "a trace ending at a pending entry", untested_root)
    if other is not None and emit_other is not None:
        one("SG205", "parent and child in different cohorts", cohort_mismatch)
    one("SG206", "a child with a different CHF model", not_permitted)
    one("SG207", "a trace over two se hops", long_trace)
    one("SG301", "a covered Active entry with no tested Dormant entry", covered_no_dormant)
    one("SG302", "a covered Active entry without a SIT report", covered_no_sit)
    one("SG303", "a covered entry that is Dormant", covered_dormant)
    one("SG304", "a tested entry with no test report", tested_no_report)
    one("SG401", "the same id twice with different installations", duplicate_conflict)
    one("SG402", "an entry tested and also excluded", tested_and_excluded)
    one("SG501", "an fw target found in no input", fw_missing)
    one("SG502", "an fw target not at target FW", fw_not_at_target)
    one("SG503", "an fw source with a different ESME model", fw_not_firmware_only)
    one("SG504", "a firmware downgrade", fw_downgrade)
    one("SG505", "firmware versions that cannot be ordered", fw_order_unknown)
    one("SG506", "a cycle of fw edges", fw_cycle)
    one("SG507", "an fw source that is also requested", fw_source_requested)
    one("SG508", "an fw target neither requested nor on the EPCL", fw_target_unlisted)
    one("SG101", "an entry id stored as a number", id_as_number)
    one("SG102", "an entry id that is not 1 to 6 digits", bad_id)
    one("SG103", "an unknown installation status", cell_defect("SG103", "install_status", "Semi-active"))
    one("SG104", "an unknown DMCT status", cell_defect("SG104", "dmct_status", "Awaiting review"))
    one("SG105", "an unknown reason for exclusion", unknown_reason)
    one("SG106", "a negative installation count", cell_defect("SG106", "installs", -5))
    one("SG109", "a device with a model but no firmware", cell_defect("SG109", "ESME.firmware", None))
    out.append(_defect("SG107", "a totals row under the Status List", [], [("SG107", None)]))
    out.append(_defect("SG108", "a note under the Status List", [], [("SG108", None)]))
    return out, ["Note: installation counts as at the date of this list."]
