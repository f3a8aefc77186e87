"""Work done in a forked copy of this process, its result sent back pickled.

After reading, building the graph and checking it run on one core while the
other is idle; the rules only read the graph, so a forked copy of the process
can run some of them meanwhile, and send back just their findings.  A fork is
made only where it is safe and cheap: on Linux, with no other thread running
(a fork copies only the calling thread, so a lock another thread holds would
stay held in the copy).  Anything that goes wrong in the copy (it dies, it
sends nothing usable) gives None, and the caller does the work itself.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Forked(Generic[T]):
    """A forked copy of this process computing one value."""

    def __init__(self, pid: int, pipe: int) -> None:
        self._pid = pid
        self._pipe = pipe

    def result(self) -> T | None:
        """The value, once the copy has sent it; None if it failed."""
        chunks = []
        try:
            while chunk := os.read(self._pipe, 1 << 20):
                chunks.append(chunk)
        except OSError:
            chunks = []
        finally:
            os.close(self._pipe)
        try:
            _, status = os.waitpid(self._pid, 0)
        except ChildProcessError:
            status = 1
        if status != 0 or not chunks:
            return None
        try:
            return pickle.loads(b"".join(chunks))
        except Exception:
            return None


def start(work: Callable[[], T]) -> Forked[T] | None:
    """``work()`` in a forked copy of this process, or None where no fork is
    made (not Linux, other threads running, or the fork failed)."""
    if sys.platform != "linux" or threading.active_count() > 1:
        return None
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the copy: compute, send, and leave at once (no cleanup, no output)
        code = 1
        try:
            os.close(read)
            data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(write, view):]
            code = 0
        except BaseException:  # noqa: BLE001 - the parent does the work itself
            pass
        finally:
            os._exit(code)
    os.close(write)
    return Forked(pid, read)
