"""The sample generator: deterministic, realistic, clean unless asked for defects,
and the committed data/ folders are exactly what it writes."""

from __future__ import annotations

import hashlib
import json
import statistics
from collections import Counter
from pathlib import Path

import pytest

from se_graph.assessment import assess as analyse
from se_graph.sample import write_sample, write_template

ROOT = Path(__file__).resolve().parents[2]


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    out = tmp_path_factory.mktemp("clean")
    write_sample(out, entries=2000, seed=7)
    return analyse([out])


def test_same_seed_same_bytes_and_another_seed_differs(tmp_path):
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        write_sample(tmp_path / name, entries=80, seed=seed, defects=True)
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
    assert digests(tmp_path / "a") != digests(tmp_path / "c")


def test_clean_sample_reads_back_with_no_findings_and_every_group2_traced(clean):
    assert clean.findings == []
    g = clean.graph
    group2 = [i for i, grp in g.group.items() if grp == 2]
    assert group2 and all(g.trace(i) for i in group2)
    assert 1900 <= len(g.entries) <= 2100


def test_sample_is_dcc_shaped(clean):
    kinds = Counter(t.source.kind for t in clean.tables)
    assert kinds == {"status-list": 2, "excluded": 2}
    assert {t.source.header_row for t in clean.tables} == {4}
    assert {e.cohort for e in clean.graph.entries.values()} == {"MOC Secure", "FOC"}


def test_sample_has_every_kind_of_entry(clean):
    g, entries = clean.graph, clean.graph.entries.values()
    assert {e.install_status for e in entries} == {"active", "dormant", "mixed"}
    assert g.dormant, "Clause 20.9 entries covered by a Dormant test"
    reasons = Counter(e.exclusion_reason for e in entries)
    assert reasons["se"] and reasons["uneconomic"] and reasons["fw-upgrade"]
    statuses = Counter(e.dmct_status for e in entries)
    assert statuses["pending"] and statuses["failed"] and statuses["tested"] and statuses["covered"]
    two_hops = [s for s, t in g.upgrade.items() if t in g.upgrade]
    assert two_hops, "some firmware chains run over two hops"
    assert all(g.fw_final[s] in g.requested for s in g.upgrade)


def test_children_differ_mostly_in_firmware_or_a_missing_device(clean):
    from se_graph.checks.policy import differences

    g = clean.graph
    kinds = Counter()
    for child, parent in g.parent.items():
        diffs = differences(g.entries[parent], g.entries[child], clean.config.policy)
        assert diffs and all(d.permitted for d in diffs)
        kinds[diffs[0].field or "missing device"] += 1
    assert kinds.most_common(1)[0][0] == "firmware"
    assert kinds["missing device"] > 0


def test_installation_counts_are_heavy_tailed(clean):
    counts = [e.installs for e in clean.graph.entries.values() if e.installs is not None]
    assert statistics.median(counts) < 1000
    assert sum(1 <= n <= 1000 for n in counts) / len(counts) > 0.8
    assert sum(n > 100_000 for n in counts) >= 3
    assert len({e.device(role).manufacturer for e in clean.graph.entries.values()
                for role in ("ESME",) if e.device(role)}) >= 3


def test_defects_are_found_exactly(tmp_path):
    write_sample(tmp_path, entries=200, seed=11, defects=True)
    doc = json.loads((tmp_path / "defects.json").read_text())
    analysis = analyse([tmp_path])
    want = Counter((f["code"], f["entry"]) for d in doc["defects"] for f in d["expected_findings"])
    got = Counter((f.code, f.entry) for f in analysis.findings)
    assert got == want
    codes = {d["code"] for d in doc["defects"]}
    assert {"SG201", "SG203", "SG204", "SG205", "SG206", "SG301", "SG402", "SG504", "SG506", "SG107"} <= codes


def test_one_cohort_leaves_out_only_the_cross_cohort_defect(tmp_path):
    write_sample(tmp_path, entries=60, cohorts=("FOC",), defects=True)
    doc = json.loads((tmp_path / "defects.json").read_text())
    analysis = analyse([tmp_path])
    assert "SG205" not in {d["code"] for d in doc["defects"]}
    assert Counter((f.code, f.entry) for f in analysis.findings) == Counter(
        (f["code"], f["entry"]) for d in doc["defects"] for f in d["expected_findings"])


@pytest.mark.parametrize("folder, defects", [("sample", False), ("broken", True)])
def test_committed_data_is_what_the_generator_writes(tmp_path, folder, defects):
    write_sample(tmp_path, defects=defects)
    assert digests(tmp_path) == digests(ROOT / "data" / folder), (
        f"data/{folder} is stale: regenerate it with `se-graph sample -o data/{folder}"
        + (" --defects`" if defects else "`"))


def test_template_has_canonical_headers_and_notes(tmp_path):
    import openpyxl

    paths = write_template(tmp_path)
    analysis = analyse(paths)
    assert sorted(t.source.kind for t in analysis.tables) == ["excluded", "status-list"]
    assert analysis.graph.entries == {}
    book = openpyxl.load_workbook(paths[0])
    assert "Notes" in book.sheetnames
    notes = {row[0]: row[1] for row in book["Notes"].iter_rows(min_row=2, values_only=True)}
    assert "kept as text" in notes["EPCL ID"]
    assert "CHF" in notes["CHF Firmware Version"]


def test_sample_and_template_commands(tmp_path):
    from typer.testing import CliRunner

    from se_graph.cli.app import app

    runner = CliRunner()
    result = runner.invoke(app, ["sample", "-o", str(tmp_path / "s"), "--entries", "50", "--cohorts", "FOC",
                                 "--seed", "5", "--defects"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [
        ".se-graph-outputs", "defects.json", "foc-dmct-status-list.xlsx", "foc-excluded-from-dmct.xlsx"]
    result = runner.invoke(app, ["template", "-o", str(tmp_path / "t")])
    assert result.exit_code == 0 and "template-dmct-status-list.xlsx" in result.output
    result = runner.invoke(app, ["sample", "-o", str(tmp_path / "x"), "--entries", "5"])
    assert result.exit_code == 2


def test_next_publication_of_a_defective_sample(tmp_path):
    """A defective sample stores some ids as numbers: its next publication is
    still written, and the diff between the two reads both."""
    from se_graph.sample.next import write_next

    write_sample(tmp_path / "v1", entries=300, seed=22, defects=True)
    write_next(tmp_path / "v2", entries=300, seed=22, defects=True)
    changes = json.loads((tmp_path / "v2" / "changes.json").read_text())
    assert changes["changes"], changes
    assert len(analyse([tmp_path / "v2"]).graph.entries) > 250
