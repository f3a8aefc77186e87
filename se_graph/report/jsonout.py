"""``validate --format json``: schema_version 1 of the spec, byte-stable."""

from __future__ import annotations

import json

SCHEMA_VERSION = 1


def entry_dicts(analysis) -> list[dict]:
    g = analysis.graph
    out = []
    for i in sorted(g.entries):
        e = g.entries[i]
        trace = g.trace(i)
        out.append(
            {
                "id": i,
                "cohort": e.cohort,
                "install_status": e.install_status,
                "group": g.group.get(i),
                "trace": trace,
                "root": g.root.get(i),
            }
        )
    return out


def to_dict(analysis, strict: bool = False) -> dict:
    g = analysis.graph
    return {
        "schema_version": SCHEMA_VERSION,
        "valid": analysis.valid(strict),
        "inputs": [t.to_dict() for t in analysis.tables],
        "stats": {
            "entries": len(g.entries),
            "group1": sum(1 for v in g.group.values() if v == 1),
            "group2": sum(1 for v in g.group.values() if v == 2),
            "errors": analysis.errors,
            "warnings": analysis.warnings,
        },
        "entries": entry_dicts(analysis),
        "findings": [f.to_dict() for f in analysis.findings],
    }


def render_json(analysis, strict: bool = False) -> str:
    return json.dumps(to_dict(analysis, strict), indent=2, ensure_ascii=False) + "\n"
