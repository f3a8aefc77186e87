"""index.html in a real browser (network blocked): the verdict, what does not
qualify, every finding with working filters, the charts, and every page it links
readable."""

from __future__ import annotations

from typer.testing import CliRunner

from se_graph.cli import app
from tests.builders import excluded, row_child, row_tested, status_list


def failing_audit(tmp_path):
    status = [row_tested("000001", installs=900), row_tested("000005", installs=40)]
    kids = [row_child("000002", "000001", installs=30),
            row_child("000003", "000404", installs=77),  # traces nowhere: an error, does not qualify
            {**row_child("000004", "000005", installs=6), "exclusion_reason": "Legacy meter"},  # a warning
            row_child("000006", "000001", installs=12, **{"CHF.model": "<b>SKU9</b>"})]  # an error, escaped
    inputs = [status_list(tmp_path / "s.xlsx", status), excluded(tmp_path / "e.xlsx", kids)]
    result = CliRunner().invoke(app, ["audit", *map(str, inputs), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    return tmp_path / "out"


def visible(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#findings tbody tr:not([hidden])", "rs => rs.map(r => [...r.cells].map(c => c.innerText))")


def test_index_shows_verdict_failures_and_filters(tmp_path, offline_page):
    out = failing_audit(tmp_path)
    page, left, errors = offline_page(out / "index.html")
    assert page.inner_text("#verdict").startswith("FAIL")
    heading = page.inner_text("#not-qualifying")
    assert "do not qualify" in heading and "installations at stake" in heading
    rows = visible(page)
    severities = [r[0] for r in rows]
    assert "warning" in severities and severities == sorted(severities, key=["error", "warning"].index)
    assert any("<b>SKU9</b>" in r[-1] for r in rows)  # spreadsheet text shown as text
    assert page.locator("#findings b").count() == 0
    page.select_option("#f-severity", "warning")
    assert {r[0] for r in visible(page)} == {"warning"}
    assert page.inner_text("#shown") == str(len(visible(page)))
    page.select_option("#f-severity", "")
    code = rows[0][1]
    page.select_option("#f-code", code)
    assert {r[1] for r in visible(page)} == {code}
    page.select_option("#f-code", "")
    files = page.eval_on_selector_all("#f-file option", "os => os.map(o => o.value)")
    assert files == ["", "e.xlsx"]
    page.select_option("#f-file", "e.xlsx")
    assert {r[3] for r in visible(page)} == {"e.xlsx"} and len(visible(page)) == len(rows)
    links = page.eval_on_selector_all("#findings a", "as => as.map(a => a.getAttribute('href'))")
    assert links and all(h.startswith("graph.html#entry=") for h in links)
    assert page.locator("svg").count() == 2 and page.locator("svg rect").count() >= 3
    roots = page.eval_on_selector_all("svg a", "as => as.map(a => a.getAttribute('href'))")
    assert roots[0] == "graph.html#entry=000001"  # the root carrying the most installations first
    assert not left and not errors, (left, errors)


def test_every_linked_page_opens_readable(tmp_path, offline_page):
    out = failing_audit(tmp_path)
    page, _, _ = offline_page(out / "index.html")
    hrefs = page.eval_on_selector_all("a[href$='.html']", "as => [...new Set(as.map(a => a.getAttribute('href')))]")
    assert {"summary.html", "annex-a.html", "graph.html"} <= set(hrefs)
    for name in ("summary.html", "annex-a.html"):
        sub, left, errors = offline_page(out / name)
        text = sub.inner_text("body")
        assert "|---" not in text and "**" not in text and "&gt;" not in text, name
        assert sub.locator("table").count() >= 1 and not left and not errors
    annex, _, _ = offline_page(out / "annex-a.html")
    assert annex.locator("tr.bad").count() >= 1  # the entries that do not qualify are marked
    summary, _, _ = offline_page(out / "summary.html")
    assert summary.locator("h1").count() == 1 and summary.locator("strong").count() >= 1


def test_summary_page_escapes_spreadsheet_text():
    from se_graph.report.audit.pages import markdown_html
    from se_graph.report.markdown import cell

    hostile = '<img src=x onerror="alert(1)"> | **not bold** [link](http://x) \\'
    html = markdown_html(f"# Title\n\n| A | B |\n|---|---:|\n| {cell(hostile)} | 1,234 |\n\n**bold** and *it*\n")
    assert "<img" not in html and "&lt;img" in html and "<strong>not bold" not in html
    assert "<strong>bold</strong> and <em>it</em>" in html and "<td class=n>1,234</td>" in html
    assert "<a " not in html
