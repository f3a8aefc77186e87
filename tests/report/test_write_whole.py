"""An audit folder is written whole: after a failure at any file, or a kill at any
moment, it holds the earlier audit byte for byte (or nothing), never a mix."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from se_graph.cli import main
from se_graph.sample import write_sample

ROOT = Path(__file__).resolve().parents[2]


def tree(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.endswith(".partial")]


@pytest.fixture(scope="module")
def two_sets(tmp_path_factory):
    base = tmp_path_factory.mktemp("sets")
    write_sample(base / "old", entries=60, cohorts=("FOC",), seed=1)
    write_sample(base / "new", entries=200, seed=2, defects=True)
    return base / "old", base / "new"


def test_a_write_failing_at_each_file_leaves_the_earlier_audit(two_sets, tmp_path, monkeypatch, capsys):
    old, new = two_sets
    out = tmp_path / "audit"
    assert main(["audit", str(old), "-o", str(out)]) == 0
    earlier = tree(out)
    files = len(earlier)
    real_fsync = os.fsync
    for failing in range(1, files + 1):
        calls = {"n": 0}

        def fsync(fd, failing=failing, calls=calls):
            calls["n"] += 1
            if calls["n"] == failing:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_fsync(fd)

        monkeypatch.setattr(os, "fsync", fsync)  # the disk, not se-graph, fails
        code = main(["audit", str(new), "-o", str(out)])
        err = capsys.readouterr().err
        assert code == 2 and "No space left on device" in err and "nothing was changed" in err
        assert err.count("\n") == 1, err
        assert tree(out) == earlier, f"failing at write {failing}"
        assert leftovers(tmp_path) == []
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert main(["audit", str(new), "-o", str(out)]) == 1
    assert tree(out) != earlier and leftovers(tmp_path) == []


def test_a_failure_with_no_earlier_audit_leaves_no_folder(two_sets, tmp_path, monkeypatch, capsys):
    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    assert main(["audit", str(two_sets[0]), "-o", str(tmp_path / "audit")]) == 2
    assert not (tmp_path / "audit").exists() and leftovers(tmp_path) == []


def test_a_folder_that_is_not_an_audit_is_never_replaced(two_sets, tmp_path, capsys):
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "letter.txt").write_text("keep me")
    assert main(["audit", str(two_sets[0]), "-o", str(mine)]) == 2
    assert "not an se-graph audit" in capsys.readouterr().err
    assert tree(mine) == {"letter.txt": hashlib.sha256(b"keep me").hexdigest()}


def test_a_kill_at_any_moment_leaves_the_earlier_audit_or_the_new_one(two_sets, tmp_path):
    old, new = two_sets
    out = tmp_path / "audit"
    assert main(["audit", str(old), "-o", str(out)]) == 0
    earlier = tree(out)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "se_graph", "audit", str(new), "-o"]
    # one whole run, to place the kills over the life of a run on this machine,
    # however loaded it is (a kill after the end would test nothing)
    started = time.perf_counter()
    done = subprocess.run([*command, str(tmp_path / "reference")], env=env, capture_output=True)
    whole = time.perf_counter() - started
    assert done.returncode == 1, done.stderr
    complete = tree(tmp_path / "reference")
    outcomes = set()
    for delay in (whole * f for f in (0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 0.97)):
        proc = subprocess.Popen([*command, str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = tree(out)
        assert now in (earlier, complete), f"a mix after a kill at {delay:.2f} s"
        outcomes.add("earlier" if now == earlier else "new")
        if now == complete:
            assert main(["audit", str(old), "-o", str(out)]) == 0  # back to the earlier one
    assert "earlier" in outcomes
    assert main(["audit", str(new), "-o", str(out)]) == 1  # a later run clears what a kill left
    assert tree(out) == complete and leftovers(tmp_path) == []
