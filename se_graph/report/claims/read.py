"""A drafted report as blocks in reading order: paragraphs and tables, each with
the section it is in.  A .docx is read with python-docx (a merged cell is read
once); a .md or .txt is read line by line, a run of lines with tabs or pipes
being a table (as Word's "save as text" and Markdown tables write them)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from se_graph.model import InputError

SUFFIXES = (".docx", ".md", ".txt")
HEADING = re.compile(r"^(?:#+\s*)?(?:\*\*)?\s*((?:\d+\.\s+[A-Z]|Annex [A-E]\b|Groups? \d\b).{0,100})$")


@dataclass
class Block:
    section: str
    text: str = ""  # a paragraph
    rows: list[list[str]] = field(default_factory=list)  # a table: its rows of cell texts
    number: int = 0  # the paragraph's (or table's) number within its section

    @property
    def is_table(self) -> bool:
        return bool(self.rows)


def read_draft(path: str | Path) -> list[Block]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: a draft is read from .docx, .md or .txt, not '{suffix or 'no suffix'}'.")
    if not path.is_file():
        raise InputError(f"{path}: no such file.")
    if suffix == ".docx":
        return _number(_docx(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: is not UTF-8 text.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    return _number(_text(text, markdown=suffix == ".md"))


def _number(blocks: list[Block]) -> list[Block]:
    counts: dict[tuple[str, bool], int] = {}
    for b in blocks:
        key = (b.section, b.is_table)
        counts[key] = b.number = counts.get(key, 0) + 1
    return blocks


class _Sections:
    """Section 1 > Group 1: the last top-level heading and the one under it."""

    def __init__(self) -> None:
        self.top, self.sub = "Front matter", ""

    def heading(self, text: str, level: int) -> None:
        if level <= 1:
            self.top, self.sub = text, ""
        else:
            self.sub = text

    @property
    def name(self) -> str:
        return f"{self.top} > {self.sub}" if self.sub else self.top


def _docx(path: Path) -> list[Block]:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # a damaged or foreign file: python-docx's words say why
        raise InputError(f"{path}: is not a readable Word (.docx) file ({type(exc).__name__}: {exc}).") from None
    sections, blocks = _Sections(), []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            # read the XML directly: python-docx's row.cells lays out the whole
            # grid on each call, quadratic in a 100k-row Annex A
            rows = [[_cell_text(tc) for tc in tr.tc_lst] for tr in item._tbl.tr_lst]  # a merged cell is one tc
            if rows:
                blocks.append(Block(sections.name, rows=rows))
            continue
        text = " ".join(item.text.split())
        style = item.style.name if item.style is not None else ""
        if style.startswith("Heading") and text:
            level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
            sections.heading(text, level)
        elif text:
            blocks.append(Block(sections.name, text=text))
    return blocks


def _cell_text(tc) -> str:
    from docx.oxml.ns import qn

    paragraphs = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))
    return " ".join(" ".join(paragraphs).split())


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line.strip("|")
        return [c.strip() for c in line.split("|")]
    return [c.strip() for c in line.split("\t")]


def _text(text: str, markdown: bool) -> list[Block]:
    sections, blocks = _Sections(), []
    table: list[list[str]] = []
    for raw in text.splitlines() + [""]:
        line = raw.strip()
        tabular = "\t" in line or (line.startswith("|") and line.count("|") >= 2)
        if tabular:
            cells = _cells(line)
            if not all(re.fullmatch(r":?-{3,}:?|", c) for c in cells):  # a Markdown rule row
                table.append(cells)
            continue
        if table:
            blocks.append(Block(sections.name, rows=table))
            table = []
        if not line:
            continue
        heading = HEADING.match(line)
        if heading and (line.startswith("#") or len(line) < 90) and not line.endswith("."):
            title = re.sub(r"[*#]+", "", heading.group(1)).strip()
            sections.heading(title, 2 if title.startswith("Group") else 1)
            continue
        blocks.append(Block(sections.name, text=re.sub(r"^[-*]\s+|\*\*", "", line)))
    return blocks
