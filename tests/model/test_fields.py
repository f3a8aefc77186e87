"""The field table is the one place a column is described: every stage that
reads it picks a field up from its entry alone."""

from __future__ import annotations

import pytest

from se_graph.assessment import diff
from se_graph.graph import merge
from se_graph.ingest import headers, table, values
from se_graph.model import Entry
from se_graph.model.fields import (
    DMCT_STATUS_WORDS,
    EXCLUSION_REASON_WORDS,
    FIELD_HEADERS,
    FIELDS,
    INSTALL_STATUS_WORDS,
    PUBLIC_NAMES,
    padded_id,
)
from se_graph.model.vocab import DmctStatus, InstallStatus, Reason
from se_graph.report.audit import annex


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.name)
def test_each_field_is_read_compared_and_shown_as_its_entry_says(field):
    assert field.name in Entry.__dataclass_fields__
    alias_table = headers.alias_table()
    for header in (field.header, *field.aliases):
        assert alias_table[headers.normalise(header)] == field.name
    if field.parser != "id":
        assert table._PARSERS[field.name][0] is table._KINDS[field.parser][0]
    assert (field.name in merge.VALUES or field.name == "cohort") == field.agree
    assert ((field.key, field.name) in diff.FIELDS) == field.diff
    assert (field.annex in annex.COLUMNS) == bool(field.annex)


def test_the_spec_names_are_kept_where_they_are_public():
    # spec section 1 and the config's [aliases] say "devices"; inside it is device_count
    assert PUBLIC_NAMES["devices"] == "device_count" and FIELD_HEADERS["devices"] == "Devices"
    assert ("devices", "device_count") in diff.FIELDS
    assert "device_count" not in FIELD_HEADERS


def test_no_header_names_two_fields():
    seen: dict[str, str] = {}
    for field in FIELDS:
        for header in (field.header, *field.aliases):
            assert seen.setdefault(headers.normalise(header), field.name) == field.name


def test_the_words_tables_give_enum_members():
    assert DMCT_STATUS_WORDS["passed"] is DmctStatus.TESTED
    assert EXCLUSION_REASON_WORDS["child dmc"] is Reason.SE
    assert INSTALL_STATUS_WORDS["dormant"] is InstallStatus.DORMANT
    assert table._PARSERS["dmct_status"][0](" Test Complete ") == (DmctStatus.TESTED, None)
    assert table._PARSERS["install_status"][0]("MIXED")[0] is InstallStatus.MIXED
    assert table._PARSERS["exclusion_reason"][0]("Uneconomic")[0] is Reason.UNECONOMIC


def test_ids_are_padded_in_one_place():
    assert padded_id(2255) == padded_id("2255") == "002255"
    assert values.entry_id(2255) == ("002255", None, True)
    assert values.entry_id("123456") == ("123456", None, False)


def test_a_source_kind_is_a_kind_even_when_forced_by_name():
    from se_graph.model import Source
    from se_graph.model.vocab import Kind

    assert Source("a.xlsx", "Data", "epcl", 1).kind is Kind.EPCL
    assert headers.kind_of(["entry_id", "exclusion_reason"]) is Kind.EXCLUDED
