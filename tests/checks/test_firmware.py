import pytest

from se_graph.checks.versions import compare
from tests.builders import row_child, row_tested
from tests.checks.conftest import found


def source(entry_id, target, **fields):
    """A firmware-upgrade source: the target's devices on older ESME firmware."""
    base = {"exclusion_reason": "Firmware Upgrade", "parent_id": None, "upgrade_to": target,
            "target_fw": "N", "epcl_report": None, "ESME.firmware": "2.1"}
    return row_child(entry_id, None, **{**base, **fields})


@pytest.mark.parametrize("a,b,expected", [
    ("1.9", "1.10", -1), ("2.45.3", "2.45.3", 0), ("1.2", "1.2.0", 0), ("1.2", "1.2.1", -1),
    ("0x01A2", "0x01B0", -1), ("0x0200", "0x01FF", 1), ("v2.1", "2.0", 1), ("01A2", "01B0", -1),
    ("REL-A", "REL-B", -1), ("1.2a", "1.2.3", None), ("GOLD", "1.0", None), ("1.0-rc1", "1.0-rc2", -1),
    ("v1.2a", "v1.3a", -1), ("v1.3a", "v1.10", -1), ("4.2.beta", "4.2.rc1", -1), ("4.2.1", "4.2.rc1", None),
])
def test_version_order(a, b, expected):
    assert compare(a, b) == expected


def test_two_hop_chain_to_requested_target_passes(check):
    a = check([row_tested("000001")], [source("000002", "000003", **{"ESME.firmware": "2.0"}), source("000003", "000001", **{"ESME.firmware": "2.2"})])
    assert found(a) == []
    assert a.graph.fw_final == {"000002": "000001", "000003": "000001"}


def test_fw_target_missing(check):
    a = check([row_tested("000001")], [source("000002", "000099")])
    assert found(a) == [("SG501", "000002")]


def test_fw_target_not_at_target(check):
    a = check([row_tested("000001", target_fw="N")], [source("000002", "000001")])
    assert found(a) == [("SG502", "000002")]


def test_fw_source_differs_in_more_than_firmware(check):
    a = check([row_tested("000001")], [source("000002", "000001", **{"ESME.model": "Liberty 100"}, install_status="Active")])
    assert found(a) == [("SG503", "000002")]
    message = a.findings[0].message
    # old -> new: from the source's devices to the target's
    assert "ESME model: Liberty 100 -> Liberty 110" in message and "installation status: active -> dormant" in message


def test_fw_downgrade(check):
    a = check([row_tested("000001")], [source("000002", "000001", **{"ESME.firmware": "2.10"})])
    assert found(a) == [("SG504", "000002")]
    assert "ESME 2.10 -> 2.3" in a.findings[0].message


def test_fw_order_unknown_warns(check):
    a = check([row_tested("000001", **{"ESME.firmware": "2.1a"})], [source("000002", "000001", **{"ESME.firmware": "2.1.3"})])
    assert [(f.code, f.severity) for f in a.findings] == [("SG505", "warning")]


def test_fw_cycle(check):
    a = check([row_tested("000001")], [source("000002", "000003"), source("000003", "000002")])
    assert found(a) == [("SG506", "000002"), ("SG506", "000003")]


def test_fw_source_requested_warns(check):
    a = check([row_tested("000001")], [source("000002", "000001", epcl_report=22)])
    assert found(a) == [("SG507", "000002")]


def test_fw_target_unlisted_warns(check):
    target = row_tested("000001", epcl_report=None)
    other = row_tested("000005", epcl_report=22, **{"CHF.model": "SKU5"})
    a = check([target, other], [source("000002", "000001")])
    assert found(a) == [("SG508", "000002")]
