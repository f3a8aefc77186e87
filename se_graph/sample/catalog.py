"""Plausible SMETS1 devices for the synthetic sample, per role.

The names echo the kinds of manufacturers and models that appear in SMETS1 EPCL
reports; they are illustrative, not a statement about any real product's status.
Each manufacturer writes its firmware versions in one style (dotted numbers,
zero-padded, or hex), as real lists do.
"""

from __future__ import annotations

import random

# role -> [(manufacturer, [models], [hardware versions], firmware style)]
CATALOG: dict[str, list[tuple[str, list[str], list[str], str]]] = {
    "CHF": [
        ("Toshiba", ["SKU1", "SKU2"], ["1.0", "2.0"], "hex"),
        ("Telit", ["SMETS1 CHF GE910", "SMETS1 CHF LE910"], ["A", "B"], "dotted"),
        ("Secure Meters", ["Liberty CH100"], ["3", "4"], "padded"),
        ("EDMI", ["Atlas CH"], ["1.1"], "dotted"),
    ],
    "ESME": [
        ("Secure Meters", ["Liberty 100", "Liberty 110", "Liberty 115"], ["1", "2"], "padded"),
        ("Landis+Gyr", ["E470 5394", "E470 5424"], ["0A", "0B"], "hex"),
        ("EDMI", ["Atlas Mk7C", "Atlas Mk10A"], ["2.0"], "dotted"),
        ("Aclara", ["SGM1412-A", "SGM1414-B"], ["A1"], "dotted"),
    ],
    "GSME": [
        ("Secure Meters", ["Europa G4"], ["1"], "padded"),
        ("Landis+Gyr", ["G470"], ["0A"], "hex"),
        ("EDMI", ["Atlas Gas G4"], ["1.0"], "dotted"),
        ("Itron", ["Gallus Smart G4"], ["2"], "dotted"),
    ],
    "PPMID": [
        ("Chameleon", ["PPMID 1-10"], ["1"], "dotted"),
        ("Geo", ["Trio II PPMID"], ["2"], "dotted"),
    ],
    "IHD": [
        ("Chameleon", ["IHD3", "IHD6"], ["1"], "dotted"),
        ("Geo", ["Trio II", "Solo II"], ["2"], "dotted"),
        ("Hildebrand", ["Glow IHD"], ["1"], "padded"),
    ],
}

# how often a DMC carries each optional device
OPTIONAL: dict[str, float] = {"GSME": 0.8, "PPMID": 0.25, "IHD": 0.85}


def firmware(style: str, level: int) -> str:
    """A firmware version in the manufacturer's style; higher level, later version."""
    major, minor = divmod(level, 16)
    if style == "hex":
        return f"0x{0x100 + level * 3:04X}"
    if style == "padded":
        return f"{major + 1:02d}.{minor:02d}.{level % 7:03d}"
    return f"{major + 1}.{minor}.{level % 5}"


def device(rng: random.Random, role: str, level: int, maker: int | None = None) -> dict[str, str]:
    """One device of a role: manufacturer, model, hardware and firmware."""
    makers = CATALOG[role]
    name, models, hardware, style = makers[rng.randrange(len(makers)) if maker is None else maker % len(makers)]
    fields = {"manufacturer": name, "model": rng.choice(models), "firmware": firmware(style, level)}
    if role in ("CHF", "ESME"):
        fields["hardware"] = rng.choice(hardware)
    return fields


def style_of(role: str, manufacturer: str) -> str:
    for name, _, _, style in CATALOG[role]:
        if name == manufacturer:
            return style
    return "dotted"


def abbreviation(cohort: str) -> str:
    """Short cohort tag for report names: 'MOC Secure' -> 'MOCS'."""
    words = cohort.replace("-", " ").split()
    if len(words) == 1:
        return words[0][:4].upper()
    return (words[0][:3] + "".join(w[0] for w in words[1:])).upper()


def installs(rng: random.Random) -> int:
    """Heavy-tailed installation counts: most 1 to 1,000, a few over 100,000."""
    if rng.random() < 0.012:
        return rng.randrange(100_001, 450_000)
    return max(1, min(int(rng.lognormvariate(3.6, 1.5)), 40_000))
