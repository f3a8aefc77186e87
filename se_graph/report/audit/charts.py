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

COLOURS = {"active": "#2f6db5", "dormant": "#9aa5b1", "mixed": "#e3a33b"}
WIDTH, LABEL, BAR, GAP = 720, 170, 26, 10


def _svg(height: int, title: str, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" font-family="system-ui,sans-serif" font-size="13">'
            f"<title>{escape(title)}</title>{body}</svg>")


def installs_by_group(summary: dict) -> str:
    """Stacked bars: installations of each group split by Installation Status."""
    groups = [("Group 1 (tested)", summary["group1"]), ("Group 2 (SE)", summary["group2"])]
    totals = [sum(d["totals_by_status"]["installs"].values()) for _, d in groups]
    scale = (WIDTH - LABEL - 90) / max(max(totals), 1)
    parts, y = [], 30
    x = LABEL
    for s in STATUSES:  # the legend
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{COLOURS[s]}"/>'
                     f'<text x="{x + 16}" y="16">{s.title()}</text>')
        x += 90
    for (name, data), total in zip(groups, totals):
        x = LABEL
        parts.append(f'<text x="{LABEL - 8}" y="{y + BAR * 0.68:.0f}" text-anchor="end">{escape(name)}</text>')
        for s in STATUSES:
            n = data["totals_by_status"]["installs"][s]
            w = n * scale
            if n:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR}" fill="{COLOURS[s]}">'
                             f"<title>{escape(name)}, {s}: {n:,} installations</title></rect>")
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + BAR * 0.68:.0f}">{total:,}</text>')
        y += BAR + GAP
    return _svg(y + 4, "Installations by group and Installation Status", "".join(parts))


def top_roots(assessment, limit: int = 10) -> list[tuple[str, int, int]]:
    """The tested roots carrying the most installations of requested entries:
    (root, installations, entries), largest first."""
    carried: dict[str, list[int]] = {}
    for v in assessment.requested:
        if v.root is not None and v.qualifies:
            cell = carried.setdefault(v.root, [0, 0])
            cell[0] += v.installs or 0
            cell[1] += 1
    ranked = sorted(carried.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [(root, n, entries) for root, (n, entries) in ranked]


def roots_chart(ranked: list[tuple[str, int, int]]) -> str:
    if not ranked:
        return "<p>No requested entry traces to a tested root.</p>"
    scale = (WIDTH - LABEL - 160) / max(ranked[0][1], 1)
    parts, y = [], 4
    for root, n, entries in ranked:
        w = max(n * scale, 1)
        parts.append(f'<a href="graph.html#entry={escape(root, quote=True)}">'
                     f'<text x="{LABEL - 8}" y="{y + BAR * 0.68:.0f}" text-anchor="end" fill="#0b57d0">'
                     f"{escape(root)}</text></a>"
                     f'<rect x="{LABEL}" y="{y}" width="{w:.1f}" height="{BAR}" fill="#2f6db5">'
                     f"<title>{escape(root)}: {n:,} installations over {entries:,} requested entries</title></rect>"
                     f'<text x="{LABEL + w + 6:.1f}" y="{y + BAR * 0.68:.0f}">{n:,} ({entries:,} entries)</text>')
        y += BAR + GAP
    return _svg(y, "Tested roots carrying the most installations", "".join(parts))
