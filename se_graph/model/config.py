"""User configuration: header aliases, equivalence policy, severities, limits.

Read from a TOML file (``--config``).  Everything has a documented default, so an
empty file or none at all gives the behaviour of the spec.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from se_graph.model import InputError
from se_graph.model.codes import CODES, SEVERITIES
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
class Config:
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    policy: dict[str, RolePolicy] = field(default_factory=lambda: dict(DEFAULT_POLICY))
    severities: dict[str, str] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    path: str | None = None

    def severity(self, code: str) -> str:
        return self.severities.get(code, CODES[code][1])


def _fail(path: Path, what: str) -> InputError:
    return InputError(f"{path}: {what}.")


def load_config(path: str | Path | None) -> Config:
    """Read a TOML config; ``None`` gives the defaults."""
    if path is None:
        return Config()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: config file not found.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _fail(path, f"is not valid TOML ({exc})") from None
    return Config(
        aliases=_aliases(path, data.get("aliases", {})),
        policy=_policy(path, data.get("policy", {})),
        severities=_severities(path, data.get("severity", {})),
        limits=_limits(path, data.get("limits", {})),
        path=str(path),
    )


def _aliases(path: Path, table: dict) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for name, headers in table.items():
        if name not in FIELD_HEADERS:
            known = ", ".join(sorted(FIELD_HEADERS))
            raise _fail(path, f"[aliases] names an unknown field '{name}' (known: {known})")
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
            raise _fail(path, f"[policy] names an unknown role '{role}' (known: {', '.join(ROLES)})")
        base = policy[role]
        differ = spec.get("may_differ", sorted(base.may_differ))
        bad = [f for f in differ if f not in DEVICE_FIELDS]
        if bad:
            raise _fail(path, f"[policy.{role}] may_differ names unknown fields {bad}")
        policy[role] = RolePolicy(
            frozenset(differ),
            may_lack=bool(spec.get("may_lack", base.may_lack)),
            may_add=bool(spec.get("may_add", base.may_add)),
        )
    return policy


def _severities(path: Path, table: dict) -> dict[str, str]:
    by_name = {name: code for code, (name, _) in CODES.items()}
    out: dict[str, str] = {}
    for key, value in table.items():
        code = key if key in CODES else by_name.get(key)
        if code is None:
            raise _fail(path, f"[severity] names an unknown rule '{key}'")
        if value not in SEVERITIES:
            raise _fail(path, f"[severity] {key} must be one of {', '.join(SEVERITIES)}")
        out[code] = value
    return out


def _limits(path: Path, table: dict) -> Limits:
    known = Limits.__dataclass_fields__
    for key, value in table.items():
        if key not in known or not isinstance(value, int) or value <= 0:
            raise _fail(path, f"[limits] {key} must be a known limit set to a positive whole number")
    return Limits(**table)
