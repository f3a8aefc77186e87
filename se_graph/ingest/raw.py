"""Every cell of a workbook as read, for the audit's annotated copies.

Only ingest opens spreadsheets; the audit asks here for the original cells and
writes its copy from them, so the input file itself is never touched.  The
cells are read only when first asked for: an .xlsx copy is made from the
package (``ingest.package``) and never needs them.
"""

from __future__ import annotations

from collections.abc import Iterator
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


class RawSheets:
    """A workbook's sheets, read on first use."""

    def __init__(self, path: Path, limits: Limits):
        self.path, self.limits, self._sheets = path, limits, None

    def _load(self) -> list[RawSheet]:
        if self._sheets is None:
            out = []
            for name, rows in sheets(self.path, self.limits):
                kept = {}
                for number, cells in rows:
                    cells = list(cells)
                    while cells and cells[-1] in (None, ""):
                        cells.pop()
                    if cells:
                        kept[number] = cells
                out.append(RawSheet(name, kept))
            self._sheets = out
        return self._sheets

    def __iter__(self) -> Iterator[RawSheet]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __getitem__(self, index: int) -> RawSheet:
        return self._load()[index]


def raw_sheets(path: str | Path, limits: Limits | None = None) -> RawSheets:
    """Each worksheet's non-empty rows, keyed by Excel row number (read when first used)."""
    return RawSheets(Path(path), limits or Limits())
