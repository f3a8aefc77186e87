"""Rules about single cells and rows, found while the workbooks were read."""

from __future__ import annotations

from se_graph.checks.registry import Context, rule
from se_graph.model import InputCode, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING

# code -> (name, default severity, documentation)
_RULES = {
    InputCode.ID_RESTORED: ("id-restored", WARNING, """An EPCL ID was stored as a number and its leading zeros were restored.

    Excel turns `002255` into the number 2255 unless the cell is text. se-graph
    restores the zeros to six digits and reads on; store the IDs as text so the
    published list shows them as the DCC writes them."""),
    InputCode.BAD_ID: ("bad-id", ERROR, """An EPCL ID is not 1 to 6 digits.

    The row is skipped: nothing can refer to it. Correct the ID."""),
    InputCode.UNKNOWN_INSTALL_STATUS: ("unknown-install-status", ERROR, """An installation status is missing or not Active, Dormant or Mixed.

    Each EPCL entry is one DMC at one installation status, so the status decides
    which entry a row is and which Clause 20.9 rules apply."""),
    InputCode.UNKNOWN_DMCT_STATUS: ("unknown-dmct-status", WARNING, """A DMCT status is missing or not in the vocabulary.

    Known: Tested, Passed, Complete(d), Test Complete; Covered by Dormant,
    Clause 20.9, Dormant Tested; In Test, In Progress, Scheduled, Not Started,
    Planned; Failed, Test Failed; Excluded. The entry is treated as having no
    status, so it is in no group. Add the word with care, or fix the cell."""),
    InputCode.UNKNOWN_EXCLUSION_REASON: ("unknown-exclusion-reason", WARNING, """A reason for exclusion is missing or not in the vocabulary.

    Known: Substantive Equivalence (SE, Substantively Equivalent, Child DMC);
    Uneconomic (to Test); Firmware/FW Upgrade, To Be Upgraded; Covered by
    Dormant, Clause 20.9; No Installations, Other."""),
    InputCode.BAD_COUNT: ("bad-count", ERROR, """An Installations or Devices count is negative or not a whole number.

    The count is ignored, so the audit's totals leave the entry out."""),
    InputCode.TOTALS_ROW: ("totals-row-skipped", WARNING, """A totals row under the table was skipped.

    Totals are computed by `se-graph audit`; a typed totals row is not an entry."""),
    InputCode.NOTE_ROW: ("note-row-skipped", WARNING, """A note under the table (a row with a sentence and no EPCL ID) was skipped."""),
    InputCode.MISSING_FIRMWARE: ("missing-firmware", ERROR, """A present device has no firmware version.

    A device is present when its model is given; its firmware must be given too,
    because equivalence and firmware upgrades are judged on it."""),
    InputCode.COHORT_UNKNOWN: ("cohort-unknown", WARNING, """No cohort was found for a table; its entries are in cohort `unknown`.

    The cohort comes from a Cohort/SMSO column, else `--cohort`, else a cover
    sheet cell labelled Cohort or SMSO. Parent and child must share a cohort."""),
    InputCode.BAD_VALUE: ("bad-value", WARNING, """A cell could not be read as its column's type and was ignored.

    For example a Target FW that is not Y/N, or a Parent EPCL ID or FW Upgrade To
    that is not an EPCL ID."""),
    InputCode.MISSING_ID: ("missing-id", ERROR, """A row has data but no EPCL ID, so it was skipped."""),
    InputCode.DUPLICATE_HEADER: ("duplicate-header", WARNING, """Two columns of a header row map to the same field; the first is used."""),
    InputCode.UNKNOWN_COLUMN: ("unknown-column", WARNING, """A column of a recognised table matches no known field, so it was not read.

    Reported once per table, with the nearest known header. Rename the header, or
    map it to a field with `[aliases]` in the config file."""),
    InputCode.VALUE_NOT_READ: ("value-not-read", WARNING, """A cell's value could not be read as its workbook stores it, and the reader kept an error value instead.

    For example a cell formatted as a date whose number is outside the dates a
    workbook can hold. The finding names the cell; correct it in the workbook
    and save it again. Only what a reader says about the cells of a sheet
    becomes a finding; its other notes (unsupported extensions, missing
    styles) change no value and are shown only with `--debug`."""),
}


def _pass_on(code: InputCode, name: str, severity: Severity, doc: str) -> None:
    def check(ctx: Context):
        for problem in ctx.ingest_problems.get(code, ()):
            yield problem.entry, problem.message, problem.location

    check.__doc__ = doc
    check.__name__ = f"check_{code}"
    rule(code.value, name, severity)(check)


for _code, (_name, _severity, _doc) in _RULES.items():
    _pass_on(_code, _name, _severity, _doc)
