"""`impact --policy NEW.toml`: the entries that stop or start qualifying under
another equivalence policy, worded as the diff words its eligibility changes
(the same lines: the verdict before and after, and the findings that decide)."""

from __future__ import annotations

import json
from html import escape

from se_graph.model.phrases import plural
from se_graph.report.diff_text import _eligibility_lines

SCHEMA_VERSION = 1


def _installs(diff, items) -> int:
    return sum(diff.new[e.entry_id].installs or 0 for e in items)


def headline(diff, policy: str) -> str:
    lost, gained = diff.lost, diff.gained
    if not lost and not gained:
        return f"Under the policy of {policy}, every entry keeps its verdict."
    return (f"Under the policy of {policy}: {plural(len(lost), 'entry stops', 'entries stop')} "
            f"qualifying ({plural(_installs(diff, lost), 'installation')}), {len(gained):,} "
            f"{'starts' if len(gained) == 1 else 'start'} ({plural(_installs(diff, gained), 'installation')}).")


def policy_dict(diff, policy: str) -> dict:
    def items(found, lost: bool) -> list[dict]:
        return [{"id": e.entry_id, "cohort": e.cohort, "installation_status": diff.new[e.entry_id].install_status,
                 "installations": diff.new[e.entry_id].installs or 0, "requested": e.requested,
                 "was": e.was, "now": e.now,
                 ("because" if lost else "was_blocked_by"): [f.to_dict() for f in e.findings]} for e in found]

    return {"schema_version": SCHEMA_VERSION, "policy": policy,
            "stop_qualifying": items(diff.lost, True), "start_qualifying": items(diff.gained, False)}


def policy_text(diff, policy: str) -> str:
    lines = [headline(diff, policy)]
    if diff.lost:
        lines += ["", f"Stop qualifying ({len(diff.lost)}): qualify under the current policy, not under the new one",
                  *_eligibility_lines(diff.lost, True)]
    if diff.gained:
        lines += ["", f"Start qualifying ({len(diff.gained)}): qualify under the new policy only",
                  *_eligibility_lines(diff.gained, False)]
    return "\n".join(lines) + "\n"


def policy_markdown(diff, policy: str) -> str:
    lines = [f"# Impact of the policy in {policy}", "", headline(diff, policy)]
    for title, found, lost in (("Stop qualifying", diff.lost, True), ("Start qualifying", diff.gained, False)):
        if found:
            lines += ["", f"## {title}", "", "| EPCL ID | Cohort | Installations | Before | After | Why |",
                      "|---|---|--:|---|---|---|"]
            lines += [f"| {e.entry_id} | {e.cohort} | {diff.new[e.entry_id].installs or 0:,} | {e.was} | {e.now} | "
                      + "; ".join(f"{f.code}: {f.message}" for f in e.findings).replace("|", "\\|") + " |"
                      for e in found]
    return "\n".join(lines) + "\n"


def policy_html(diff, policy: str) -> str:
    parts = [f"<p>{escape(headline(diff, policy))}</p>"]
    for title, found in (("Stop qualifying", diff.lost), ("Start qualifying", diff.gained)):
        if found:
            rows = "".join(
                f"<tr><td>{escape(e.entry_id)}</td><td>{escape(e.cohort)}</td>"
                f"<td>{diff.new[e.entry_id].installs or 0:,}</td><td>{escape(e.was)}</td><td>{escape(e.now)}</td>"
                f"<td>{escape('; '.join(f'{f.code}: {f.message}' for f in e.findings))}</td></tr>" for e in found)
            parts.append(f"<h2>{title}</h2><div style=\"overflow-x:auto\"><table><thead><tr><th>EPCL ID</th>"
                         "<th>Cohort</th><th>Installations</th><th>Before</th><th>After</th><th>Why</th></tr></thead>"
                         f"<tbody>{rows}</tbody></table></div>")
    title = escape(f"Impact of the policy in {policy}")
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><style>'
            "body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse}"
            "th,td{border:1px solid #ccd;padding:.25rem .5rem}th{background:#eef;position:sticky;top:0}"
            f"</style></head><body><h1>{title}</h1>{''.join(parts)}</body></html>\n")


def render_policy(diff, policy: str, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(policy_dict(diff, policy), indent=2, ensure_ascii=False) + "\n"
    return {"text": policy_text, "markdown": policy_markdown, "html": policy_html}[fmt](diff, policy)
