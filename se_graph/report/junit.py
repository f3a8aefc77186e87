"""JUnit XML (spec section 4): one test case per entry that is in a group or has a
finding, failing exactly when the entry has an error; one per input table for
the problems that name no entry."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from se_graph.model import Finding


def _case(classname: str, name: str, findings: list[Finding] | tuple[Finding, ...]) -> str:
    errors = [f for f in findings if f.is_error]
    head = f"  <testcase classname={quoteattr(classname)} name={quoteattr(name)}"
    if not errors:
        return head + "/>"
    body = "\n".join(f"[{f.code}] {f.message} ({f.location})" for f in errors)
    return (
        head + ">\n"
        f"    <failure message={quoteattr(errors[0].message)} type={quoteattr(errors[0].code)}>"
        f"{escape(body)}</failure>\n  </testcase>"
    )


def _classname(v) -> str:
    kind = f"group{int(v.group)}" if v.group else "ungrouped"
    return f"se-graph.{kind}.{v.cohort}"


def render_junit(assessment, strict: bool = False) -> str:
    by_table: dict[tuple, list[Finding]] = {}
    for f in assessment.input_findings:
        by_table.setdefault((f.location.path, f.location.sheet), []).append(f)
    tables = [(t.source.path, t.source.sheet) for t in assessment.tables]
    tables += sorted(k for k in by_table if k not in tables)  # a problem outside the tables read
    cases = [_case("se-graph.inputs", f"{path} [{sheet}]" if sheet else path, by_table.get((path, sheet), []))
             for path, sheet in tables]
    for i, v in assessment.verdicts.items():
        if v.group is not None or v.findings:
            cases.append(_case(_classname(v), i, v.findings))
    failures = sum("<failure" in c for c in cases)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuite name="se-graph" tests="{len(cases)}" failures="{failures}" errors="0">\n'
        + "\n".join(cases)
        + "\n</testsuite>\n"
    )
