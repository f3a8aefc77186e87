"""Every number of summary.json on a dataset worked out by hand:

requested: 000001 D 100/300, 000002 A 50/(50x3=150), 000003 M 20/60 (Group 1);
000010 D 10/(10x2=20), 000011 A 5/15 (Group 2).
fw sources: 000020 A 7/21 -> 000021 A 3/9 -> 000002 (two hops, both count once
toward 000002, Group 1); 000031 M 9/27 -> 000003 (Group 1); 000030 D 4/(4x2=8)
-> 000010 (Group 2). Not counted: pending 000041, uneconomic 000040.
"""

from se_graph.assessment import assess as analyse


def summarise(assessment):
    return assessment.summary


def block(a, d, m, da, dd, dm):
    return {"installs": {"active": a, "dormant": d, "mixed": m}, "devices": {"active": da, "dormant": dd, "mixed": dm}}


def test_every_number_of_the_summary(hand_worked):
    analysis = analyse(hand_worked)
    assert analysis.errors == 0, analysis.findings
    s = summarise(analysis)
    assert s["requested"] == ["000001", "000002", "000003", "000010", "000011"]
    assert s["devices_method"] == "mixed"
    assert s["group1"] == {
        "requested_at_target_fw": block(50, 100, 20, 150, 300, 60),
        "potential_fw_upgrades": block(10, 0, 9, 30, 0, 27),
        "totals_by_status": block(60, 100, 29, 180, 300, 87),
        "totals": {"installs": 189, "devices": 567},
    }
    assert s["group2"] == {
        "requested_at_target_fw": block(5, 10, 0, 15, 20, 0),
        "potential_fw_upgrades": block(0, 4, 0, 0, 8, 0),
        "totals_by_status": block(5, 14, 0, 15, 28, 0),
        "totals": {"installs": 19, "devices": 43},
    }
    assert s["overall"] == {
        "requested_at_target_fw": block(55, 110, 20, 165, 320, 60),
        "potential_fw_upgrades": block(10, 4, 9, 30, 8, 27),
        "totals_by_status": block(65, 114, 29, 195, 328, 87),
        "totals": {"installs": 208, "devices": 610},
    }
    h = s["headline"]
    assert (h["requested"], h["group1"], h["group1_tested"], h["group2"], h["group2_traced"]) == (5, 3, 2, 2, 2)
    assert h["group1_clause_20_9"] == [{"entry": "000002", "install_status": "active", "dormant": "000001"}]
    assert (h["fw_upgrade_sources"], h["fw_upgradable_installs"]) == (4, 23)


def test_report_option_that_selects_nothing_is_a_bad_option(hand_worked):
    import pytest

    from se_graph.model import InputError

    with pytest.raises(InputError, match=r"--report 21 selects no entry: the EPCL Report numbers in the inputs are 22\."):
        analyse(hand_worked, report=21)
    assert summarise(analyse(hand_worked, report=22))["requested"] == ["000001", "000002", "000003", "000010", "000011"]


def test_every_number_is_an_integer(hand_worked):
    def walk(value):
        if isinstance(value, dict):
            for v in value.values():
                yield from walk(v)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            yield value

    s = summarise(analyse(hand_worked))
    numbers = list(walk({k: s[k] for k in ("overall", "group1", "group2")}))
    assert len(numbers) == 3 * (3 * 6 + 2) and all(type(n) is int for n in numbers)


def test_devices_method_column_and_derived(check):
    from tests.builders import row_tested

    with_column = summarise(check([row_tested("000001", devices=300)]))
    without = summarise(check([row_tested("000001")]))
    assert with_column["devices_method"] == "column"
    assert without["devices_method"] == "derived"
    assert without["group1"]["requested_at_target_fw"]["devices"]["dormant"] == 300  # 100 x 3 devices
