"""Read a workbook with calamine in a child process held to a memory and time
bound, for the files whose structure cannot be vouched for cheaply beforehand
(legacy .xls, .ods, .xlsb, decrypted copies, .xlsx whose cell references reach
far out).

Whatever the native reader does there (an abort, a panic printed to stderr, a
runaway allocation, a loop), only the child goes down; the parent turns the
outcome into one sentence.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass

MEMORY_BYTES = 900 << 20  # the child's address space: Python, calamine and the cells; under 1 GB with room
SECONDS = 25  # CPU seconds; the wall clock gets a little more

log = logging.getLogger("se_graph.ingest")

# Run with -c so the child imports nothing but python_calamine.
_CHILD = r"""
import os, pickle, resource, sys
memory, seconds, max_rows = (int(a) for a in sys.argv[2:5])
resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
out = sys.stdout.buffer
try:
    import python_calamine
    if sys.argv[5] == "path":  # named for its true format: calamine picks its reader by the name
        book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
    else:
        with open(sys.argv[1], 'rb') as handle:
            book = python_calamine.CalamineWorkbook.from_filelike(handle)
    sheets = []
    for meta in book.sheets_metadata:
        if str(meta.typ).rsplit(".", 1)[-1] not in ("WorkSheet", "Worksheet"):
            continue
        sheet = book.get_sheet_by_name(meta.name)
        if sheet.height > max_rows:
            result = ("rows", meta.name, sheet.height)
            break
        sheets.append((meta.name, list(sheet.iter_rows())))
    else:
        result = ("ok", sheets)
except MemoryError:
    result = ("memory",)
except ImportError as exc:  # python_calamine not installed, or not loading
    result = ("missing", str(exc)[:500])
except BaseException as exc:
    result = ("error", type(exc).__name__, str(exc)[:500])
try:
    data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
except BaseException as exc:
    data = pickle.dumps(("error", type(exc).__name__, str(exc)[:500]))
out.write(data)
out.flush()
"""


@dataclass
class Outcome:
    kind: str  # ok, rows, memory, missing, error, killed, timeout
    sheets: list | None = None
    detail: str = ""
    height: int = 0
    sheet: str = ""


def read(path: str, max_rows: int, *, memory: int = MEMORY_BYTES, seconds: int = SECONDS,
         suffix: str | None = None) -> Outcome:
    """calamine's reading of ``path`` in a bounded child process; ``suffix``
    (xls, xlsx, xlsb, ods), when the true format is known, picks the reader."""
    with tempfile.TemporaryDirectory(prefix="se-graph-") as folder:
        how = "filelike"
        if suffix:
            named = os.path.join(folder, f"book.{suffix}")
            os.symlink(os.path.abspath(path), named)
            path, how = named, "path"
        return _run(path, max_rows, memory, seconds, how)


def _run(path: str, max_rows: int, memory: int, seconds: int, how: str) -> Outcome:
    with tempfile.TemporaryFile() as err:
        try:
            done = subprocess.run(
                [sys.executable, "-c", _CHILD, path, str(memory), str(seconds), str(max_rows), how],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err,
                timeout=seconds + 4, env={**os.environ, "RUST_BACKTRACE": "0"},
            )
        except subprocess.TimeoutExpired:
            return Outcome("timeout")
        err.seek(0)
        noise = err.read(4096).decode("utf-8", "replace").strip()
    if noise:
        log.debug("native reader said on stderr while reading %s: %s", path, noise)
    if done.returncode < 0:
        sig = -done.returncode
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        log.debug("the reading child for %s ended by %s", path, name)
        if sig == signal.SIGXCPU:
            return Outcome("timeout")
        return Outcome("killed", detail=name)
    try:
        result = pickle.loads(done.stdout)
    except Exception:
        return Outcome("killed", detail=f"exit {done.returncode}")
    if result[0] == "ok":
        return Outcome("ok", sheets=result[1])
    if result[0] == "rows":
        return Outcome("rows", sheet=result[1], height=result[2])
    if result[0] == "memory":
        return Outcome("memory")
    if result[0] == "missing":
        log.debug("the reading child could not import python_calamine: %s", result[1])
        return Outcome("missing", detail=result[1])
    log.debug("calamine refused %s: %s: %s", path, result[1], result[2])
    return Outcome("error", detail=f"{result[1]}: {result[2]}")
