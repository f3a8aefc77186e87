"""The audit's pages on a laptop screen (1366x768) in real chromium: no page
scrolls sideways, the tables scroll inside the page under a sticky header, the
filter boxes filter, the section 1 tables merge their cells as the report does,
and Annex A gives each device in full."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from se_graph.assessment import assess
from se_graph.cli import app
from tests.audit.test_index_page import failing_audit

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
LAPTOP = (1366, 768)
PAGES = ("index.html", "summary.html", "annex-a.html", "graph.html")
OVERFLOW = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.fixture(scope="module")
def sample_audit(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample") / "audit"
    result = CliRunner().invoke(app, ["audit", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def shown_rows(page, table: str) -> list[str]:
    return page.eval_on_selector_all(f"#{table} tbody tr:not([hidden])", "rs => rs.map(r => r.innerText)")


def test_no_page_scrolls_sideways_on_a_laptop(sample_audit, tmp_path, offline_page):
    failing = failing_audit(tmp_path)
    for out in (sample_audit, failing):
        for name in PAGES:
            page, left, errors = offline_page(out / name, LAPTOP)
            if name == "graph.html":
                page.wait_for_function("window.__seGraphFirstDraw !== undefined", timeout=30000)
            scroll, client = page.evaluate(OVERFLOW)
            assert scroll <= client, (out.name, name, scroll, client)
            assert not left and not errors, (name, left, errors)


def test_annex_a_scrolls_inside_the_page_under_a_sticky_header(sample_audit, offline_page):
    page, _, _ = offline_page(sample_audit / "annex-a.html", LAPTOP)
    # the page is about a screen tall, not a screen per dozen entries
    assert page.evaluate("document.documentElement.scrollHeight") < 2 * LAPTOP[1]
    assert page.eval_on_selector("#annex thead th", "th => getComputedStyle(th).position") == "sticky"
    box = page.eval_on_selector(".box.tall", "b => [b.scrollHeight, b.clientHeight, b.scrollWidth, b.clientWidth]")
    assert box[0] > 10 * box[1] and box[2] <= box[3]  # scrolls down inside; every column fits the width
    page.eval_on_selector(".box.tall", "b => b.scrollTop = 5000")
    head, top, first = page.evaluate("""[document.querySelector('#annex thead th').getBoundingClientRect().top,
        document.querySelector('.box.tall').getBoundingClientRect().top,
        document.querySelector('#annex tbody tr').getBoundingClientRect().top]""")
    assert abs(head - top) <= 1 and first < top - 4000  # the rows went up, the header stayed


def test_annex_a_filter_box_filters_rows(sample_audit, offline_page):
    page, _, errors = offline_page(sample_audit / "annex-a.html", LAPTOP)
    every = shown_rows(page, "annex")
    assert len(every) == 249 and page.inner_text("#annex-shown") == "249"
    page.fill("#annex-filter", "001402")
    rows = shown_rows(page, "annex")
    assert rows == [r for r in every if "001402" in r] and len(rows) >= 2  # the entry and those rooted on it
    assert page.inner_text("#annex-shown") == str(len(rows))
    page.fill("#annex-filter", "clause 20.9 mixed")  # every word, any case
    rows = shown_rows(page, "annex")
    assert rows and all("Clause 20.9" in r and "Mixed" in r for r in rows)
    page.fill("#annex-filter", "")
    assert len(shown_rows(page, "annex")) == 249 and not errors


def test_annex_a_gives_each_device_in_full(sample_audit, offline_page):
    page, _, _ = offline_page(sample_audit / "annex-a.html", LAPTOP)
    cells = page.eval_on_selector_all("#annex tbody tr", "rs => rs.map(r => [r.cells[0].innerText, r.cells[6].innerText])")
    g = assess(sorted(SAMPLE.glob("*.xlsx"))).graph
    for entry, devices in cells[:40]:  # role: manufacturer model HW hardware FW firmware
        assert devices.splitlines() == [d.label() for d in g.entries[entry].devices], entry
    assert any(" HW " in d for _, d in cells)


def test_findings_table_sticky_and_filtered_by_words(tmp_path, offline_page):
    page, _, errors = offline_page(failing_audit(tmp_path) / "index.html", LAPTOP)
    assert page.eval_on_selector("#findings thead th", "th => getComputedStyle(th).position") == "sticky"
    every = shown_rows(page, "findings")
    page.fill("#f-q", "000404")
    rows = shown_rows(page, "findings")
    assert rows == [r for r in every if "000404" in r] and 0 < len(rows) < len(every)
    assert page.inner_text("#shown") == str(len(rows))
    page.select_option("#f-severity", "warning")  # the drop-downs and the words together
    assert shown_rows(page, "findings") == []
    page.fill("#f-q", "")
    page.press("#f-q", "Enter")  # no submit: the page stays
    assert shown_rows(page, "findings") and all(r.startswith("warning") for r in shown_rows(page, "findings"))
    assert not errors


def test_section_1_tables_merge_cells_as_the_report_does(sample_audit, offline_page):
    for name in ("summary.html", "index.html"):
        page, _, _ = offline_page(sample_audit / name, LAPTOP)
        tables = page.eval_on_selector_all("table.summary", """ts => ts.map(t => {
            const rows = [...t.rows].map(r => [...r.cells].map(c => [c.innerText, c.colSpan, c.tagName,
                c.getBoundingClientRect().left, c.getBoundingClientRect().right]));
            return rows;
        })""")
        assert [t[0][0][0] for t in tables] == ["Overall", "Group 1", "Group 2"], name
        for rows in tables:
            head, statuses, totals = rows[0], rows[1], rows[-1]
            assert [(c[0], c[1]) for c in head[1:]] == [("Installs", 3), ("Devices", 3)]
            assert [c[0] for c in statuses[1:]] == ["Active", "Dormant", "Mixed"] * 2
            assert statuses[0][0] == "FOC, MOC Secure"  # the cohorts, where the report writes "Secure"
            assert totals[0][0] == "Totals" and [c[1] for c in totals[1:]] == [3, 3]
            # each Totals figure spans Active to Mixed of its half: it does not sit under "Dormant"
            for figure, first, last in ((totals[1], statuses[1], statuses[3]), (totals[2], statuses[4], statuses[6])):
                assert abs(figure[3] - first[3]) <= 1 and abs(figure[4] - last[4]) <= 1
            assert len(rows) == 6 and all(len(r) == 7 for r in rows[2:5])
