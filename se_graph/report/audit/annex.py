"""Annex A: one row per requested entry, with the evidence it rests on."""

from __future__ import annotations

import csv
import io

from se_graph.report.audit.summary import entry_devices
from se_graph.report.markdown import cell as md

COLUMNS = ["EPCL ID", "Cohort", "Installation Status", "Group", "Basis", "Devices", "Installs", "Device count",
           "Parent", "Root", "Evidence"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _own_evidence(g, i: str) -> str:
    e = g.entries[i]
    if i in g.epcl_ids and not e.test_report:
        return f"{i} is on the current EPCL"
    report = e.test_report or "no DMCT report named"
    return f"DMCT report: {report}" + (f" ({e.test_report_date})" if e.test_report_date else "")


def _evidence(g, i: str) -> tuple[str, str]:
    """(basis, evidence) for a requested entry."""
    grp = g.group.get(i)
    if grp == 1 and i in g.tested:
        return ("on the EPCL" if i in g.epcl_ids else "tested"), _own_evidence(g, i)
    if grp == 1:
        dormant = g.dormant[i]
        sit = g.entries[i].sit_report
        return "Clause 20.9", f"Dormant {dormant}: {_own_evidence(g, dormant)}; SIT report: {sit}"
    if grp == 2 and i in g.root:
        root = g.root[i]
        basis, evidence = _evidence(g, root)
        return "substantive equivalence", f"root {root} ({basis}): {evidence}"
    if grp == 2:
        return "substantive equivalence", "none: does not trace to a tested entry (see findings)"
    return "none", "none: the entry is in neither group (see findings)"


def rows(analysis) -> list[list[str]]:
    g = analysis.graph
    out = []
    for i in sorted(g.requested):
        e = g.entries[i]
        basis, evidence = _evidence(g, i)
        devices = "; ".join(
            f"{d.role}: {d.manufacturer or ''} {d.model} {d.firmware or ''}".replace("  ", " ").strip()
            for d in e.devices
        )
        count, derived = entry_devices(e)
        out.append([
            i, e.cohort, (e.install_status or "").title(), str(g.group.get(i) or "-"), basis, devices,
            "" if e.installs is None else str(e.installs), f"{count}{' (derived)' if derived else ''}",
            g.parent.get(i, ""), g.root.get(i, ""), evidence,
        ])
    return out


def safe(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def render_annex_csv(analysis) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(analysis):
        writer.writerow([safe(c) for c in row])
    return buffer.getvalue()


def render_annex_md(analysis, report: int | None = None) -> str:
    title = f"Annex A - EPCL entries requested in EPCL Report {report}" if report else \
        "Annex A - EPCL entries requested for the Eligible Product Combination List"
    lines = [f"# {title}", "", "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows(analysis)]
    lines += ["", "Evidence: a tested entry's own DMCT Test Completion Report; for a Clause 20.9 entry, the "
              "Dormant entry's DMCT report and the SIT Test Completion Report; for a Group 2 entry, the "
              "evidence of the tested root it traces to."]
    return "\n".join(lines) + "\n"
