"""A naive, independent reading of the behaviour contract (spec sections 1-5).

It must never import the package under test: it is the other side of the
differential harness in tests/differential. ``evaluate(paths, cohort=None,
epcl=(), report=None)`` returns a dict with:

- ``errors``: entry id -> sorted list of the oracle's own error labels
- ``row_errors``: number of error findings tied to no entry
- ``group`` / ``root``: entry id -> 1, 2 or None / root id or None
- ``ambiguous``: entries whose group the spec leaves open (two bases, conflicts)
- ``exit``: the validate exit code (0 or 1; ``Unusable`` is raised for 2)
- ``requested``, ``summary`` (group1, group2, overall), ``devices_method``
"""

from tests.oracle.evaluate import Unusable, evaluate

__all__ = ["Unusable", "evaluate"]
