"""index.html: the audit's front page, offline.

The verdict; the requested entries that do not qualify and the installations at
stake; every finding (errors first) with filters by severity, code and file;
two charts; the section 1 tables; links to every file.  An entry links into the
explorer as ``graph.html#entry=<EPCL ID>``.  The page's only script is inline and
allowed by its hash in the Content-Security-Policy.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from pathlib import PurePath

from se_graph.assessment.summary import LABELS, ROWS, STATUSES, TITLES, WHICH
from se_graph.report.audit import charts
from se_graph.report.audit.summary_md import METHOD
from se_graph.report.text import verdict

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .6rem;
vertical-align:top;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
.pass{color:#176d2c}.fail{color:#b00020}li{margin:.2rem 0}
tr.error td.sev{background:#f8cbad;color:#9c0006;font-weight:600}
tr.warning td.sev{background:#fff2cc;color:#7f6000;font-weight:600}
.filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;margin:.5rem 0}
.filters label{font-weight:600}nav a{margin-right:1rem}
"""
SCRIPT = """
(function(){
var f=document.getElementById('filters');if(!f)return;
var rows=[].slice.call(document.querySelectorAll('#findings tbody tr'));
var shown=document.getElementById('shown');
function apply(){var s=f.severity.value,c=f.code.value,p=f.file.value,n=0;
rows.forEach(function(r){var ok=(!s||r.dataset.severity===s)&&(!c||r.dataset.code===c)&&(!p||r.dataset.file===p);
r.hidden=!ok;if(ok)n++;});shown.textContent=n;}
f.addEventListener('change',apply);apply();
})();
"""
SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
CSP = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{SCRIPT_HASH}'"
RANK = {"error": 0, "warning": 1, "info": 2}


def entry_link(entry_id: str | None) -> str:
    """An entry as a link into the explorer (the fragment graph.html reads)."""
    if not entry_id:
        return "-"
    return f'<a href="graph.html#entry={escape(entry_id, quote=True)}">{escape(entry_id)}</a>'


def page(title: str, body: str, *, script: bool = False) -> str:
    csp = CSP if script else "default-src 'none'; style-src 'unsafe-inline'"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title><style>{STYLE}</style></head><body>
{body}
{f"<script>{SCRIPT}</script>" if script else ""}</body></html>
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
        return '<p class=pass id="not-qualifying">Every requested entry qualifies.</p>'
    installs = summary["headline"]["not_qualifying_installs"]
    rows = "".join(
        f"<tr><td>{entry_link(b['id'])}</td><td>{b['group'] or '-'}</td><td class=n>{b['installs']:,}</td>"
        f"<td>{escape(b['reason'])}</td></tr>"
        for b in bad
    )
    return (f'<h2 class=fail id="not-qualifying">{len(bad)} requested entr{"ies do" if len(bad) != 1 else "y does"} '
            f"not qualify: {installs:,} installations at stake</h2>"
            "<p>Remove these from the request, or fix what the finding says, before submitting.</p>"
            f"<table><tr><th>Entry</th><th>Group</th><th>Installs</th><th>Why</th></tr>{rows}</table>")


def _options(name: str, label: str, values: list[str], shown=str) -> str:
    opts = "".join(f'<option value="{escape(v, quote=True)}">{escape(shown(v))}</option>' for v in values)
    return f'<label for="f-{name}">{label}</label><select id="f-{name}" name="{name}"><option value="">all</option>{opts}</select>'


def _findings(analysis) -> str:
    found = sorted(analysis.findings, key=lambda f: (RANK.get(str(f.severity), 3), f.location.sort_key(), f.code))
    if not found:
        return '<h2 id="findings">Findings</h2><p class=pass>None: no error, no warning.</p>'
    rows = []
    for f in found:
        loc = f.location
        file = PurePath(loc.path).name
        where = " ".join(p for p in (escape(loc.sheet or ""), f"row {loc.row}" if loc.row else "",
                                     escape(loc.column or "")) if p)
        sev = str(f.severity)
        rows.append(
            f'<tr class="{sev}" data-severity="{sev}" data-code="{escape(f.code, quote=True)}" '
            f'data-file="{escape(file, quote=True)}"><td class=sev>{sev}</td><td>{escape(f.code)}</td>'
            f"<td>{entry_link(f.entry)}</td><td>{escape(file)}</td><td>{where}</td><td>{escape(f.message)}</td></tr>"
        )
    severities = sorted({str(f.severity) for f in found}, key=lambda s: RANK.get(s, 3))
    codes = sorted({f.code for f in found})
    files = sorted({PurePath(f.location.path).name for f in found})
    return (f'<h2 id="findings">Findings: {analysis.errors:,} errors, {analysis.warnings:,} warnings</h2>'
            '<form id="filters" class="filters">'
            + _options("severity", "Severity", severities) + _options("code", "Code", codes)
            + _options("file", "File", files)
            + f'<span><span id="shown">{len(found)}</span> of {len(found)} shown</span></form>'
            '<table id="findings"><thead><tr><th>Severity</th><th>Code</th><th>Entry</th><th>File</th>'
            f"<th>Where</th><th>Finding</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def render_index(analysis, summary: dict, files: list[tuple[str, str]]) -> str:
    line = verdict(analysis)
    ok = line.startswith("PASS")
    links = "".join(f'<li><a href="{escape(name, quote=True)}">{escape(name)}</a>: {escape(what)}</li>'
                    for name, what in files)
    inputs = "".join(
        f"<tr><td>{escape(t.source.path)}</td><td>{escape(t.source.kind)}</td><td>{escape(t.source.sheet)}</td>"
        f"<td class=n>{t.source.header_row}</td><td class=n>{t.rows:,}</td></tr>"
        for t in analysis.tables
    )
    tables = "".join(f"<h3>{TITLES[n]}</h3>{_table(n, summary[n])}" for n in ("overall", "group1", "group2"))
    roots = charts.top_roots(analysis)
    body = f"""<h1>Pre-submission audit</h1>
<nav><a href="#findings">Findings</a><a href="#charts">Charts</a><a href="#tables">Tables</a><a href="#files">Files</a>
<a href="graph.html">Explorer</a></nav>
<p class="{'pass' if ok else 'fail'}" id="verdict"><strong>{escape(line)}</strong></p>
{_not_qualifying(summary)}
<p>{summary['headline']['requested']:,} requested entries. {escape(METHOD[summary['devices_method']])}</p>
{_findings(analysis)}
<h2 id="charts">Charts</h2>
<h3>Installations by group and Installation Status</h3>
<p>The Totals by Installation Status rows of the Group 1 and Group 2 tables.</p>
{charts.installs_by_group(summary)}
<h3>Tested roots carrying the most installations</h3>
<p>Installations of the qualifying requested entries that trace to each tested root (the root itself included).</p>
{charts.roots_chart(roots)}
<h2 id="tables">Section 1 tables</h2>
{tables}
<h2 id="files">Files</h2><ul>{links}</ul>
<p>summary.md, annex-a.md and findings.md hold the same pages as Markdown, to paste into a report.</p>
<h2>Inputs read</h2>
<table><tr><th>File</th><th>Kind</th><th>Sheet</th><th>Header row</th><th>Entries</th></tr>{inputs}</table>"""
    return page("se-graph audit", body, script=bool(analysis.findings))
