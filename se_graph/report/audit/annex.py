"""Annex A: one row per requested entry, with the evidence it rests on."""

from __future__ import annotations

import csv
import io

from se_graph.report.markdown import cell as md

COLUMNS = ["EPCL ID", "Cohort", "Installation Status", "Group", "Basis", "Qualifies", "Devices", "Installs",
           "Device count", "Parent", "Root", "Evidence"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BASIS = {"tested": "tested", "epcl": "on the EPCL", "clause-20.9": "Clause 20.9", "se": "substantive equivalence"}


def _qualifies(v) -> str:
    if v.qualifies:
        return "yes"
    first = v.blocking[0] if v.blocking else None
    return f"NO: [{first.code}] {first.message}" if first else "NO: in neither group"


def rows(assessment) -> list[list[str]]:
    g = assessment.graph
    out = []
    for v in assessment.requested:
        e = g.entries[v.entry_id]
        devices = "; ".join(
            f"{d.role}: {d.manufacturer or ''} {d.model} {d.firmware or ''}".replace("  ", " ").strip()
            for d in e.devices
        )
        out.append([
            v.entry_id, v.cohort, (v.install_status or "").title(), str(int(v.group)) if v.group else "-",
            BASIS[str(v.basis)] if v.basis else "none", _qualifies(v), devices,
            "" if v.installs is None else str(v.installs), f"{v.devices}{' (derived)' if v.devices_derived else ''}",
            g.parent.get(v.entry_id, ""), v.root or "", v.evidence,
        ])
    return out


def safe(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def render_annex_csv(assessment) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(assessment):
        writer.writerow([safe(c) for c in row])
    return buffer.getvalue()


def render_annex_md(assessment, report: int | None = None) -> str:
    title = f"Annex A - EPCL entries requested in EPCL Report {report}" if report else \
        "Annex A - EPCL entries requested for the Eligible Product Combination List"
    lines = [f"# {title}", "", "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows(assessment)]
    lines += ["", "Evidence: a tested entry's own DMCT Test Completion Report; for a Clause 20.9 entry, the "
              "Dormant entry's DMCT report and the SIT Test Completion Report; for a Group 2 entry, the "
              "evidence of the tested root it traces to."]
    return "\n".join(lines) + "\n"
