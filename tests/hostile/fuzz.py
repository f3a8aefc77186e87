"""A mutation fuzzer: real workbooks damaged at zip, XML and byte level, each
run through `se-graph validate FILE --format json` in a fresh process, on both
readers (calamine, and openpyxl forced with SE_GRAPH_READER=openpyxl).

    python -m tests.hostile.fuzz -n 10000 [--seed S] [--jobs 2] [--keep DIR]

A mutant fails when the process ends by a signal, exits with anything but 0, 1
or 2, prints a traceback or a panic, writes more than one line to stderr on
exit 2, prints anything but JSON on stdout on exit 0 or 1, takes 30 s or more
(the long runs only: the test slice has no time budget, and stops only a process
hung for 120 s), or peaks at 1 GB or more. Prints counts by outcome; exit 1 on
any failure. While it runs it writes to stderr each failing mutant the moment it
is found, and a progress line every 500 mutants, so a run stopped early still
says how far it got and what it found.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
SECONDS = 30
HUNG = 120  # without a time budget, a process still running this long is stopped
MEGABYTES = 1000
READERS = ("calamine", "openpyxl")
EVERY = 500  # mutants between progress lines
# the other writers' files, made once per machine (LibreOffice takes seconds a file)
WRITERS = Path(tempfile.gettempdir()) / "se-graph-fuzz-writers"

# ---- seeds ---------------------------------------------------------------------------


def writer_corpus(folder: Path) -> list[Path]:
    """The bundled sample workbooks as other writers on this machine save them:
    LibreOffice to .xls, .ods and .xlsx, Gnumeric's ssconvert to .xls and .xlsx.
    Writers that are not installed are skipped (the tests that need them say so)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = folder / ".complete"
    if done.exists():
        return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    sources = sorted(SAMPLE.glob("*.xlsx"))[:2]
    soffice = shutil.which("soffice")
    if soffice:
        profile = folder / ".lo-profile"
        for fmt, sub in (("xls", "lo-xls"), ("ods", "lo-ods"), ("xlsx", "lo-xlsx")):
            out = folder / sub
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", fmt,
                            "--outdir", str(out), *map(str, sources)], capture_output=True, timeout=300)
            for p in out.glob(f"*.{fmt}"):
                p.rename(folder / f"{sub}-{p.name}")
            shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)
    ssconvert = shutil.which("ssconvert")
    if ssconvert:
        for src in sources:
            for ext, exporter in (("xls", "Gnumeric_Excel:excel_biff8"), ("xlsx", "Gnumeric_Excel:xlsx")):
                target = folder / f"gnumeric-{src.stem}.{ext}"
                subprocess.run([ssconvert, "-T", exporter, str(src), str(target)], capture_output=True, timeout=300)
    done.write_text("ok\n")
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


# ---- mutations -----------------------------------------------------------------------

REFS = [b"XFD1048576", b"AAAAAA1", b"A1048577", b"A1048576", b"XFE1", b"A0", b"0", b"", b"1A", b"a1", b"$A$1",
        b"A-1", b"A99999999999999999999", b"ZZZZZZZZZZZZ9", b"B2", b"A1"]
NUMBERS = [b"1e309", b"-1e309", b"NaN", b"inf", b"-0", b"1e308", b"4.9e-324", b"abc", b"", b"99999999999999999999999",
           b"0x10", b"1,5", b"  7  "]
TYPES = [b"s", b"n", b"b", b"e", b"str", b"inlineStr", b"d", b"zzz", b""]
TEXTS = ["\x01", "\x00", "\ufffe", "\ud800", "&#0;", "&#xFFFF;", "]]>", "<", "&lol;", "\u202e", "x" * 40000]


def _parts(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return [(i, z.read(i)) for i in z.infolist()]
    except Exception:
        return None


def _zip(parts: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # duplicated names are a mutation
            for name, data in parts:
                z.writestr(name, data)
    return buffer.getvalue()


def _xml_mutation(rng: random.Random, xml: bytes) -> tuple[str, bytes]:
    choice = rng.randrange(11)
    refs = [m for m in re.finditer(rb'(\sr=")([^"]*)(")', xml)]
    if choice == 0 and refs:
        m = rng.choice(refs)
        return "xml-cell-ref", xml[:m.start(2)] + rng.choice(REFS) + xml[m.end(2):]
    if choice == 1:
        found = list(re.finditer(rb'\st="([^"]*)"', xml))
        if found:
            m = rng.choice(found)
            return "xml-cell-type", xml[:m.start(1)] + rng.choice(TYPES) + xml[m.end(1):]
        cells = list(re.finditer(rb"<c ", xml))
        if cells:
            m = rng.choice(cells)
            return "xml-cell-type", xml[:m.end()] + b't="' + rng.choice(TYPES) + b'" ' + xml[m.end():]
    if choice == 2:
        values = list(re.finditer(rb"<v>([^<]*)</v>", xml))
        if values:
            m = rng.choice(values)
            return "xml-number", xml[:m.start(1)] + rng.choice(NUMBERS) + xml[m.end(1):]
    if choice == 3:
        cells = list(re.finditer(rb"<c ([^>]*?)/?>", xml))
        if cells:
            m = rng.choice(cells)
            index = rng.choice([b"99999999", b"-1", b"4294967296", b"1"])
            return "xml-sst-index", xml[:m.start()] + b'<c r="B2" t="s"><v>' + index + b"</v></c>" + xml[m.end():]
    if choice == 4:
        texts = list(re.finditer(rb"<t(?: [^>]*)?>([^<]*)</t>", xml))
        if texts:
            m = rng.choice(texts)
            bad = rng.choice(TEXTS).encode("utf-8", "surrogatepass")
            return "xml-invalid-chars", xml[:m.start(1)] + bad + xml[m.end(1):]
    if choice in (5, 6):
        elements = list(re.finditer(rb"<(c|row|v|is|t|sheetData|dimension|sst|si|sheet|table:table-row|table:table-cell)"
                                    rb"\b[^>]*?(?:/>|>.*?</\1>)", xml, re.S))
        if elements:
            m = rng.choice(elements[:2000])
            if choice == 5:
                return "xml-delete-element", xml[:m.start()] + xml[m.end():]
            return "xml-duplicate-element", xml[:m.end()] + m.group(0) + xml[m.end():]
    if choice == 7:
        inline = list(re.finditer(rb"<is><t>([^<]*)</t></is>", xml))
        if inline:
            m = rng.choice(inline)
            rich = b"<is><r><rPr><b/></rPr><t>" + m.group(1)[:3] + b"</t></r><r><t xml:space=\"preserve\">" + \
                m.group(1)[3:] + b"</t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></is>"
            return "xml-rich-string", xml[:m.start()] + rich + xml[m.end():]
        cells = list(re.finditer(rb'<c r="([A-Z]+[0-9]+)"[^>]*>.*?</c>', xml, re.S))
        if cells:
            m = rng.choice(cells)
            return "xml-inline-string", xml[:m.start()] + b'<c r="' + m.group(1) + \
                b'" t="inlineStr"><is><t>inline</t></is></c>' + xml[m.end():]
    if choice == 8:
        repeats = list(re.finditer(rb'number-(?:rows|columns)-repeated="(\d+)"', xml))
        if repeats:
            m = rng.choice(repeats)
            return "xml-repeat", xml[:m.start(1)] + rng.choice([b"1048576", b"16384", b"2147483647", b"0"]) + \
                xml[m.end(1):]
        dims = list(re.finditer(rb'(?:ref|count|uniqueCount|spans)="([^"]*)"', xml))
        if dims:
            m = rng.choice(dims)
            return "xml-attribute", xml[:m.start(1)] + rng.choice([b"A1:XFD1048576", b"99999999999", b"-1", b"1:16384"]) + \
                xml[m.end(1):]
    if choice == 9 and refs:
        # references out of order: a later cell written before an earlier one
        m = rng.choice(refs)
        return "xml-ref-order", xml[:m.start(2)] + b"A1" + xml[m.end(2):]
    cut = rng.randrange(max(1, len(xml)))
    return "xml-truncate", xml[:cut]


def mutate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """One damaged copy of ``data`` and the kind of damage."""
    parts = _parts(data)
    level = rng.random()
    if parts and level < 0.55:
        named = [(i.filename, d) for i, d in parts]
        xml_parts = [k for k, (n, d) in enumerate(named) if n.endswith(".xml") and d]
        sheets = [k for k in xml_parts if re.search(r"sheet\d*\.xml$|content\.xml$|sharedStrings", named[k][0])]
        k = rng.choice(sheets or xml_parts)
        kind, new = _xml_mutation(rng, named[k][1])
        named[k] = (named[k][0], new)
        return kind, _zip(named)
    if parts and level < 0.8:
        named = [(i.filename, d) for i, d in parts]
        choice = rng.randrange(5)
        if choice == 0:
            del named[rng.randrange(len(named))]
            return "zip-missing-part", _zip(named)
        if choice == 1:
            named.insert(rng.randrange(len(named) + 1), rng.choice(named))
            return "zip-duplicated-part", _zip(named)
        if choice == 2:
            rels = [k for k, (n, _) in enumerate(named) if n.endswith(".rels")]
            if rels:
                k = rng.choice(rels)
                broken = re.sub(rb'Target="[^"]*"', rng.choice([b'Target="missing.xml"', b'Target="../../../etc/passwd"',
                                                             b'Target=""', b'Target="/xl/workbook.xml"']),
                                named[k][1], count=rng.randint(1, 3))
                named[k] = (named[k][0], broken)
                return "zip-broken-rels", _zip(named)
        if choice == 3:
            # a bad CRC: flip a byte inside a part's compressed data
            out = bytearray(data)
            infos = [i for i, _ in parts if i.compress_size > 4]
            if infos:
                info = rng.choice(infos)
                start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
                pos = start + rng.randrange(info.compress_size)
                if pos < len(out):
                    out[pos] ^= 1 << rng.randrange(8)
                    return "zip-bad-crc", bytes(out)
        return "zip-truncate", data[: rng.randrange(max(1, len(data)))]
    out = bytearray(data)
    choice = rng.randrange(4)
    if choice == 0:
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return "byte-flip", bytes(out)
    if choice == 1:
        pos = rng.randrange(len(out))
        return "byte-insert", bytes(out[:pos] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))) + out[pos:])
    if choice == 2:
        pos = rng.randrange(len(out))
        return "byte-delete", bytes(out[:pos] + out[pos + rng.randint(1, 64):])
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" and len(out) >= 1024:
        # a compound-file table entry pointing at itself or far away
        pos = 512 + 4 * rng.randrange(128)
        out[pos:pos + 4] = rng.choice([(pos // 4 - 128).to_bytes(4, "little"), b"\x00\x00\x00\x00",
                                       b"\xff\xff\xff\x7f", b"\x01\x00\x00\x00"])
        return "byte-cfb-chain", bytes(out)
    return "byte-truncate", data[: rng.randrange(max(1, len(data)))]


# ---- running -------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    kind: str
    reader: str
    code: int  # exit code; negative: the signal
    seconds: float
    megabytes: float
    problem: str | None


# se-graph is started by a small launcher that waits for it (killing it at the
# deadline) and writes its exit status and peak memory to a file.  Measured from
# a big parent (a test run), a child's peak would include the parent's memory at
# the moment of exec: Linux keeps the larger of the two.
LAUNCH = """
import os, sys, time
report, limit, args = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
pid = os.posix_spawn(sys.executable, [sys.executable, "-m", "se_graph", *args], os.environ)
end = time.monotonic() + limit
while True:
    done, status, usage = os.wait4(pid, os.WNOHANG)
    if done:
        break
    if time.monotonic() > end:
        os.kill(pid, 9)
        _, status, usage = os.wait4(pid, 0)
        break
    time.sleep(0.01)
with open(report, "w") as fh:
    fh.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def run_one(path: Path, kind: str, reader: str, budget: float | None = SECONDS) -> Result:
    env = {**os.environ, "SE_GRAPH_READER": reader}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".status") as status_file:
        subprocess.run([sys.executable, "-c", LAUNCH, status_file.name, str(budget * 2 if budget else HUNG),
                        "validate", str(path), "--format", "json"],
                       stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=ROOT, check=False)
        seconds = time.perf_counter() - start
        code_text, peak_kb = status_file.read().split()
        out.seek(0)
        err.seek(0)
        stdout = out.read()
        stderr = err.read().decode("utf-8", "replace")
    code = int(code_text)
    megabytes = int(peak_kb) / 1024
    problem = None
    if code < 0:
        problem = f"signal {-code}"
    elif code not in (0, 1, 2):
        problem = f"exit {code}"
    elif "Traceback" in stderr or "panicked" in stderr or "RUST_BACKTRACE" in stderr:
        problem = "traceback or panic on stderr"
    elif code == 2 and (stderr.count("\n") != 1 or not stderr.startswith("se-graph: ") or stdout):
        problem = "exit 2 without exactly one sentence"
    elif code in (0, 1):
        try:
            json.loads(stdout)
        except ValueError:
            problem = "stdout is not the JSON report"
        if stderr.strip():
            problem = "stderr not empty on a report"
    if budget and seconds >= budget:
        problem = problem or f"took {seconds:.1f} s"
    if megabytes >= MEGABYTES:
        problem = problem or f"peaked at {megabytes:.0f} MB"
    if problem:
        problem += f": {stderr.strip()[:300]}"
    return Result(path.name, kind, reader, code, seconds, megabytes, problem)


def fuzz(n: int, seed: int, jobs: int = 2, keep: Path | None = None, seeds: list[Path] | None = None,
         corpus: bool = True, budget: float | None = SECONDS, log=None) -> list[Result]:
    """The mutants' results; ``log``, a stream, gets each failure as found (copied
    to ``keep`` at once) and a progress line every ``EVERY`` mutants."""
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="se-graph-fuzz-"))
    try:
        seeds = seeds or sorted(SAMPLE.glob("*.xlsx"))
        seeds = list(seeds)
        if corpus:
            seeds += writer_corpus(WRITERS)
        blobs = [(p.name, p.read_bytes()) for p in seeds]
        tasks = []
        for i in range(n):
            name, data = blobs[i % len(blobs)] if i < len(blobs) else rng.choice(blobs)
            kind, mutant = mutate(rng, data)
            path = work / f"m{i:05d}-{kind}{Path(name).suffix}"
            path.write_bytes(mutant)
            tasks.append((path, kind, READERS[i % 2], budget))
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        results = []
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for r in pool.map(lambda t: run_one(*t), tasks):
                results.append(r)
                if r.problem and keep:
                    shutil.copy(work / r.name, keep / r.name)
                if log is None:
                    continue
                if r.problem:
                    print(f"FAIL {r.name} [{r.reader}] {r.problem}", file=log, flush=True)
                if len(results) % EVERY == 0 or len(results) == n:
                    failed = sum(1 for x in results if x.problem)
                    print(f"{len(results)} of {n} mutants, {failed} failed, "
                          f"{time.perf_counter() - started:.0f} s", file=log, flush=True)
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def summary(results: list[Result]) -> str:
    codes = Counter(("signal " + str(-r.code)) if r.code < 0 else f"exit {r.code}" for r in results)
    kinds = Counter(r.kind for r in results)
    lines = [f"mutants: {len(results)} ({sum(r.reader == 'calamine' for r in results)} calamine, "
             f"{sum(r.reader == 'openpyxl' for r in results)} openpyxl)",
             "outcomes: " + ", ".join(f"{k}: {v}" for k, v in sorted(codes.items())),
             "damage: " + ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items())),
             f"max time: {max((r.seconds for r in results), default=0):.2f} s, "
             f"max RSS: {max((r.megabytes for r in results), default=0):.0f} MB",
             f"failures: {sum(1 for r in results if r.problem)}"]
    for r in results:
        if r.problem:
            lines.append(f"  FAIL {r.name} [{r.reader}] {r.problem}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.hostile.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="number of mutants")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--keep", type=Path, help="copy failing mutants here")
    args = parser.parse_args(argv)
    results = fuzz(args.n, args.seed, args.jobs, args.keep, log=sys.stderr)
    print(summary(results))
    return 1 if any(r.problem for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
