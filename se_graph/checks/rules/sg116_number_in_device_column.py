"""A device cell holds a number, taken as the other entry's text of the same number (`1` as `1.0`).

Excel stores a version typed into a General cell as a number and drops what a
number does not keep: `1.0` becomes 1, `1.10` becomes 1.1, `01` becomes 1.
Where a Manufacturer, Model, Hardware Version or Firmware Version cell holds a
number and the entry it is compared with (its parent, its upgrade target, its
Dormant entry under Clause 20.9, or another row of the same id) gives text of
the same number, the two are one value: no device difference is reported, and
this warning names the cell. Format the column as Text in Excel and retype the
value. Where the two are different numbers, the error about the difference
(SG206) names the number cell in the same way.
"""

from __future__ import annotations

from collections.abc import Iterator

from se_graph.checks.context import Context
from se_graph.checks.policy import NUMBER_FIX, place
from se_graph.model import Entry, Severity
from se_graph.model.sameness import equal_numbers, same

CODE = "SG116"
NAME = "number-in-device-column"
SEVERITY = Severity.WARNING


def check(ctx: Context):
    g = ctx.graph
    entries = g.entries
    noted = {i for i, e in entries.items() if e.number_cells}
    said: set = set()
    pairs: list[tuple[Entry, Entry, str, str]] = []  # (entry, entry compared, how each names the other)
    if noted:
        for edges, mine, theirs in ((g.parent, "its parent", "its child"),
                                    (g.upgrade, "its upgrade target", "its firmware source"),
                                    (g.dormant, "its Dormant entry", "the Clause 20.9 entry")):
            for i, j in edges.items():
                if (i in noted or j in noted) and j in entries:
                    pairs.append((entries[i], entries[j], mine, theirs))
    for rows in g.rows.values():
        if len(rows) > 1 and any(r.number_cells for r in rows):
            pairs += [(a, b, f"its row in {place(b.location)}", f"its row in {place(a.location)}")
                      for k, a in enumerate(rows) for b in rows[k + 1:]]
    for a, b, a_names_b, b_names_a in pairs:
        for entry, other, names in ((a, b, a_names_b), (b, a, b_names_a)):
            for found in _taken_as_text(entry, other, names):
                if found[2] not in said:
                    said.add(found[2])
                    yield found


def _taken_as_text(entry: Entry, other: Entry, names: str) -> Iterator[tuple]:
    """A finding for each number cell of ``entry`` that ``other`` gives as text of the same number."""
    for cell in entry.number_cells:
        role, _, name = cell.field.partition(".")
        device = other.device(role)
        text = getattr(device, name) if device is not None and other.knows(cell.field) else None
        if text is None or same(cell.value, text) or not equal_numbers(cell.value, text):
            continue
        who = f"{names} {other.entry_id}" if other.entry_id != entry.entry_id else names
        yield (entry.entry_id,
               f"Entry {entry.entry_id}: {cell.location.column} holds the number {cell.value}, taken to equal "
               f"the text '{text}' of {who} (Excel stores '{text}' typed into a General cell as {cell.value}); "
               f"{NUMBER_FIX}.",
               cell.location)
