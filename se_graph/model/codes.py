"""Stable finding codes: code -> (short name, default severity).

The codes never change meaning once published; the rules in ``se_graph.checks``
document each one.  Ingest uses the SG1xx codes, the checks the rest.
"""

from __future__ import annotations

CODES: dict[str, tuple[str, str]] = {
    # input values (found while reading)
    "SG101": ("id-restored", "warning"),
    "SG102": ("bad-id", "error"),
    "SG103": ("unknown-install-status", "error"),
    "SG104": ("unknown-dmct-status", "warning"),
    "SG105": ("unknown-exclusion-reason", "warning"),
    "SG106": ("bad-count", "error"),
    "SG107": ("totals-row-skipped", "warning"),
    "SG108": ("note-row-skipped", "warning"),
    "SG109": ("missing-firmware", "error"),
    "SG110": ("cohort-unknown", "warning"),
    "SG111": ("bad-value", "warning"),
    "SG112": ("missing-id", "error"),
    "SG113": ("duplicate-header", "warning"),
    # substantive equivalence
    "SG201": ("se-no-parent", "error"),
    "SG202": ("se-parent-unknown", "error"),
    "SG203": ("se-cycle", "error"),
    "SG204": ("untested-root", "error"),
    "SG205": ("cohort-mismatch", "error"),
    "SG206": ("not-permitted-variation", "error"),
    "SG207": ("long-trace", "warning"),
    # testing and Clause 20.9
    "SG301": ("covered-no-tested-dormant", "error"),
    "SG302": ("covered-no-sit-report", "error"),
    "SG303": ("covered-not-active-or-mixed", "error"),
    "SG304": ("tested-no-report", "error"),
    # consistency between rows and inputs
    "SG401": ("duplicate-conflict", "error"),
    "SG402": ("tested-and-excluded", "error"),
    # firmware upgrades
    "SG501": ("fw-target-missing", "error"),
    "SG502": ("fw-target-not-at-target", "error"),
    "SG503": ("fw-not-firmware-only", "error"),
    "SG504": ("fw-downgrade", "error"),
    "SG505": ("fw-order-unknown", "warning"),
    "SG506": ("fw-cycle", "error"),
    "SG507": ("fw-source-requested", "warning"),
    "SG508": ("fw-target-unlisted", "warning"),
}

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
