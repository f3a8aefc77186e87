"""The explorer in a real browser, with every network request blocked."""

from __future__ import annotations

import itertools
import json
import math
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from se_graph.assessment import assess as analyse
from se_graph.cli import app
from se_graph.report.html_graph import render_graph_html
from tests.builders import excluded, row_child, row_tested, status_list

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
BROKEN = ROOT / "data" / "broken"
PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=2</script>",
    '" onmouseover="window.__pwned=3',
    "</script><script>window.__pwned=4</script>",
    "javascript:window.__pwned=5 href",
]
# Legible at the first view, at any window size: labels at least MIN_LABEL_PX high
# (CSS pixels), no two entries closer than MIN_SPACING_PX on screen (centre to
# centre) and no two boxes overlapping.  When everything cannot be drawn that
# large, the first view shows the largest trees (or families) at that size.
MIN_LABEL_PX = 10
MIN_SPACING_PX = 22
SIZES = [(1400, 900), (1000, 700)]
LABEL_SIZE = 15  # the labels' font size in the page, at scale 1
MAX_SCALE = 1.1  # the page never zooms in further to fill the window


def write(tmp_path, analysis, name="graph.html", **kwargs) -> Path:
    path = tmp_path / name
    path.write_text(render_graph_html(analysis, **kwargs), encoding="utf-8")
    return path


def boxes(page) -> list[list]:
    return page.evaluate("window.seGraph.screenBoxes()")


def in_view(page, drawn: list[list]) -> list[list]:
    """The boxes in the window; every other box lies wholly outside it (none is cut by its edge)."""
    width, height = page.evaluate("window.seGraph.canvas()")
    inside, outside = [], []
    for b in drawn:
        _, x0, y0, x1, y1 = b[:5]
        if -1 <= x0 and x1 <= width + 1 and -1 <= y0 and y1 <= height + 1:
            inside.append(b)
        else:
            assert x1 <= 0 or x0 >= width or y1 <= 0 or y0 >= height, ("cut by the window's edge", b, width, height)
            outside.append(b)
    return inside


def assert_reads(page, boxes_on_screen):
    """The entries in view: none overlapping, spaced, labels legible; none cut by the window's edge."""
    assert page.evaluate("window.seGraph.scale()") * LABEL_SIZE >= MIN_LABEL_PX
    boxes_on_screen = in_view(page, boxes_on_screen)
    assert boxes_on_screen
    centres = sorted(((x0 + x1) / 2, (y0 + y1) / 2) for _, x0, y0, x1, y1 in boxes_on_screen)
    for (ax, ay), (bx, by) in itertools.combinations(centres, 2):
        if bx - ax > MIN_SPACING_PX:
            continue
        assert math.hypot(bx - ax, by - ay) >= MIN_SPACING_PX
    rects = sorted(b[1:] for b in boxes_on_screen)
    for a, b in itertools.combinations(rects, 2):
        if b[0] >= a[2]:
            continue
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def filled(page, boxes_on_screen) -> tuple[float, float]:
    """The share of the canvas width and height the drawn entries span."""
    width, height = page.evaluate("window.seGraph.canvas()")
    xs = [b[1] for b in boxes_on_screen] + [b[3] for b in boxes_on_screen]
    ys = [b[2] for b in boxes_on_screen] + [b[4] for b in boxes_on_screen]
    return (max(xs) - min(xs)) / width, (max(ys) - min(ys)) / height


def test_sample_page_draws_every_entry_offline(tmp_path, open_page):
    analysis = analyse([SAMPLE])
    page, left, errors = open_page(write(tmp_path, analysis))
    assert left == [] and errors == []
    assert page.evaluate("window.seGraph.mode()") == "detail"
    assert page.evaluate("window.seGraph.nodeCount()") == len(analysis.graph.entries)
    assert page.evaluate("window.seGraph.edgeCount()") == analysis.graph.nx.number_of_edges()


@pytest.mark.parametrize("size", SIZES)
def test_first_view_reads_and_fit_all_frames_everything(tmp_path, open_page, size):
    """304 entries do not fit legibly: the view opens on the largest trees, at a legible size, and says so."""
    page, _, errors = open_page(write(tmp_path, analyse([SAMPLE])), size)
    drawn = boxes(page)
    assert len(drawn) == 304 and errors == []
    assert_reads(page, drawn)
    shown = in_view(page, drawn)
    assert 40 <= len(shown) < 304
    view = page.evaluate("window.seGraph.view()")
    assert view["partial"] and view["entries"] == len(shown) and view["entriesDrawn"] == 304
    assert page.locator("#more").inner_text().startswith(f"{len(shown)} of 304 entries in view, largest first")
    wide, high = filled(page, shown)
    assert wide >= 0.85 or high >= 0.85, (wide, high)  # one side fills the window
    assert wide * high >= 0.6, (wide, high)  # and the view is not a strip
    # the largest trees first: in each cohort, no tree in view is smaller than one left out
    ids_in_view = {b[0] for b in shown}
    trees = page.evaluate("window.seGraph.trees()")
    assert {r for r, _, _ in trees} & ids_in_view and {r for r, _, _ in trees} - ids_in_view
    for cohort in {c for _, _, c in trees}:
        sizes_in = [n for r, n, c in trees if c == cohort and r in ids_in_view]
        sizes_out = [n for r, n, c in trees if c == cohort and r not in ids_in_view]
        if sizes_in and sizes_out:
            assert min(sizes_in) >= max(sizes_out), cohort
    # Fit all: every entry in the window
    page.click("#fit")
    everything = boxes(page)
    assert len(in_view(page, everything)) == 304
    assert page.evaluate("window.seGraph.view()")["entries"] == 304
    assert page.locator("#fit").inner_text() == "Largest first"
    page.click("#fit")
    assert_reads(page, boxes(page))
    # the header stays one row at 1400 px, and the panel and legend stay in the window
    if size[0] == 1400:
        assert page.locator("header").bounding_box()["height"] < 45
    for part in ("#side", "#legend"):
        box = page.locator(part).bounding_box()
        assert box["y"] + box["height"] <= size[1] + 1


def test_one_root_with_hundreds_of_children_is_wrapped(tmp_path, open_page, check):
    """The seed report's shape: four Group 1 entries carrying 431 children, one cohort."""
    roots = [row_tested(f"00000{n}") for n in range(1, 5)]
    kids = [row_child(f"{100 + n:06d}", f"00000{1 + n % 4 if n >= 40 else 1}") for n in range(431)]
    analysis = check(roots, kids)
    for size in SIZES:
        page, _, errors = open_page(write(tmp_path, analysis), size)
        drawn = boxes(page)
        assert len(drawn) == 435 and errors == []
        assert_reads(page, drawn)
        shown = in_view(page, drawn)
        assert len(shown) >= 60 and page.evaluate("window.seGraph.view()")["entries"] == len(shown)
        wide, high = filled(page, shown)
        assert wide >= 0.5 and high >= 0.5, (wide, high)


@pytest.mark.parametrize("size", SIZES)
def test_a_small_set_is_framed_whole_and_fills_the_window(tmp_path, open_page, check, size):
    """One cohort, a few trees: everything fits legibly, so all of it is framed and fills the window."""
    roots = [row_tested(f"00000{n}") for n in range(1, 4)]
    kids = [row_child(f"{100 + n:06d}", f"00000{1 + n % 3}") for n in range(9)]
    page, _, errors = open_page(write(tmp_path, check(roots, kids)), size)
    drawn = boxes(page)
    assert len(drawn) == 12 and errors == []
    assert_reads(page, drawn)
    assert len(in_view(page, drawn)) == 12
    view = page.evaluate("window.seGraph.view()")
    assert not view["partial"] and view["entries"] == 12
    assert page.locator("#fit").is_hidden()  # nothing more to fit
    wide, high = filled(page, drawn)
    scale = page.evaluate("window.seGraph.scale()")
    assert wide >= 0.85 or high >= 0.85 or scale == pytest.approx(MAX_SCALE), (wide, high, scale)


@pytest.mark.parametrize("size", SIZES)
def test_every_filter_reframes(tmp_path, open_page, size):
    """Survivors that fit legibly are all framed; more than that, the largest of them at the legible size."""
    analysis = analyse([SAMPLE])
    page, _, errors = open_page(write(tmp_path, analysis), size)
    steps = [("filter-cohort", "FOC", lambda v: v.cohort == "FOC"),
             ("filter-role", "Group 1, Clause 20.9", lambda v: v.cohort == "FOC" and v.role == "covered")]
    page.click("#fit")  # a filter re-frames by the first view's rule, whatever the view was
    for select, label, keep in steps:
        page.evaluate(f"window.seGraph.setFilter('{select}', '{label}')")
        drawn = boxes(page)
        assert len(drawn) == sum(1 for v in analysis.verdicts.values() if keep(v))
        assert_reads(page, drawn)
        shown = in_view(page, drawn)
        view = page.evaluate("window.seGraph.view()")
        assert view["entries"] == len(shown)
        assert view["partial"] == (len(shown) < len(drawn))
        scale = page.evaluate("window.seGraph.scale()")
        wide, high = filled(page, shown)
        assert wide >= 0.85 or high >= 0.85 or scale == pytest.approx(MAX_SCALE), (wide, high, scale)
    assert len(shown) == len(drawn)  # the last step leaves a few entries: all in view
    assert errors == []


def test_clicking_a_group2_entry_highlights_its_trace(tmp_path, open_page):
    analysis = analyse([SAMPLE])
    g = analysis.graph
    relied_on = {b for _, b in g.nx.edges()}
    child = next(i for i, grp in sorted(g.group.items()) if grp == 2 and i in g.root and i not in relied_on)
    path = tmp_path / "focus.html"
    result = CliRunner().invoke(app, ["graph", str(SAMPLE), "-o", str(path), "--focus", child])
    assert result.exit_code == 0, result.output
    page, left, errors = open_page(path)
    box = page.locator("#graph").bounding_box()
    spot = page.evaluate(f"window.seGraph.domPosition('{child}')")
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    hops = analysis.hops(child)
    expected = [child] + [h.end for h in hops]
    assert page.evaluate("window.seGraph.selected()") == child
    assert page.evaluate("window.seGraph.path()") == expected
    assert expected[: len(g.trace(child))] == g.trace(child)
    assert page.evaluate("window.seGraph.highlighted()") == sorted(expected)
    panel = page.locator("#panel").inner_text()
    assert f"Entry {child}" in panel and " \u2192 ".join(expected) in panel and "qualifies" in panel
    for hop in hops:
        for difference in hop.differences:
            assert difference in panel
    assert analysis[child].evidence in panel
    assert left == [] and errors == []


def test_a_root_shows_what_it_carries(tmp_path, open_page):
    analysis = analyse([SAMPLE])
    g = analysis.graph
    root = next(r for r in sorted(set(g.root.values())) if any(p == r for p in g.parent.values()))
    page, _, _ = open_page(write(tmp_path, analysis))
    page.evaluate(f"window.seGraph.select('{root}')")
    dependents = set(page.evaluate("window.seGraph.dependents()"))
    assert {c for c, p in g.parent.items() if p == root} <= dependents
    import networkx as nx

    assert dependents == nx.ancestors(g.nx, root)
    carried = sum(analysis[i].installs or 0 for i in dependents | {root})
    devices = sum(analysis[i].devices for i in dependents | {root})
    panel = page.locator("#panel").inner_text()
    assert f"{carried:,} installations, {devices:,} devices: itself and {len(dependents)} entries relying on it" in panel


def test_a_clause_20_9_root_is_named_and_drawn_as_such(tmp_path, open_page):
    """The panel names each entry's root with Annex A's word for its basis, and a
    Clause 20.9 root is never drawn (or called) tested."""
    analysis = analyse([SAMPLE])
    g = analysis.graph
    child = next(c for c, p in sorted(g.parent.items()) if g.root.get(c) == p and p in g.dormant and p not in g.tested)
    root = g.root[child]
    page, _, errors = open_page(write(tmp_path, analysis))
    assert page.evaluate(f"window.seGraph.roleOf('{root}')") == "covered"
    page.evaluate(f"window.seGraph.select('{child}')")
    panel = page.locator("#panel").inner_text()
    assert f"Root\t{root} (Clause 20.9)" in panel or f"Root\n{root} (Clause 20.9)" in panel, panel
    assert "(substantive equivalence)" in panel and "(Clause 20.9)" in panel  # each hop in words
    assert "(se)" not in panel and "(status)" not in panel and "tested root" not in panel
    page.evaluate(f"window.seGraph.select('{g.dormant[root]}')")
    assert "(tested)" in page.locator("#panel").inner_text()  # the Dormant entry is its own root, tested
    assert not errors


def test_errors_filter_and_findings_list(tmp_path, open_page):
    analysis = analyse([BROKEN])
    page, _, errors = open_page(write(tmp_path, analysis), (1000, 700))
    page.check("#filter-errors")
    with_errors = sorted(i for i, v in analysis.verdicts.items() if v.blocking)
    assert page.evaluate("window.seGraph.drawnIds()") == with_errors
    assert page.locator("#count").inner_text() == f"{len(with_errors)} of {len(analysis.verdicts)} entries shown"
    page.uncheck("#filter-errors")
    page.click("#tab-findings")
    items = page.locator("#findings li")
    assert items.count() == len(analysis.findings)
    n, finding = next((n, f) for n, f in enumerate(analysis.findings) if f.entry == "001009")
    items.nth(n).click()
    assert page.evaluate("window.seGraph.selected()") == "001009"
    assert page.locator("#panel").is_visible() and "Entry 001009" in page.locator("#panel").inner_text()
    assert finding.message in page.locator("#panel").inner_text()
    assert errors == []


def test_untraced_entry_shows_where_its_chain_breaks(tmp_path, open_page):
    analysis = analyse([BROKEN])
    page, _, errors = open_page(write(tmp_path, analysis))
    verdict = analysis["001009"]
    assert verdict.breaks_at == "001008" and not verdict.qualifies
    page.evaluate("window.seGraph.select('001009')")
    assert page.evaluate("window.seGraph.path()") == ["001009", "001008"]
    assert page.evaluate("window.seGraph.blocker()") == "001008"
    assert page.evaluate("window.seGraph.highlighted()") == ["001008", "001009"]  # the pending parent stays lit
    blocker = page.evaluate("window.seGraph.nodeStyle('001008')")
    assert blocker["borderWidth"] >= 5 and blocker["color"]["border"] == "#ff1744"  # emphasised
    assert blocker["color"]["background"] != "#ececec"  # in its own colour, not greyed out
    panel = page.locator("#panel").inner_text()
    assert "does not qualify" in panel and "The chain breaks at 001008" in panel
    assert all(f.message in panel for f in verdict.blocking)
    # a parent in none of the inputs
    page.evaluate("window.seGraph.select('001002')")
    assert page.evaluate("window.seGraph.blocker()") == analysis["001002"].breaks_at == "999999"
    assert "The chain breaks at 999999: in none of the inputs" in page.locator("#panel").inner_text()
    assert errors == []


def test_not_qualifying_entries_are_exactly_those_of_the_json_verdict(tmp_path, open_page):
    result = CliRunner().invoke(app, ["validate", str(BROKEN), "--format", "json"])
    report = json.loads(result.stdout)
    erring = {f["entry"] for f in report["findings"] if f["severity"] == "error"}
    expected = sorted(e["id"] for e in report["entries"]
                      if e["group"] is None or e["trace"] is None or e["id"] in erring)
    page, _, errors = open_page(write(tmp_path, analyse([BROKEN])))
    page.check("#filter-unqualified")
    shown = page.evaluate("window.seGraph.drawnIds()")
    assert shown == expected and shown
    roles = page.evaluate("ids => ids.map(window.seGraph.roleOf)", shown)
    assert not {"tested", "covered", "group2"} & set(roles)  # never drawn as an entry that qualifies
    assert errors == []


def test_families_open_on_click(tmp_path, open_page):
    """Above the detail limit the page opens on families; a click opens one, the findings list opens another."""
    analysis = analyse([BROKEN])
    page, _, errors = open_page(write(tmp_path, analysis, detail_limit=50))
    assert page.evaluate("window.seGraph.mode()") == "families" and page.evaluate("window.seGraph.nodeCount()") == 0
    families = page.evaluate("window.seGraph.familyBoxes()")
    root, x, y, _ = families[0]
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    members = page.evaluate("window.seGraph.drawnIds()")
    assert root in members and len(members) >= 1
    assert all(page.evaluate(f"window.seGraph.familyOf('{m}')") == root for m in members)
    page.evaluate("window.seGraph.select('001009')")
    assert "001009" in page.evaluate("window.seGraph.drawnIds()")
    assert errors == []


def test_spreadsheet_text_never_runs_as_script(tmp_path, open_page):
    rows = [row_tested("000001", cohort=PAYLOADS[3], **{"ESME.model": PAYLOADS[0]})]
    kids = [row_child(f"00000{n}", "000001", cohort=PAYLOADS[3], **{"ESME.model": PAYLOADS[0],
            "CHF.model": text, "rationale": text}) for n, text in enumerate(PAYLOADS, start=2)]
    paths = [status_list(tmp_path / "s.xlsx", rows), excluded(tmp_path / "e.xlsx", kids)]
    out = tmp_path / "evil.html"
    result = CliRunner().invoke(app, ["graph", *map(str, paths), "-o", str(out)])
    assert result.exit_code == 1  # the CHF models differ from the parent's: SG206
    page, left, errors = open_page(out)
    assert page.evaluate("window.seGraph.nodeCount()") == 1 + len(PAYLOADS)
    box = page.locator("#graph").bounding_box()
    for n in range(1, len(PAYLOADS) + 2):
        spot = page.evaluate(f"window.seGraph.domPosition('{n:06d}')")
        page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"])
        page.wait_for_timeout(150)  # let the tooltip open
        assert page.locator("#tip").is_visible()
        assert page.locator("#tip").evaluate("e => getComputedStyle(e).fontFamily").find("serif") != 0
        page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    page.click("#tab-findings")
    page.fill("#search-id", "2")
    page.press("#search-id", "Enter")
    assert page.evaluate("window.__pwned") is None
    assert left == [] and errors == []
    assert PAYLOADS[0] in page.locator("#panel").inner_text()  # 000002: shown as text, not run
    assert page.locator("#panel img, #panel script, #legend img, #tip img, #findings img").count() == 0


def test_filters_hide_what_does_not_match(tmp_path, open_page):
    analysis = analyse([SAMPLE])
    page, _, errors = open_page(write(tmp_path, analysis))
    foc = sum(1 for e in analysis.graph.entries.values() if e.cohort == "FOC")
    page.select_option("#filter-cohort", label="FOC")
    assert page.locator("#count").inner_text() == f"{foc} of {len(analysis.graph.entries)} entries shown"
    page.select_option("#filter-role", label="Group 2")
    both = sum(1 for i, e in analysis.graph.entries.items() if e.cohort == "FOC" and analysis.graph.group.get(i) == 2)
    assert page.locator("#count").inner_text().startswith(f"{both} of ")
    page.select_option("#filter-testing", label="excluded: substantive equivalence")
    assert page.locator("#count").inner_text().startswith(f"{both} of ")
    assert page.evaluate("window.seGraph.nodeCount()") == both
    assert errors == []


def big_set(entries: int) -> Path:
    """A generated set, made once and kept under the system's temporary directory."""
    from se_graph.sample import write_sample

    folder = Path(tempfile.gettempdir()) / "se-graph-test-sets" / f"{entries}-seed22"
    if not (folder / ".complete").exists():
        write_sample(folder, entries=entries, seed=22)
        (folder / ".complete").write_text("ok\n")
    return folder


def test_a_100k_entry_page_opens_on_families_and_expands_one(tmp_path, open_page):
    folder = big_set(100_000)
    out = tmp_path / "big.html"
    result = CliRunner().invoke(app, ["graph", str(folder), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    for size in SIZES:
        page, left, errors = open_page(out, size)
        assert left == [] and errors == []
        assert page.evaluate("window.seGraph.mode()") == "families"
        families = page.evaluate("window.seGraph.familyBoxes()")
        assert len(families) > 1000
        # the first view: the largest families, each dot a readable size with its id and entry count
        labels = in_view(page, page.evaluate("window.seGraph.familyLabels()"))
        assert len(labels) >= 30, len(labels)
        view = page.evaluate("window.seGraph.view()")
        assert view["partial"] and view["families"] == len(labels) and view["familiesDrawn"] == len(families)
        assert page.locator("#more").inner_text().startswith(f"{len(labels)} of {len(families):,} families in view")
        for root, *_, font_px, dot_px in labels:
            assert font_px >= MIN_LABEL_PX and dot_px >= MIN_LABEL_PX, (root, font_px, dot_px)
        rects = sorted(b[1:5] for b in labels)
        for a, b in itertools.combinations(rects, 2):
            if b[0] < a[2]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
        # the largest family by installations is drawn first, top left
        root, x, y, radius = families[0]
        assert root == labels[0][0] and x - radius < 120 and y - radius < 80
        box = page.locator("#graph").bounding_box()
        if size == SIZES[0]:
            page.mouse.click(box["x"] + x, box["y"] + y)  # the dot
        else:
            label = labels[0]
            page.mouse.click(box["x"] + (label[1] + label[3]) / 2, box["y"] + (label[2] + label[4]) / 2)  # its label
        members = page.evaluate("window.seGraph.drawnIds()")
        assert root in members
        assert_reads(page, boxes(page))
        page.evaluate(f"window.seGraph.select('{members[-1]}')")
        assert f"Entry {members[-1]}" in page.locator("#panel").inner_text()
        # Fit all: every family in the window
        page.click("#fit")
        view = page.evaluate("window.seGraph.view()")
        assert view["fitAll"] and view["families"] == view["familiesDrawn"] == len(families)
        width, height = page.evaluate("window.seGraph.canvas()")
        assert all(0 <= x - r and x + r <= width and 0 <= y - r and y + r <= height
                   for _, x, y, r in page.evaluate("window.seGraph.familyBoxes()"))
        assert errors == []


def test_a_link_to_an_entry_selects_it(tmp_path, browser):
    """The audit's index links graph.html#entry=ID: the page opens on that entry."""
    path = write(tmp_path, analyse([BROKEN]))
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page.goto(path.resolve().as_uri() + "#entry=001009")
    page.wait_for_function("window.__seGraphFirstDraw !== undefined", timeout=30000)
    assert page.evaluate("window.seGraph.selected()") == "001009"
    page.evaluate("window.location.hash = '#entry=1008'")
    page.wait_for_function("window.seGraph.selected() === '001008'", timeout=5000)
    page.close()
