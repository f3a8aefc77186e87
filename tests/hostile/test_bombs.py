"""Bombs are refused in bounded memory, measured in a real process (their time
is a target of `make bench`: benchmarks/bombs.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.hostile.make_corpus import BIG


# A small launcher starts se-graph and reports its peak memory.  Measured from
# the test process itself, a child's peak would include the test process's own
# memory at the moment of exec (Linux keeps the larger of the two), so a test run
# that had grown to 600 MB would report every child at 600 MB.
LAUNCH = (
    "import os, sys\n"
    "pid = os.posix_spawn(sys.executable, [sys.executable, '-m', 'se_graph', *sys.argv[1:]], os.environ,\n"
    "                     file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)\n"
)


def measured(args, env=None) -> tuple[int, float, str]:
    """(exit code, peak MB, stderr) of one fresh se-graph process."""
    done = subprocess.run([sys.executable, "-c", LAUNCH, *args], capture_output=True, text=True,
                          env=env if env is not None else dict(os.environ))
    code, peak_kb = done.stdout.split()
    return int(code), int(peak_kb) / 1024, done.stderr


@pytest.mark.parametrize("name", sorted(BIG))
@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
def test_bombs_are_refused_in_under_500_mb(bombs, name, reader):
    env = {**os.environ, "SE_GRAPH_READER": reader}
    code, peak, err = measured(["validate", str(bombs / name)], env)
    assert "Traceback" not in err
    # openpyxl, only a fallback, walks a million empty rows (bare openpyxl itself
    # peaks near 550 MB there); calamine, the default, takes 50 MB
    slow = (reader, name) == ("openpyxl", "million-formatted-rows.xlsx")
    assert peak < (1000 if slow else 500), f"{name} via {reader}: {peak:.0f} MB"
    if "bomb" in name:
        assert code == 2 and err.count("\n") == 1


def test_openpyxl_parses_xml_through_defusedxml():
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML, "defusedxml must be installed so openpyxl refuses entity bombs"
