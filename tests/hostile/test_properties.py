"""Property-based: random cells, header permutations and id forms through ingest
and checks. Only the typed input error may escape; every finding has a location."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from se_graph.assessment import assess as analyse
from se_graph.model import InputError
from se_graph.model.fields import FIELD_HEADERS
from tests.builders import EXCLUDED_FIELDS, STATUS_FIELDS, write_rows

# the number of examples comes from the profile (tests/conftest.py): 50 in every
# test run, 2,000 in `make fuzz`
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
# strings openpyxl can store (no control characters), numbers, dates, booleans, blanks
text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)
cell = st.one_of(
    st.none(), text, st.integers(-10**7, 10**7), st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)).map(lambda d: dt.datetime(d.year, d.month, d.day)),
    st.sampled_from(["Active", "Dormant", "Mixed", "Tested", "Covered by Dormant", "SE", "Y", "N", "N/A", "-",
                     "Total", "001234", "2255", "0x01A2", "1.2.3", "=1+1", "@x", "+1", "-1"]),
)
id_form = st.one_of(
    st.integers(0, 10**7), st.from_regex(r" *[0-9]{1,8} *", fullmatch=True), st.floats(0, 10**6),
    st.sampled_from(["00-12-34", "١٢٣٤", "００１２３４", "1e3", "", " ", None, True]), text,
)


def run(header: list[str], rows: list[list]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_rows(Path(folder) / "t.xlsx", header, rows)
        try:
            analysis = analyse([path])
        except InputError as err:
            assert str(err).strip() and "\n" not in str(err)
            return
        for f in analysis.findings:
            assert f.location is not None and f.location.path == str(path)
            assert f.message.strip() and f.severity in ("error", "warning", "info")


@SETTINGS
@given(st.lists(st.lists(cell, min_size=len(STATUS_FIELDS), max_size=len(STATUS_FIELDS)), max_size=8))
def test_random_cells_in_a_status_list(rows):
    run([FIELD_HEADERS[f] for f in STATUS_FIELDS], rows)


@SETTINGS
@given(st.permutations(EXCLUDED_FIELDS), st.integers(0, 2**32 - 1), st.booleans())
def test_header_permutations_and_case(fields, seed, shout):
    rng = random.Random(seed)
    header = [FIELD_HEADERS[f].upper() if shout else FIELD_HEADERS[f] for f in fields]
    row = {"entry_id": "000002", "cohort": "FOC", "install_status": "Active", "CHF.model": "SKU1",
           "CHF.firmware": "1.0", "exclusion_reason": "SE", "parent_id": "000001", "installs": rng.randint(0, 9)}
    run(header, [[row.get(f) for f in fields], [row.get(f, rng.choice([None, "x", 3])) for f in fields]])


@SETTINGS
@given(st.lists(id_form, min_size=1, max_size=6), st.lists(id_form, min_size=1, max_size=6))
def test_id_forms_as_ids_and_parents(ids, parents):
    header = [FIELD_HEADERS[f] for f in ("entry_id", "install_status", "exclusion_reason", "parent_id", "CHF.model",
                                         "CHF.firmware")]
    rows = [[i, "Dormant", "Substantive Equivalence", p, "SKU1", "1.0"] for i, p in zip(ids, parents * 6)]
    run(header, rows)
