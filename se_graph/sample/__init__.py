"""Realistic synthetic DCC workbooks (seeded, deterministic) and blank templates.

``write_sample`` writes one DMCT Status List and one Excluded from DMCT Schedule
workbook per cohort; with ``defects`` it injects one of each defect the checks
find and writes ``defects.json`` saying which entries carry which findings.

Both refuse a folder that holds anything se-graph did not write, or a file it
wrote that was changed since (a filled-in template), unless ``force``; what they
write is noted in the folder's ``.se-graph-outputs`` (``se_graph.model.outputs``).
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable, Sequence
from pathlib import Path

from se_graph.model.outputs import check_folder, record
from se_graph.model.vocab import Kind
from se_graph.sample.build import Cohort, Ids, family
from se_graph.sample.template import write_template
from se_graph.sample.writer import KINDS, Sheet, partial, slug

__all__ = ["write_sample", "write_template"]

MAX_ENTRIES = 999_000  # entry ids have 6 digits


def cohorts_of(entries: int, cohorts: Sequence[str], seed: int, report: int) -> list[Cohort]:
    """The seeded generators of each cohort (one id sequence shared by all)."""
    rng = random.Random(seed)
    ids = Ids(rng, dense=entries > 300_000)
    return [Cohort(name, random.Random(f"{seed}:{name}"), ids, report) for name in cohorts]


def generate(groups: list[Cohort], entries: int, defects: bool, add: Callable[[Cohort, Kind, dict], None]):
    """Every row of a set, in order, handed to ``add(cohort, kind, row)``: the
    defects first (when asked), then DMC families until each cohort has its
    share.  ``write_sample`` and the next publication both replay it, so they
    see the same rows.  Returns (injected defects, notes)."""
    written = [0]

    def sink(cohort: Cohort):
        def emit(kind: Kind, row: dict) -> None:
            add(cohort, kind, row)
            written[0] += 1
        return emit

    injected, notes = [], []
    if defects:
        from se_graph.sample.defects import inject

        first, second = groups[0], groups[1] if len(groups) > 1 else None
        injected, notes = inject(first, second, sink(first), sink(second) if second else None)
    share = max(1, (entries - min(written[0], entries)) // len(groups))
    for c in groups:
        emit, start = sink(c), written[0]
        while written[0] - start < share:
            family(c, emit)
    return injected, notes


def write_sample(
    out_dir: str | Path,
    *,
    entries: int = 300,
    cohorts: Sequence[str] = ("MOC Secure", "FOC"),
    seed: int = 22,
    defects: bool = False,
    report: int = 22,
    force: bool = False,
) -> list[Path]:
    """Write the workbooks (and ``defects.json``); returns the paths written."""
    if not cohorts:
        raise ValueError("give at least one cohort.")
    entries = min(entries, MAX_ENTRIES)
    out = Path(out_dir)
    check_folder(out, force)
    out.mkdir(parents=True, exist_ok=True)
    groups = cohorts_of(entries, cohorts, seed, report)
    sheets = {
        (c.name, kind): Sheet(out / f"{slug(c.name)}-{slug(kind_name)}.xlsx", kind, c.name)
        for c in groups
        for kind, kind_name in KINDS.items()
    }

    def add(cohort: Cohort, kind: Kind, row: dict) -> None:
        sheets[(cohort.name, kind)].add(row)

    injected, notes = generate(groups, entries, defects, add)
    if defects:
        sheets[(groups[0].name, Kind.STATUS_LIST)].totals(notes)
    paths = []
    for sheet in sheets.values():
        sheet.close()
        paths.append(sheet.path)
    if defects:
        path = out / "defects.json"
        doc = {"seed": seed, "defects": injected}
        partial(path).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        os.replace(partial(path), path)
        paths.append(path)
    record(paths)
    return paths
