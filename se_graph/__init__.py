"""se-graph: prove that every untested SMETS1 EPCL entry traces to a tested one.

The library (see docs/api.md)::

    import se_graph
    result = se_graph.validate(["data/sample"])
    result.valid, result.to_frame(), result.findings_frame()

Importing ``se_graph`` loads nothing heavy; the first call of ``validate`` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Config", "EntryVerdict", "FindingRecord", "InputError", "Result", "__version__", "validate"]

if TYPE_CHECKING:
    from se_graph.api import EntryVerdict, FindingRecord, Result, validate
    from se_graph.model import InputError
    from se_graph.model.config import Config


def __getattr__(name: str) -> Any:
    # the command line imports se_graph too: the library's names load on first use
    if name in ("EntryVerdict", "FindingRecord", "Result", "validate"):
        from se_graph import api

        return getattr(api, name)
    if name == "InputError":
        from se_graph.model import InputError

        return InputError
    if name == "Config":
        from se_graph.model.config import Config

        return Config
    raise AttributeError(f"module 'se_graph' has no attribute {name!r}")
