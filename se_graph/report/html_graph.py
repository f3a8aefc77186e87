"""The interactive graph: one self-contained, offline HTML page.

pyvis holds the network (nodes and edges appended directly: its ``add_node``,
``add_edge`` and ``from_nx`` scan lists and grow quadratically), and the page is
the project's own template, not pyvis's: that one pulls Bootstrap from a CDN and
sets titles through ``innerHTML``. vis-network is inlined from the pyvis
package. Entry data travels as JSON in a non-executable script block with ``<``,
``>`` and ``&`` escaped, and the page builds every tooltip and panel with
``textContent``, so no spreadsheet text is ever parsed as HTML.
"""

from __future__ import annotations

import json
import re
from importlib import resources

from se_graph.report.html_view import EDGES, ROLES, payload, select

DEFAULT_LIMIT = 20_000


class GraphTooLarge(ValueError):
    """More entries than one page can draw smoothly."""


class UnknownFocus(ValueError):
    """The --focus id is in none of the inputs."""


def network(data: dict):
    """A pyvis Network of the view, built in one linear pass."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for n in data["nodes"]:
        role = ROLES[n["role"]]
        node = {"id": n["id"], "label": n["id"], "level": n["level"], "x": n["x"], "y": n["y"],
                "shape": "dot", "size": n["size"],
                "color": {"background": role[1], "border": "#d50000" if n["error"] else role[1]},
                "borderWidth": 4 if n["error"] else 1}
        net.nodes.append(node)
        net.node_ids.append(n["id"])
        net.node_map[n["id"]] = node
    for e in data["edges"]:
        net.edges.append({"from": e["from"], "to": e["to"], "arrows": "to", "kind": e["kind"], **EDGES[e["kind"]]})
    return net


def _script_json(value) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
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
    limit: int = DEFAULT_LIMIT,
    title: str = "se-graph: EPCL equivalence graph",
) -> str:
    """The page for the selected entries; raises GraphTooLarge above ``limit``."""
    if focus is not None and focus not in analysis.graph.entries:
        raise UnknownFocus(f"entry {focus} (--focus) is in none of the inputs.")
    ids = select(analysis, focus=focus, depth=depth, errors_only=errors_only, cohort=cohort)
    if len(ids) > limit:
        raise GraphTooLarge(
            f"the graph has {len(ids):,} entries, more than the {limit:,} one page can draw smoothly; "
            "narrow it with --focus ID (and --depth N), --errors-only or --cohort NAME, or raise --limit."
        )
    data = payload(analysis, ids)
    net = network(data)
    page = _asset("explorer.html")
    parts = {
        "/*TITLE*/": _escape_text(title),
        "/*VIS_CSS*/": _vis("vis-network.css").replace("</style", "<\\/style"),
        "/*CSS*/": _asset("explorer.css"),
        "/*VIS_JS*/": _vis("vis-network.min.js").replace("</script", "<\\/script"),
        "/*JS*/": _asset("explorer.js"),
        "/*DATA*/": _script_json({**data, "vis_nodes": net.nodes, "vis_edges": net.edges}),
    }
    # one pass over the template: inserted text is never scanned for tokens
    return re.sub(r"/\*(?:TITLE|VIS_CSS|CSS|VIS_JS|JS|DATA)\*/", lambda m: parts[m.group(0)], page)


def _escape_text(text: str) -> str:
    from html import escape

    return escape(text)
