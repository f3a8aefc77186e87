"""Every cell of a workbook as read, for the audit's annotated copies.

Only ingest opens spreadsheets; the audit asks here for the original cells and
writes its copy from them, so the input file itself is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from se_graph.ingest.workbook import sheets
from se_graph.model.config import Limits


@dataclass(frozen=True)
class RawSheet:
    name: str
    rows: dict[int, list]  # Excel row number -> cell values (rows with any value)

    @property
    def width(self) -> int:
        return max((len(cells) for cells in self.rows.values()), default=0)


def raw_sheets(path: str | Path, limits: Limits | None = None) -> list[RawSheet]:
    """Each worksheet's non-empty rows, keyed by Excel row number."""
    out = []
    for name, rows in sheets(Path(path), limits or Limits()):
        kept = {}
        for number, cells in rows:
            cells = list(cells)
            while cells and cells[-1] in (None, ""):
                cells.pop()
            if cells:
                kept[number] = cells
        out.append(RawSheet(name, kept))
    return out
