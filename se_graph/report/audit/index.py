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
from se_graph.model.phrases import plural
from se_graph.report.audit import charts
from se_graph.report.audit.summary_md import METHOD
from se_graph.model.vocab import InstallStatus
from se_graph.report.text import verdict

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#222}
body.wide{max-width:none;margin:1rem 0}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .6rem;
vertical-align:top;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
td.span{text-align:center;font-variant-numeric:tabular-nums}th.span{text-align:center}
.pass{color:#176d2c}.fail{color:#b00020}li{margin:.2rem 0}
tr.error td.sev{background:#f8cbad;color:#9c0006;font-weight:600}
tr.warning td.sev{background:#fff2cc;color:#7f6000;font-weight:600}
.filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;margin:.5rem 0}
.filters label{font-weight:600}nav a{margin-right:1rem}
.box{overflow:auto;max-width:100%;margin:.5rem 0 1.5rem}.box table{margin:0}
.box.tall{max-height:calc(100vh - 2rem);border:1px solid #ccc}
.box.tall table{border-collapse:separate;border-spacing:0}
.box.tall td,.box.tall th{border-width:0 1px 1px 0}
.box.tall thead th{position:sticky;top:0;z-index:2}
.box.tall tbody td:first-child{position:sticky;left:0;background:#fff;z-index:1}
.box.tall thead th:first-child{left:0;z-index:3}
input[type=search]{font:inherit;padding:.2rem .4rem;width:22rem;max-width:100%}
svg{max-width:100%;height:auto}
"""
SCRIPT = """
(function(){
var f=document.getElementById('filters');if(!f)return;
var rows=[].slice.call(document.querySelectorAll('#findings tbody tr')),text=null;
var shown=document.getElementById('shown');
function apply(){var s=f.severity.value,c=f.code.value,p=f.file.value,n=0;
var words=f.q.value.toLowerCase().split(/\\s+/).filter(Boolean);
if(words.length&&!text)text=rows.map(function(r){return r.textContent.toLowerCase();});
rows.forEach(function(r,i){var ok=(!s||r.dataset.severity===s)&&(!c||r.dataset.code===c)&&(!p||r.dataset.file===p)
&&words.every(function(w){return text[i].indexOf(w)>=0;});r.hidden=!ok;if(ok)n++;});shown.textContent=n;}
f.addEventListener('change',apply);f.addEventListener('input',apply);
f.addEventListener('submit',function(e){e.preventDefault();});apply();
})();
"""
# a filter box over a table: rows holding every word typed stay shown
FILTER = """
(function(){
[].forEach.call(document.querySelectorAll('input[data-filter]'),function(box){
var table=document.getElementById(box.dataset.filter),rows=[].slice.call(table.tBodies[0].rows),text=null;
var shown=document.getElementById(box.dataset.filter+'-shown');
box.addEventListener('input',function(){
if(!text)text=rows.map(function(r){return r.textContent.toLowerCase();});
var words=box.value.toLowerCase().split(/\\s+/).filter(Boolean),n=0;
rows.forEach(function(r,i){var ok=words.every(function(w){return text[i].indexOf(w)>=0;});r.hidden=!ok;if(ok)n++;});
shown.textContent=n.toLocaleString('en-GB');});
});
})();
"""


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


RANK = {"error": 0, "warning": 1, "info": 2}


def entry_link(entry_id: str | None) -> str:
    """An entry as a link into the explorer (the fragment graph.html reads)."""
    if not entry_id:
        return "-"
    return f'<a href="graph.html#entry={escape(entry_id, quote=True)}">{escape(entry_id)}</a>'


def page(title: str, body: str, *, scripts: tuple[str, ...] = (), wide: bool = False) -> str:
    """A page of the audit: inline style, and only the inline scripts given, each
    allowed by its hash in the Content-Security-Policy (the page loads nothing)."""
    csp = "default-src 'none'; style-src 'unsafe-inline'"
    if scripts:
        csp += "; script-src " + " ".join(_hash(s) for s in scripts)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title><style>{STYLE}</style></head><body{' class=wide' if wide else ''}>
{body}
{"".join(f"<script>{s}</script>" for s in scripts)}</body></html>
"""


def filter_box(table_id: str, rows: int, what: tuple[str, str] = ("row", "rows")) -> str:
    """The filter box over table ``table_id`` (FILTER, inline) and the count shown."""
    return (f'<p class=filters><label for="{table_id}-filter">Filter</label>'
            f'<input type=search id="{table_id}-filter" data-filter="{table_id}" autocomplete=off '
            f'placeholder="words a row holds, e.g. Aclara Mixed">'
            f'<span><span id="{table_id}-shown">{rows:,}</span> of {plural(rows, *what)} shown</span></p>')


def summary_table(name: str, data: dict, cohorts: str) -> str:
    """A section 1 table as the report draws it: Installs and Devices each a merged
    header over Active, Dormant and Mixed, and each Totals figure merged across its three."""
    statuses = [InstallStatus(s) for s in STATUSES]
    head = (f"<thead><tr><th>{TITLES[name]}</th><th colspan=3 class=span>Installs</th>"
            "<th colspan=3 class=span>Devices</th></tr>"
            f"<tr><th>{escape(cohorts)}</th>" + "".join(f"<th>{s.label}</th>" for s in statuses * 2)
            + "</tr></thead>")
    body = []
    for row in ROWS:
        label = escape(LABELS[row].format(which=WHICH[name]))
        cells = "".join(f"<td class=n>{data[row][k][s]:,}</td>" for k in ("installs", "devices") for s in statuses)
        body.append(f"<tr><td>{label}</td>{cells}</tr>")
    t = data["totals"]
    body.append(f"<tr><th>Totals</th><td colspan=3 class=span>{t['installs']:,}</td>"
                f"<td colspan=3 class=span>{t['devices']:,}</td></tr>")
    return f"<div class=box><table class=summary id=\"table-{name}\">{head}<tbody>{''.join(body)}</tbody></table></div>"


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
    return (f'<h2 class=fail id="not-qualifying">{plural(len(bad), "requested entry does", "requested entries do")} '
            f"not qualify: {plural(installs, 'installation')} at stake</h2>"
            "<p>Remove these from the request, or fix what the finding says, before submitting.</p>"
            '<div class="box tall"><table id="not-qualifying-table"><thead><tr><th>Entry</th><th>Group</th>'
            f"<th>Installs</th><th>Why</th></tr></thead><tbody>{rows}</tbody></table></div>")


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
    return (f'<h2 id="findings">Findings: {plural(analysis.errors, "error")}, {plural(analysis.warnings, "warning")}</h2>'
            '<form id="filters" class="filters">'
            + _options("severity", "Severity", severities) + _options("code", "Code", codes)
            + _options("file", "File", files)
            + '<label for="f-q">Filter</label><input type=search id="f-q" name="q" autocomplete=off '
            'placeholder="words the row holds">'
            + f'<span><span id="shown">{len(found)}</span> of {len(found)} shown</span></form>'
            '<div class="box tall"><table id="findings"><thead><tr><th>Severity</th><th>Code</th><th>Entry</th>'
            "<th>File</th><th>Where</th><th>Finding</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


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
    cohorts = ", ".join(summary["headline"]["cohorts"]) or "no cohort"
    tables = "".join(f"<h3>{TITLES[n]}</h3>{summary_table(n, summary[n], cohorts)}"
                     for n in ("overall", "group1", "group2"))
    roots = charts.top_roots(analysis)
    body = f"""<h1>Pre-submission audit</h1>
<nav><a href="#findings">Findings</a><a href="#charts">Charts</a><a href="#tables">Tables</a><a href="#files">Files</a>
<a href="graph.html">Explorer</a></nav>
<p class="{'pass' if ok else 'fail'}" id="verdict"><strong>{escape(line)}</strong></p>
{_not_qualifying(summary)}
<p>{plural(summary['headline']['requested'], 'requested entry', 'requested entries')}. {escape(METHOD[summary['devices_method']])}</p>
{_findings(analysis)}
<h2 id="charts">Charts</h2>
<h3>Installations by group and Installation Status</h3>
<p>The Totals by Installation Status rows of the Group 1 and Group 2 tables.</p>
{charts.installs_by_group(summary)}
<h3>Roots carrying the most installations</h3>
<p>Installations of the qualifying requested entries that trace to each root (the root itself included). A root is
the Group 1 entry a trace ends at; its colour says what it stands on.</p>
{charts.roots_chart(roots)}
<h2 id="tables">Section 1 tables</h2>
{tables}
<h2 id="files">Files</h2><ul>{links}</ul>
<p>summary.md, annex-a.md and findings.md hold the same pages as Markdown, to paste into a report.</p>
<h2>Inputs read</h2>
<div class=box><table><tr><th>File</th><th>Kind</th><th>Sheet</th><th>Header row</th><th>Entries</th></tr>{inputs}
</table></div>"""
    return page("se-graph audit", body, scripts=(SCRIPT,) if analysis.findings else ())
