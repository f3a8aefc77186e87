"""User configuration: header aliases, equivalence policy, severities, limits,
and the report's number and Clause 20 dates (which the workbooks do not hold).

Read from a TOML file (``--config``).  Everything has a documented default, so an
empty file or none at all gives the behaviour of the spec.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from se_graph.model import InputError
from se_graph.model.fields import DEVICE_FIELDS, FIELD_HEADERS, ROLES


@dataclass(frozen=True)
class RolePolicy:
    """What a child DMC may do with one device role relative to its parent."""

    may_differ: frozenset[str]  # device fields that may change
    may_lack: bool  # the child may lack a device of this role that the parent has
    may_add: bool  # the child may have a device of this role that the parent lacks


# The spec's default: firmware may always change; GSME, PPMID, IHD and HCALCS may
# be absent from the child; the IHD may be a different one altogether; nothing may
# be added.  GSME/PPMID/HCALCS hardware versions may differ (only their manufacturer
# and model are fixed); CHF and ESME are fixed in manufacturer, model and hardware.
DEFAULT_POLICY: dict[str, RolePolicy] = {
    "CHF": RolePolicy(frozenset({"firmware"}), may_lack=False, may_add=False),
    "ESME": RolePolicy(frozenset({"firmware"}), may_lack=False, may_add=False),
    "GSME": RolePolicy(frozenset({"firmware", "hardware"}), may_lack=True, may_add=False),
    "PPMID": RolePolicy(frozenset({"firmware", "hardware"}), may_lack=True, may_add=False),
    "IHD": RolePolicy(frozenset(DEVICE_FIELDS), may_lack=True, may_add=False),
    "HCALCS": RolePolicy(frozenset({"firmware", "hardware"}), may_lack=True, may_add=False),
}


@dataclass(frozen=True)
class Limits:
    """Bounds checked before a workbook is parsed, so a hostile file is refused."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_uncompressed_bytes: int = 2 * 1024 * 1024 * 1024
    max_inflate_ratio: int = 200
    max_rows: int = 2_000_000
    max_cell_chars: int = 32_767


@dataclass(frozen=True)
class ReportSettings:
    """``[report]``: what a DMCT EPCL Report states that no workbook holds.
    `se-graph report` and `check-report` read it; their options override it."""

    number: int | None = None  # the report's number
    date: date | None = None  # the report's date
    drafts_provided: date | None = None  # Clause 20.34: the draft DMCT Testing Reports provided
    lists_published: date | None = None  # Clauses 20.8 / 20.10: Status List and Schedule published
    suppliers_notified: date | None = None  # the relevant Suppliers notified


@dataclass(frozen=True)
class Config:
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    policy: dict[str, RolePolicy] = field(default_factory=lambda: dict(DEFAULT_POLICY))
    # rule code or name -> severity, as written; the checks resolve (and refuse) them
    severities: dict[str, str] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    report: ReportSettings = field(default_factory=ReportSettings)
    path: str | None = None


SECTIONS = ("aliases", "policy", "severity", "limits", "report")
POLICY_KEYS = ("may_differ", "may_lack", "may_add")


def _fail(path: Path, what: str) -> InputError:
    return InputError(f"{path}: {what}.")


def _unknown(path: Path, where: str, key: str, known) -> InputError:
    """One sentence naming an unknown key and the nearest known one."""
    import difflib

    near = difflib.get_close_matches(str(key), [str(k) for k in known], n=1, cutoff=0.5)
    hint = f"; did you mean '{near[0]}'?" if near else f" (known: {', '.join(map(str, known))})."
    return InputError(f"{path}: {where} names an unknown {_what(where)} '{key}'{hint}")


def _what(where: str) -> str:
    return {"the file": "section", "[aliases]": "field", "[policy]": "role", "[limits]": "limit"}.get(
        where, "key"
    )


def load_config(path: str | Path | None) -> Config:
    """Read a TOML config; ``None`` gives the defaults.  Every section, key and
    value is checked here: a typo or a value of the wrong type is one sentence."""
    if path is None:
        return Config()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: config file not found.") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a config file.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _fail(path, f"is not valid TOML ({exc})") from None
    except OSError as exc:
        raise _fail(path, f"cannot be read ({exc.strerror})") from None
    for key, value in data.items():
        if key not in SECTIONS:
            raise _unknown(path, "the file", key, SECTIONS)
        if not isinstance(value, dict):
            raise _fail(path, f"[{key}] must be a table (a [{key}] section), not a single value")
    return Config(
        aliases=_aliases(path, data.get("aliases", {})),
        policy=_policy(path, data.get("policy", {})),
        severities=_severities(path, data.get("severity", {})),
        limits=_limits(path, data.get("limits", {})),
        report=_report(path, data.get("report", {})),
        path=str(path),
    )


def _aliases(path: Path, table: dict) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for name, headers in table.items():
        if name not in FIELD_HEADERS:
            raise _unknown(path, "[aliases]", name, sorted(FIELD_HEADERS))
        if isinstance(headers, str):
            headers = [headers]
        if not isinstance(headers, list) or not all(isinstance(h, str) for h in headers):
            raise _fail(path, f"[aliases] {name} must be a header or a list of headers")
        out[name] = tuple(headers)
    return out


def _policy(path: Path, table: dict) -> dict[str, RolePolicy]:
    policy = dict(DEFAULT_POLICY)
    for role, spec in table.items():
        if role not in ROLES:
            raise _unknown(path, "[policy]", role, ROLES)
        if not isinstance(spec, dict):
            raise _fail(path, f"[policy] {role} must be a table such as [policy.{role}]")
        for key in spec:
            if key not in POLICY_KEYS:
                raise _unknown(path, f"[policy.{role}]", key, POLICY_KEYS)
        base = policy[role]
        differ = spec.get("may_differ", sorted(base.may_differ))
        if not isinstance(differ, list) or not all(isinstance(f, str) for f in differ):
            raise _fail(path, f"[policy.{role}] may_differ must be a list of device fields ({', '.join(DEVICE_FIELDS)})")
        for name in differ:
            if name not in DEVICE_FIELDS:
                raise _unknown(path, f"[policy.{role}] may_differ", name, DEVICE_FIELDS)
        flags = {}
        for key in ("may_lack", "may_add"):
            value = spec.get(key, getattr(base, key))
            if not isinstance(value, bool):
                raise _fail(path, f"[policy.{role}] {key} must be true or false, not {value!r}")
            flags[key] = value
        policy[role] = RolePolicy(frozenset(differ), **flags)
    return policy


def _severities(path: Path, table: dict) -> dict[str, str]:
    for key, value in table.items():
        if not isinstance(value, str):
            raise _fail(path, f"[severity] {key} must be \"error\", \"warning\" or \"info\", not {value!r}")
    return dict(table)


def _limits(path: Path, table: dict) -> Limits:
    known = Limits.__dataclass_fields__
    for key, value in table.items():
        if key not in known:
            raise _unknown(path, "[limits]", key, list(known))
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise _fail(path, f"[limits] {key} must be a positive whole number, not {value!r}")
    return Limits(**table)


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _report(path: Path, table: dict) -> ReportSettings:
    known = ReportSettings.__dataclass_fields__
    values = {}
    for key, value in table.items():
        if key not in known:
            raise _unknown(path, "[report]", key, list(known))
        if key == "number":
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise _fail(path, f"[report] number must be a positive whole number, not {value!r}")
            values[key] = value
            continue
        # a TOML date (2021-12-03) or the same as a string; a date and time says
        # more than a report states, and a day that does not exist is refused
        day = None
        if isinstance(value, date) and not isinstance(value, datetime):
            day = value
        elif isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
            try:
                day = date.fromisoformat(value.strip())
            except ValueError:
                raise _fail(path, f"[report] {key} '{value}' names no day of the calendar") from None
        if day is None:
            raise _fail(path, f"[report] {key} must be a date such as 2021-12-03, not {_shown(value)}")
        values[key] = day
    return ReportSettings(**values)


def _shown(value) -> str:
    """A TOML value as the file wrote it, near enough: dates and times in ISO form."""
    return value.isoformat() if hasattr(value, "isoformat") else repr(value)
