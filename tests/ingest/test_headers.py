import pytest

from se_graph.ingest.headers import (
    DEVICE_FIELD_ALIASES,
    FIELD_ALIASES,
    ROLE_ALIASES,
    alias_table,
    kind_of,
    lookup,
    match_row,
    normalise,
)
from se_graph.model.fields import DEVICE_FIELDS, FIELD_HEADERS, HEADERS, PUBLIC_NAMES
from se_graph.model.vocab import Kind


def test_normalise_ignores_case_spaces_punctuation_and_plural():
    assert normalise("  EPCL  ID ") == normalise("epcl-id") == "epclid"
    assert normalise("Installation(s)") == normalise("Installations")
    assert normalise("No. of Devices") == "noofdevices"
    assert normalise(None) == normalise(12) == ""


@pytest.mark.parametrize("field,alias", [(f, a) for f, aliases in FIELD_ALIASES.items() for a in aliases])
def test_every_field_alias_of_the_spec_maps_to_its_field(field, alias):
    assert alias_table()[normalise(alias)] == field


@pytest.mark.parametrize("field,header", list(HEADERS.items()))
def test_every_canonical_header_maps_to_its_field(field, header):
    assert alias_table()[normalise(header)] == field


@pytest.mark.parametrize("public,header", list(FIELD_HEADERS.items()))
def test_the_spec_names_each_field_by_its_public_name(public, header):
    # the config's [aliases] and diff's JSON say "devices" for the Devices count
    assert alias_table()[normalise(header)] == PUBLIC_NAMES[public]


def test_a_config_alias_under_the_spec_name_reaches_the_field():
    assert alias_table({"devices": ["Meter Count"]})["metercount"] == "device_count"


# Case is folded before a plural "(s)" is read, whatever the case of either
@pytest.mark.parametrize("header,field", [
    ("SIT REPORT(S)", "sit_report"),
    ("Parent Epcl Id(S)", "parent_id"),
    ("Test Completion Report(S)", "test_report"),
    ("INSTALL(S)", "installs"),
    ("installation(s)", "installs"),
    ("NO. OF DEVICE(S)", "device_count"),
    ("parent epcl id(s)", "parent_id"),
    ("Esme Firmware Version(S)", "ESME.firmware"),
])
def test_a_plural_in_any_case_matches_its_field(header, field):
    found, _, unknown = match_row(["EPCL ID", header], [], alias_table())
    assert found[field] == (header, 1) and unknown == []


def test_every_header_matches_in_every_case_with_a_plural():
    table = alias_table()
    for field, header in HEADERS.items():
        for form in (header, header.upper(), header.lower(), header.title()):
            for plural in ("(s)", "(S)"):
                assert lookup(form + plural, table) == field, form + plural


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
    assert kind_of(["entry_id", "install_status", "exclusion_reason"]) is Kind.EXCLUDED
    assert kind_of(["entry_id", "install_status", "dmct_status", "CHF.model"]) is Kind.STATUS_LIST
    assert kind_of(["entry_id", "date_added"]) is Kind.EPCL
    assert kind_of(["install_status", "dmct_status"]) is None


def test_a_workbook_with_plurals_in_capitals_reads_every_column(tmp_path):
    # issue: "SIT REPORT(S)" and its like matched no field, so the entry then
    # "named no SIT report" though its row gives one
    from se_graph.ingest import read_inputs
    from tests.builders import DEVICES, write_rows

    header = ["EPCL ID", "Installation Status", "DMCT STATUS", "Test Completion Report(S)", "SIT REPORT(S)",
              "Parent Epcl Id(S)", "INSTALL(S)", *(FIELD_HEADERS[f] for f in DEVICES)]
    row = ["001002", "Active", "Covered by Dormant", "DMCT 7", "SIT 3", "001001", 40, *DEVICES.values()]
    result = read_inputs([write_rows(tmp_path / "sl.xlsx", header, [row])])
    (entry,) = result.entries
    assert (entry.test_report, entry.sit_report, entry.parent_id, entry.installs) == ("DMCT 7", "SIT 3", "001001", 40)
    assert [f.code for f in result.findings if f.code == "SG114"] == []
