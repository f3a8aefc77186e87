"""`impact` and `plan`: what is lost if a test fails, and what to test next, as
text, JSON, Markdown and an offline HTML page (the plan's cumulative coverage as
inline SVG, as the audit draws its charts)."""

from __future__ import annotations

import json
from html import escape

from se_graph.assessment.impact import Impact
from se_graph.assessment.plan import Plan
from se_graph.model.phrases import plural

SCHEMA_VERSION = 1
_PAGE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
         "body{{font-family:system-ui,sans-serif;margin:1.5rem;max-width:75rem}}"
         ".scroll{{overflow-x:auto}}table{{border-collapse:collapse}}"
         "th,td{{border:1px solid #ccd;padding:.25rem .5rem;text-align:left}}"
         "th{{background:#eef;position:sticky;top:0}}td.n{{text-align:right}}</style></head>"
         "<body><h1>{title}</h1>{body}</body></html>\n")


# --- impact -------------------------------------------------------------------

def impact_dict(found: Impact) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "failed": list(found.failed),
        "lost": [{"id": x.entry_id, "cohort": x.cohort, "installation_status": x.install_status,
                  "installations": x.installs, "devices": x.devices, "requested": x.requested,
                  "trace": list(x.trace), "through": x.through} for x in found.lost],
        "totals": found.totals(),
    }


def _headline(found: Impact) -> str:
    if not found.lost:
        return f"If {', '.join(found.failed)} failed, no entry would stop qualifying."
    installs = sum(x.installs for x in found.lost)
    requested = sum(x.requested for x in found.lost)
    return (f"If {', '.join(found.failed)} failed, {plural(len(found.lost), 'entry', 'entries')} would stop qualifying "
            f"({requested:,} requested), carrying {plural(installs, 'installation', 'installations')}.")


def _trace(x) -> str:
    return " -> ".join(x.trace)


def impact_text(found: Impact) -> str:
    lines = [_headline(found)]
    if found.lost:
        lines += ["", f"{'EPCL ID':<8} {'cohort':<14} {'status':<8} {'installs':>9} {'devices':>9}  trace it loses"]
        for x in found.lost:
            lines.append(f"{x.entry_id:<8} {x.cohort:<14} {x.install_status or '?':<8} {x.installs:>9,} "
                         f"{x.devices:>9,}  {_trace(x)}" + ("" if x.requested else "  (not requested)"))
        lines += ["", "Totals lost:"]
        for cohort, statuses in found.totals().items():
            for status, cell in statuses.items():
                lines.append(f"  {'all cohorts' if cohort == 'all' else cohort}, {status}: "
                             f"{plural(cell['entries'], 'entry', 'entries')}, {plural(cell['installs'], 'installation')}, "
                             f"{plural(cell['devices'], 'device')}")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def impact_markdown(found: Impact) -> str:
    lines = [f"# Impact of {', '.join(found.failed)} failing", "", _headline(found)]
    if found.lost:
        lines += ["", "| EPCL ID | Cohort | Installation status | Installations | Devices | Trace it loses |",
                  "|---|---|---|--:|--:|---|"]
        lines += [f"| {x.entry_id} | {_md(x.cohort)} | {x.install_status or ''} | {x.installs:,} | {x.devices:,} | "
                  f"{_trace(x)} |" for x in found.lost]
        lines += ["", "| Cohort | Installation status | Entries | Installations | Devices |", "|---|---|--:|--:|--:|"]
        lines += [f"| {_md('All cohorts' if c == 'all' else c)} | {s} | {v['entries']:,} | {v['installs']:,} | "
                  f"{v['devices']:,} |" for c, st in found.totals().items() for s, v in st.items()]
    return "\n".join(lines) + "\n"


def impact_html(found: Impact) -> str:
    body = [f"<p>{escape(_headline(found))}</p>"]
    if found.lost:
        rows = "".join(
            f"<tr><td>{escape(x.entry_id)}</td><td>{escape(x.cohort)}</td><td>{escape(x.install_status or '')}</td>"
            f"<td class=n>{x.installs:,}</td><td class=n>{x.devices:,}</td><td>{escape(_trace(x))}</td></tr>"
            for x in found.lost)
        body.append("<div class=scroll><table><thead><tr><th>EPCL ID</th><th>Cohort</th><th>Installation status</th>"
                    f"<th>Installations</th><th>Devices</th><th>Trace it loses</th></tr></thead><tbody>{rows}"
                    "</tbody></table></div>")
    return _PAGE.format(title=escape(f"Impact of {', '.join(found.failed)} failing"), body="".join(body))


def render_impact(found: Impact, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(impact_dict(found), indent=2, ensure_ascii=False) + "\n"
    return {"text": impact_text, "markdown": impact_markdown, "html": impact_html}[fmt](found)


# --- plan ---------------------------------------------------------------------

def plan_dict(plan: Plan) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "uncovered": [{"id": u.entry_id, "cohort": u.cohort, "installation_status": u.install_status,
                       "installations": u.installs, "ends_at": u.ends_at,
                       "candidate_parents": [{"id": p.entry_id, "differences": [str(d) for d in p.differences]}
                                             for p in u.parents]} for u in plan.uncovered],
        "plan": [{"test": p.candidate.entry_id, "cohort": p.candidate.cohort, "mends": list(p.gained),
                  "installations": p.installs, "cumulative_installations": p.cumulative_installs,
                  "cumulative_entries": p.cumulative_entries} for p in plan.picks],
        "bound": plan.bound,
    }


def _plan_headline(plan: Plan) -> str:
    if not plan.uncovered:
        return "Every requested entry traces to a tested entry: nothing to plan."
    got = plan.picks[-1].cumulative_installs if plan.picks else 0
    return (f"{plural(len(plan.uncovered), 'requested entry does', 'requested entries do')} not trace to a tested entry "
            f"({plural(plan.installs_uncovered, 'installation')}); testing the {plural(len(plan.picks), 'DMC', 'DMCs')} below "
            f"would make {got:,} of them qualify.")


def _parents(u) -> str:
    if not u.parents:
        return "none"
    return "; ".join(f"{p.entry_id} ({', '.join(map(str, p.differences)) or 'no device differences'})"
                     for p in u.parents[:3]) + (f"; and {len(u.parents) - 3} more" if len(u.parents) > 3 else "")


def plan_text(plan: Plan) -> str:
    lines = [_plan_headline(plan)]
    if plan.uncovered:
        lines += ["", "Requested entries that do not trace (candidate parents: tested entries each could be "
                  "substantively equivalent to, best first):"]
        for u in plan.uncovered:
            end = f", chain ends at {u.ends_at}" if u.ends_at else ""
            lines.append(f"  {u.entry_id}  {u.cohort}, {u.install_status or '?'}, {plural(u.installs, 'installation')}{end}; "
                         f"candidate parents: {_parents(u)}")
    if plan.picks:
        lines += ["", "Test plan (greedy maximum coverage; " + plan.bound + "):",
                  f"  {'#':>2} {'test':<8} {'cohort':<14} {'+installs':>10} {'cumulative':>11} {'entries':>8}  mends"]
        for n, p in enumerate(plan.picks, 1):
            lines.append(f"  {n:>2} {p.candidate.entry_id:<8} {p.candidate.cohort:<14} {p.installs:>10,} "
                         f"{p.cumulative_installs:>11,} {p.cumulative_entries:>8,}  {', '.join(p.gained)}")
    return "\n".join(lines) + "\n"


def plan_markdown(plan: Plan) -> str:
    lines = ["# What to test next", "", _plan_headline(plan)]
    if plan.uncovered:
        lines += ["", "| EPCL ID | Cohort | Installation status | Installations | Chain ends at | Candidate parents |",
                  "|---|---|---|--:|---|---|"]
        lines += [f"| {u.entry_id} | {_md(u.cohort)} | {u.install_status or ''} | {u.installs:,} | "
                  f"{u.ends_at or ''} | {_md(_parents(u))} |" for u in plan.uncovered]
    if plan.picks:
        lines += ["", f"Test plan, greedy maximum coverage ({plan.bound}):", "",
                  "| # | Test (Dormant entry) | Cohort | Installations added | Cumulative installations | "
                  "Cumulative entries | Mends |", "|--:|---|---|--:|--:|--:|---|"]
        lines += [f"| {n} | {p.candidate.entry_id} | {_md(p.candidate.cohort)} | {p.installs:,} | "
                  f"{p.cumulative_installs:,} | {p.cumulative_entries:,} | {', '.join(p.gained)} |"
                  for n, p in enumerate(plan.picks, 1)]
    return "\n".join(lines) + "\n"


def coverage_chart(plan: Plan) -> str:
    """The cumulative installations after each pick, as an inline SVG step line."""
    if not plan.picks:
        return ""
    width, height, left, bottom = 720, 260, 80, 40
    top = max(plan.installs_uncovered, plan.picks[-1].cumulative_installs, 1)
    step = (width - left - 20) / len(plan.picks)
    y = lambda v: height - bottom - v * (height - bottom - 20) / top  # noqa: E731
    points = [(left, y(0))] + [(left + step * n, y(p.cumulative_installs)) for n, p in enumerate(plan.picks, 1)]
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="3" fill="#2f6db5"><title>after {n} '
        f"{'test' if n == 1 else 'tests'} ({escape(plan.picks[n - 1].candidate.entry_id)}): "
        f"{plural(plan.picks[n - 1].cumulative_installs, 'installation')}</title></circle>"
        for n, (x, yy) in enumerate(points[1:], 1))
    line = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in points)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="system-ui,sans-serif" font-size="12">'
            f"<title>Installations that would qualify, cumulative, after each test</title>"
            f'<line x1="{left}" y1="{y(top):.1f}" x2="{width - 20}" y2="{y(top):.1f}" stroke="#ccd" '
            f'stroke-dasharray="4 3"/><text x="{left - 6}" y="{y(top) + 4:.1f}" text-anchor="end">{top:,}</text>'
            f'<text x="{left - 6}" y="{y(0) + 4:.1f}" text-anchor="end">0</text>'
            f'<polyline fill="none" stroke="#2f6db5" stroke-width="2" points="{line}"/>{dots}'
            f'<text x="{(left + width) / 2:.0f}" y="{height - 8}" text-anchor="middle">DMCs tested, in plan '
            f"order (dashed: every uncovered installation)</text></svg>")


def plan_html(plan: Plan) -> str:
    body = [f"<p>{escape(_plan_headline(plan))}</p>"]
    if plan.picks:
        rows = "".join(
            f"<tr><td class=n>{n}</td><td>{escape(p.candidate.entry_id)}</td><td>{escape(p.candidate.cohort)}</td>"
            f"<td class=n>{p.installs:,}</td><td class=n>{p.cumulative_installs:,}</td>"
            f"<td class=n>{p.cumulative_entries:,}</td><td>{escape(', '.join(p.gained))}</td></tr>"
            for n, p in enumerate(plan.picks, 1))
        body += [f"<h2>Test plan</h2><p>Greedy maximum coverage: {escape(plan.bound)}.</p>",
                 f"<figure>{coverage_chart(plan)}</figure>",
                 "<div class=scroll><table><thead><tr><th>#</th><th>Test (Dormant entry)</th><th>Cohort</th>"
                 "<th>Installations added</th><th>Cumulative installations</th><th>Cumulative entries</th>"
                 f"<th>Mends</th></tr></thead><tbody>{rows}</tbody></table></div>"]
    if plan.uncovered:
        rows = "".join(
            f"<tr><td>{escape(u.entry_id)}</td><td>{escape(u.cohort)}</td><td>{escape(u.install_status or '')}</td>"
            f"<td class=n>{u.installs:,}</td><td>{escape(u.ends_at or '')}</td><td>{escape(_parents(u))}</td></tr>"
            for u in plan.uncovered)
        body.append("<h2>Requested entries that do not trace</h2><div class=scroll><table><thead><tr>"
                    "<th>EPCL ID</th><th>Cohort</th><th>Installation status</th><th>Installations</th>"
                    f"<th>Chain ends at</th><th>Candidate parents</th></tr></thead><tbody>{rows}</tbody></table></div>")
    return _PAGE.format(title="What to test next", body="".join(body))


def render_plan(plan: Plan, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(plan_dict(plan), indent=2, ensure_ascii=False) + "\n"
    return {"text": plan_text, "markdown": plan_markdown, "html": plan_html}[fmt](plan)
