"""Opening workbooks ahead of the thread that turns their rows into entries.

calamine parses a workbook without holding the interpreter's lock, so the next
workbooks are opened in worker threads (two ahead: memory holds at most three
workbooks) while the reading thread converts the current one.  Their extent is
checked first, in a helper process (the check holds the lock, which the reading
thread, or typer at an early start, needs meanwhile), in reading order.

A read may also be started early, by the console entry point, before the
command line is fully parsed (typer takes about 0.2 s to get there): ``start_early``
opens the workbooks the command line appears to name, and the read that follows
adopts that start when it reads the very same workbooks under the same limits.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from se_graph.ingest import sheetcheck
from se_graph.ingest.workbook import WARNINGS, sheets
from se_graph.model import Problem
from se_graph.model.config import Limits

Job = tuple[Path, "str | None"]  # a workbook and how it is read (None, or "epcl")


class Ahead:
    """The workbooks of one read, in order, each opened ahead in a worker thread.

    Iterate for (path, kind, opened sheets, notes) of each workbook; ``close``
    when done (or given up)."""

    def __init__(self, jobs: list[Job], limits: Limits) -> None:
        self.jobs = jobs
        self.limits = limits
        # every extent check in one helper process, in reading order, when there
        # are several workbooks (a lone workbook is checked in its worker thread)
        self._checker = sheetcheck.Checker([str(p) for p, _ in jobs] if len(jobs) > 1 else [],
                                           limits.max_uncompressed_bytes, limits.max_inflate_ratio)
        self._pool = ThreadPoolExecutor(max_workers=2)
        self._queue = iter(jobs)
        self._submitted = 0
        self._pending: deque = deque()
        for job in itertools.islice(self._queue, 2):
            self._submit(job)

    def _submit(self, job: Job) -> None:
        path, kind = job
        notes: list[Problem] = []
        # the first two open while nothing else is ready to run; the later ones
        # open while the reading thread converts, the one thread every later
        # step waits on: they yield the processor to it
        later = self._submitted >= 2
        self._submitted += 1
        self._pending.append((path, kind, notes, self._pool.submit(_opened, path, self.limits, notes,
                                                                    self._checker, later)))

    def __iter__(self) -> Iterator[tuple[Path, str | None, Iterable, list[Problem]]]:
        while self._pending:
            path, kind, notes, future = self._pending.popleft()
            for job in itertools.islice(self._queue, 1):
                self._submit(job)
            yield path, kind, future.result(), notes

    def close(self, wait: bool = True) -> None:
        """Stop: what was not started is dropped; with ``wait``, what runs is
        waited for (a parse cannot be stopped halfway)."""
        self._pool.shutdown(wait=wait, cancel_futures=True)
        self._checker.close()


def _opened(path: Path, limits: Limits, notes: list[Problem], checker=None,
            yielding: bool = False) -> Iterator[tuple[str, Iterable]]:
    """The workbook's sheets with the first one already loaded: calamine loads
    every sheet before handing out the first, so that work happens here, in a
    worker thread; the rest of the generator then runs in the reading thread.
    ``yielding``: at a lower scheduling priority (only ever lowered)."""
    if yielding:
        _yield_processor()
    it = sheets(path, limits, notes, checker)
    first = next(it, None)
    return itertools.chain([first] if first is not None else [], it)


# nice 10 weighs about a tenth of nice 0 with Linux's scheduler: on two cores the
# reading thread keeps one, the workers opening later workbooks share the other
YIELD_NICE = 10


def _yield_processor() -> None:
    """Lower this thread's scheduling priority (Linux: nice applies per thread;
    elsewhere, or where not allowed, nothing changes)."""
    if sys.platform != "linux":
        return  # elsewhere a thread's id is no process id that setpriority knows
    try:
        tid = threading.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, tid)
        if current < YIELD_NICE:
            os.setpriority(os.PRIO_PROCESS, tid, YIELD_NICE)
    except (AttributeError, OSError):
        pass


_early: Ahead | None = None
_early_lock = threading.Lock()
_holding = False  # whether the early start holds WARNINGS (see start_early)


def start_early(jobs: list[Job], limits: Limits) -> None:
    """Open these workbooks now, for a read that will ask for them (``take_early``).

    Until that read (or ``drop_early``), the early start holds the lock of the
    readers' warning captures: the command line is being parsed meanwhile, and
    pydantic's own captures must not interleave with a reader's."""
    global _early, _holding
    if not jobs:
        return
    with _early_lock:
        if not _holding:
            WARNINGS.acquire()
            _holding = True
    ahead = Ahead(jobs, limits)
    with _early_lock:
        _early, earlier = ahead, _early
    if earlier is not None:
        earlier.close(wait=False)


def _let_go() -> Ahead | None:
    """The early start, taken; and the warnings lock released first, so that
    waiting for its workers can never wait on this hold."""
    global _early, _holding
    with _early_lock:
        early, _early = _early, None
        if _holding:
            _holding = False
            WARNINGS.release()
    return early


def take_early(jobs: list[Job], limits: Limits) -> Ahead | None:
    """The early start of exactly these workbooks under these limits, if one was
    made; any other early start is given up (waited for, so that no parse of it
    runs on beside this read)."""
    early = _let_go()
    if early is None:
        return None
    if early.jobs == jobs and early.limits == limits:
        return early
    early.close(wait=True)
    return None


def drop_early() -> None:
    """Give up an early start no read asked for (the command failed first), at once."""
    early = _let_go()
    if early is not None:
        early.close(wait=False)
