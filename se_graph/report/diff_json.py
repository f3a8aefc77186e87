"""``diff --format json``: what changed between two publications, byte-stable.

Shape (schema_version 1): ``added`` and ``removed`` (ids), ``changed``
(``{"id", "fields": {field: [old, new]}}``), ``groups`` (``{"id", "old",
"new"}``: the verdict's label), ``lost`` and ``gained`` (``{"id", "cohort",
"was", "now", "requested", "findings"}``: for lost, the findings that now block the
entry; for gained, those that blocked it before), ``findings`` (``new``,
``fixed``), ``counts`` (installations and devices on qualifying entries per cohort
and installation status: ``old``, ``new``, ``change`` = ``gained`` - ``lost`` +
``other``, where ``other`` is the recounts and moves of entries qualifying on both
sides) and ``old``/``new`` (inputs and totals of each side).
"""

from __future__ import annotations

import json

from se_graph.assessment.diff import SCHEMA_VERSION


def _side(a) -> dict:
    return {
        "inputs": sorted(dict.fromkeys(t.source.path for t in a.tables)),
        "entries": len(a.verdicts),
        "qualifying": sum(1 for v in a.verdicts.values() if v.qualifies),
        "errors": a.errors,
        "warnings": a.warnings,
    }


def _eligibility(e) -> dict:
    return {"id": e.entry_id, "cohort": e.cohort, "was": e.was, "now": e.now, "requested": e.requested,
            "findings": [f.to_dict() for f in e.findings]}


def _pair(pair: tuple[int, int]) -> dict:
    return {"installs": pair[0], "devices": pair[1]}


def to_dict(diff) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "ok": diff.ok,
        "old": _side(diff.old),
        "new": _side(diff.new),
        "added": list(diff.added),
        "removed": list(diff.removed),
        "changed": [{"id": c.entry_id, "fields": {k: list(v) for k, v in c.fields.items()}} for c in diff.changed],
        "groups": [{"id": g.entry_id, "old": g.old, "new": g.new} for g in diff.groups],
        "lost": [_eligibility(e) for e in diff.lost],
        "gained": [_eligibility(e) for e in diff.gained],
        "findings": {"new": [f.to_dict() for f in diff.new_findings],
                     "fixed": [f.to_dict() for f in diff.fixed_findings]},
        "counts": [{"cohort": r.cohort, "install_status": r.install_status, "old": _pair(r.old),
                    "new": _pair(r.new), "change": _pair(r.change), "gained": _pair(r.gained), "lost": _pair(r.lost),
                    "other": _pair(r.other)} for r in diff.counts],
    }


def render_diff_json(diff) -> str:
    return json.dumps(to_dict(diff), indent=2, ensure_ascii=False) + "\n"
