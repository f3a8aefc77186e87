"""Rules run in a forked copy of the process (the command line's way) give the
very findings, in the very order, that running them here gives; and the fork
is made only where it is safe, any failure in it falling back to the work here."""

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from se_graph.checks import check, forked, severities
from se_graph.graph import build
from se_graph.ingest import read_inputs
from se_graph.model.config import Config

DATA = Path(__file__).resolve().parents[2] / "data"
linux = pytest.mark.skipif(sys.platform != "linux", reason="the fork is made on Linux only")
# code that notes in ``made`` whether each fork asked for was made
COUNTING_FORKS = """\
from se_graph.checks import forked
made = []
real = forked.start
def start(work):
    child = real(work)
    made.append(child is not None)
    return child
forked.start = start
"""


@pytest.mark.parametrize("folder", ["broken", "sample"])
def test_forked_rules_find_exactly_what_rules_run_here_find(folder):
    config = Config()
    read = read_inputs([DATA / folder], config)
    graph = build(read.entries)
    here = check(graph, config, read.findings, severities(config))
    there = check(graph, config, read.findings, severities(config), fork=True)
    assert there == here
    if folder == "broken":
        assert {f.code[:3] for f in here} >= {"SG2", "SG5"}  # both halves found something


@linux
@pytest.mark.parametrize("folder", ["broken", "sample"])
def test_the_same_findings_when_the_fork_is_surely_made(folder):
    out = _fresh(COUNTING_FORKS +
                 "from se_graph.checks import check, severities\n"
                 "from se_graph.graph import build\n"
                 "from se_graph.ingest import read_inputs\n"
                 "from se_graph.model.config import Config\n"
                 "config = Config()\n"
                 f"read = read_inputs([{str(DATA / folder)!r}], config)\n"
                 "graph = build(read.entries)\n"
                 "here = check(graph, config, read.findings, severities(config))\n"
                 "there = check(graph, config, read.findings, severities(config), fork=True)\n"
                 "import json\n"
                 "print(json.dumps([there == here, made, len(here)]))")
    equal, made, count = json.loads(out.splitlines()[-1])
    assert (equal, made) == (True, [True])
    assert (count > 0) == (folder == "broken")


def _fresh(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter: one with no thread but
    its main one (a test process may have others running, and then no fork is made)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@linux
def test_a_fork_sends_back_its_value():
    out = _fresh("from se_graph.checks import forked\n"
                 "child = forked.start(lambda: {'found': list(range(100_000))})\n"
                 "print(child is not None and child.result() == {'found': list(range(100_000))})")
    assert out == "True"


@linux
def test_a_failing_fork_gives_none_so_the_caller_does_the_work():
    out = _fresh("from se_graph.checks import forked\n"
                 "def broken():\n    raise RuntimeError('no')\n"
                 "child = forked.start(broken)\n"
                 "print(child is not None, child.result())")
    assert out == "True None"


@linux
def test_the_command_line_forks_where_it_is_safe():
    # after reading several workbooks (the extent helper and the worker threads
    # done with), the rules' fork is made: seen by wrapping forked.start
    out = _fresh(COUNTING_FORKS +
                 "from se_graph.cli import main\n"
                 f"code = main(['validate', {str(DATA / 'sample')!r}, '-q'])\n"
                 "print(code, made)")
    assert out.splitlines()[-1] == "0 [True]"


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert forked.start(lambda: 1) is None
    finally:
        stop.set()
        other.join()
