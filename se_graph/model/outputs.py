"""Which files se-graph wrote, so that no command replaces anything else.

A command may replace a file only when se-graph wrote it and nobody has changed
it since: a template an analyst filled in, or a report someone edited, is theirs.
Each folder se-graph writes into keeps a registry, ``.se-graph-outputs``, with the
SHA-256 of every file it wrote there, one ``<digest>  <name>`` line each (the
format of ``sha256sum``, so ``sha256sum -c .se-graph-outputs`` checks it).  A file
is se-graph's when the registry names it with the digest of its bytes now.  A
marker inside the file would survive an edit (Excel keeps a workbook's custom
properties when it saves), so it could not tell a filled-in template from a
blank one; a digest can.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from se_graph.model import InputError

REGISTRY = ".se-graph-outputs"


class OutputRefused(InputError):
    """The target holds something se-graph did not write (or that changed since)."""


def digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _registry(folder: Path) -> dict[str, str]:
    try:
        text = (folder / REGISTRY).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError):
        return {}
    out = {}
    for line in text.splitlines():
        hexdigest, sep, name = line.partition("  ")
        if sep and len(hexdigest) == 64:
            out[name] = hexdigest
    return out


def _ours(path: Path, registry: dict[str, str]) -> bool:
    """Written by se-graph and unchanged since."""
    return path.is_file() and not path.is_symlink() and registry.get(path.name) == digest(path)


def check_file(path: str | Path, force: bool = False) -> None:
    """Refuse to replace ``path`` unless it is absent or se-graph's own, unchanged output."""
    path = Path(path)
    if path.is_dir():
        raise OutputRefused(f"{path}: it is a folder; give a file name.")
    if force or not path.exists() or _ours(path, _registry(path.parent)):
        return
    raise OutputRefused(f"{path}: it exists and se-graph did not write it, or it was changed since; "
                        "nothing was changed: give another name, or --force to replace it.")


def check_folder(folder: str | Path, force: bool = False) -> None:
    """Refuse a folder to write into unless it is absent, empty, or holds only
    se-graph's own, unchanged outputs."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputRefused(f"{folder}: it exists and is not a folder.")
    if force or not folder.is_dir():
        return
    registry = _registry(folder)
    for child in sorted(folder.iterdir()):
        if child.name == REGISTRY or _ours(child, registry):
            continue
        what = (f"{child.name} was changed since se-graph wrote it" if child.name in registry
                else f"the folder holds {child.name}, which se-graph did not write")
        raise OutputRefused(f"{folder}: {what}; nothing was changed: give a new or empty folder, "
                            f"or --force to write into it anyway.")


def record(paths: Iterable[str | Path]) -> None:
    """Note ``paths`` as se-graph's outputs in their folders' registries (entries
    for files that are gone are dropped)."""
    by_folder: dict[Path, list[Path]] = {}
    for p in paths:
        p = Path(p)
        by_folder.setdefault(p.parent, []).append(p)
    for folder, written in by_folder.items():
        registry = {name: h for name, h in _registry(folder).items() if (folder / name).is_file()}
        registry.update({p.name: digest(p) for p in written})
        target = folder / REGISTRY
        tmp = folder / f".{REGISTRY}.tmp"
        tmp.write_text("".join(f"{h}  {name}\n" for name, h in sorted(registry.items())), encoding="utf-8")
        os.replace(tmp, target)
