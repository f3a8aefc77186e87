"""Firmware version ordering: dotted numbers, hex (0x01A2) and mixed strings."""

from __future__ import annotations

import re
from functools import lru_cache

_HEX = re.compile(r"0x([0-9a-f]+)")
_PLAIN_HEX = re.compile(r"[0-9a-f]+")
_TOKEN = re.compile(r"\d+|[a-z]+")


def _tokens(version: str) -> list[int | str]:
    text = version.strip().casefold()
    match = _HEX.fullmatch(text)
    if match:
        return [int(match.group(1), 16)]
    text = re.sub(r"^v(?=\d)", "", text)
    return [int(t) if t.isdigit() else t for t in _TOKEN.findall(text)]


@lru_cache(maxsize=1 << 16)  # lists repeat the same few versions many times
def compare(a: str, b: str) -> int | None:
    """-1, 0 or 1 as ``a`` is older, equal or newer than ``b``; None when the
    order cannot be decided (the first difference is between words, or between a
    word and a number)."""
    if a.strip().casefold() == b.strip().casefold():
        return 0
    la, lb = a.strip().casefold(), b.strip().casefold()
    if len(la) == len(lb) and _PLAIN_HEX.fullmatch(la) and _PLAIN_HEX.fullmatch(lb):
        return -1 if la < lb else 1  # equal-width hex digits order as text
    ta, tb = _tokens(a), _tokens(b)
    for x, y in zip(ta, tb):
        if x == y:
            continue
        if isinstance(x, int) and isinstance(y, int):
            return -1 if x < y else 1
        return None
    rest, sign = (tb[len(ta):], -1) if len(ta) < len(tb) else (ta[len(tb):], 1)
    if not rest:
        return 0 if ta == tb else None
    if all(isinstance(t, int) for t in rest):
        return 0 if all(t == 0 for t in rest) else sign
    return None
