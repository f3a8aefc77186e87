"""Seeded random workbook sets for the differential harness.

Independent of the package under test (and of its sample generator): it writes
only what the behaviour contract allows a DCC workbook to look like, plus the
defects of spec section 3, alone and combined. One folder per set, with an
``options.json``: {"inputs": [...], "epcl": [...], "cohort": str|null,
"report": int|null, "seed": int, "defects": [...], "writer": str}.

    python -m tests.differential.generate --seed 7 -o DIR
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import tempfile

FIELD_HEADERS = {
    "entry_id": ["EPCL ID", "EPCL Entry ID", "EPCL Entry", "Entry ID", "EPCL Ref"],
    "dmc_id": ["DMC ID", "DMC Ref", "DMC Reference"],
    "cohort": ["Cohort", "SMSO", "SMSO Cohort", "Operating Capability"],
    "install_status": ["Installation Status", "Install Status", "Installation Type", "Meter Status"],
    "dmct_status": ["DMCT Status", "Test Status", "Status"],
    "test_report": ["DMCT Test Completion Report", "Test Completion Report", "DMCT Report"],
    "sit_report": ["SIT Test Completion Report", "SIT Report"],
    "target_fw": ["Target FW", "At Target FW", "Target Firmware"],
    "upgrade_to": ["FW Upgrade To", "Upgrade Target", "Target FW EPCL ID", "FW Upgrade Target"],
    "installs": ["Installations", "Installs", "No. of Installations", "Install Count"],
    "devices": ["Devices", "No. of Devices", "Device Count"],
    "epcl_report": ["EPCL Report", "Requested In", "EPCL Report No"],
    "parent_id": ["Parent EPCL ID", "Equivalent To", "Substantively Equivalent To",
                  "Parent Entry", "Parent EPCL Entry"],
    "exclusion_reason": ["Reason for Exclusion", "Exclusion Reason", "Reason"],
    "rationale": ["Rationale", "Comments", "Notes"],
    "date_added": ["Date Added to EPCL", "Date Added", "Date First Added"],
}
ROLE_NAMES = {
    "CHF": ["CHF", "Comms Hub", "Communications Hub", "CH"],
    "ESME": ["ESME", "Electricity Meter"],
    "GSME": ["GSME", "Gas Meter"],
    "PPMID": ["PPMID", "Prepayment Interface Device"],
    "IHD": ["IHD", "In-Home Display", "In Home Display"],
}
SUB_NAMES = {
    "manufacturer": ["Manufacturer"],
    "model": ["Model"],
    "hardware": ["Hardware Version", "HW Version", "Hardware"],
    "firmware": ["Firmware Version", "FW Version", "Firmware", "FW"],
}
STATUS_WORDS = {
    "tested": ["Tested", "Passed", "Complete", "Completed", "Test Complete"],
    "covered": ["Covered by Dormant", "Clause 20.9", "Dormant Tested"],
    "pending": ["In Test", "In Progress", "Scheduled", "Not Started", "Planned"],
    "failed": ["Failed", "Test Failed"],
    "excluded": ["Excluded"],
}
REASON_WORDS = {
    "se": ["Substantive Equivalence", "Substantively Equivalent", "SE", "Child DMC"],
    "uneconomic": ["Uneconomic to Test", "Uneconomic"],
    "fw-upgrade": ["Firmware Upgrade", "FW Upgrade", "To Be Upgraded"],
    "covered": ["Covered by Dormant", "Clause 20.9"],
    "other": ["No Installations", "Other"],
}
ABSENT_TOKENS = ["", "", "N/A", "n/a", "-", "None", "Not present"]
MAKERS = {
    "CHF": [("Secure Meters", "Liberty CH100"), ("Toshiba", "CH-T1"), ("Telit", "TH-22")],
    "ESME": [("Secure Meters", "Liberty 115"), ("Landis+Gyr", "E470"), ("EDMI", "Mk7C")],
    "GSME": [("Secure Meters", "Europa G4"), ("Itron", "ACT-G"), ("EDMI", "U1600")],
    "PPMID": [("Chameleon", "PPMID 1-10"), ("Geo", "Trio P")],
    "IHD": [("Geo", "Solo II"), ("Chameleon", "IHD6"), ("Glow", "Bright")],
}
COHORTS = ["MOC Secure", "FOC", "IOC", "MOC MDS"]
DEFECTS = [
    "se_no_parent", "se_unknown_parent", "se_cycle", "untested_root", "cross_cohort",
    "not_permitted", "covered_no_dormant", "covered_no_sit", "covered_dormant",
    "tested_no_report", "conflict_dup", "identical_dup", "tested_excluded", "two_bases",
    "fw_missing", "fw_not_target", "fw_differs", "fw_downgrade", "fw_undecidable",
    "fw_cycle", "negative_count", "fractional_count", "bad_install_status",
    "unknown_status", "no_firmware", "epcl_root",
]


MORE_DEFECTS = ["untested_root_of_every_kind", "conflict_in_any_field"]

# what a conflicting second row of an id changes (the first present in its table)
CONFLICT_FIELDS = ["installs", "dmct_status", "test_report", "target_fw", "epcl_report", "dmc_id",
                   "firmware", "parent_id"]

# Freedoms that can be switched off (env DIFF_AVOID=plural,hw,...) to confirm which
# one a disagreement comes from: plural = "(s)" headers; hw = Hardware columns left
# out; unknown = an unknown cohort; numbers = ids written as numbers; absent =
# absent tokens in Parent / FW Upgrade To cells; soffice = LibreOffice re-saving;
# hwnum = hardware versions written as numbers.
AVOID = set(filter(None, os.environ.get("DIFF_AVOID", "").split(",")))


class Gen:
    def __init__(self, seed):
        self.seed = seed
        self.r = random.Random(seed)
        self.entries = []  # list of dicts, in id order of creation
        self.by_id = {}
        big = self.r.random() < 0.3
        self.next_id = self.r.randint(100000, 900000) if big else self.r.randint(1, 5000)
        self.fw_style = self.r.choice(["dotted", "v", "padded", "hex", "letter"])
        # hardware versions as typed ("2", "2.0" or "2.10") and how often a cell of
        # one is written as a number (Excel keeps 2 of a "2.0" typed into a General
        # cell); drawn apart, so that the draws of the rest stay as they were
        self.hw = random.Random("hardware-%d" % seed)
        self.hw_style = self.hw.choice(["int", "dot0", "dot10"])
        self.hw_numbers = 0.0 if "hwnum" in AVOID else self.hw.choice([0.0, 0.3, 0.6])
        self.hw_lost_zeros = False  # some hardware cell written as a number lost zeros

    # ---- values -------------------------------------------------------
    def new_id(self):
        self.next_id += self.r.randint(1, 3)
        return "%06d" % self.next_id

    def version(self, parts):
        s = self.fw_style
        if s == "hex":
            return "0x%04X" % (parts[0] * 256 + parts[1] * 16 + parts[2])
        if s == "padded":
            return "%02d.%02d.%03d" % tuple(parts)
        if s == "v":
            return "v%d.%d.%d" % tuple(parts)
        if s == "letter":
            return "%d.%d%s" % (parts[0], parts[1], "abcdefghij"[parts[2] % 10])
        return "%d.%d.%d" % tuple(parts)

    def hardware(self, n):
        """Hardware version n as typed, in the set's style."""
        return {"int": "%d", "dot0": "%d.0", "dot10": "%d.10"}[self.hw_style] % n

    def bump_hardware(self, version, k):
        """Another hardware version: the whole part k more."""
        whole, dot, rest = version.partition(".")
        return str(int(whole) + k) + dot + rest

    def new_dmc(self):
        devs = {}
        for role in ("CHF", "ESME", "GSME", "PPMID", "IHD"):
            if role in ("GSME", "PPMID", "IHD") and self.r.random() < 0.3:
                continue
            m, model = self.r.choice(MAKERS[role])
            devs[role] = {"manufacturer": m, "model": model,
                          "hardware": self.hardware(self.r.randint(1, 4)),
                          "fw": [self.r.randint(1, 5), self.r.randint(1, 9), self.r.randint(2, 9)]}
        return devs

    @staticmethod
    def copy_devs(devs):
        return {k: dict(v, fw=list(v["fw"])) for k, v in devs.items()}

    def add(self, cohort, status, devs, **kw):
        e = {"id": self.new_id(), "cohort": cohort, "status": status, "devs": devs,
             "dmct": None, "reason": None, "parent": None, "upgrade": None,
             "target_fw": True, "report": None, "sit": None,
             "installs": self.r.randint(0, 5000), "devices": None,
             "epcl_report": 22, "tables": {"status"}, "dup": None, "fw_text": {}}
        e["devices"] = e["installs"] * len(devs) if self.r.random() < 0.85 else None
        e.update(kw)
        self.entries.append(e)
        self.by_id[e["id"]] = e
        return e

    # ---- a clean structure, then defects --------------------------------
    def build(self):
        r = self.r
        n_cohorts = 1 if r.random() < 0.5 else 2
        self.cohorts = r.sample(COHORTS, n_cohorts)
        self.defects = []
        size = r.randint(5, 30)
        for cohort in self.cohorts:
            roots = []
            for _ in range(r.randint(1, 3)):
                devs = self.new_dmc()
                dormant = self.add(cohort, "Dormant", devs, dmct="tested",
                                   report="DMCT TCR %d" % r.randint(1, 999))
                roots.append(dormant)
                for st in ("Active", "Mixed"):
                    x = r.random()
                    if x < 0.35:
                        roots.append(self.add(cohort, st, self.copy_devs(devs), dmct="tested",
                                              report="DMCT TCR %d" % r.randint(1, 999)))
                    elif x < 0.7:
                        viastatus = r.random() < 0.6
                        e = self.add(cohort, st, self.copy_devs(devs), sit="SIT %d" % r.randint(1, 99),
                                     parent=dormant["id"] if r.random() < 0.6 else None)
                        if viastatus:
                            e["dmct"] = "covered"
                        else:
                            # an Excluded table may lack device columns: name the Dormant entry
                            e["reason"] = "covered"
                            e["tables"] = {"excluded"}
                            e["parent"] = dormant["id"]
                        roots.append(e)
            while sum(1 for e in self.entries if e["cohort"] == cohort) < size // n_cohorts:
                x = r.random()
                if x < 0.45:
                    parent = r.choice([e for e in self.entries if e["cohort"] == cohort
                                       and (e in roots or e["reason"] == "se")])
                    self.se_child(parent)
                elif x < 0.65:
                    tgt = r.choice(roots)
                    if tgt["dmct"] == "tested":
                        self.fw_source(tgt)
                elif x < 0.8:
                    self.add(cohort, r.choice(["Active", "Dormant", "Mixed"]), self.new_dmc(),
                             dmct=r.choice(["pending", "failed"]), epcl_report=None,
                             target_fw=r.choice([True, False]))
                else:
                    self.add(cohort, r.choice(["Active", "Dormant", "Mixed"]), self.new_dmc(),
                             reason=r.choice(["uneconomic", "other"]), tables={"excluded"},
                             epcl_report=None, target_fw=False)
        for e in self.entries:
            if "excluded" in e["tables"] and e["reason"] != "covered" and r.random() < 0.25:
                e["tables"] = {"excluded", "status"}  # the Status List row says Excluded
        n_defects = r.choice([0, 0, 1, 1, 1, 2, 2, 3])
        for _ in range(n_defects):
            d = r.choice(DEFECTS)
            if getattr(self, "d_" + d)():
                self.defects.append(d)
        wiped = r.random() < 0.2  # no report numbers at all: requested = Group 1 and 2
        # defects added since the first generator come from a stream of their own,
        # so that a seed that draws none of them still makes the very set it made
        more = random.Random("more-%d" % self.seed)
        if more.random() < 0.25:
            d = more.choice(MORE_DEFECTS)
            if getattr(self, "d_" + d)(more):
                self.defects.append(d)
        if wiped:
            for e in self.entries:
                e["epcl_report"] = None

    def se_child(self, parent, cohort=None):
        devs = self.copy_devs(parent["devs"])
        for role, d in devs.items():
            if self.r.random() < 0.5:
                d["fw"] = [self.r.randint(1, 6), self.r.randint(0, 9), self.r.randint(0, 9)]
        if self.r.random() < 0.3:
            lackable = [k for k in devs if k in ("GSME", "PPMID", "IHD")]
            if lackable:
                del devs[self.r.choice(lackable)]
        if "IHD" in devs and self.r.random() < 0.3:
            m, model = self.r.choice(MAKERS["IHD"])
            devs["IHD"].update(manufacturer=m, model=model)
        return self.add(cohort or parent["cohort"], self.r.choice(["Active", "Dormant", "Mixed"]),
                        devs, reason="se", parent=parent["id"], tables={"excluded"},
                        target_fw=True)

    def fw_source(self, tgt, hops=1):
        devs = self.copy_devs(tgt["devs"])
        role = self.r.choice(sorted(devs))
        fw = devs[role]["fw"]
        fw[2] = max(0, fw[2] - self.r.randint(1, 2))
        src = self.add(tgt["cohort"], tgt["status"], devs, reason="fw-upgrade",
                       upgrade=tgt["id"], tables={"excluded"}, target_fw=False, epcl_report=None)
        if hops > 1 or self.r.random() < 0.2:
            devs2 = self.copy_devs(devs)
            devs2[role]["fw"][1] = max(0, devs2[role]["fw"][1] - 1)
            if devs2[role]["fw"] == devs[role]["fw"]:
                return src
            self.add(tgt["cohort"], tgt["status"], devs2, reason="fw-upgrade",
                     upgrade=src["id"], tables={"excluded"}, target_fw=False, epcl_report=None)
        return src

    def pick(self, pred):
        c = [e for e in self.entries if pred(e)]
        return self.r.choice(c) if c else None

    def g1(self, e):
        return e["dmct"] == "tested" and e["report"] and e["tables"] == {"status"}

    # defects: each returns True when applied
    def d_se_no_parent(self):
        c = self.se_child(self.pick(self.g1))
        c["parent"] = None
        return True

    def d_se_unknown_parent(self):
        c = self.se_child(self.pick(self.g1))
        c["parent"] = self.new_id()
        return True

    def d_se_cycle(self):
        a = self.se_child(self.pick(self.g1))
        b = self.se_child(a)
        a["parent"] = b["id"]
        return True

    def d_untested_root(self):
        p = self.add(self.cohorts[0], "Active", self.new_dmc(),
                     dmct=self.r.choice(["pending", "failed"]), epcl_report=None)
        self.se_child(p)
        return True

    def d_cross_cohort(self):
        if len(self.cohorts) < 2:
            return False
        p = self.pick(lambda e: self.g1(e) and e["cohort"] == self.cohorts[0])
        self.se_child(p, cohort=self.cohorts[1])
        return True

    def d_not_permitted(self):
        c = self.se_child(self.pick(self.g1))
        kind = self.r.choice(["chf_model", "esme_hw", "gsme_maker", "extra"])
        if kind == "chf_model":
            c["devs"]["CHF"]["model"] += "X"
        elif kind == "esme_hw":
            c["devs"]["ESME"]["hardware"] = self.bump_hardware(c["devs"]["ESME"]["hardware"], 5)
        elif kind == "gsme_maker" and "GSME" in c["devs"]:
            c["devs"]["GSME"]["manufacturer"] += " Ltd"
        else:
            missing = [k for k in ("GSME", "PPMID", "IHD") if k not in c["devs"]]
            if not missing:
                c["devs"]["CHF"]["model"] += "Y"
            else:
                m, model = self.r.choice(MAKERS[missing[0]])
                c["devs"][missing[0]] = {"manufacturer": m, "model": model, "hardware": self.hardware(1),
                                         "fw": [1, 0, 0]}
        return True

    def d_covered_no_dormant(self):
        self.add(self.cohorts[0], self.r.choice(["Active", "Mixed"]), self.new_dmc(),
                 dmct="covered", sit="SIT 1")
        return True

    def d_covered_no_sit(self):
        d = self.pick(lambda e: self.g1(e) and e["status"] == "Dormant")
        self.add(d["cohort"], "Active", self.copy_devs(d["devs"]), dmct="covered",
                 parent=d["id"] if self.r.random() < 0.5 else None)
        return True

    def d_covered_dormant(self):
        d = self.pick(lambda e: self.g1(e) and e["status"] == "Dormant")
        self.add(d["cohort"], "Dormant", self.copy_devs(d["devs"]), dmct="covered",
                 sit="SIT 2", parent=d["id"])
        return True

    def d_tested_no_report(self):
        self.add(self.cohorts[-1], "Active", self.new_dmc(), dmct="tested", report=None)
        return True

    def d_conflict_dup(self):
        e = self.pick(lambda e: e["tables"] == {"status"})
        e["dup"] = "conflict"
        return True

    # defects added since: drawn from a stream of their own (``more``)
    def d_untested_root_of_every_kind(self, more):
        """A trace ending at an entry that is not Group 1 for another reason than a
        pending or failed status: uneconomic, a firmware source, tested with no report."""
        kind = more.choice(["uneconomic", "fw-source", "no-report"])
        if kind == "uneconomic":
            p = self.add(self.cohorts[0], "Active", self.new_dmc(), reason="uneconomic",
                         tables={"excluded"}, epcl_report=None, target_fw=False)
        elif kind == "fw-source":
            target = self.pick(self.g1)
            if target is None:
                return False
            p = self.fw_source(target)
        else:
            p = self.add(self.cohorts[0], "Active", self.new_dmc(), dmct="tested", report=None)
        self.se_child(p)
        return True

    def d_conflict_in_any_field(self, more):
        """A second row of an id that differs in one field (reports, Target FW, DMC
        id, firmware, links...), in the same table or in a second Status List."""
        e = self.pick(lambda e: e["tables"] == {"status"} and not e["dup"])
        if e is None:
            return False
        e["dup"] = "conflict"
        e["dup_field"] = more.choice(CONFLICT_FIELDS)
        e["dup_where"] = more.choice(["same", "other"])
        return True

    def d_identical_dup(self):
        e = self.pick(lambda e: e["tables"] == {"status"})
        if e["dup"]:
            return False
        e["dup"] = "identical"
        return True

    def d_tested_excluded(self):
        e = self.pick(lambda e: self.g1(e) and not any(
            x["parent"] == e["id"] or x["upgrade"] == e["id"] for x in self.entries))
        if not e:
            return False
        e["tables"] = {"status", "excluded"}
        e["reason"] = "uneconomic"
        return True

    def d_two_bases(self):
        d = self.pick(lambda e: self.g1(e) and e["status"] == "Dormant")
        e = self.add(d["cohort"], "Active", self.copy_devs(d["devs"]), dmct="covered",
                     sit="SIT 3", parent=d["id"], reason="se", tables={"status", "excluded"})
        return True

    def d_fw_missing(self):
        tgt = self.pick(self.g1)
        src = self.fw_source(tgt)
        src["upgrade"] = self.new_id()
        src["hops_fixed"] = True
        return True

    def d_fw_not_target(self):
        tgt = self.pick(self.g1)
        tgt["target_fw"] = False
        self.fw_source(tgt)
        return True

    def d_fw_differs(self):
        src = self.fw_source(self.pick(self.g1))
        src["devs"]["CHF"]["hardware"] = self.bump_hardware(src["devs"]["CHF"]["hardware"], 7)
        return True

    def d_fw_downgrade(self):
        tgt = self.pick(self.g1)
        devs = self.copy_devs(tgt["devs"])
        devs["ESME"]["fw"][0] += 1
        self.add(tgt["cohort"], tgt["status"], devs, reason="fw-upgrade", upgrade=tgt["id"],
                 tables={"excluded"}, target_fw=False, epcl_report=None)
        return True

    def d_fw_undecidable(self):
        tgt = self.pick(self.g1)
        devs = self.copy_devs(tgt["devs"])
        src = self.add(tgt["cohort"], tgt["status"], devs, reason="fw-upgrade", upgrade=tgt["id"],
                       tables={"excluded"}, target_fw=False, epcl_report=None)
        t = self.version(tgt["devs"]["ESME"]["fw"])
        # first difference sets letters against a number
        src["fw_text"]["ESME"] = "x" + t if t[:1].isdigit() else t + ".x"
        if t[:1].isdigit():
            src["fw_text"]["ESME"] = t.split(".")[0] + ".zz"
        else:
            return False
        return True

    def d_fw_cycle(self):
        devs = self.new_dmc()
        a = self.add(self.cohorts[0], "Active", devs, reason="fw-upgrade", tables={"excluded"},
                     target_fw=False, epcl_report=None)
        b = self.add(self.cohorts[0], "Active", self.copy_devs(devs), reason="fw-upgrade",
                     tables={"excluded"}, target_fw=False, epcl_report=None)
        a["upgrade"], b["upgrade"] = b["id"], a["id"]
        return True

    def d_negative_count(self):
        self.add(self.cohorts[0], "Active", self.new_dmc(), dmct="pending",
                 installs=-self.r.randint(1, 50), epcl_report=None)
        return True

    def d_fractional_count(self):
        self.add(self.cohorts[0], "Mixed", self.new_dmc(), dmct="failed",
                 installs=self.r.randint(1, 50) + 0.5, devices=None, epcl_report=None)
        return True

    def d_bad_install_status(self):
        self.add(self.cohorts[0], self.r.choice(["Sleeping", "Unknown", "Actve"]), self.new_dmc(),
                 dmct="pending", epcl_report=None)
        return True

    def d_unknown_status(self):
        self.add(self.cohorts[0], "Active", self.new_dmc(), dmct="?On Hold", epcl_report=None)
        return True

    def d_no_firmware(self):
        e = self.add(self.cohorts[0], "Active", self.new_dmc(), dmct="pending", epcl_report=None)
        e["fw_text"]["ESME"] = ""
        return True

    def d_epcl_root(self):
        self.epcl_used = True
        cohort = self.cohorts[0]
        devs = self.new_dmc()
        for k in ("GSME", "PPMID", "IHD"):
            devs.pop(k, None)
        e = self.add(cohort, self.r.choice(["Active", "Dormant"]), devs, tables={"epcl"},
                     epcl_report=None)
        for _ in range(self.r.randint(1, 2)):
            self.se_child(e)
        return True


# ---- writing ----------------------------------------------------------------

def header_text(r, name):
    style = r.random()
    if style < 0.6:
        return name
    if style < 0.75:
        return name.upper()
    if style < 0.85:
        return name.lower()
    if style < 0.93:
        return "  " + name.replace(" ", "_") + " "
    return name.replace(" ", "-")


def typed_header(cases, header):
    """A header as a person types it: now and then with a plural "(s)" (on any
    field, or in place of a trailing "s"), in any case: "SIT REPORT(S)",
    "Parent Epcl Id(S)", "installation(s)".  ``cases`` is a stream of its own, so
    that a seed draws every other part of its set as it did before."""
    if "plural" in AVOID or cases.random() >= 0.2:
        return header
    stem = header.rstrip()
    if stem.lower().endswith("(s)"):  # a plural already
        plural = stem
    else:
        if stem.lower().endswith("s") and cases.random() < 0.5:
            stem = stem[:-1]
        plural = stem + "(s)"
    return cases.choice([str, str.upper, str.lower, str.title])(plural)


def id_cell(r, eid, numbers):
    if numbers and r.random() < 0.7:
        return int(eid)
    return eid


def yes_no(r, value, style):
    if style == "yn":
        return "Y" if value else "N"
    if style == "yesno":
        return r.choice(["Yes", "YES", "yes"]) if value else r.choice(["No", "NO", "no"])
    if style == "bool":
        return bool(value)
    return 1 if value else 0


def build_columns(g, kind, r):
    cols = [("entry_id",)]
    if kind != "epcl" and r.random() < 0.4:
        cols.append(("dmc_id",))
    cols.append(("install_status",))
    with_devices = kind in ("status", "epcl") or r.random() < 0.75
    with_hw = kind != "epcl" and (r.random() < 0.7 or "hw" in AVOID)
    if with_devices:
        roles = ["CHF", "ESME"] if kind == "epcl" else ["CHF", "ESME", "GSME", "PPMID", "IHD"]
        for role in roles:
            for sub in ("manufacturer", "model", "hardware", "firmware"):
                if sub == "hardware" and not with_hw:
                    continue
                cols.append(("dev", role, sub))
    if kind == "status":
        cols += [("dmct_status",), ("test_report",), ("sit_report",), ("parent_id",)]
    elif kind == "excluded":
        cols += [("exclusion_reason",), ("parent_id",)]
        if r.random() < 0.5:
            cols.append(("sit_report",))
    if kind != "epcl":
        cols.append(("target_fw",))
        cols.append(("upgrade_to",))
        if r.random() < 0.9:
            cols.append(("installs",))
        # an Excluded table without device columns keeps its Devices count
        if r.random() < 0.7 or not with_devices:
            cols.append(("devices",))
        cols.append(("epcl_report",))
        if kind == "excluded":
            cols.append(("rationale",))
    else:
        cols.append(("date_added",))
    return cols


PLURALS = {"installs": ["Installation(s)", "No. of Installation(s)"],
           "devices": ["Device(s)", "No. of Device(s)"]}


def col_header(r, col):
    if col[0] == "dev":
        return header_text(r, r.choice(ROLE_NAMES[col[1]]) + " " + r.choice(SUB_NAMES[col[2]]))
    names = list(FIELD_HEADERS[col[0]])
    if "plural" not in AVOID:
        names += PLURALS.get(col[0], [])
    return header_text(r, r.choice(names))


def cell_value(g, r, e, col, kind, numbers, yn_style):
    f = col[0]
    if f == "entry_id":
        return id_cell(r, e["id"], numbers)
    if f == "dmc_id":
        return "DMC-%s" % e["devs"]["CHF"]["model"][:4]
    if f == "cohort":
        return e["cohort"]
    if f == "install_status":
        s = e["status"]
        return r.choice([s, s.upper(), s.lower()])
    if f == "dev":
        d = e["devs"].get(col[1])
        if d is None:
            return r.choice(ABSENT_TOKENS)
        if col[2] == "firmware":
            if col[1] in e["fw_text"]:
                return e["fw_text"][col[1]]
            return g.version(d["fw"])
        if col[2] == "hardware" and g.hw.random() < g.hw_numbers:
            g.hw_lost_zeros = g.hw_lost_zeros or g.hw_style != "int"
            return float(d["hardware"])  # a number: "2.0" and "2.10" lose their zeros
        return d[col[2]]
    if f == "dmct_status":
        s = e["dmct"] if "status" in kind_tables(e) and e["dmct"] else None
        if e["dmct"] is None and "excluded" in e["tables"]:
            s = "excluded"
        if s is None:
            return None
        if s.startswith("?"):
            return s[1:]
        return r.choice(STATUS_WORDS[s])
    if f == "exclusion_reason":
        return r.choice(REASON_WORDS[e["reason"]]) if e["reason"] else None
    if f == "test_report":
        return e["report"]
    if f == "sit_report":
        return e["sit"]
    if f in ("parent_id", "upgrade_to"):
        v = e["parent"] if f == "parent_id" else e["upgrade"]
        if v is None:
            if "absent" in AVOID:
                return None
            return r.choice(["", "", "N/A", "-", "None"]) or None
        return id_cell(r, v, numbers)
    if f == "target_fw":
        return yes_no(r, e["target_fw"], yn_style)
    if f == "installs":
        return e["installs"]
    if f == "devices":
        return e["devices"]
    if f == "epcl_report":
        return e["epcl_report"]
    if f == "rationale":
        return "Differs only in firmware." if e["reason"] == "se" else "See schedule."
    if f == "date_added":
        return "2020-06-01"
    return None


def conflict(g, r, e, cols, row, numbers, yn_style):
    """Change ``row``, a copy of ``e``'s row, in the first of its conflict fields
    that the table has (the DMCT status, which every Status List has, last)."""
    at = {(c[0] if c[0] != "dev" else c[1] + "." + c[2]): i for i, c in enumerate(cols)}
    wanted = e.get("dup_field", "installs")
    for field in [wanted, "installs", "dmct_status"]:
        key = "CHF.firmware" if field == "firmware" else field
        if key not in at:
            continue
        i = at[key]
        if field == "installs":
            row[i] = (row[i] or 0) + 1
        elif field == "dmct_status":
            row[i] = "Tested" if "dup_field" in e and e["dmct"] == "failed" else "Failed"
        elif field == "test_report":
            row[i] = (row[i] or "DMCT TCR") + " rev B"
        elif field == "target_fw":
            row[i] = yes_no(r, not e["target_fw"], yn_style)
        elif field == "epcl_report":
            row[i] = (row[i] or 21) + 1
        elif field == "dmc_id":
            row[i] = (row[i] or "DMC") + "Z"
        elif field == "firmware":
            row[i] = g.version([9, 9, 9])
        else:  # parent_id: another entry of the set
            other = next((x["id"] for x in g.entries if x["id"] not in (e["id"], e["parent"])), e["id"])
            row[i] = id_cell(r, other, numbers)
        return


def kind_tables(e):
    return e["tables"]


def write_set(g, out_dir):
    r = g.r
    os.makedirs(out_dir, exist_ok=True)
    inputs, epcl_files = [], []
    cohort_option = None
    option_used = False
    numbers = r.random() < 0.5 and "numbers" not in AVOID
    yn_style = r.choice(["yn", "yesno", "bool", "10"])
    writer = "openpyxl" if r.random() < 0.5 else "xlsxwriter"
    files = []
    for ci, cohort in enumerate(g.cohorts):
        for kind in ("status", "excluded"):
            rows = [e for e in g.entries if e["cohort"] == cohort and kind in e["tables"]]
            if not rows and kind == "excluded":
                continue
            mode = r.choice(["column", "column", "cover", "option"])
            if mode == "option" and (option_used and cohort_option != cohort):
                mode = "column"
            if mode == "option":
                option_used = True
                # None: unknown cohort
                cohort_option = cohort if (r.random() < 0.8 or "unknown" in AVOID) else None
            name = "%s-%s.xlsx" % (cohort.lower().replace(" ", "-"),
                                   "dmct-status-list" if kind == "status" else "excluded")
            files.append((name, kind, rows, mode, cohort))
    if getattr(g, "epcl_used", False):
        rows = [e for e in g.entries if "epcl" in e["tables"]]
        files.append(("current-epcl.xlsx", "epcl", rows, "column", None))
    # an unknown-cohort file must not hold an entry that other files place in a cohort
    for name, kind, rows, mode, cohort in files:
        if mode == "option" and cohort_option is None:
            for e in rows:
                e["cohort_unknown"] = True
    extra: dict = {}  # file -> (columns, headers, cohort, rows) of its second Status List
    cases = random.Random("cases-%d" % g.seed)  # plurals and case of headers (added since)
    for name, kind, rows, mode, cohort in files:
        cols = build_columns(g, kind, r)
        if mode == "column":
            cols.insert(1 + (r.random() < 0.5), ("cohort",))
        headers = [typed_header(cases, col_header(r, c)) for c in cols]
        table = []
        for e in rows:
            table.append([cell_value(g, r, e, c, kind if kind != "status" else "status", numbers,
                                     yn_style) for c in cols])
            if e["dup"] and kind == "status":
                again = list(table[-1])
                if e["dup"] == "conflict":
                    conflict(g, r, e, cols, again, numbers, yn_style)
                    if e.get("dup_where") == "other" and mode in ("column", "cover"):
                        extra.setdefault(name, (cols, headers, cohort, []))[3].append(again)
                        continue
                # else identical contents, written the same way
                table.append(again)
            if r.random() < 0.05:
                table.append([None] * len(cols))
        r.shuffle(table) if r.random() < 0.3 else None
        title_rows = r.randint(0, 3)
        sheet_rows = []
        titles = ["SMETS1 %s: %s" % (cohort or "EPCL", name), "Version 1.%d" % r.randint(0, 9),
                  "Published 2021-12-01"]
        for t in range(title_rows):
            sheet_rows.append([titles[t]])
        if title_rows and r.random() < 0.5:
            sheet_rows.append([])
        sheet_rows.append(headers)
        sheet_rows.extend(table)
        if kind != "epcl" and r.random() < 0.3:
            tot = [r.choice(["Total", "Totals", "Grand Total", "TOTAL"])] + [None] * (len(cols) - 1)
            for i, c in enumerate(cols):
                if c[0] == "installs":
                    tot[i] = sum(x[i] for x in table if isinstance(x[i], (int, float)))
            sheet_rows.append(tot)
        if r.random() < 0.3:
            sheet_rows.append([])
            sheet_rows.append(["Note: counts are unmigrated installations at the publication date."])
        sheets = []
        cover = None
        if mode == "cover":
            place = r.choice(["right", "colon", "below"])
            label = r.choice(["Cohort", "SMSO", "cohort"])
            cover = [["Data Communications Company"], [], ["Document", name]]
            if place == "right":
                cover.append([label, cohort])
            elif place == "colon":
                cover.append([label + ": " + cohort])
            else:
                cover.append([label])
                cover.append([cohort])
            cover.append(["Version", "1.0"])
        elif r.random() < 0.3:
            cover = [["Data Communications Company"], ["Document", name]]
        data_name = {"status": "DMCT Status List", "excluded": "Excluded from DMCT",
                     "epcl": "EPCL"}[kind]
        if cover is not None and r.random() < 0.5:
            sheets = [("Cover", cover), (data_name, sheet_rows)]
        elif cover is not None:
            sheets = [(data_name, sheet_rows), ("Cover", cover)]
        else:
            sheets = [(data_name, sheet_rows)]
        write_xlsx(os.path.join(out_dir, name), sheets, writer)
        (epcl_files if kind == "epcl" else inputs).append(name)
    for name, (cols, headers, cohort, rows) in extra.items():
        # the second Status List names its cohort in a column of its own
        if ("cohort",) not in cols:
            headers = [*headers, col_header(r, ("cohort",))]
            rows = [[*row, cohort] for row in rows]
        second = name.replace(".xlsx", "-update.xlsx")
        write_xlsx(os.path.join(out_dir, second), [("DMCT Status List", [headers, *rows])], writer)
        inputs.append(second)
    converted = None
    if r.random() < 0.04 and shutil.which("soffice") and "soffice" not in AVOID:
        converted = r.choice(["xlsx", "ods", "xls"])
        inputs = convert(out_dir, inputs, converted)
    opts = {"inputs": inputs, "epcl": epcl_files, "cohort": cohort_option,
            "report": None, "seed": g.seed, "defects": g.defects,
            "writer": writer + ("+soffice-" + converted if converted else ""),
            "freedoms": ["hardware-as-number"] if g.hw_lost_zeros else []}
    reports = sorted({e["epcl_report"] for e in g.entries if e["epcl_report"] is not None})
    if reports and r.random() < 0.2:
        opts["report"] = r.choice(reports + [99])
    with open(os.path.join(out_dir, "options.json"), "w", encoding="utf-8") as fh:
        json.dump(opts, fh, indent=1)
    return opts


def write_xlsx(path, sheets, writer):
    if writer == "xlsxwriter":
        import xlsxwriter

        wb = xlsxwriter.Workbook(path)
        for name, rows in sheets:
            ws = wb.add_worksheet(name)
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    if v is None:
                        continue
                    if isinstance(v, bool):
                        ws.write_boolean(i, j, v)
                    elif isinstance(v, (int, float)):
                        ws.write_number(i, j, v)
                    else:
                        ws.write_string(i, j, v)
        wb.close()
    else:
        import openpyxl

        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for name, rows in sheets:
            ws = wb.create_sheet(name)
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    if v is not None:
                        ws.cell(row=i + 1, column=j + 1, value=v)
        wb.save(path)


SOFFICE_FILTER = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods", "xls": "xls:MS Excel 97"}


def convert(out_dir, names, fmt):
    """LibreOffice re-saves the workbooks (in one call): a third writer."""
    tmp = tempfile.mkdtemp(prefix="diffconv-")
    profile = tempfile.mkdtemp(prefix="diffprof-")
    try:
        srcs = []
        for n in names:
            shutil.move(os.path.join(out_dir, n), os.path.join(tmp, n))
            srcs.append(os.path.join(tmp, n))
        subprocess.run(["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                        "--convert-to", SOFFICE_FILTER[fmt], "--outdir", out_dir] + srcs,
                       capture_output=True, timeout=180, check=True)
        out = [os.path.splitext(n)[0] + "." + fmt for n in names]
        for n in out:
            if not os.path.exists(os.path.join(out_dir, n)):
                raise RuntimeError("LibreOffice did not write " + n)
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)


def generate(seed, out_dir):
    g = Gen(seed)
    g.build()
    return write_set(g, out_dir)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args(argv)
    print(json.dumps(generate(a.seed, a.output)))


if __name__ == "__main__":
    main()
