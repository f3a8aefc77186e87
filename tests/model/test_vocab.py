"""The shared predicates and phrases: each fact has one home, and the copies the
checks still keep say the same thing."""

from __future__ import annotations

from itertools import product

import pytest

from se_graph.checks.context import Context
from se_graph.checks.rules import sg204_untested_root, sg301_covered_no_tested_dormant
from se_graph.graph import build
from se_graph.model import Entry, Severity, Source, padded_id
from se_graph.model.config import Config
from se_graph.model.phrases import status_words, why_no_group, why_not_root, why_not_tested
from se_graph.model.vocab import (
    UNKNOWN_COHORT, DmctStatus, InstallStatus, Reason, cohorts_differ, in_epcl_report, is_dormant,
    is_unknown_cohort, may_rely_on_dormant,
)

SOURCE = Source(path="t.xlsx", sheet="Data", kind="status-list", header_row=1)
STATUSES = [*DmctStatus, None, "awaiting review"]
REASONS = [*Reason, None]


def entry(entry_id: str = "000001", **fields) -> Entry:
    return Entry(entry_id=entry_id, source=SOURCE, row=2, **fields)


@pytest.mark.parametrize("status, reason", list(product(STATUSES, REASONS)))
def test_why_not_tested_words_as_the_checks_do(status, reason):
    e = entry(dmct_status=status, exclusion_reason=reason)
    assert sg301_covered_no_tested_dormant.why_not_tested is why_not_tested  # one home: the checks use it
    assert why_not_tested(e)


@pytest.mark.parametrize("status, reason, upgrade", list(product(STATUSES, REASONS, [False, True])))
def test_why_not_root_words_as_the_checks_do(status, reason, upgrade):
    e = entry(dmct_status=status, exclusion_reason=reason, upgrade_to="000002" if upgrade else None)
    target = entry("000002", dmct_status=DmctStatus.TESTED, test_report="TCR 1")
    ctx = Context(graph=build([e, target]), config=Config(), ingest_problems={})
    assert why_not_root(e, upgrade_source=upgrade) == sg204_untested_root.why_not_group1(ctx, e.entry_id)


def test_why_no_group_reason_first_then_status():
    assert why_no_group(entry(dmct_status=DmctStatus.PENDING)) == "pending testing"
    assert why_no_group(entry(dmct_status="failed", exclusion_reason="uneconomic")) == "excluded as uneconomic to test"
    assert why_no_group(entry(exclusion_reason=Reason.COVERED)) == why_no_group(entry(dmct_status=DmctStatus.COVERED))
    assert why_no_group(entry()) == "no DMCT status or reason for exclusion"


def test_status_words():
    assert status_words(entry(dmct_status=DmctStatus.COVERED)) == "covered by Dormant (Clause 20.9)"
    assert status_words(entry(exclusion_reason=Reason.FW_UPGRADE)) == "excluded: firmware upgrade"
    assert status_words(entry(dmct_status="odd")) == "odd"
    assert status_words(entry()) == "unknown"


def test_unknown_cohort_differs_from_nothing():
    assert entry().cohort == UNKNOWN_COHORT
    assert is_unknown_cohort(" Unknown ")
    assert not cohorts_differ("unknown", "FOC")
    assert not cohorts_differ("MOC  secure", "moc Secure")
    assert cohorts_differ("FOC", "MOC Secure")


def test_install_status_predicates():
    assert is_dormant(entry(install_status="dormant"))
    assert [may_rely_on_dormant(entry(install_status=s)) for s in (*InstallStatus, None)] == [True, False, True, False]
    assert [s.relies_on_dormant for s in InstallStatus] == [True, False, True]


def test_in_epcl_report():
    assert in_epcl_report(entry(epcl_report=22)) and in_epcl_report(entry(epcl_report=22), 22)
    assert not in_epcl_report(entry(epcl_report=22), 23)
    assert not in_epcl_report(entry())


def test_severity_rank_and_padded_id():
    assert sorted(["info", "error", "warning"], key=lambda s: Severity(s).rank) == ["error", "warning", "info"]
    assert padded_id(2255) == padded_id("2255") == "002255"
    assert padded_id("123456") == "123456"
