"""A generated pair: a sample set and its next publication, with the list of the
edits the generator made (changes.json)."""

from __future__ import annotations

import json

import pytest

from se_graph.assessment import assess
from se_graph.assessment.diff import compare
from se_graph.sample import write_sample
from se_graph.sample.next import write_next


@pytest.fixture(scope="package")
def pair(tmp_path_factory):
    root = tmp_path_factory.mktemp("pair")
    write_sample(root / "old", entries=600, seed=5)
    write_next(root / "new", entries=600, seed=5)
    changes = json.loads((root / "new" / "changes.json").read_text())["changes"]
    return root / "old", root / "new", {c["change"]: c for c in changes}


@pytest.fixture(scope="package")
def sides(pair):
    old, new, _ = pair
    return assess([old]), assess([new])


@pytest.fixture(scope="package")
def found(sides):
    return compare(*sides)
