"""Opening workbooks ahead of the thread that turns their rows into entries.

calamine parses a workbook without holding the interpreter's lock, so the next
workbooks are opened in worker threads (two ahead: memory holds at most three
workbooks) while the reading thread converts the current one.  Their extent is
checked first, in a helper process (the check holds the lock, which the reading
thread needs meanwhile), in reading order.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from se_graph.ingest import sheetcheck
from se_graph.ingest.workbook import sheets
from se_graph.model import Problem
from se_graph.model.config import Limits

Job = tuple[Path, "str | None"]  # a workbook and how it is read (None, or "epcl")


class Ahead:
    """The workbooks of one read, in order, each opened ahead in a worker thread.

    Iterate for (path, kind, opened sheets, notes) of each workbook; ``close``
    when done (or given up)."""

    def __init__(self, jobs: list[Job], limits: Limits) -> None:
        # every extent check in one helper process, in reading order
        self._checker = sheetcheck.Checker([str(p) for p, _ in jobs], limits.max_uncompressed_bytes,
                                           limits.max_inflate_ratio)
        self._limits = limits
        self._pool = ThreadPoolExecutor(max_workers=2)
        self._queue = iter(jobs)
        self._pending: deque = deque()
        for job in itertools.islice(self._queue, 2):
            self._submit(job)

    def _submit(self, job: Job) -> None:
        path, kind = job
        notes: list[Problem] = []
        self._pending.append((path, kind, notes, self._pool.submit(_opened, path, self._limits, notes,
                                                                    self._checker)))

    def __iter__(self) -> Iterator[tuple[Path, str | None, Iterable, list[Problem]]]:
        while self._pending:
            path, kind, notes, future = self._pending.popleft()
            for job in itertools.islice(self._queue, 1):
                self._submit(job)
            yield path, kind, future.result(), notes

    def close(self) -> None:
        """Stop: what was not started is dropped, what runs is waited for (a
        parse cannot be stopped halfway)."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._checker.close()


def _opened(path: Path, limits: Limits, notes: list[Problem], checker=None) -> Iterator[tuple[str, Iterable]]:
    """The workbook's sheets with the first one already loaded: calamine loads
    every sheet before handing out the first, so that work happens here, in a
    worker thread; the rest of the generator then runs in the reading thread."""
    it = sheets(path, limits, notes, checker)
    first = next(it, None)
    return itertools.chain([first] if first is not None else [], it)
