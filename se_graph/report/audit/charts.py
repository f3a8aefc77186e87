"""The audit page's two charts, as inline SVG.

Plain SVG rather than a plotting library: both are horizontal bar charts (a
rectangle and two labels a bar), which SVG states directly, with text the
browser lays out, selectable and searchable, identical bytes run to run and no
import cost in an audit whose time budget is three validates.  matplotlib
would add about a second of import and SVG glyph paths for the same bars.
"""

from __future__ import annotations

from html import escape

from se_graph.assessment.summary import STATUSES
from se_graph.model import Basis
from se_graph.model.phrases import plural
from se_graph.model.vocab import InstallStatus, Role
from se_graph.report.audit.annex import BASIS
from se_graph.report.html_view import ROLES

COLOURS = {InstallStatus.ACTIVE: "#2f6db5", InstallStatus.DORMANT: "#9aa5b1", InstallStatus.MIXED: "#e3a33b"}
# a root's bar in the explorer's colour for what it stands on
ROOT_BASES = (Basis.TESTED, Basis.EPCL, Basis.CLAUSE_20_9)
ROOT_COLOURS = {Basis.TESTED: ROLES[Role.TESTED][1], Basis.EPCL: ROLES[Basis.EPCL][1],
                Basis.CLAUSE_20_9: ROLES[Role.COVERED][1]}
WIDTH, LABEL, BAR, GAP = 720, 210, 26, 10


def _svg(height: int, title: str, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" font-family="system-ui,sans-serif" font-size="13">'
            f"<title>{escape(title)}</title>{body}</svg>")


def installs_by_group(summary: dict) -> str:
    """Stacked bars: installations of each group split by Installation Status."""
    groups = [("Group 1", summary["group1"]), ("Group 2", summary["group2"])]
    totals = [sum(d["totals_by_status"]["installs"].values()) for _, d in groups]
    scale = (WIDTH - LABEL - 90) / max(max(totals), 1)
    parts, y = [], 30
    x = LABEL
    for s in STATUSES:  # the legend
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{COLOURS[s]}"/>'
                     f'<text x="{x + 16}" y="16">{InstallStatus(s).label}</text>')
        x += 90
    for (name, data), total in zip(groups, totals):
        x = LABEL
        parts.append(f'<text x="{LABEL - 8}" y="{y + BAR * 0.68:.0f}" text-anchor="end">{escape(name)}</text>')
        for s in STATUSES:
            n = data["totals_by_status"]["installs"][s]
            w = n * scale
            if n:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR}" fill="{COLOURS[s]}">'
                             f"<title>{escape(name)}, {s}: {plural(n, 'installation')}</title></rect>")
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + BAR * 0.68:.0f}">{total:,}</text>')
        y += BAR + GAP
    return _svg(y + 4, "Installations by group and Installation Status", "".join(parts))


def top_roots(assessment, limit: int = 10) -> list[tuple[str, Basis, int, int]]:
    """The roots carrying the most installations of qualifying requested entries:
    (root, its basis, installations, entries), largest first."""
    carried: dict[str, list[int]] = {}
    for v in assessment.requested:
        if v.root is not None and v.qualifies:
            cell = carried.setdefault(v.root, [0, 0])
            cell[0] += v.installs or 0
            cell[1] += 1
    ranked = sorted(carried.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [(root, assessment[root].basis, n, entries) for root, (n, entries) in ranked]


def roots_chart(ranked: list[tuple[str, Basis, int, int]]) -> str:
    """One bar a root, coloured by what the root stands on, with the word in its label:
    a Clause 20.9 root is never drawn as a tested one."""
    if not ranked:
        return "<p>No qualifying requested entry traces to a root.</p>"
    scale = (WIDTH - LABEL - 160) / max(ranked[0][2], 1)
    parts, x = [], LABEL
    for basis in ROOT_BASES:  # the legend: the bases present
        if any(b is basis for _, b, _, _ in ranked):
            parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{ROOT_COLOURS[basis]}"/>'
                         f'<text x="{x + 16}" y="16">{BASIS[basis]}</text>')
            x += 40 + 8 * len(BASIS[basis])
    y = 30
    for root, basis, n, entries in ranked:
        w = max(n * scale, 1)
        word = BASIS.get(basis, "no basis")
        parts.append(f'<a href="graph.html#entry={escape(root, quote=True)}">'
                     f'<text x="{LABEL - 8}" y="{y + BAR * 0.68:.0f}" text-anchor="end" fill="#0b57d0">'
                     f"{escape(root)} ({word})</text></a>"
                     f'<rect x="{LABEL}" y="{y}" width="{w:.1f}" height="{BAR}" '
                     f'fill="{ROOT_COLOURS.get(basis, "#9e9e9e")}" data-basis="{basis or ""}">'
                     f"<title>{escape(root)} ({word}): {plural(n, 'installation')} over "
                     f"{plural(entries, 'requested entry', 'requested entries')}"
                     f"</title></rect>"
                     f'<text x="{LABEL + w + 6:.1f}" y="{y + BAR * 0.68:.0f}">{n:,} ({plural(entries, "entry", "entries")})</text>')
        y += BAR + GAP
    return _svg(y, "Roots carrying the most installations", "".join(parts))
