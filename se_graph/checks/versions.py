"""Firmware version ordering (spec section 3): segment by segment in natural order.

A leading ``v`` is ignored; runs of digits compare as numbers, ``0x01A2`` as a
hexadecimal number, runs of letters alphabetically; a missing segment counts as
0.  So ``v1.2a`` < ``v1.3a`` < ``v1.10``.  Where the first difference sets a
number against letters, the order cannot be decided.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"0x[0-9a-f]+|\d+|[a-z]+")


def _tokens(version: str) -> list[int | str]:
    text = version.strip().casefold()
    if text.startswith("v"):
        text = text[1:]
    out: list[int | str] = []
    for token in _TOKEN.findall(text):
        if token.startswith("0x"):
            out.append(int(token[2:], 16))
        elif token.isdigit():
            out.append(int(token))
        else:
            out.append(token)
    return out


@lru_cache(maxsize=1 << 16)  # lists repeat the same few versions many times
def compare(a: str, b: str) -> int | None:
    """-1, 0 or 1 as ``a`` is older, equal or newer than ``b``; None when the
    order cannot be decided (the first difference sets a number against letters)."""
    ta, tb = _tokens(a), _tokens(b)
    width = max(len(ta), len(tb))
    for k in range(width):
        x = ta[k] if k < len(ta) else 0
        y = tb[k] if k < len(tb) else 0
        if x == y:
            continue
        if type(x) is not type(y):
            return None
        return -1 if x < y else 1
    return 0
