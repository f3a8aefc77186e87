"""The counts table: the totals' change, and apart from it the part eligibility
moved, so a recount is never shown as "+0 / -0" beside totals that moved."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from se_graph.cli import app
from se_graph.report.diff_markdown import render_diff_markdown
from se_graph.report.diff_text import COUNT_HEADER, render_diff_text

runner = CliRunner()


def _row(found, cohort, status):
    return next(r for r in found.counts if (r.cohort, r.install_status) == (cohort, status))


def test_the_change_is_its_three_parts_and_the_rest_is_what_eligibility_did_not_move(sides, found):
    old, new = sides
    both = [i for i in old.verdicts if i in new.verdicts and old[i].qualifies and new[i].qualifies]
    for r in found.counts:
        assert r.change == (r.new[0] - r.old[0], r.new[1] - r.old[1])
        assert r.change == tuple(g - lo + o for g, lo, o in zip(r.gained, r.lost, r.other))
        # worked out apart: the entries qualifying on both sides, counted where each side puts them
        here_now = [new[i] for i in both if (new[i].cohort, new[i].install_status) == (r.cohort, r.install_status)]
        here_then = [old[i] for i in both if (old[i].cohort, old[i].install_status) == (r.cohort, r.install_status)]
        assert r.other[0] == sum(v.installs or 0 for v in here_now) - sum(v.installs or 0 for v in here_then)
        assert r.other[1] == sum(v.devices for v in here_now) - sum(v.devices for v in here_then)


def test_a_recount_shows_as_the_change_and_not_as_eligibility(sides, pair, found):
    old, new = sides
    edit = pair[2]["recounted"]
    entry = edit["entries"][0]
    (before, after) = edit["fields"]["installs"]
    v = new[entry]
    assert v.qualifies and old[entry].qualifies
    r = _row(found, v.cohort, v.install_status)
    assert r.other[0] >= after - before > 0
    text = render_diff_text(found, 400)
    line = next(x for x in text.splitlines() if x.strip().startswith("installations: ")
                and f"change +{r.change[0]:,}" in x and f"+{r.other[0]:,} from recounts" in x)
    assert "from entries gaining eligibility" in line and "from entries losing eligibility" in line
    md = render_diff_markdown(found)
    assert "| " + " | ".join(COUNT_HEADER) + " |" in md
    assert (f"| {r.cohort} | {r.install_status} | installations | {r.old[0]:,} | {r.new[0]:,} | "
            f"+{r.change[0]:,} |") in md


def test_json_counts_carry_the_change_and_the_rest(pair, tmp_path):
    old, new, _ = pair
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", "json", "-o", str(tmp_path / "d.json")])
    assert result.exit_code == 1
    assert result.stderr.startswith("diff: ") and "lost eligibility" in result.stderr
    for row in json.loads((tmp_path / "d.json").read_text())["counts"]:
        for k in ("installs", "devices"):
            assert row["change"][k] == row["new"][k] - row["old"][k]
            assert row["change"][k] == row["gained"][k] - row["lost"][k] + row["other"][k]


def test_diff_and_rules_fit_columns(pair):
    old, new, _ = pair
    for args in (["diff", str(old), str(new)], ["rules"]):
        wide = runner.invoke(app, args, env={"COLUMNS": "200"}).stdout
        for columns in (60, 100):
            out = runner.invoke(app, args, env={"COLUMNS": str(columns)}).stdout
            lines = out.splitlines()
            # a line may pass the width only where one word alone is longer (a path)
            assert all(len(x) <= columns or " " not in x.strip() for x in lines), (args, columns)
            assert out.split() == wide.split(), "folded, not cut"
        assert max(map(len, wide.splitlines())) > 100, "wide output is not folded needlessly"
