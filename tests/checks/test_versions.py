import pytest

from se_graph.checks.versions import compare


@pytest.mark.parametrize("a,b,expected", [
    ("1.9", "1.10", -1), ("2.45.3", "2.45.3", 0), ("1.2", "1.2.0", 0), ("1.2", "1.2.1", -1),
    ("0x01A2", "0x01B0", -1), ("0x0200", "0x01FF", 1), ("v2.1", "2.0", 1), ("01A2", "01B0", -1),
    ("REL-A", "REL-B", -1), ("1.2a", "1.2.3", None), ("GOLD", "1.0", None), ("1.0-rc1", "1.0-rc2", -1),
    ("v1.2a", "v1.3a", -1), ("v1.3a", "v1.10", -1), ("4.2.beta", "4.2.rc1", -1), ("4.2.1", "4.2.rc1", None),
])
def test_version_order(a, b, expected):
    assert compare(a, b) == expected
