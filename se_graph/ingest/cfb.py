"""Structural checks of an OLE compound file (a legacy .xls, or an encrypted
Office file) before any native reader sees it.

A compound file is a little file system: sectors chained through a table (the
FAT). A chain that loops back on itself, or points past the end of the file,
sends a reader round for ever; these checks walk every chain once, with a
visited set, in time and memory bounded by the file's size.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_FATSECT = 0xFFFFFFFD
_DIFSECT = 0xFFFFFFFC
_NOSTREAM = 0xFFFFFFFF


class Damaged(Exception):
    """The compound file is broken; the message says where, in plain words."""


@dataclass
class Stream:
    name: str
    size: int
    start: int


@dataclass
class Compound:
    streams: dict[str, Stream]
    data: bytes
    sector: int
    mini_sector: int
    cutoff: int
    fat: list[int]
    minifat: list[int]
    mini_stream: bytes

    def read(self, name: str, limit: int | None = None) -> bytes:
        """The first ``limit`` bytes (or all) of a stream, its chain already checked."""
        stream = self.streams[name]
        want = stream.size if limit is None else min(limit, stream.size)
        if stream.size < self.cutoff:
            chunks, size, table, source = _chain(self.minifat, stream.start, len(self.minifat)), \
                self.mini_sector, self.minifat, self.mini_stream
            offset = 0
        else:
            chunks, size, source = _chain(self.fat, stream.start, len(self.fat)), self.sector, self.data
            offset = self.sector
        out = bytearray()
        for sector in chunks:
            start = offset + sector * size
            out += source[start:start + size]
            if len(out) >= want:
                break
        return bytes(out[:want])


def _chain(table: list[int], start: int, count: int) -> list[int]:
    """The sectors of one chain; Damaged if it loops or leaves the table."""
    out: list[int] = []
    seen: set[int] = set()
    sector = start
    while sector != _END:
        if sector >= count:
            raise Damaged("a sector chain points past the end of the file")
        if sector in seen:
            raise Damaged("a sector chain loops back on itself")
        seen.add(sector)
        out.append(sector)
        sector = table[sector]
    return out


def parse(data: bytes) -> Compound:
    """Check the header, the FAT, the directory and every stream's chain."""
    if len(data) < 512 or not data.startswith(SIGNATURE):
        raise Damaged("the file header is cut short")
    (major, order, shift, mini_shift, n_dir, n_fat, first_dir, cutoff,
     first_minifat, n_minifat, first_difat, n_difat) = struct.unpack_from("<2xHHHH6xIIIxxxxIIIII", data, 24)
    if order != 0xFFFE or shift not in (9, 12) or mini_shift != 6 or major not in (3, 4):
        raise Damaged("the file header is not that of an Office file")
    size = 1 << shift
    n_sectors = max(0, (len(data) - size + size - 1) // size)
    if len(data) < size:
        raise Damaged("the file is cut short")
    if n_fat > n_sectors or n_difat > n_sectors or n_minifat > n_sectors:
        raise Damaged("the file header claims more sectors than the file holds")
    per = size // 4

    def sector_bytes(number: int) -> bytes:
        if number >= n_sectors:
            raise Damaged("a sector number points past the end of the file")
        start = (number + 1) * size
        chunk = data[start:start + size]
        return chunk + bytes(size - len(chunk))

    # the FAT's own sectors: 109 in the header, the rest in the DIFAT chain
    fat_sectors = [s for s in struct.unpack_from("<109I", data, 76) if s not in (_FREE, _END)]
    seen: set[int] = set()
    sector = first_difat
    for _ in range(n_difat):
        if sector in (_END, _FREE):
            break
        if sector >= n_sectors or sector in seen:
            raise Damaged("the table of sectors loops or points past the end of the file")
        seen.add(sector)
        words = struct.unpack(f"<{per}I", sector_bytes(sector))
        fat_sectors.extend(s for s in words[:-1] if s not in (_FREE, _END))
        sector = words[-1]
    fat_sectors = fat_sectors[:n_fat] if n_fat else fat_sectors
    if len(set(fat_sectors)) != len(fat_sectors):
        raise Damaged("the table of sectors lists a sector twice")
    fat: list[int] = []
    for s in fat_sectors:
        fat.extend(struct.unpack(f"<{per}I", sector_bytes(s)))
    count = min(len(fat), n_sectors)
    fat = fat[:count]

    directory = b"".join(sector_bytes(s) for s in _chain(fat, first_dir, count))
    entries = []
    for offset in range(0, len(directory) - 127, 128):
        name_len, kind, _color, left, right, child = struct.unpack_from("<HBBIII", directory, offset + 64)
        start, low, high = struct.unpack_from("<III", directory, offset + 116)
        name = directory[offset:offset + max(0, min(name_len, 64) - 2)].decode("utf-16-le", "replace")
        stream_size = low if major == 3 else low | (high << 32)
        entries.append((name, kind, left, right, child, start, stream_size))
    if not entries or entries[0][1] != 5:
        raise Damaged("the file's directory has no root")
    # walk the directory tree once: ids in range, no entry visited twice
    streams: dict[str, Stream] = {}
    visited: set[int] = set()
    todo = [entries[0][4]]
    while todo:
        number = todo.pop()
        if number == _NOSTREAM:
            continue
        if number >= len(entries) or number in visited:
            raise Damaged("the file's directory loops or points past its end")
        visited.add(number)
        name, kind, left, right, child, start, stream_size = entries[number]
        todo.extend((left, right, child))
        if kind == 2:
            streams.setdefault(name, Stream(name, stream_size, start))

    root = entries[0]
    mini_chain = _chain(fat, root[5], count) if root[5] != _END else []
    if root[6] > len(mini_chain) * size:
        raise Damaged("the file's small-stream area is cut short")
    minifat: list[int] = []
    if n_minifat:
        for s in _chain(fat, first_minifat, count):
            minifat.extend(struct.unpack(f"<{per}I", sector_bytes(s)))
    mini_stream = b"".join(sector_bytes(s) for s in mini_chain) if any(
        st.size < cutoff for st in streams.values()) else b""
    mini = 1 << mini_shift
    for stream in streams.values():
        if stream.size == 0:
            continue
        if stream.size < cutoff:
            chain = _chain(minifat, stream.start, min(len(minifat), len(mini_stream) // mini))
            unit = mini
        else:
            chain = _chain(fat, stream.start, count)
            unit = size
        if len(chain) * unit < stream.size:
            raise Damaged(f"its part '{stream.name}' is cut short")
    return Compound(streams, data, size, mini, cutoff, fat, minifat, mini_stream)


# BIFF record types
_BOF = 0x0809
_FILEPASS = 0x002F
_EOF = 0x000A


def biff_facts(book: bytes) -> tuple[int, bool]:
    """(BIFF version word, encrypted) from the start of a Workbook/Book stream."""
    if len(book) < 8:
        raise Damaged("its workbook part is cut short")
    kind, length = struct.unpack_from("<HH", book, 0)
    if kind != _BOF or length < 4:
        raise Damaged("its workbook part does not start like one")
    version = struct.unpack_from("<H", book, 4)[0]
    offset = 4 + length
    # FILEPASS, when present, follows BOF closely in the globals; stop at EOF
    for _ in range(64):
        if offset + 4 > len(book):
            break
        kind, length = struct.unpack_from("<HH", book, offset)
        if kind == _FILEPASS:
            return version, True
        if kind == _EOF:
            break
        offset += 4 + length
    return version, False
