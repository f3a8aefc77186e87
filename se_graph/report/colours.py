"""The colour of each severity, wherever a finding is shown: the terminal's style
for its word, and the fill and font of a workbook cell that carries it (ARGB, as
the xlsx styles write it)."""

from __future__ import annotations

from se_graph.model import Severity

TERMINAL = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
FILLS = {Severity.ERROR: "FFF8CBAD", Severity.WARNING: "FFFFF2CC", Severity.INFO: "FFDDEBF7"}
FONTS = {Severity.ERROR: "FF9C0006", Severity.WARNING: "FF7F6000"}
