"""Rules run in a forked copy of the process (the command line's way) give the
very findings, in the very order, that running them here gives; and the fork
is made only where it is safe, any failure in it falling back to the work here."""

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
def test_a_fork_sends_back_its_value():
    child = forked.start(lambda: {"found": list(range(100_000))})
    assert child is not None
    assert child.result() == {"found": list(range(100_000))}


@linux
def test_a_failing_fork_gives_none_so_the_caller_does_the_work():
    def broken():
        raise RuntimeError("no")

    child = forked.start(broken)
    assert child is not None and child.result() is None


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert forked.start(lambda: 1) is None
    finally:
        stop.set()
        other.join()
