"""Atomic output: write a temporary file beside the target, then replace it, so
an interrupted run leaves the previous output intact."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, content: str | bytes) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write there ({exc.strerror})", str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(exc.errno, f"cannot write there ({exc.strerror})", str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# An audit folder carries this file, so that a later audit may replace it whole
# and nothing else (a user's own folder) is ever replaced.
MARKER = ".se-graph-audit"
_PARTIAL = ".partial"


def check_folder(path: str | Path) -> None:
    """Refuse, before any work, a target that is not a folder se-graph may replace."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OSError(20, "it exists and is not a folder", str(path))
    if path.is_dir() and any(path.iterdir()) and not (path / MARKER).exists():
        raise OSError(
            17, "the folder holds files that are not an se-graph audit; give a new or empty folder", str(path)
        )


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where
    the system cannot."""
    if sys.platform != "linux":
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), exchange)
    return done == 0


def write_folder(path: str | Path, files: dict[str, str | bytes]) -> Path:
    """Write a folder whole: every file into a new folder beside the target, then
    swapped in, so that after any failure (a full disk, a kill) the target holds
    the earlier folder unchanged, or nothing if there was none."""
    import shutil

    path = Path(path)
    check_folder(path)
    parent = path.parent
    parent.mkdir(parents=True, exist_ok=True)
    for stale in parent.glob(f".{path.name}.*{_PARTIAL}"):  # left by a run that was killed
        shutil.rmtree(stale, ignore_errors=True)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=_PARTIAL, dir=parent))
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write there ({exc.strerror}); nothing was changed", str(path)) from None
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        for name, content in {**files, MARKER: "written by se-graph audit\n"}.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            with open(tmp / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp / name, 0o666 & ~_umask())
        if path.exists():
            if not _exchange(tmp, path):
                old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=_PARTIAL, dir=parent))
                os.replace(path, old / "old")
                try:
                    os.replace(tmp, path)
                except OSError:
                    os.replace(old / "old", path)
                    raise
                tmp = old
        else:
            os.replace(tmp, path)
            tmp = None
    except OSError as exc:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        raise OSError(exc.errno, f"cannot write there ({exc.strerror}); nothing was changed", str(path)) from None
    except BaseException:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        raise
    if tmp is not None:
        shutil.rmtree(tmp, ignore_errors=True)  # the earlier folder, swapped out
    return path
