"""JUnit XML: one test case per input table and per Group 2 entry, so a CI
dashboard shows which entries fail."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from se_graph.model import Finding


def _case(classname: str, name: str, findings: list[Finding]) -> str:
    errors = [f for f in findings if f.severity == "error"]
    head = f"  <testcase classname={quoteattr(classname)} name={quoteattr(name)}"
    if not errors:
        return head + "/>"
    body = "\n".join(f"[{f.code}] {f.message} ({f.location})" for f in errors)
    return (
        head + ">\n"
        f"    <failure message={quoteattr(errors[0].message)} type={quoteattr(errors[0].code)}>"
        f"{escape(body)}</failure>\n  </testcase>"
    )


def render_junit(analysis, strict: bool = False) -> str:
    g = analysis.graph
    by_entry: dict[str, list[Finding]] = {}
    by_table: dict[tuple, list[Finding]] = {}
    for f in analysis.findings:
        if f.entry is not None:
            by_entry.setdefault(f.entry, []).append(f)
        else:
            by_table.setdefault((f.location.path, f.location.sheet), []).append(f)
    cases = []
    for t in analysis.tables:
        s = t.source
        cases.append(_case("se-graph.inputs", f"{s.path} [{s.sheet}]", by_table.get((s.path, s.sheet), [])))
    for i in sorted(x for x, grp in g.group.items() if grp == 2):
        cases.append(_case(f"se-graph.group2.{g.entries[i].cohort}", i, by_entry.get(i, [])))
    failures = sum("<failure" in c for c in cases)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuite name="se-graph" tests="{len(cases)}" failures="{failures}" errors="0">\n'
        + "\n".join(cases)
        + "\n</testsuite>\n"
    )
