"""What several rules share: the facts they walk (found once per run, through
``Context.once``), the places they name, and the check of the ingest rules."""

from __future__ import annotations

from se_graph.checks.context import Check, Context
from se_graph.checks.versions import compare
from se_graph.model import Entry, InputCode, Location
from se_graph.model.sameness import number_fields, same
from se_graph.model.vocab import Kind, is_covered, is_tested


def covered(ctx: Context) -> list[tuple[str, Entry]]:
    """(id, entry) of the entries that rely on Clause 20.9 (covered by a Dormant
    entry's testing)."""
    return ctx.once("clause 20.9", lambda: [(i, e) for i, e in ctx.graph.entries.items() if is_covered(e)])


def fw_links(ctx: Context) -> list[tuple[str, Entry, Entry]]:
    """(source id, source entry, target entry) for every fw edge whose target exists."""

    def make() -> list:
        entries = ctx.graph.entries
        return [(i, entries[i], entries[t]) for i, t in ctx.graph.upgrade.items() if t in entries]

    return ctx.once("fw links", make)


def fw_not_forward(ctx: Context) -> list:
    """(source id, target entry, [(role, old, new, order)]) for every fw link
    that moves some device's firmware back (order 1) or where the order cannot be
    told (None); the pairs both entries give a firmware for, in role order.  (A
    number cell's `1.1` and a text `1.10` are one version, ``model.sameness``.)"""

    def make() -> list:
        out = []
        for i, source, target in fw_links(ctx):
            if source.devices is target.devices:
                continue
            theirs = {d.role: d.firmware for d in target.devices}
            odd = []
            numbers = number_fields(source, target)
            for device in source.devices:
                old, new = device.firmware, theirs.get(device.role)
                if old and new and old != new and not (numbers and same(old, new, f"{device.role}.firmware" in numbers)):
                    order = compare(old, new)
                    if order != -1 and order != 0:
                        odd.append((device.role, old, new, order))
            if odd:
                out.append((i, target, odd))
        return out

    return ctx.once("fw not forward", make)


def fw_where(ctx: Context, entry_id: str) -> Location:
    """The FW Upgrade To cell of a firmware source: where its findings point."""
    return ctx.graph.row_for(entry_id, "upgrade_to").at("upgrade_to")


def place(row: Entry) -> str:
    """A row in words: workbook, sheet and row number."""
    return f"{row.source.path.rsplit('/', 1)[-1]}, sheet '{row.source.sheet}', row {row.row}"


def tested_and_excluded(rows: list[Entry]) -> tuple[Entry, Entry] | None:
    """The first Status List row marked tested and the first excluded row of one
    id, when it has both."""
    tested = [r for r in rows if r.kind == Kind.STATUS_LIST and is_tested(r)]
    excluded = [r for r in rows if r.kind == Kind.EXCLUDED]
    return (tested[0], excluded[0]) if tested and excluded else None


def passed_on(code: InputCode) -> Check:
    """The check of an ingest rule: what ingest found under ``code``, as it found it."""

    def check(ctx: Context):
        for problem in ctx.ingest_problems.get(code, ()):
            yield problem.entry, problem.message, problem.location

    return check
