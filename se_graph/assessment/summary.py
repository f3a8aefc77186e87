"""The three tables of section 1 of an EPCL report (Overall, Group 1, Group 2),
computed from the graph, the requested entries that do not qualify, and the
headline figures the report's prose quotes."""

from __future__ import annotations

from se_graph.assessment.verdict import entry_devices
from se_graph.model import Entry, Group
from se_graph.model.phrases import GROUP
from se_graph.model.vocab import InstallStatus, is_dormant

STATUSES = tuple(InstallStatus)
ROWS = ("requested_at_target_fw", "potential_fw_upgrades", "totals_by_status")
LABELS = {
    "requested_at_target_fw": "Requested EPCL entries ({which}) at target FW",
    "potential_fw_upgrades": "Potential FW upgrades to target FW ({which})",
    "totals_by_status": "Totals by Installation Status",
}
WHICH = {"overall": f"{GROUP[Group.ONE]} and {GROUP[Group.TWO]}", "group1": GROUP[Group.ONE],
         "group2": GROUP[Group.TWO]}
TITLES = {"overall": "Overall", "group1": "Group 1", "group2": "Group 2"}


def _zero() -> dict:
    return {"installs": dict.fromkeys(STATUSES, 0), "devices": dict.fromkeys(STATUSES, 0)}


def _add(cell: dict, entry: Entry, derived: list[bool]) -> None:
    status = entry.install_status
    if status not in STATUSES:
        return  # an unknown status is a finding (SG103); it counts nowhere
    devices, was_derived = entry_devices(entry)
    derived.append(was_derived)
    cell["installs"][status] += entry.installs or 0
    cell["devices"][status] += devices


def _group_table(graph, group: int, derived: list[bool]) -> dict:
    requested, upgrades = _zero(), _zero()
    for i in sorted(graph.requested):
        if graph.group.get(i) == group:
            _add(requested, graph.entries[i], derived)
    for source, final in sorted(graph.fw_final.items()):
        # each source counts once, toward the final target of its chain
        if final is not None and final in graph.requested and graph.group.get(final) == group:
            _add(upgrades, graph.entries[source], derived)
    return _finish(requested, upgrades)


def _finish(requested: dict, upgrades: dict) -> dict:
    by_status = {
        kind: {s: requested[kind][s] + upgrades[kind][s] for s in STATUSES} for kind in ("installs", "devices")
    }
    return {
        "requested_at_target_fw": requested,
        "potential_fw_upgrades": upgrades,
        "totals_by_status": by_status,
        "totals": {kind: sum(by_status[kind].values()) for kind in ("installs", "devices")},
    }


def _overall(g1: dict, g2: dict) -> dict:
    return _finish(
        *(
            {kind: {s: g1[row][kind][s] + g2[row][kind][s] for s in STATUSES} for kind in ("installs", "devices")}
            for row in ("requested_at_target_fw", "potential_fw_upgrades")
        )
    )


def summarise(assessment) -> dict:
    """summary.json: the tables (every number an integer), the requested entries
    that do not qualify, and the headline figures."""
    g = assessment.graph
    derived: list[bool] = []
    group1 = _group_table(g, Group.ONE, derived)
    group2 = _group_table(g, Group.TWO, derived)
    method = "column" if not any(derived) else "derived" if all(derived) else "mixed"
    return {
        "requested": sorted(g.requested),
        "devices_method": method,
        "overall": _overall(group1, group2),
        "group1": group1,
        "group2": group2,
        "not_qualifying": [
            {
                "id": v.entry_id,
                "group": v.group,
                "installs": v.installs or 0,
                "devices": v.devices,
                "findings": [{"code": f.code, "message": f.message} for f in v.blocking],
                "reason": v.blocking[0].message if v.blocking else f"{v.entry_id} is in neither group ({v.label}).",
            }
            for v in assessment.not_qualifying
        ],
        "headline": headline(assessment),
    }


def headline(assessment) -> dict:
    """The figures the report's prose quotes."""
    g = assessment.graph
    req = sorted(g.requested)
    g1 = [i for i in req if g.group.get(i) == Group.ONE]
    covered = [i for i in g1 if i in g.dormant and i not in g.tested]
    upgrades = [s for s, final in sorted(g.fw_final.items()) if final in g.requested and g.group.get(final)]
    dormant_tested = [i for i in g1 if i in g.tested and is_dormant(g.entries[i])]
    return {
        "requested": len(req),
        "group1": len(g1),
        "group1_tested": len(g1) - len(covered),
        "group1_dormant_tested": len(dormant_tested),
        "group1_clause_20_9": [{"entry": i, "install_status": g.entries[i].install_status,
                                "dormant": g.dormant[i]} for i in covered],
        "group2": sum(1 for i in req if g.group.get(i) == Group.TWO),
        "group2_traced": sum(1 for i in req if g.group.get(i) == Group.TWO and i in g.root),
        "not_qualifying": len(assessment.not_qualifying),
        "not_qualifying_installs": sum(v.installs or 0 for v in assessment.not_qualifying),
        "in_no_group": [i for i in req if i not in g.group],
        "fw_upgrade_sources": len(upgrades),
        "fw_upgradable_installs": sum(g.entries[s].installs or 0 for s in upgrades),
        "cohorts": sorted({g.entries[i].cohort for i in req}),
    }
