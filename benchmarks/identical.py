"""`python -m benchmarks.identical [REV]`: the verdicts and findings of this code
against those of git revision REV (default ddd4b16, the code before the round
that simplified it), on data/sample, data/broken and the bench's generated sets.

Each side runs `python -m se_graph validate DIR --format json` in a fresh
process on the same files (the earlier code from an export of REV under
benchmarks/out, with this environment's interpreter and libraries).  Compared,
entry by entry: the group, whether it qualifies, its root, its trace and the
codes of its findings; then every finding (code, severity, entry, location and
message), the stats and the inputs read.  The earlier JSON has no `qualifies`
key: there an entry qualifies when it is in a group, traces to a root and has no
error finding of its own, as the spec says.  It prints what differs and exits 1
when a verdict or a finding code differs (a message's wording alone does not).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
from collections import Counter
from io import BytesIO
from pathlib import Path

from benchmarks.__main__ import OUT, ROOT, sample_set

SETS = (ROOT / "data" / "sample", ROOT / "data" / "broken")


def export(rev: str) -> Path:
    """The se_graph package of ``rev`` under benchmarks/out, exported once (no
    worktree: nothing to register or clean up in the repository)."""
    sha = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip()
    folder = OUT / f"identical-{sha[:12]}"
    if not (folder / "se_graph").is_dir():
        archive = subprocess.run(["git", "archive", sha, "se_graph"], cwd=ROOT, capture_output=True, check=True)
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
    return folder


def validate(folder: Path, code: Path) -> dict:
    # `python -m se_graph` from a folder imports that folder's se_graph first
    done = subprocess.run([sys.executable, "-m", "se_graph", "validate", str(folder.resolve()), "--format", "json"],
                          cwd=code, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"validate failed ({done.returncode}) in {code}: {done.stderr}")
    return json.loads(done.stdout)


def verdicts(result: dict) -> dict[str, dict]:
    codes: dict[str, list[str]] = {}
    errors: set[str] = set()
    for f in result["findings"]:
        if f["entry"]:
            codes.setdefault(f["entry"], []).append(f["code"])
            if f["severity"] == "error":
                errors.add(f["entry"])
    out = {}
    for e in result["entries"]:
        qualifies = e.get("qualifies")
        if qualifies is None:  # the earlier JSON: in a group, traced, no error of its own
            qualifies = e["group"] is not None and e["root"] is not None and e["id"] not in errors
        out[e["id"]] = {"group": e["group"], "qualifies": qualifies, "root": e["root"], "trace": e["trace"],
                        "codes": sorted(codes.get(e["id"], []))}
    return out


def _finding(f: dict, with_message: bool) -> tuple:
    loc = f["location"]
    key = (f["code"], f["severity"], f["entry"], loc["path"], loc["sheet"], loc["row"], loc["column"])
    return (*key, f["message"]) if with_message else key


def compare(earlier: dict, now: dict) -> tuple[list[str], list[str]]:
    """(differences in verdicts or findings, differences in wording or keys only)."""
    hard, soft = [], []
    old, new = verdicts(earlier), verdicts(now)
    if old.keys() != new.keys():
        hard.append(f"entries: {len(old.keys() - new.keys())} only before, {len(new.keys() - old.keys())} only now")
    for i in sorted(old.keys() & new.keys()):
        for field, was in old[i].items():
            if new[i][field] != was:
                hard.append(f"{i} {field}: {was!r} -> {new[i][field]!r}")
    if Counter(_finding(f, False) for f in earlier["findings"]) != Counter(_finding(f, False) for f in now["findings"]):
        hard.append("findings (code, severity, entry, location) differ")
    for key in ("valid", "stats", "inputs"):
        if earlier[key] != now[key]:
            hard.append(f"{key}: {earlier[key]!r} -> {now[key]!r}")
    # the same findings in the same order (checked above), so the messages pair up
    pairs = zip(sorted(earlier["findings"], key=lambda f: _finding(f, True)),
                sorted(now["findings"], key=lambda f: _finding(f, True)))
    for code, was, becomes in sorted({(o["code"], o["message"], n["message"]) for o, n in pairs
                                      if o["message"] != n["message"]}):
        soft.append(f"message of {code}: {was!r} -> {becomes!r}")
    added = sorted({k for e in now["entries"] for k in e} - {k for e in earlier["entries"] for k in e})
    if added:
        soft.append(f"entry keys added: {', '.join(added)}")
    return hard, soft


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.identical", description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", default="ddd4b16", help="the earlier revision (default ddd4b16)")
    parser.add_argument("--entries", type=int, nargs="*", default=[10_000],
                        help="sizes of the bench's generated sets to compare too (default 10000)")
    args = parser.parse_args(argv)
    earlier_code = export(args.rev)
    failed = False
    for folder in [*SETS, *(sample_set(n) for n in args.entries)]:
        earlier, now = validate(folder, earlier_code), validate(folder, ROOT)
        hard, soft = compare(earlier, now)
        name = folder.relative_to(ROOT)
        print(f"{name}: {len(now['entries']):,} entries, {len(now['findings']):,} findings: "
              + ("verdicts and findings identical" if not hard else f"{len(hard)} differences"))
        for line in hard[:20] + soft:
            print(f"  {line}")
        failed |= bool(hard)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
