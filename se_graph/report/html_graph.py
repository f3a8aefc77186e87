"""The interactive graph: one self-contained, offline HTML page, at any size.

The page is the project's own template (pyvis's pulls Bootstrap from a CDN and
sets titles through ``innerHTML``); vis-network is inlined from the pyvis
package.  Entry data travels as compact column JSON in a non-executable script
block with ``<``, ``>`` and ``&`` escaped, and the page builds every tooltip and
panel with ``textContent``, so no spreadsheet text is ever parsed as HTML.

The page lays out what it draws itself, packed to its window.  Above
``detail_limit`` entries it starts from one node per family (a tested root and
all that hangs under it) and draws a family's entries when it is opened, so any
number of entries opens at once.  Its first view never draws labels smaller than
10 px: what does not fit at that size is left below the window, the largest
trees (or families) first, with a "Fit all" button that frames everything.
"""

from __future__ import annotations

import json
import re
from importlib import resources

from se_graph.report.html_view import payload, select

DETAIL_LIMIT = 3_000  # above this many entries the page opens on families


class UnknownFocus(ValueError):
    """The --focus id is in none of the inputs."""


def _script_json(value) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _asset(name: str) -> str:
    return (resources.files("se_graph.report") / "assets" / name).read_text(encoding="utf-8")


def _vis(name: str) -> str:
    return (resources.files("pyvis") / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")


def render_graph_html(
    analysis,
    *,
    focus: str | None = None,
    depth: int | None = None,
    errors_only: bool = False,
    cohort: str | None = None,
    detail_limit: int = DETAIL_LIMIT,
    title: str = "se-graph: EPCL equivalence graph",
) -> str:
    """The page for the selected entries."""
    if focus is not None and focus not in analysis.graph.entries:
        raise UnknownFocus(f"entry {focus} (--focus) is in none of the inputs.")
    ids = select(analysis, focus=focus, depth=depth, errors_only=errors_only, cohort=cohort)
    data = {**payload(analysis, ids), "detail_limit": detail_limit}
    page = _asset("explorer.html")
    parts = {
        "/*TITLE*/": _escape_text(title),
        "/*VIS_CSS*/": _vis("vis-network.css").replace("</style", "<\\/style"),
        "/*CSS*/": _asset("explorer.css"),
        "/*VIS_JS*/": _vis("vis-network.min.js").replace("</script", "<\\/script"),
        "/*JS*/": _asset("explorer.js"),
        "/*DATA*/": _script_json(data),
    }
    # one pass over the template: inserted text is never scanned for tokens
    return re.sub(r"/\*(?:TITLE|VIS_CSS|CSS|VIS_JS|JS|DATA)\*/", lambda m: parts[m.group(0)], page)


def _escape_text(text: str) -> str:
    from html import escape

    return escape(text)
