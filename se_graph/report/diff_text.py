"""``diff`` for the terminal: the lost entries first (what an objection is about),
then gained, added, removed, changed fields, group changes, findings and counts.
Also the wording every other diff renderer shares."""

from __future__ import annotations

from se_graph.model.fields import FIELD_HEADERS
from se_graph.model.phrases import plural
from se_graph.report.text import fold

NAMES = {**FIELD_HEADERS, "table": "Table", "devices": "Devices"}


def field_name(name: str) -> str:
    return NAMES.get(name, name)


def value(v) -> str:
    if v is None:
        return "(blank)"
    if isinstance(v, bool):
        return "Y" if v else "N"
    return str(v)


def change_text(name: str, pair: tuple) -> str:
    return f"{field_name(name)}: {value(pair[0])} -> {value(pair[1])}"


def headline(diff) -> str:
    parts = [f"{len(diff.added)} added", f"{len(diff.removed)} removed", f"{len(diff.changed)} changed",
             f"{plural(len(diff.gained), 'entry', 'entries')} gained eligibility"]
    if diff.lost:
        return (f"LOST: {plural(len(diff.lost), 'entry', 'entries')} qualified in the older set and "
                f"no longer {'qualifies' if len(diff.lost) == 1 else 'qualify'}; " + ", ".join(parts) + ".")
    return "OK: no entry lost its eligibility; " + ", ".join(parts) + "."


def found_in_words(diff) -> str:
    """E.g. "4 entries lost eligibility, 1 gained; 2 added, 1 removed, 7 changed"."""
    return (f"{plural(len(diff.lost), 'entry', 'entries')} lost eligibility, {len(diff.gained)} gained; "
            f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed")


def verdict_of(a, entry_id: str) -> str:
    v = a[entry_id]
    return f"{v.label}, {'qualifies' if v.qualifies else 'does not qualify'}"


def inputs_of(a) -> str:
    by_folder: dict[str, list[str]] = {}
    for path in sorted(dict.fromkeys(t.source.path for t in a.tables)):
        folder, _, name = path.rpartition("/")
        by_folder.setdefault(folder, []).append(name)
    return "; ".join(f"{folder}/ ({', '.join(names)})" if folder else ", ".join(names)
                     for folder, names in by_folder.items()) or "(no tables)"


def _eligibility_lines(items, lost: bool) -> list[str]:
    lines = []
    for e in items:
        lines.append(f"  {e.entry_id}  {e.cohort}: {e.was} -> {e.now}" + ("  [requested]" if e.requested else ""))
        if e.findings:
            for f in e.findings:
                lines.append(f"      {'because' if lost else 'was'} {f.code}: {f.message}")
        elif lost:
            lines.append(f"      because it left its group: {e.now}")
    return lines


# The counts' change, split: what eligibility moved and what it did not.  The
# three parts add up to the change, so no part can be read as the change.
COUNT_PARTS = ("entries gaining eligibility", "entries losing eligibility",
               "recounts and moves of entries qualifying in both")
COUNT_HEADER = ["cohort", "status", "counted", "old", "new", "change",
                *(f"of the change: {p}" for p in COUNT_PARTS)]
COUNT_NOTE = ("The change is the sum of its three parts: installations (devices) of entries that qualify "
              "now and did not, or are new; of entries that qualified and do not now, or were withdrawn; "
              "and of entries qualifying in both whose counts were edited or that moved to another cohort "
              "or installation status.")


def signed(n: int) -> str:
    return f"+{n:,}" if n > 0 else f"{n:,}" if n < 0 else "0"


def count_parts(r, k: int) -> tuple[str, str, str]:
    """Installations (k=0) or devices (k=1): the change's three parts, signed."""
    return signed(r.gained[k]), signed(-r.lost[k]), signed(r.other[k])


def count_rows(diff) -> list[list]:
    """The counts table every format shows: one row per cohort, status and what is counted."""
    return [[r.cohort, r.install_status, what, f"{r.old[k]:,}", f"{r.new[k]:,}", signed(r.change[k]),
             *count_parts(r, k)]
            for r in diff.counts for k, what in enumerate(("installations", "devices"))]


def render_diff_text(diff, width: int = 140) -> str:
    old, new = diff.old, diff.new
    lines = [f"Older: {inputs_of(old)} ({plural(len(old.verdicts), 'entry', 'entries')})",
             f"Newer: {inputs_of(new)} ({plural(len(new.verdicts), 'entry', 'entries')})", ""]

    def section(title: str, body: list[str]) -> None:
        if body:
            lines.extend([title, *body, ""])

    section(f"Lost eligibility ({len(diff.lost)}): qualified before, not now", _eligibility_lines(diff.lost, True))
    section(f"Gained eligibility ({len(diff.gained)}): qualify now, did not before",
            _eligibility_lines(diff.gained, False))
    section(f"Added ({len(diff.added)})", [f"  {i}  {verdict_of(new, i)}" for i in diff.added])
    section(f"Removed ({len(diff.removed)})", [f"  {i}  was {verdict_of(old, i)}" for i in diff.removed])
    section(f"Changed ({len(diff.changed)})",
            [f"  {c.entry_id}  " + "; ".join(change_text(k, v) for k, v in c.fields.items()) for c in diff.changed])
    section(f"Group changes ({len(diff.groups)})", [f"  {g.entry_id}  {g.old} -> {g.new}" for g in diff.groups])
    section(f"Findings: {len(diff.new_findings)} new, {len(diff.fixed_findings)} fixed",
            [f"  new   {f.severity} {f.code} {f.entry or '-'}: {f.message}" for f in diff.new_findings]
            + [f"  fixed {f.severity} {f.code} {f.entry or '-'}: {f.message}" for f in diff.fixed_findings])
    rows = [r for r in diff.counts if r.old != r.new or r.gained != (0, 0) or r.lost != (0, 0)]
    if rows:
        lines.append("Installations and devices on qualifying entries: old -> new, change = its parts")
        for r in rows:
            lines.append(f"  {r.cohort} {r.install_status}")
            for k, what in enumerate(("installations", "devices")):
                parts = ", ".join(f"{n} from {label}" for n, label in zip(count_parts(r, k), COUNT_PARTS))
                lines.append(f"    {what}: {r.old[k]:,} -> {r.new[k]:,}, change {signed(r.change[k])} = {parts}")
        lines.extend([f"  {COUNT_NOTE}", ""])
    if diff.empty:
        lines.append("No differences.")
    lines.append(headline(diff))
    return fold("\n".join(lines), width) + "\n"
