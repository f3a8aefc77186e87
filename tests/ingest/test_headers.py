import pytest

from se_graph.ingest.headers import (
    DEVICE_FIELD_ALIASES,
    FIELD_ALIASES,
    ROLE_ALIASES,
    alias_table,
    kind_of,
    match_row,
    normalise,
)
from se_graph.model.fields import DEVICE_FIELDS, FIELD_HEADERS


def test_normalise_ignores_case_spaces_punctuation_and_plural():
    assert normalise("  EPCL  ID ") == normalise("epcl-id") == "epclid"
    assert normalise("Installation(s)") == normalise("Installations")
    assert normalise("No. of Devices") == "noofdevices"
    assert normalise(None) == normalise(12) == ""


@pytest.mark.parametrize("field,alias", [(f, a) for f, aliases in FIELD_ALIASES.items() for a in aliases])
def test_every_field_alias_of_the_spec_maps_to_its_field(field, alias):
    assert alias_table()[normalise(alias)] == field


@pytest.mark.parametrize("field,header", list(FIELD_HEADERS.items()))
def test_every_canonical_header_maps_to_its_field(field, header):
    assert alias_table()[normalise(header)] == field


@pytest.mark.parametrize(
    "role,role_alias,field,field_alias",
    [
        (r, ra, f, fa)
        for r, ras in ROLE_ALIASES.items()
        for ra in ras
        for f in DEVICE_FIELDS
        for fa in DEVICE_FIELD_ALIASES[f]
    ],
)
def test_every_device_header_form_maps(role, role_alias, field, field_alias):
    assert alias_table()[normalise(f"{role_alias} {field_alias}")] == f"{role}.{field}"


def test_config_aliases_extend_the_table():
    table = alias_table({"entry_id": ["Ref No."]})
    assert table["refno"] == "entry_id"


def test_group_heading_above_merged_device_columns():
    above = ["", "Comms Hub", None, "ESME", None]
    row = ["EPCL ID", "Model", "Firmware", "Model", "FW"]
    found, dups, unknown = match_row(row, above, alias_table())
    assert found["CHF.model"] == ("Comms Hub Model", 1)
    assert found["ESME.firmware"] == ("ESME FW", 4)
    assert dups == [] and unknown == []


def test_duplicate_header_is_reported_and_first_wins():
    found, dups, _ = match_row(["EPCL ID", "Status", "DMCT Status"], [], alias_table())
    assert found["dmct_status"] == ("Status", 1)
    assert dups == [("dmct_status", "DMCT Status", 2)]


def test_kinds_are_told_apart_by_headers():
    assert kind_of(["entry_id", "install_status", "exclusion_reason"]) == "excluded"
    assert kind_of(["entry_id", "install_status", "dmct_status", "CHF.model"]) == "status-list"
    assert kind_of(["entry_id", "date_added"]) == "epcl"
    assert kind_of(["install_status", "dmct_status"]) is None
