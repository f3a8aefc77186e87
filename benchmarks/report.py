"""Ratios against the targets, the printed table, the plot and the docs block."""

from __future__ import annotations

from pathlib import Path

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def _row(rows, entries):
    return next((r for r in rows if r["entries"] == entries), None)


def targets(rows: list[dict], startup: dict) -> list[dict]:
    out = []
    big, small, huge = _row(rows, 100_000), _row(rows, 1_000), _row(rows, 1_000_000)
    if big:
        ratio = big["se_graph"]["seconds"] / big["floor"]["seconds"]
        out.append({"target": "100k: validate <= 1.5x the calamine floor", "value": f"{ratio:.2f}x",
                    "ok": ratio <= 1.5})
        if "openpyxl" in big:
            speedup = big["openpyxl"]["seconds"] / big["se_graph"]["seconds"]
            out.append({"target": "100k: >= 8x faster than the openpyxl pipeline", "value": f"{speedup:.1f}x",
                        "ok": speedup >= 8})
    if big and "audit" in big:
        a = big["audit"]
        ratio = a["seconds"] / a["validate_seconds"]
        out.append({"target": "100k: audit <= 3x validate of the same set", "value": f"{ratio:.2f}x",
                    "ok": ratio <= 3})
    if small:
        ratio = small["se_graph"]["seconds"] / startup["seconds"]
        out.append({"target": "1k cold: <= 2x import-only startup", "value": f"{ratio:.2f}x", "ok": ratio <= 2})
    if huge:
        s, mb = huge["se_graph"]["seconds"], huge["se_graph"]["peak_mb"]
        out.append({"target": "1M: < 60 s and < 4 GB peak", "value": f"{s:.1f} s, {mb:,.0f} MB",
                    "ok": s < 60 and mb < 4096})
    return out


def render(rows: list[dict], startup: dict, checks: list[dict]) -> str:
    lines = [
        "| entries | se-graph validate | peak memory | calamine floor | openpyxl pipeline | vs floor | openpyxl / se-graph |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        s, f = r["se_graph"]["seconds"], r["floor"]["seconds"]
        o = r.get("openpyxl", {}).get("seconds")
        lines.append(
            f"| {r['entries']:,} | {s:.2f} s | {r['se_graph']['peak_mb']:,.0f} MB | {f:.2f} s | "
            + (f"{o:.2f} s" if o else "not run") + f" | {s / f:.2f}x | " + (f"{o / s:.1f}x" if o else "-") + " |"
        )
    audits = [r for r in rows if "audit" in r]
    if audits:
        lines += ["", "| entries | se-graph audit | peak memory | validate (same runs) | audit / validate |",
                  "|---:|---:|---:|---:|---:|"]
        for r in audits:
            a = r["audit"]
            lines.append(f"| {r['entries']:,} | {a['seconds']:.2f} s | {a['peak_mb']:,.0f} MB | "
                         f"{a['validate_seconds']:.2f} s | {a['seconds'] / a['validate_seconds']:.2f}x |")
    lines += ["", f"Import-only startup (`import pandas, networkx`): {startup['seconds']:.2f} s.", "",
              "| target | measured | met |", "|---|---:|:---:|"]
    lines += [f"| {c['target']} | {c['value']} | {'yes' if c['ok'] else 'NO'} |" for c in checks]
    return "\n".join(lines)


def plot(rows: list[dict], startup: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    xs = [r["entries"] for r in rows]
    ax.plot(xs, [r["se_graph"]["seconds"] for r in rows], "o-", label="se-graph validate (end to end)")
    ax.plot(xs, [r["floor"]["seconds"] for r in rows], "s--", label="floor: bare python-calamine read")
    peer = [(r["entries"], r["openpyxl"]["seconds"]) for r in rows if "openpyxl" in r]
    ax.plot([p[0] for p in peer], [p[1] for p in peer], "^:", label="peer: same pipeline via openpyxl")
    ax.axhline(startup["seconds"], color="grey", lw=0.8, label="import pandas + networkx")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("entries")
    ax.set_ylabel("seconds (median of fresh processes)")
    ax.set_title("se-graph validate: time against entries")
    ax.grid(True, which="both", lw=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


def update_docs(path: Path, text: str) -> None:
    doc = path.read_text(encoding="utf-8")
    head, _, rest = doc.partition(BEGIN)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")
