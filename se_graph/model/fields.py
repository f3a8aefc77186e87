"""The canonical fields of an EPCL row, their canonical headers and vocabulary.

Every other stage speaks in these field names; only ``ingest`` maps spreadsheet
headers onto them.
"""

from __future__ import annotations

ROLES: tuple[str, ...] = ("CHF", "ESME", "GSME", "PPMID", "IHD", "HCALCS")
DEVICE_FIELDS: tuple[str, ...] = ("manufacturer", "model", "hardware", "firmware")
DEVICE_FIELD_HEADERS: dict[str, str] = {
    "manufacturer": "Manufacturer",
    "model": "Model",
    "hardware": "Hardware Version",
    "firmware": "Firmware Version",
}

# field name -> canonical header, in the canonical column order
FIELD_HEADERS: dict[str, str] = {
    "entry_id": "EPCL ID",
    "dmc_id": "DMC ID",
    "cohort": "Cohort",
    "install_status": "Installation Status",
    **{
        f"{role}.{field}": f"{role} {DEVICE_FIELD_HEADERS[field]}"
        for role in ROLES
        for field in DEVICE_FIELDS
    },
    "dmct_status": "DMCT Status",
    "test_report": "DMCT Test Completion Report",
    "test_report_date": "Report Date",
    "sit_report": "SIT Test Completion Report",
    "target_fw": "Target FW",
    "upgrade_to": "FW Upgrade To",
    "installs": "Installations",
    "devices": "Devices",
    "epcl_report": "EPCL Report",
    "parent_id": "Parent EPCL ID",
    "exclusion_reason": "Reason for Exclusion",
    "rationale": "Rationale",
    "date_added": "Date Added to EPCL",
}

KINDS: tuple[str, ...] = ("status-list", "excluded", "epcl")

INSTALL_STATUSES: tuple[str, ...] = ("active", "dormant", "mixed")

# raw text (case-folded) -> normalised value
DMCT_STATUS_WORDS: dict[str, str] = {
    **dict.fromkeys(["tested", "passed", "complete", "completed", "test complete"], "tested"),
    **dict.fromkeys(["covered by dormant", "clause 20.9", "dormant tested"], "covered"),
    **dict.fromkeys(
        ["in test", "in progress", "scheduled", "not started", "planned"], "pending"
    ),
    **dict.fromkeys(["failed", "test failed"], "failed"),
    "excluded": "excluded",
}

EXCLUSION_REASON_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ["substantive equivalence", "substantively equivalent", "se", "child dmc"], "se"
    ),
    **dict.fromkeys(["uneconomic to test", "uneconomic"], "uneconomic"),
    **dict.fromkeys(["firmware upgrade", "fw upgrade", "to be upgraded"], "fw-upgrade"),
    **dict.fromkeys(["covered by dormant", "clause 20.9"], "covered"),
    **dict.fromkeys(["no installations", "other"], "other"),
}

# text meaning "this device is absent" (compared case-folded, after trimming)
ABSENT_TOKENS: frozenset[str] = frozenset({"", "n/a", "na", "-", "none", "not present"})
