"""A bounded slice of the mutation fuzzer in every test run (`make fuzz`,
`python -m tests.hostile.fuzz -n N`, runs any number): real workbooks and the
files LibreOffice and Gnumeric make of them, damaged, through both readers."""

from __future__ import annotations

import io
import shutil

import pytest

from tests.hostile import fuzz


def test_sixty_mutants_end_in_a_report_or_one_sentence(tmp_path):
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is required to widen the fuzz corpus with .xls and .ods files")
    # no time budget here: how long a workbook takes is for `make bench`, and a
    # loaded machine would fail a budget that a quiet one meets
    results = fuzz.fuzz(60, seed=20, jobs=2, budget=None)
    report = fuzz.summary(results)
    assert not [r for r in results if r.problem], report
    assert {r.reader for r in results} == {"calamine", "openpyxl"}
    assert {r.kind.split("-")[0] for r in results} == {"zip", "xml", "byte"}, report


def test_a_failing_mutant_is_reported_and_kept_the_moment_it_fails(tmp_path):
    """A long run stopped early still counts: each failure is on stderr (and in
    --keep) as soon as found, with progress lines between."""
    log = io.StringIO()
    kept = tmp_path / "kept"
    # no start of Python fits in 0.1 s: the launcher stops both mutants at the deadline
    results = fuzz.fuzz(2, seed=1, jobs=1, keep=kept, corpus=False, budget=0.05, log=log)
    lines = log.getvalue().splitlines()
    assert [r.problem.split(":")[0] for r in results] == ["signal 9", "signal 9"]
    assert [line.split()[:2] for line in lines[:-1]] == [["FAIL", r.name] for r in results]
    assert lines[-1].startswith("2 of 2 mutants, 2 failed, ")
    assert sorted(p.name for p in kept.iterdir()) == sorted(r.name for r in results)
