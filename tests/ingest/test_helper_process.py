"""The extent checks' helper process ends with the process that made it, however
that one ends: killed outright, it leaves nothing behind waiting for work."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKBOOK = next((ROOT / "data" / "sample").glob("*.xlsx"))

# make the helper, let it check one workbook, then die by SIGKILL (no cleanup runs)
SCRIPT = """
import os, signal, sys
from se_graph.ingest.sheetcheck import Checker
checker = Checker([sys.argv[1]], 10**9, 1000.0)
(helper,) = checker._pool._processes
print(helper, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_reader_leaves_no_helper_behind():
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(WORKBOOK)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=30)
    assert done.returncode == -9, done.stderr
    helper = int(done.stdout)
    deadline = time.monotonic() + 10
    while alive(helper) and time.monotonic() < deadline:
        time.sleep(0.05)
    still = alive(helper)
    if still:
        os.kill(helper, 9)
    assert not still, "the helper outlived the reader that made it"
