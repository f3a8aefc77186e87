"""``diff`` for the terminal: the lost entries first (what an objection is about),
then gained, added, removed, changed fields, group changes, findings and counts.
Also the wording every other diff renderer shares."""

from __future__ import annotations

from se_graph.model.fields import FIELD_HEADERS

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


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def headline(diff) -> str:
    parts = [f"{len(diff.added)} added", f"{len(diff.removed)} removed", f"{len(diff.changed)} changed",
             f"{len(diff.gained)} gained eligibility"]
    if diff.lost:
        return (f"LOST: {plural(len(diff.lost), 'entry', 'entries')} qualified in the older set and "
                f"no longer qualify; " + ", ".join(parts) + ".")
    return "OK: no entry lost its eligibility; " + ", ".join(parts) + "."


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


def render_diff_text(diff) -> str:
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
        lines.append("Installations / devices on qualifying entries (old -> new; gained, lost)")
        for r in rows:
            lines.append(f"  {r.cohort} {r.install_status}: installs {r.old[0]:,} -> {r.new[0]:,} "
                         f"(+{r.gained[0]:,}, -{r.lost[0]:,}); devices {r.old[1]:,} -> {r.new[1]:,} "
                         f"(+{r.gained[1]:,}, -{r.lost[1]:,})")
        lines.append("")
    if diff.empty:
        lines.append("No differences.")
    lines.append(headline(diff))
    return "\n".join(lines) + "\n"
