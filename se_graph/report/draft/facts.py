"""What a DMCT EPCL Report states that the data decides, read from the
Assessment and nothing else: the summary tables, the headline figures, the
verdicts' groups, bases and evidence.  ``facts`` holds the figures as numbers
(``check-report`` compares against them); ``context`` words them for the Word
template."""

from __future__ import annotations

from se_graph.assessment.summary import LABELS, STATUSES, TITLES, WHICH
from se_graph.assessment.summary import ROWS as TABLE_ROWS
from se_graph.model import Basis, Group
from se_graph.model.vocab import InstallStatus
from se_graph.report.draft.dates import Timeline, long_date

TABLES = ("overall", "group1", "group2")
# A Word table of a 100k-entry Annex A would run to thousands of pages (and take
# docxtpl minutes): the draft's annex tables hold the first ROWS entries, its
# prose names the first IDS Clause 20.9 entries, and the workbook beside the
# draft holds every entry.
ROWS = 1000
IDS = 50
PLACEHOLDER = "[to be completed]"


def approximately(n: int) -> int:
    """``n`` to 2 significant figures, halves up, as a person rounds a headline
    (65,812 -> 66,000; 170,459 -> 170,000); under 100 it is exact."""
    if n < 100:
        return n
    step = 10 ** (len(str(n)) - 2)
    return (n + step // 2) // step * step


def implied_step(stated: int) -> int:
    """The precision a stated round figure implies: 66,000 -> 1,000."""
    step = 1
    while stated and stated % (step * 10) == 0:
        step *= 10
    return step


def facts(assessment) -> dict:
    """Every figure a report states that the data decides."""
    summary = assessment.summary
    head = summary["headline"]
    tested = dict.fromkeys(STATUSES, 0)
    tested_entries, covered = [], []
    for v in assessment.requested:
        if v.group == Group.ONE and v.basis in (Basis.TESTED, Basis.EPCL):
            if v.install_status in tested:
                tested[v.install_status] += 1
            e = assessment.graph.entries[v.entry_id]
            tested_entries.append({"id": v.entry_id, "status": v.install_status or "", "report": e.test_report or "",
                                   "date": e.test_report_date or ""})
    graph = assessment.graph
    for c in head["group1_clause_20_9"]:
        dormant = graph.entries[c["dormant"]]
        covered.append({"id": c["entry"], "status": c["install_status"], "dormant": c["dormant"],
                        "dormant_report": dormant.test_report or "",
                        "sit_report": graph.entries[c["entry"]].sit_report or ""})
    return {
        "tables": {name: summary[name] for name in TABLES},
        "devices_method": summary["devices_method"],
        "requested": head["requested"],
        "requested_ids": list(summary["requested"]),
        "cohorts": head["cohorts"],
        "group1": head["group1"],
        "group2": head["group2"],
        "tested_by_status": tested,
        "tested_entries": tested_entries,
        "clause_20_9": covered,
        "fw_upgradable": head["fw_upgradable_installs"],
        "fw_upgrade_sources": head["fw_upgrade_sources"],
        "not_qualifying": head["not_qualifying"],
    }


def _n(value: int) -> str:
    return f"{value:,}"


def _table(table: dict, name: str) -> dict:
    """One section 1 table, every figure as text, keyed as summary.json is."""
    out = {"title": TITLES[name], **{row: {
        "label": LABELS[row].format(which=WHICH[name]),
        **{kind: {s: _n(table[row][kind][s]) for s in STATUSES} for kind in ("installs", "devices")},
    } for row in TABLE_ROWS}}
    out["totals"] = {kind: _n(table["totals"][kind]) for kind in ("installs", "devices")}
    return out


def _label(status: str) -> str:
    """Active, Dormant, Mixed, as the reports write them; blank when not given."""
    return InstallStatus(status).label if status else ""


def _list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1] if words else ""


def listed(n: int) -> str:
    """The sentence over an annex table, saying whether it lists every entry."""
    if n <= ROWS:
        return f"All {_n(n)} entries are listed below."
    return f"The first {_n(ROWS)} of the {_n(n)} entries are listed below; the Annex A workbook lists them all."


def _when(day) -> str:
    return long_date(day) if day else PLACEHOLDER


def context(found: dict, annex_a: list[list], annex_columns: list[str], *, number: int | None,
            timeline: Timeline) -> dict:
    """The template's fields: every value text (the template only places them)."""
    cohorts = found["cohorts"]
    covered = found["clause_20_9"]
    fw = found["fw_upgradable"]
    pick = [annex_columns.index(c) for c in ANNEX_COLUMNS]
    return dict(
        number=str(number) if number is not None else PLACEHOLDER,
        date=timeline.report.strftime("%d.%m.%y") if timeline.report else PLACEHOLDER,
        as_of=f"{timeline.report:%B %Y}" if timeline.report else PLACEHOLDER,
        cohorts=_list(cohorts) or "no cohort",
        cohort_heading=", ".join(cohorts),
        requested=_n(found["requested"]),
        group1_entries=_n(found["group1"]),
        group2_entries=_n(found["group2"]),
        tested={s: _n(found["tested_by_status"][s]) for s in STATUSES},
        **{name: _table(found["tables"][name], name) for name in TABLES},
        devices_note=DEVICES_NOTE[found["devices_method"]],
        clause_20_9=bool(covered),
        clause_20_9_ids=", ".join(f"{c['id']} ({_label(c['status'])}; Dormant {c['dormant']})" for c in covered[:IDS])
        + (f" and {_n(len(covered) - IDS)} more listed in Annex D" if len(covered) > IDS else ""),
        clause_20_9_rows=[{**c, "status": _label(c["status"])} for c in covered[:ROWS]],
        clause_20_9_listed=listed(len(covered)),
        fw_upgradable={"approx": _n(approximately(fw)), "exact": _n(fw),
                       "sources": _n(found["fw_upgrade_sources"])},
        annex_a=[["" if row[i] is None else _n(row[i]) if isinstance(row[i], int) else str(row[i]) for i in pick]
                 for row in annex_a[:ROWS]],
        annex_a_listed=listed(len(annex_a)),
        annex_b=[{**t, "status": _label(t["status"]), "date": t["date"] or "not given"}
                 for t in found["tested_entries"][:ROWS]],
        annex_b_listed=listed(len(found["tested_entries"])),
        annex_a_file=f"EPCL Report {number if number is not None else 'N'} - Annex A - EPCL Entries",
        dates={
            "report": _when(timeline.report),
            "drafts_provided": _when(timeline.drafts_provided),
            "referral_ends": _when(timeline.referral_ends),
            "lists_published": _when(timeline.lists_published),
            "suppliers_notified": _when(timeline.suppliers_notified),
            "objections_due": _when(timeline.objections_due),
        },
    )


# Annex A in the draft: the audit's columns a page can hold (the workbook beside
# the draft has them all)
ANNEX_COLUMNS = ["EPCL ID", "Cohort", "Installation Status", "Group", "Basis", "Installs", "Device count", "Parent",
                 "Evidence"]
DEVICES_NOTE = {
    "column": "Devices are the Devices column of each entry.",
    "derived": "Devices are installations x the devices present in each entry (the lists give no Devices column).",
    "mixed": "Devices are the Devices column where an entry gives it, else installations x the devices present "
             "in the entry.",
}
