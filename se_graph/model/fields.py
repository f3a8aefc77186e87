"""The fields of an EPCL row: one table says, for each, everything the stages do
with it (its headers, how a cell is read, whether the rows of one id must agree
on it, whether ``diff`` compares it, whether Annex A shows it), and the
vocabulary the readers parse cells into.

Every other stage speaks in these field names; only ``ingest`` maps spreadsheet
headers onto them.  Adding a column is one ``Field`` below (and an ``Entry``
attribute of the same name) plus its test.
"""

from __future__ import annotations

from dataclasses import dataclass

from se_graph.model.vocab import DmctStatus, InstallStatus, Kind, Reason

ROLES: tuple[str, ...] = ("CHF", "ESME", "GSME", "PPMID", "IHD", "HCALCS")
DEVICE_FIELDS: tuple[str, ...] = ("manufacturer", "model", "hardware", "firmware")
DEVICE_FIELD_HEADERS: dict[str, str] = {
    "manufacturer": "Manufacturer",
    "model": "Model",
    "hardware": "Hardware Version",
    "firmware": "Firmware Version",
}


@dataclass(frozen=True, slots=True)
class Field:
    """One column of the DCC's tables (the device columns are made by role below)."""

    name: str  # the Entry attribute: the field's one name inside se-graph
    header: str  # the canonical header (spec section 1)
    aliases: tuple[str, ...] = ()  # other headers that must be accepted (spec section 1)
    # how ingest reads a cell: "id", "text", "count", "flag", "report-number",
    # "reference" (an entry id or blank), or "vocab:<enum>" for the vocabulary below
    parser: str = "text"
    agree: bool = True  # rows of one id must agree on it where both give it (spec section 3)
    diff: bool = True  # ``diff`` lists a change of it
    annex: str | None = None  # its column heading in Annex A, when Annex A shows it
    public: str | None = None  # its name in the spec, the config's [aliases] and diff's JSON, where it differs
    label: str | None = None  # how a disagreement of rows names it, where not the name in words

    @property
    def key(self) -> str:
        """The name the spec, the config and the JSON outputs use."""
        return self.public or self.name

    @property
    def words(self) -> str:
        return self.label or self.name.replace("_", " ")


# in the order diff lists changes and a disagreement of rows lists fields
FIELDS: tuple[Field, ...] = (
    Field("entry_id", "EPCL ID", ("EPCL Entry ID", "EPCL Entry", "Entry ID", "EPCL Ref"), parser="id",
          agree=False, diff=False, annex="EPCL ID"),
    Field("cohort", "Cohort", ("SMSO", "SMSO Cohort", "Operating Capability"), annex="Cohort"),
    Field("install_status", "Installation Status", ("Install Status", "Installation Type", "Meter Status"),
          parser="vocab:InstallStatus", annex="Installation Status"),
    Field("dmc_id", "DMC ID", ("DMC Ref", "DMC Reference")),
    Field("dmct_status", "DMCT Status", ("Test Status", "Status"), parser="vocab:DmctStatus"),
    Field("exclusion_reason", "Reason for Exclusion", ("Exclusion Reason", "Reason"), parser="vocab:Reason"),
    Field("parent_id", "Parent EPCL ID",
          ("Equivalent To", "Substantively Equivalent To", "Parent Entry", "Parent EPCL Entry"),
          parser="reference", annex="Parent"),
    Field("upgrade_to", "FW Upgrade To", ("Upgrade Target", "Target FW EPCL ID", "FW Upgrade Target"),
          parser="reference"),
    Field("target_fw", "Target FW", ("At Target FW", "Target Firmware"), parser="flag"),
    Field("test_report", "DMCT Test Completion Report", ("Test Completion Report", "DMCT Report")),
    Field("test_report_date", "Report Date", ("Test Completion Date",)),
    Field("sit_report", "SIT Test Completion Report", ("SIT Report",)),
    Field("installs", "Installations", ("Installs", "No. of Installations", "Install Count"), parser="count",
          annex="Installs", label="installations"),
    Field("device_count", "Devices", ("No. of Devices", "Device Count"), parser="count", annex="Device count",
          public="devices", label="devices count"),
    Field("epcl_report", "EPCL Report", ("Requested In", "EPCL Report No"), parser="report-number",
          label="EPCL report"),
    Field("rationale", "Rationale", ("Comments", "Notes")),
    Field("date_added", "Date Added to EPCL", ("Date Added", "Date First Added")),
)
BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}

_DEVICE_HEADERS = {
    f"{role}.{field}": f"{role} {DEVICE_FIELD_HEADERS[field]}" for role in ROLES for field in DEVICE_FIELDS
}
# field name -> canonical header, the device fields ("ESME.firmware") included
HEADERS: dict[str, str] = {**{f.name: f.header for f in FIELDS}, **_DEVICE_HEADERS}
# the same keyed as spec section 1 names the fields: the names of the config's
# [aliases], of diff's JSON and of the rows the workbook writers take
FIELD_HEADERS: dict[str, str] = {**{f.key: f.header for f in FIELDS}, **_DEVICE_HEADERS}
# a field's name in the spec -> its name
PUBLIC_NAMES: dict[str, str] = {**{f.key: f.name for f in FIELDS}, **{name: name for name in _DEVICE_HEADERS}}

KINDS: tuple[Kind, ...] = tuple(Kind)

# an EPCL ID is text of this many digits (spec section 1)
ID_DIGITS = 6


def padded_id(digits: str | int) -> str:
    """An id's digits as its text: the leading zeros a number lost put back."""
    return str(digits).zfill(ID_DIGITS)


# raw text (case-folded) -> vocabulary member
INSTALL_STATUS_WORDS: dict[str, InstallStatus] = {member.value: member for member in InstallStatus}
INSTALL_STATUSES: tuple[str, ...] = tuple(INSTALL_STATUS_WORDS)

DMCT_STATUS_WORDS: dict[str, DmctStatus] = {
    **dict.fromkeys(["tested", "passed", "complete", "completed", "test complete"], DmctStatus.TESTED),
    **dict.fromkeys(["covered by dormant", "clause 20.9", "dormant tested"], DmctStatus.COVERED),
    **dict.fromkeys(
        ["in test", "in progress", "scheduled", "not started", "planned"], DmctStatus.PENDING
    ),
    **dict.fromkeys(["failed", "test failed"], DmctStatus.FAILED),
    "excluded": DmctStatus.EXCLUDED,
}

EXCLUSION_REASON_WORDS: dict[str, Reason] = {
    **dict.fromkeys(
        ["substantive equivalence", "substantively equivalent", "se", "child dmc"], Reason.SE
    ),
    **dict.fromkeys(["uneconomic to test", "uneconomic"], Reason.UNECONOMIC),
    **dict.fromkeys(["firmware upgrade", "fw upgrade", "to be upgraded"], Reason.FW_UPGRADE),
    **dict.fromkeys(["covered by dormant", "clause 20.9"], Reason.COVERED),
    **dict.fromkeys(["no installations", "other"], Reason.OTHER),
}

# text meaning "this device is absent" (compared case-folded, after trimming)
ABSENT_TOKENS: frozenset[str] = frozenset({"", "n/a", "na", "-", "none", "not present"})
