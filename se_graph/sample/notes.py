"""What to write in each column of the template (its Notes sheet)."""

from __future__ import annotations

NOTES: dict[str, str] = {
    "entry_id": "The EPCL entry id: up to 6 digits, kept as text so leading zeros stay (002255, not 2255).",
    "dmc_id": "Optional: the device-model combination this entry belongs to; Dormant, Active and Mixed "
    "entries of one DMC share it.",
    "cohort": "The SMSO cohort (for example MOC Secure, FOC). May instead be given once on a cover sheet "
    "as 'Cohort' with the name beside it.",
    "install_status": "Active, Dormant or Mixed.",
    "manufacturer": "{ROLE} manufacturer. Leave blank, or write N/A, when the entry has no {ROLE}.",
    "model": "{ROLE} model. A device counts as present when its model is given.",
    "hardware": "{ROLE} hardware version, as on the device's type label.",
    "firmware": "{ROLE} firmware version, e.g. 2.3.14 or 0x01A2. Required for every device present.",
    "dmct_status": "Tested (with a DMCT report), Covered by Dormant (Clause 20.9, with a SIT report), "
    "In Test / Scheduled / Not Started, or Failed.",
    "test_report": "The DMCT Test Completion Report that evidences a Tested entry.",
    "test_report_date": "The date of that report.",
    "sit_report": "For Clause 20.9 entries: the SIT Test Completion Report showing the Active or Mixed "
    "entry operates like the tested Dormant one.",
    "parent_id": "Substantive equivalence: the tested entry this one is equivalent to. Clause 20.9: "
    "optionally the Dormant entry that covers it.",
    "target_fw": "Y when the entry's firmware is the target firmware of this report, N when it is an "
    "older version to be upgraded.",
    "upgrade_to": "For an entry to be upgraded: the entry id of the firmware it will be upgraded to.",
    "installs": "Number of installations: a whole number, 0 or more.",
    "devices": "Number of devices across those installations. Leave blank to have it counted as "
    "installations x devices present.",
    "epcl_report": "The number of the EPCL report in which the entry is requested (e.g. 22).",
    "exclusion_reason": "Substantive Equivalence, Uneconomic to Test, Firmware Upgrade, Covered by "
    "Dormant (Clause 20.9), or Other.",
    "rationale": "Why the entry was excluded, in words a reviewer can check (e.g. which firmware differs).",
    "date_added": "The date the entry was added to the EPCL.",
}
