"""The library: ``validate(paths) -> Result``, for notebooks and scripts.

A ``Result`` is frozen data: the verdict on every entry, every finding and the
summary tables, as records and as pandas data frames.  Findings are data, never
exceptions; only an input that cannot be used at all raises ``InputError``.  The
command line's JSON and JUnit render the same object (``Result.to_json``,
``Result.to_junit``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from se_graph.model import InputError
from se_graph.model.config import Config, load_config

if TYPE_CHECKING:  # pandas is imported when a frame is asked for, not with the library
    import pandas as pd

    from se_graph.assessment import Assessment

__all__ = ["EntryVerdict", "FindingRecord", "InputError", "Result", "validate"]

Severity = Literal["error", "warning", "info"]

ENTRY_COLUMNS: tuple[str, ...] = (
    "id", "cohort", "installation_status", "group", "basis", "qualifies", "requested", "root", "trace",
    "installations", "devices", "error_codes",
)
FINDING_COLUMNS: tuple[str, ...] = ("code", "severity", "entry", "message", "path", "sheet", "row", "column")


@dataclass(frozen=True)
class EntryVerdict:
    """The single verdict on one entry, as every output of se-graph gives it."""

    id: str
    cohort: str
    installation_status: str | None  # active | dormant | mixed
    group: int | None  # 1, 2, or None (in neither group)
    basis: str | None  # tested | epcl | clause-20.9 | se
    qualifies: bool  # in Group 1 or 2, traces to a tested root, and no error finding
    requested: bool  # asked for in the report being prepared
    root: str | None  # the entry its trace ends at; None when it does not trace
    trace: tuple[str, ...] | None  # ids from the entry to its root
    installations: int | None
    devices: int  # the Devices cell, else installations x devices present
    error_codes: tuple[str, ...]  # the codes of the errors that block it


@dataclass(frozen=True)
class FindingRecord:
    """One finding, with where it stands (file, sheet, Excel row, column header)."""

    code: str
    severity: Severity
    entry: str | None
    message: str
    path: str
    sheet: str | None
    row: int | None
    column: str | None


@dataclass(frozen=True, eq=False)
class Result:
    """What ``validate`` found: frozen, built once from the assessment."""

    valid: bool  # no error finding
    entries: tuple[EntryVerdict, ...]  # every entry, in id order
    findings: tuple[FindingRecord, ...]  # sorted by path, sheet, row, code
    summary: dict[str, Any]  # summary.json of the audit: spec section 5's tables
    _assessment: Assessment

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    def entry(self, entry_id: str) -> EntryVerdict:
        """The verdict on one entry; ``KeyError`` if no input has it."""
        for verdict in self.entries:
            if verdict.id == entry_id:
                return verdict
        raise KeyError(entry_id)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per entry (the columns of ``to_frame``)."""
        return [asdict(v) for v in self.entries]

    def findings_records(self) -> list[dict[str, Any]]:
        return [asdict(f) for f in self.findings]

    def to_frame(self) -> pd.DataFrame:
        """One row per entry: id, cohort, installation_status, group, basis,
        qualifies, requested, root, trace, installations, devices, error_codes."""
        import pandas as pd

        frame = pd.DataFrame.from_records(self.to_records(), columns=list(ENTRY_COLUMNS))
        # nullable integers, so an entry in no group reads <NA>, not a float NaN
        for column in ("group", "installations"):
            frame[column] = frame[column].astype("Int64")
        return frame

    def findings_frame(self) -> pd.DataFrame:
        """One row per finding: code, severity, entry, message, path, sheet, row, column."""
        import pandas as pd

        frame = pd.DataFrame.from_records(self.findings_records(), columns=list(FINDING_COLUMNS))
        frame["row"] = frame["row"].astype("Int64")
        return frame

    def to_json(self, strict: bool = False) -> str:
        """``se-graph validate --format json``, byte for byte."""
        from se_graph.report import render_json

        return render_json(self._assessment, strict)

    def to_junit(self, strict: bool = False) -> str:
        """``se-graph validate --format junit``, byte for byte."""
        from se_graph.report import render_junit

        return render_junit(self._assessment, strict)

    def _repr_html_(self) -> str:
        """A notebook's view: the verdict, the counts, and the entries that do not qualify."""
        requested = [v for v in self.entries if v.requested]
        failing = [v for v in requested if not v.qualifies]
        head = (
            f"<p><b>{'valid' if self.valid else 'not valid'}</b>: {_count(len(self.entries), 'entry', 'entries')}, "
            f"{_count(len(requested), 'requested entry', 'requested entries')}, "
            f"{_count(len(failing), 'requested entry', 'requested entries')} not qualifying, "
            f"{_count(self.errors, 'error', 'errors')}, {_count(self.warnings, 'warning', 'warnings')}.</p>"
        )
        if not failing:
            return head
        rows = "".join(
            f"<tr><td>{html.escape(v.id)}</td><td>{html.escape(v.cohort)}</td>"
            f"<td>{html.escape(v.installation_status or '')}</td><td>{html.escape(', '.join(v.error_codes))}</td></tr>"
            for v in failing[:50]
        )
        more = f"<p>and {len(failing) - 50} more.</p>" if len(failing) > 50 else ""
        return (f"{head}<table><thead><tr><th>id</th><th>cohort</th><th>installation status</th>"
                f"<th>errors</th></tr></thead><tbody>{rows}</tbody></table>{more}")

    def __repr__(self) -> str:
        return (f"Result(valid={self.valid}, entries={len(self.entries)}, errors={self.errors}, "
                f"warnings={self.warnings})")


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def from_assessment(assessment: Assessment) -> Result:
    """The frozen result of an assessment the command line has already made."""
    entries = []
    for i, v in assessment.verdicts.items():
        entries.append(EntryVerdict(
            id=i,
            cohort=str(v.cohort),
            installation_status=str(v.install_status) if v.install_status is not None else None,
            group=int(v.group) if v.group is not None else None,
            basis=str(v.basis) if v.basis is not None else None,
            qualifies=v.qualifies,
            requested=v.requested,
            root=v.root,
            trace=v.trace,
            installations=v.installs,
            devices=v.devices,
            error_codes=tuple(sorted({f.code for f in v.blocking})),
        ))
    findings = tuple(
        FindingRecord(code=f.code, severity=str(f.severity), entry=f.entry, message=f.message,  # type: ignore[arg-type]
                      path=f.location.path, sheet=f.location.sheet, row=f.location.row, column=f.location.column)
        for f in assessment.findings
    )
    return Result(valid=assessment.valid(), entries=tuple(entries), findings=findings,
                  summary=assessment.summary, _assessment=assessment)


def validate(
    paths: Sequence[str | Path] | str | Path,
    config: Config | str | Path | None = None,
    *,
    cohort: str | None = None,
    epcl: Sequence[str | Path] = (),
    report: int | None = None,
) -> Result:
    """Read the workbooks (files or folders), check them and judge every entry.

    ``config`` is a ``Config`` or the path of a TOML file (as ``--config``);
    ``cohort``, ``epcl`` and ``report`` are ``--cohort``, ``--epcl`` and
    ``--report``.  Raises ``InputError`` (one plain sentence) only when an input
    cannot be used; everything the data gets wrong is a finding in the result.
    """
    from se_graph.assessment import assess

    if isinstance(paths, (str, Path)):
        paths = [paths]
    if not paths:
        raise InputError("validate needs at least one workbook or folder.")
    if isinstance(config, (str, Path)):
        config = load_config(Path(config))
    return from_assessment(assess(list(paths), config, cohort=cohort, epcl=list(epcl), report=report))
