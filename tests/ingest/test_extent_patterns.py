"""The extent check's two spellings of one pattern: re's, with a lookahead (the
reference), and RE2's, written out without one (the fast pass).  Both must hit
the same texts at the same place, or a reference beyond a sheet's extent could
reach the native reader."""

import random

import pytest

from se_graph.ingest import sheetcheck

PIECES = [b"r", b"=", b'"', b"'", b" ", b"\t", b"\n", b"\x0b", b"A", b"B", b"C", b"Z", b"0", b"1", b"2",
          b"5", b"9", b"x", b"<", b'r="', b'r="A', b'r="AB', b"\xff", b"\xc3\xa9", b"\x00"]


def test_the_fast_pattern_is_in_use():
    assert sheetcheck._beyond_fast("AB", "27194") is not None  # google-re2 is a dependency


@pytest.mark.parametrize("seed", range(4))
def test_both_spellings_hit_the_same_texts_at_the_same_place(seed):
    rng = random.Random(seed)
    for _ in range(6000):
        letters = "".join(rng.choice("ABCDXYZ") for _ in range(rng.randint(1, 3)))
        row = str(rng.randint(1, 10 ** rng.randint(1, 7) - 1))
        slow, _ = sheetcheck._beyond(letters, row)
        text = b"".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        start, stop = rng.randint(0, 2), rng.randint(max(0, len(text) - 2), len(text))
        want = slow.search(text, start, stop)
        got = sheetcheck._first_beyond(letters, row, text, start, stop)
        assert got == (None if want is None else want.start()), (letters, row, text, start, stop)


def test_a_large_part_within_its_extent_passes_and_one_far_reference_does_not():
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c><c r="AB%d"><v>2</v></c></row>' % (n, n, n)
                    for n in range(1, 30001))
    part = b"<worksheet><sheetData>" + rows + b"</sheetData></worksheet>"
    assert sheetcheck.check_part("sheet1.xml", part).safe
    far = part.replace(b'<c r="AB15000">', b'<c r="XFD15000">')
    verdict = sheetcheck.check_part("sheet1.xml", far)
    assert not verdict.safe
