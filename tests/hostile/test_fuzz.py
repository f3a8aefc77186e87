"""A bounded slice of the mutation fuzzer in every test run (`make fuzz`,
`python -m tests.hostile.fuzz -n N`, runs any number): real workbooks and the
files LibreOffice and Gnumeric make of them, damaged, through both readers."""

from __future__ import annotations

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
