"""summary.md: section 1 of the EPCL report, in its layout and wording."""

from __future__ import annotations

from se_graph.assessment.summary import LABELS, ROWS, STATUSES, TITLES, WHICH
from se_graph.model.phrases import plural
from se_graph.model.vocab import InstallStatus
from se_graph.report.markdown import cell as md

METHOD = {
    "column": "Devices are the Devices column of each entry.",
    "derived": "No entry gives a Devices figure, so devices are counted as installations x the number of "
    "devices present in the entry (CHF, ESME, GSME, PPMID, IHD, HCALCS).",
    "mixed": "Devices are the Devices column where an entry gives one; where it is blank they are counted "
    "as installations x the number of devices present in the entry.",
}


def n(value: int) -> str:
    return f"{value:,}"


def table(name: str, data: dict, cohorts: str) -> list[str]:
    """One table: a label column, Installs and Devices split Active / Dormant / Mixed."""
    lines = [
        f"| {TITLES[name]} | Installs | | | Devices | | |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| **{md(cohorts)}** | " + " | ".join(f"**{InstallStatus(s).label}**" for s in STATUSES * 2) + " |",
    ]
    for row in ROWS:
        label = LABELS[row].format(which=WHICH[name])
        cells = [n(data[row][kind][s]) for kind in ("installs", "devices") for s in STATUSES]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    totals = data["totals"]
    lines.append(f"| Totals | | {n(totals['installs'])} | | | {n(totals['devices'])} | |")
    return lines


def _ids(ids: list[str]) -> str:
    return ", ".join(ids) if ids else "none"


def not_qualifying_md(summary: dict) -> list[str]:
    """The requested entries that do not qualify, first: what must not be submitted."""
    bad = summary["not_qualifying"]
    if not bad:
        return ["Every requested entry qualifies: it is in Group 1 or 2, traces to a Group 1 entry (its root) "
                "and has no error.", ""]
    installs = sum(b["installs"] for b in bad)
    out = [
        f"**{plural(len(bad), 'requested entry does', 'requested entries do')} not qualify, with "
        f"{plural(installs, 'installation')} at stake:**",
        "",
        "| Entry | Group | Installs | Why |",
        "|---|---|---:|---|",
    ]
    out += [f"| {b['id']} | {b['group'] or '-'} | {n(b['installs'])} | {md(b['reason'])} |" for b in bad]
    return out + [""]


def render_summary_md(summary: dict, report: int | None = None) -> str:
    lines = []
    for block in blocks(summary, report):
        lines += table(block[1], summary[block[1]], block[2]) if isinstance(block, tuple) else [block]
    return "\n".join(lines) + "\n"


def blocks(summary: dict, report: int | None = None) -> list:
    """summary.md's lines, with ("table", name, cohorts) where a section 1 table
    stands: Markdown and HTML each draw the tables their own way (HTML merges cells)."""
    h = summary["headline"]
    cohorts = ", ".join(h["cohorts"]) or "no cohort"
    title = f"EPCL Report {report}: context of EPCL request" if report else "Context of EPCL request"
    covered = h["group1_clause_20_9"]
    out = [f"# {title}", "", *not_qualifying_md(summary), f"Annex A sets out the specific details of {plural(h['requested'], 'entry that is', 'entries that are')} proposed for addition "
        "to the Eligible Product Combinations List (EPCL).",
        "",
        ("table", "overall", cohorts),
        "",
        "EPCL entries in this report are split into 2 Groups:",
        "",
        f"1. {md(cohorts)} EPCL entries that have been the subject of testing ({h['group1']}"
        + (f": {h['group1_tested']} tested, {len(covered)} by Clause 20.9" if covered else "") + ").",
        f"2. {md(cohorts)} EPCL entries that have not been tested but are proposed as Substantively "
        f"Equivalent to EPCL entries in Group 1 that have been tested ({h['group2']}).",
        "",
        "## Group 1",
        "",
        f"Testing via the DMCT process has completed for {h['group1_tested']} of the requested EPCL entries "
        f"({h['group1_dormant_tested']} of them Dormant), as set out in Annex A.",
        "",
    ]
    if covered:
        ids = ", ".join(c["entry"] for c in covered)
        out += [
            f"For the following proposed Active and Mixed EPCL entries, {ids}, the Dormant entries of the same "
            "DMC were tested in DMCT. In line with SVTAD Appendix AK, Clause 20.9, these entries are not "
            "additionally tested: the testing of the entry containing only Dormant meters suffices, supported "
            "by a SIT Test Completion Report.",
            "",
            "| Entry | Installation Status | Relies on Dormant entry |",
            "|---|---|---|",
            *(f"| {c['entry']} | {InstallStatus(c['install_status']).label} | {c['dormant']} |" for c in covered),
            "",
        ]
    out += [
        ("table", "group1", cohorts),
        "",
        "## Group 2",
        "",
        f"{plural(h['group2'], 'further entry is', 'further entries are')} requested on the basis of Substantive Equivalence: each is proposed "
        f"as Substantively Equivalent to one of the entries in Group 1; {h['group2_traced']} of them trace to a "
        "Group 1 entry, their root (see Annex A for each root and what it stands on).",
        "",
        ("table", "group2", cohorts),
        "",
        "## Firmware upgrades",
        "",
        f"{plural(h['fw_upgrade_sources'], 'EPCL entry', 'EPCL entries')} at earlier firmware can be upgraded to a requested entry at "
        f"target FW, covering {plural(h['fw_upgradable_installs'], 'unmigrated installation')} (the *Potential FW "
        "upgrades* rows; each counts once, toward the final target of its chain).",
        "",
        "## How the figures were counted",
        "",
        f"- {METHOD[summary['devices_method']]}",
        "- *Requested* entries are those with an EPCL Report number"
        + (f" of {report}" if report else " (or, when no entry has one, every Group 1 and Group 2 entry)") + ".",
        "- Each row splits installations and devices by the entry's Installation Status; *Potential FW "
        "upgrades* use the status of the entry to be upgraded. *Overall* is Group 1 plus Group 2, cell by cell.",
    ]
    if h["in_no_group"]:
        out.append(f"- Requested entries in neither group, and so in no table: {_ids(h['in_no_group'])} "
                   "(see findings.md).")
    return out
