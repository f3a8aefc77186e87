"""How far the cell references of an .xlsx sheet reach (and how many shared
strings the workbook announces), checked before the native reader sees them.

calamine lays a sheet out as one dense block from its first to its last cell,
so a single cell at XFD1048576 (or a reference past Excel's limits, such as
AAAAAA1 or A1048577) asks for billions of cells and aborts the process. The
check reads the last rows of each sheet part to learn its extent, then makes
one regular-expression pass over the whole part for any reference beyond that
extent or of an odd form. A part with none is safe to read in this process;
anything else is read in a bounded child process, or refused when the
reference is past Excel's limits.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache

try:  # linear-time matching: the pass over a large part takes a third of the time
    import re2
except ImportError:  # pragma: no cover - a declared dependency; without it re does the pass
    re2 = None

MAX_ROW = 1_048_576
MAX_COL = 16_384  # XFD
# a dense block of this many cells (about 130 MB inside calamine) is read
# in-process whatever the part's size
SAFE_CELLS = 4_000_000
# parts that are never laid out as sheets
_NOT_SHEETS = re.compile(
    r"(^|/)(sharedStrings|styles|theme\d*|calcChain|app|core|custom|vbaProject|printerSettings\d*)"
    r"\.(xml|bin)$|^docProps/|\.rels$|^\[Content_Types\]\.xml$|(^|/)(theme|media|drawings|charts|"
    r"customXml|printerSettings|pivotCache|pivotTables|externalLinks|queryTables|tables|comments)/",
    re.IGNORECASE,
)
_PREFIX = rb"\sr\s*=\s*[\"']"
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref\s*=\s*[\"'][A-Z]{1,3}[0-9]{1,7}:([A-Z]{1,3})([1-9][0-9]{0,6})[\"']")
_TAIL_REF = re.compile(_PREFIX + rb"([A-Z]{1,3})([1-9][0-9]{0,6})[\"']")


@dataclass(frozen=True)
class Verdict:
    safe: bool  # every reference within the extent and the extent small enough
    beyond_excel: str | None = None  # a reference past Excel's limits, as written
    part: str = ""


def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _upto(text: str, digit: bool) -> tuple[str, int]:
    """A regex for the strings of at most ``len(text)`` characters whose first
    character does not pass ``text``'s (digits with no leading zero, or capital
    letters), and the largest number such a string can stand for."""
    any_ = "[0-9]" if digit else "[A-Z]"
    first = "[1-9]" if digit else "[A-Z]"
    low = "1" if digit else "A"
    n = len(text)
    parts = []
    if n > 1:
        parts.append(f"{first}{any_}{{0,{n - 2}}}")
    parts.append(f"[{low}-{text[0]}]" + (f"{any_}{{{n - 1}}}" if n > 1 else ""))
    if digit:
        bound = (int(text[0]) + 1) * 10 ** (n - 1) - 1
    else:
        bound = column_number(text[0].encode() + b"Z" * (n - 1))
    # the longest form first: most references of a large sheet have it, and the
    # match then needs no backtracking (about an eighth off the pass)
    return "|".join(reversed(parts)), bound


def _beyond(letters: str, row: str) -> tuple[re.Pattern, int]:
    """A reference (or row number) of an odd form or beyond column ``letters``
    and row ``row`` (rounded up on their first character), and the area that
    bound allows."""
    cols, width = _upto(letters, False)
    rows, height = _upto(row, True)
    # `r=` not followed by a plain quoted reference within the bound, or `r =`
    pattern = f'r(?:=(?!"(?:{cols})?(?:{rows})")|\\s+=)'
    return re.compile(pattern.encode()), width * height


@lru_cache(maxsize=64)
def _beyond_fast(letters: str, row: str):
    """``_beyond``'s pattern for RE2, which has no lookahead: the same hits,
    spelt out as what may not follow ``r="`` (more letters or digits than the
    bound, a first letter or digit past it, a leading zero, no digits, an odd
    character or the end), or ``r=`` with no double quote, or ``r`` and a space
    before ``=``.  A test keeps the two in agreement.  None without RE2."""
    if re2 is None:
        return None
    n_letters, n_digits, letter, digit = len(letters), len(row), letters[0], row[0]
    lead = f"[A-Z]{{0,{n_letters}}}"
    alternatives = [f"[A-Z]{{{n_letters + 1}}}"]
    if letter != "Z":
        alternatives.append(f"[{chr(ord(letter) + 1)}-Z][A-Z]{{{n_letters - 1}}}")
    alternatives += [f'{lead}"', f"{lead}0", f"{lead}[0-9]{{{n_digits + 1}}}"]
    if digit != "9":
        alternatives.append(f"{lead}[{chr(ord(digit) + 1)}-9][0-9]{{{n_digits - 1}}}")
    alternatives += [f'{lead}[0-9]{{0,{n_digits}}}[^A-Z0-9"]', f"{lead}[0-9]{{1,{n_digits}}}[A-Z]",
                     f"{lead}[0-9]{{0,{n_digits}}}\\z"]
    pattern = 'r(?:="(?:' + "|".join(alternatives) + ')|=[^"]|=\\z|[\\t\\n\\x0b\\x0c\\r ]+=)'
    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1  # bytes, not UTF-8 text
    return re2.compile(pattern.encode(), options)


def _first_beyond(letters: str, row: str, data: bytes, start: int, stop: int) -> int | None:
    """Where the first reference beyond the bound (or of an odd form) starts
    between ``start`` and ``stop``, or None."""
    fast = _beyond_fast(letters, row)
    if fast is not None:
        # a view, not a copy; RE2 reads its end as the end of the text
        hit = fast.search(memoryview(data)[start:stop])
        return None if hit is None else start + hit.start()
    hit = _beyond(letters, row)[0].search(data, start, stop)
    return None if hit is None else hit.start()


def _excel_limits_passed(ref: bytes) -> bool:
    m = re.fullmatch(rb"([A-Z]+)([0-9]+)", ref)
    if not m:
        return True
    return len(m.group(1)) > 3 or column_number(m.group(1)) > MAX_COL or int(m.group(2)) > MAX_ROW \
        or int(m.group(2)) == 0


def check_part(name: str, data: bytes) -> Verdict:
    if b"<sheetData" not in data and b":sheetData" not in data:
        return Verdict(True, part=name)
    # the extent: the widest and lowest reference of the first and last rows
    # and of the sheet's own <dimension>, a hint that only widens the bound
    refs = _TAIL_REF.findall(data[:65536]) + _TAIL_REF.findall(data[-65536:])
    dim = _DIMENSION.search(data, 0, 4096)
    if dim:
        refs.append((dim.group(1), dim.group(2)))
    if refs:
        letters = max((r[0] for r in refs), key=lambda s: (len(s), s)).decode()
        row = str(max(int(r[1]) for r in refs))
    else:
        letters, row = "A", "1"
    width, height = column_number(letters.encode()), int(row)
    if width > MAX_COL or height > MAX_ROW:
        worst = max(refs, key=lambda r: (column_number(r[0]) > MAX_COL or int(r[1]) > MAX_ROW, len(r[0]), r[0]))
        return Verdict(False, (worst[0] + worst[1]).decode(), name)
    area = _beyond(letters, row)[1]
    start = data.find(b"sheetData")
    end = data.rfind(b"sheetData")
    at = _first_beyond(letters, row, data, start, end if end > start else len(data))
    if at is not None:
        ref = re.match(rb"r\s*=\s*[\"']?([^\"'\s>]{0,40})", data[at:at + 80])
        written = ref.group(1) if ref else b""
        if _excel_limits_passed(written) and re.fullmatch(rb"[A-Za-z]*[0-9]*", written or b"x") is None:
            pass  # an odd form: the child reader decides
        elif _excel_limits_passed(written) and re.match(rb"[A-Z]", written or b"-"):
            return Verdict(False, written.decode("latin-1"), name)
        return Verdict(False, part=name)
    # a dense block in proportion to the part's own size is read in-process
    return Verdict(area <= max(SAFE_CELLS, len(data) // 2), part=name)


# what a broken archive raises while its parts are inflated
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError,
              NotImplementedError, RuntimeError)


# a part this large may not inflate more than [limits] max_inflate_ratio times;
# smaller parts never are refused for it: tiny XML parts compress extremely
# well and are harmless
RATIO_FLOOR = 8 * 1024 * 1024


def oversized(infos: list[zipfile.ZipInfo], max_total: int, max_ratio: float) -> tuple | None:
    """What the central directory says is over the size limits, before anything
    inflates: ("part", name, ratio) for the first part that inflates too many
    times, ("total", bytes) for a workbook too large in all, else None."""
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > max_ratio:
            return "part", info.filename, ratio
    return ("total", total) if total > max_total else None


def check_here(archive: zipfile.ZipFile) -> Verdict | None:
    """``check_zip`` in this process; None when the archive is broken."""
    try:
        return check_zip(archive)
    except ZIP_ERRORS:
        return None


def check_path(path: str, max_total: int, max_ratio: float) -> Verdict | None:
    """``check_zip`` of the workbook at ``path``; None when its archive is broken
    or over the size limits (the reader refuses it then, in its own words, before
    asking).  Run in a helper process (see ``Checker``): takes and returns only
    picklable values."""
    try:
        with zipfile.ZipFile(path) as archive:
            if oversized(archive.infolist(), max_total, max_ratio) is not None:
                return None
            return check_zip(archive)
    except ZIP_ERRORS:
        return None


def die_with_parent(parent: int) -> None:
    """In the helper, first: end with the process that made it.  A pool's worker
    holds both ends of its own call pipe, so it never sees the parent go: without
    this, a parent killed outright (SIGKILL, the OOM killer) would leave the
    helper waiting for work for ever."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # no prctl: the parent's close() still ends it on every normal exit
    if os.getppid() != parent:  # the parent went before the call above
        os.kill(os.getpid(), signal.SIGKILL)


class Checker:
    """The extent checks of the .xlsx workbooks it is given, made in one helper
    process while this one reads: the pass holds the interpreter's lock for about
    0.1 s per 30 MB of sheet XML, time the reading thread would otherwise wait.  Where
    a helper process cannot be had (no fork on this system, or it fails), or for
    a file it was not given, the check is made here."""

    def __init__(self, paths: list[str], max_total: int, max_ratio: float) -> None:
        self._futures: dict[str, object] = {}
        self._pool = None
        wanted = [p for p in paths if p.lower().endswith((".xlsx", ".xlsm"))]
        if not wanted or sys.platform != "linux":
            return
        try:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                                             initializer=die_with_parent, initargs=(os.getpid(),))
            for path in wanted:  # checked in this order, the order they are read in
                self._futures[path] = self._pool.submit(check_path, path, max_total, max_ratio)
        except Exception:
            self.close()

    def verdict(self, path: str, archive: zipfile.ZipFile) -> Verdict | None:
        """The check of ``path``'s sheets (None: its archive is broken)."""
        future = self._futures.pop(path, None)
        if future is not None:
            try:
                verdict = future.result()
            except Exception:  # the helper died or could not start: check here
                verdict = None
            if verdict is not None:
                return verdict
        # here: not given to the helper, or the helper found it broken (say why here)
        return check_here(archive)

    def close(self) -> None:
        """Stop the helper at once: what it has not checked is no longer needed."""
        pool, self._pool = self._pool, None
        if pool is not None:
            processes = list(getattr(pool, "_processes", {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()


_SHARED = re.compile(r"(^|/)sharedStrings\.xml$", re.IGNORECASE)
_UNIQUE_COUNT = re.compile(rb"\suniqueCount\s*=\s*[\"']\s*([0-9]{1,30})")


def check_shared_strings(name: str, head: bytes, size: int) -> Verdict:
    """calamine sets aside room for the number of strings the shared-strings
    part announces (``uniqueCount``) before reading any: a count no part of this
    size can hold (each string takes at least 5 bytes, ``<si/>``) aborts the
    process, so such a part is read only in the bounded child."""
    found = _UNIQUE_COUNT.search(head)
    return Verdict(found is None or int(found.group(1)) <= max(size // 5, 1000), part=name)


def check_zip(archive: zipfile.ZipFile) -> Verdict:
    """The first unsafe sheet part's verdict, else a safe one."""
    for info in archive.infolist():
        if not info.is_dir() and _SHARED.search(info.filename):
            with archive.open(info) as part:
                verdict = check_shared_strings(info.filename, part.read(4096), info.file_size)
            if not verdict.safe:
                return verdict
            continue
        if info.is_dir() or not info.filename.lower().endswith(".xml") or _NOT_SHEETS.search(info.filename):
            continue
        verdict = check_part(info.filename, archive.read(info))
        if not verdict.safe:
            return verdict
    return Verdict(True)
