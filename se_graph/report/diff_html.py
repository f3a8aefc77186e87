"""``diff --format html``: one offline page (no network, no external file) with
the verdict on top and a table per kind of change; a box filters every table.

Every text from a spreadsheet is escaped before it reaches the page.
"""

from __future__ import annotations

from html import escape

from se_graph.report.diff_text import COUNT_HEADER, COUNT_NOTE, count_rows, field_name, headline, inputs_of, value, verdict_of
from se_graph.model.phrases import plural

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{padding:18px 28px;background:#fff;border-bottom:1px solid #dde1e7}
h1{font-size:20px;margin:0 0 6px}
h2{font-size:16px;margin:26px 0 8px}
main{padding:0 28px 40px}
.verdict{padding:10px 14px;border-radius:6px;font-weight:600;margin:10px 0}
.verdict.lost{background:#fdecec;color:#9b1c1c;border:1px solid #f3b4b4}
.verdict.ok{background:#e8f6ec;color:#1e6b34;border:1px solid #a9dcb8}
.sides{color:#555;font-size:13px}
.tiles{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.tile{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:8px 14px;min-width:90px}
.tile b{display:block;font-size:20px}
.tile.bad b{color:#b42318}.tile.good b{color:#1e6b34}
table{border-collapse:collapse;background:#fff;width:100%;margin-bottom:6px}
th,td{border:1px solid #e3e6eb;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.old{color:#9b1c1c;text-decoration:line-through}
.new{color:#1e6b34}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.none{color:#777;font-style:italic}
.note{color:#555;font-size:13px;max-width:60em}
input[type=search]{padding:6px 10px;width:320px;border:1px solid #c5cbd3;border-radius:5px}
"""

SCRIPT = """
(function(){
  var box = document.getElementById('filter');
  box.addEventListener('input', function(){
    var q = box.value.trim().toLowerCase();
    document.querySelectorAll('tbody tr').forEach(function(tr){
      tr.hidden = q !== '' && tr.textContent.toLowerCase().indexOf(q) < 0;
    });
  });
  window.__seGraphDiffReady = true;
})();
"""


def _e(text) -> str:
    return escape(str(text), quote=True)


def _table(section: str, header: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    """``rows`` hold HTML already escaped."""
    if not rows:
        return f'<p class="none" data-section="{section}">None.</p>'
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td class="num">{c}</td>' if k in numeric else f"<td>{c}</td>" for k, c in enumerate(r))
        + "</tr>" for r in rows)
    return f'<table data-section="{section}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _findings(findings) -> str:
    return "<br>".join(f'<span class="code">{_e(f.code)}</span> {_e(f.message)}' for f in findings)


def render_diff_html(diff) -> str:
    old, new = diff.old, diff.new
    lost_rows = [[_e(e.entry_id), _e(e.cohort), _e(e.was), _e(e.now), "yes" if e.requested else "no",
                  _findings(e.findings) or f"left its group: {_e(e.now)}"] for e in diff.lost]
    gained_rows = [[_e(e.entry_id), _e(e.cohort), _e(e.was), _e(e.now), "yes" if e.requested else "no",
                    _findings(e.findings)] for e in diff.gained]
    changed_rows = [[_e(c.entry_id), _e(field_name(k)), f'<span class="old">{_e(value(v[0]))}</span>',
                     f'<span class="new">{_e(value(v[1]))}</span>'] for c in diff.changed for k, v in c.fields.items()]
    finding_rows = [[state, _e(f.severity), f'<span class="code">{_e(f.code)}</span>', _e(f.entry or "-"),
                     _e(f.message), _e(f.location)]
                    for state, found in (("new", diff.new_findings), ("fixed", diff.fixed_findings)) for f in found]
    tiles = [("lost eligibility", len(diff.lost), "bad" if diff.lost else ""),
             ("gained eligibility", len(diff.gained), "good" if diff.gained else ""),
             ("added", len(diff.added), ""), ("removed", len(diff.removed), ""),
             ("changed", len(diff.changed), ""), ("group changes", len(diff.groups), ""),
             ("findings new", len(diff.new_findings), "bad" if diff.new_findings else ""),
             ("findings fixed", len(diff.fixed_findings), "good" if diff.fixed_findings else "")]
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>se-graph diff: what changed between two publications</title>",
        f"<style>{CSS}</style></head><body>",
        "<header><h1>What changed between the two publications</h1>",
        f'<div class="verdict {"lost" if diff.lost else "ok"}" id="verdict">{_e(headline(diff))}</div>',
        f'<div class="sides">Older: {_e(inputs_of(old))} ({_e(plural(len(old.verdicts), "entry", "entries"))})<br>'
        f"Newer: {_e(inputs_of(new))} ({_e(plural(len(new.verdicts), 'entry', 'entries'))})</div>",
        '<div class="tiles">' + "".join(f'<div class="tile {k}"><b>{n:,}</b>{_e(t)}</div>' for t, n, k in tiles)
        + "</div>",
        '<input type="search" id="filter" placeholder="Filter every table: id, field, code, text...">',
        "</header><main>",
        f"<h2>Lost eligibility ({len(diff.lost)}): qualified before, not now</h2>",
        _table("lost", ["entry", "cohort", "was", "now", "requested", "why"], lost_rows),
        f"<h2>Gained eligibility ({len(diff.gained)}): qualify now, did not before</h2>",
        _table("gained", ["entry", "cohort", "was", "now", "requested", "blocked before by"], gained_rows),
        f"<h2>Added ({len(diff.added)})</h2>",
        _table("added", ["entry", "verdict"], [[_e(i), _e(verdict_of(new, i))] for i in diff.added]),
        f"<h2>Removed ({len(diff.removed)})</h2>",
        _table("removed", ["entry", "was"], [[_e(i), _e(verdict_of(old, i))] for i in diff.removed]),
        f"<h2>Changed fields ({plural(len(diff.changed), 'entry', 'entries')})</h2>",
        _table("changed", ["entry", "field", "old", "new"], changed_rows),
        f"<h2>Group changes ({len(diff.groups)})</h2>",
        _table("groups", ["entry", "old", "new"], [[_e(g.entry_id), _e(g.old), _e(g.new)] for g in diff.groups]),
        f"<h2>Findings ({len(diff.new_findings)} new, {len(diff.fixed_findings)} fixed)</h2>",
        _table("findings", ["", "severity", "code", "entry", "message", "where"], finding_rows),
        "<h2>Installations and devices on qualifying entries</h2>",
        _table("counts", COUNT_HEADER, [[_e(c) for c in row] for row in count_rows(diff)],
               numeric=set(range(3, len(COUNT_HEADER)))),
        f'<p class="note">{_e(COUNT_NOTE)}</p>',
        f"</main><script>{SCRIPT}</script></body></html>",
    ]
    return "\n".join(parts) + "\n"
