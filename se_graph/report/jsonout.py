"""``validate --format json``: schema_version 1 of the spec, byte-stable."""

from __future__ import annotations

import json

from se_graph.model import Group

SCHEMA_VERSION = 1


def entry_dicts(assessment) -> list[dict]:
    return [
        {
            "id": v.entry_id,
            "cohort": v.cohort,
            "install_status": v.install_status,
            "group": v.group,
            "trace": list(v.trace) if v.trace is not None else None,
            "root": v.root,
            "qualifies": v.qualifies,
        }
        for v in assessment.verdicts.values()
    ]


def to_dict(assessment, strict: bool = False) -> dict:
    verdicts = assessment.verdicts.values()
    return {
        "schema_version": SCHEMA_VERSION,
        "valid": assessment.valid(strict),
        "inputs": [t.to_dict() for t in assessment.tables],
        "stats": {
            "entries": len(assessment.verdicts),
            "group1": sum(1 for v in verdicts if v.group == Group.ONE),
            "group2": sum(1 for v in verdicts if v.group == Group.TWO),
            "errors": assessment.errors,
            "warnings": assessment.warnings,
        },
        "entries": entry_dicts(assessment),
        "findings": [f.to_dict() for f in assessment.findings],
    }


def render_json(assessment, strict: bool = False) -> str:
    return json.dumps(to_dict(assessment, strict), indent=2, ensure_ascii=False) + "\n"
