"""index.html: the audit at a glance, offline, linking every file."""

from __future__ import annotations

from html import escape

from se_graph.report.audit.summary_md import METHOD
from se_graph.assessment.summary import LABELS, ROWS, STATUSES, TITLES, WHICH
from se_graph.report.text import verdict

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .6rem}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
.pass{color:#176d2c}.fail{color:#b00020}li{margin:.2rem 0}
"""


def _table(name: str, data: dict) -> str:
    head = (f"<tr><th>{TITLES[name]}</th><th colspan=3>Installs</th><th colspan=3>Devices</th></tr>"
            "<tr><th></th>" + "".join(f"<th>{s.title()}</th>" for s in STATUSES * 2) + "</tr>")
    body = []
    for row in ROWS:
        label = escape(LABELS[row].format(which=WHICH[name]))
        cells = "".join(f"<td class=n>{data[row][k][s]:,}</td>" for k in ("installs", "devices") for s in STATUSES)
        body.append(f"<tr><td>{label}</td>{cells}</tr>")
    t = data["totals"]
    body.append(f"<tr><th>Totals</th><td colspan=3 class=n>{t['installs']:,}</td>"
                f"<td colspan=3 class=n>{t['devices']:,}</td></tr>")
    return f"<table>{head}{''.join(body)}</table>"


def _not_qualifying(summary: dict) -> str:
    bad = summary["not_qualifying"]
    if not bad:
        return "<p class=pass>Every requested entry qualifies.</p>"
    installs = sum(b["installs"] for b in bad)
    rows = "".join(
        f"<tr><td>{escape(b['id'])}</td><td>{b['group'] or '-'}</td><td class=n>{b['installs']:,}</td>"
        f"<td>{escape(b['reason'])}</td></tr>"
        for b in bad
    )
    return (f"<h2 class=fail>{len(bad)} requested entr{'ies do' if len(bad) != 1 else 'y does'} not qualify "
            f"({installs:,} installations at stake)</h2>"
            f"<table><tr><th>Entry</th><th>Group</th><th>Installs</th><th>Why</th></tr>{rows}</table>")


def render_index(analysis, summary: dict, files: list[tuple[str, str]]) -> str:
    line = verdict(analysis)
    ok = line.startswith("PASS")
    links = "".join(f'<li><a href="{escape(name, quote=True)}">{escape(name)}</a>: {escape(what)}</li>'
                    for name, what in files)
    inputs = "".join(
        f"<tr><td>{escape(t.source.path)}</td><td>{escape(t.source.kind)}</td><td>{escape(t.source.sheet)}</td>"
        f"<td class=n>{t.source.header_row}</td><td class=n>{t.rows}</td></tr>"
        for t in analysis.tables
    )
    tables = "".join(f"<h2>{TITLES[n]}</h2>{_table(n, summary[n])}" for n in ("overall", "group1", "group2"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>se-graph audit</title><style>{STYLE}</style></head><body>
<h1>Pre-submission audit</h1>
<p class="{'pass' if ok else 'fail'}"><strong>{escape(line)}</strong></p>
{_not_qualifying(summary)}
<p>{summary['headline']['requested']} requested entries. {escape(METHOD[summary['devices_method']])}</p>
<h2>Files</h2><ul>{links}</ul>
{tables}
<h2>Inputs read</h2>
<table><tr><th>File</th><th>Kind</th><th>Sheet</th><th>Header row</th><th>Entries</th></tr>{inputs}</table>
</body></html>
"""
