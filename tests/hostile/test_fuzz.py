"""A bounded slice of the mutation fuzzer in every test run (`make fuzz`,
`python -m tests.hostile.fuzz -n N`, runs any number): real workbooks and the
files LibreOffice and Gnumeric make of them, damaged, through both readers."""

from __future__ import annotations

import shutil

import pytest

from tests.hostile import fuzz


def test_a_few_hundred_mutants_end_in_a_report_or_one_sentence(tmp_path):
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is required to widen the fuzz corpus with .xls and .ods files")
    results = fuzz.fuzz(200, seed=20, jobs=2)
    report = fuzz.summary(results)
    assert not [r for r in results if r.problem], report
    assert {r.reader for r in results} == {"calamine", "openpyxl"}
    assert {r.kind.split("-")[0] for r in results} == {"zip", "xml", "byte"}, report
