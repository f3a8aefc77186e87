"""Every claim of a drafted report that the data can decide, and whether the
data agrees.  The figures are the draft's ``facts`` (read from the Assessment);
dates are checked against the Working-Day timeline, started by the dates the
config's ``[report]`` section (or the options) gives, else by those the draft
states."""

from __future__ import annotations

import re
from dataclasses import dataclass

from se_graph.assessment.summary import STATUSES, TITLES
from se_graph.model.vocab import InstallStatus
from se_graph.report.claims.read import Block
from se_graph.report.draft.dates import (
    DATE, OBJECTION_DAYS, REFERRAL_DAYS, Timeline, add_working_days, long_date, parse_date,
)
from se_graph.report.draft.facts import approximately, implied_step

NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)"
ID = re.compile(r"\b\d{6}\b")
LABELS = "|".join(s.label for s in InstallStatus)  # Active|Dormant|Mixed
RESTING = "|".join(s.label for s in InstallStatus if s.relies_on_dormant)  # Active|Mixed
PAIR = re.compile(rf"\b(\d{{6}}) \(({RESTING}); {InstallStatus.DORMANT.label} (\d{{6}})\)")
SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z(])")
TABLE_OF = {title: name for name, title in TITLES.items()}
ROW_OF = (("requested epcl entries", "requested_at_target_fw"), ("potential fw upgrades", "potential_fw_upgrades"),
          ("totals by installation status", "totals_by_status"))


@dataclass(frozen=True)
class Claim:
    where: str
    stated: str
    data: str
    agrees: bool


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def _n(value: int) -> str:
    return f"{value:,}"


# role of a stated date -> (Timeline field, [report] key, option, what the date is)
GIVEN = (("report", "report", "date", "--date", "the report's date"),
         ("drafts", "drafts_provided", "drafts_provided", "--drafts-provided",
          "the draft DMCT Testing Reports provided (Clause 20.34)"),
         ("lists", "lists_published", "lists_published", "--lists-published",
          "the Status List and Schedule published (Clauses 20.8, 20.10)"),
         ("notified", "suppliers_notified", "suppliers_notified", "--suppliers-notified", "the Suppliers notified"))


class Checker:
    def __init__(self, assessment, found: dict, given: Timeline | None = None) -> None:
        self.assessment, self.found = assessment, found
        self.given = given or Timeline()  # the dates of the config (or options), which the draft's must match
        self.claims: list[Claim] = []
        self.covered = {c["id"]: c for c in found["clause_20_9"]}
        self.dates: dict[str, tuple] = {}  # role -> (date, where)
        self.shown: dict[str, int] = {}  # annex letter -> how many entries its sentence says its table lists

    def add(self, where: str, stated: str, data: str, agrees: bool) -> None:
        self.claims.append(Claim(where=where, stated=stated, data=data, agrees=agrees))

    # -- prose ---------------------------------------------------------------
    def paragraph(self, block: Block) -> None:
        text = block.text
        if "Clause 20.9" in text or "Clause 20.41" in text:
            self.clause_20_9(text, f"{block.section}, paragraph {block.number}")
        for k, sentence in enumerate(SENTENCE.split(text), start=1):
            self.sentence(sentence, f"{block.section}, paragraph {block.number}, sentence {k}")

    def sentence(self, s: str, where: str) -> None:
        f = self.found
        m = re.search(NUMBER + r" (?:requested )?(?:EPCL )?entries that (?:the )?DCC (?:are|is) (?:proposing|requesting)",
                      s)
        if m:
            self.add(where, f"{m[1]} requested entries", f"{_n(f['requested'])} requested entries",
                     _int(m[1]) == f["requested"])
        for g, n in re.findall(r"\bGroup ([12]) holds " + NUMBER, s):
            key = f"group{g}"
            self.add(where, f"Group {g}: {n} entries", f"Group {g}: {_n(f[key])} requested entries",
                     _int(n) == f[key])
        if "completed testing" in s:
            for n, status in re.findall(NUMBER + rf" ({LABELS})\b", s):
                have = f["tested_by_status"][InstallStatus(status.lower())]
                self.add(where, f"{n} {status} entries tested", f"{_n(have)} {status} entries tested in Group 1",
                         _int(n) == have)
        m = re.search(r"approximately " + NUMBER + r" unmigrated", s)
        if m:
            stated, exact = _int(m[1]), f["fw_upgradable"]
            step = implied_step(stated)
            rounded = (exact + step // 2) // step * step
            self.add(where, f"approximately {m[1]} installations upgradable by firmware",
                     f"{_n(exact)}, which is {_n(rounded)} to the nearest {_n(step)} "
                     f"(2 significant figures: {_n(approximately(exact))})", rounded == stated)
        m = re.search(r"exact figure is " + NUMBER, s)
        if m:
            self.add(where, f"exactly {m[1]} installations upgradable by firmware", _n(f["fw_upgradable"]),
                     _int(m[1]) == f["fw_upgradable"])
        self.listed(s, where)
        self.sentence_dates(s, where)

    def listed(self, s: str, where: str) -> None:
        """"All N entries are listed below" / "The first K of the N entries...": N
        is the annex's whole count, K how many rows its table holds."""
        m = re.search(r"\bAll " + NUMBER + r" entries are listed below", s) or re.search(
            r"\bThe first " + NUMBER + r" of the " + NUMBER + r" entries are listed below", s)
        annex = re.match(r"Annex ([ABD])\b", where)
        if not m or not annex:
            return
        total = _int(m[m.lastindex])
        have = {"A": (len(self.found["requested_ids"]), "requested entries"),
                "B": (len(self.found["tested_entries"]), "tested requested entries"),
                "D": (len(self.found["clause_20_9"]), "Clause 20.9 entries")}[annex[1]]
        self.add(where, f"{m[m.lastindex]} entries in Annex {annex[1]}", f"{_n(have[0])} {have[1]}", total == have[0])
        self.shown[annex[1]] = _int(m[1]) if m.lastindex == 2 else total

    def clause_20_9(self, text: str, where: str) -> None:
        paired = set()
        for i, status, dormant in PAIR.findall(text):
            paired |= {i, dormant}
            self.entry_20_9(where, i, status, dormant)
        for i in dict.fromkeys(ID.findall(text)):
            if i not in paired:
                self.entry_20_9(where, i, None, None)

    def entry_20_9(self, where: str, i: str, status: str | None, dormant: str | None) -> None:
        said = f"{i} is a requested Clause 20.9 entry" + (f" ({status}; Dormant {dormant})" if status else "")
        c = self.covered.get(i)
        if c is None:
            if i in self.assessment:
                v = self.assessment[i]
                data = f"{i}: {v.label}" + ("" if v.requested else ", not requested")
            else:
                data = f"{i}: no such entry in the lists"
            self.add(where, said, data, False)
            return
        data = f"{i}: {InstallStatus(c['status']).label}, Clause 20.9 on tested Dormant {c['dormant']}, requested"
        self.add(where, said, data, status is None or (status.lower() == c["status"] and dormant == c["dormant"]))

    # -- dates ---------------------------------------------------------------
    def sentence_dates(self, s: str, where: str) -> None:
        found = [(m.group(0), parse_date(m.group(0))) for m in DATE.finditer(s)]
        for text, day in found:
            self.add(where, f"the date {text}", f"{day:%A} {long_date(day)}" if day else "no such day",
                     day is not None)
        days = [d for _, d in found if d is not None]
        if not days:
            return
        if re.search(r"\bDate:", s):
            self.dates.setdefault("report", (days[0], where))
        if "Clause 20.34" in s:
            self.dates.setdefault("drafts", (days[0], where))
        if "Clause 20.8" in s or "Clause 20.10" in s:
            self.dates.setdefault("lists", (days[0], where))
        if re.search(r"\bnotif", s, re.I) and "Working Days, by" not in s:
            self.dates.setdefault("notified", (days[0], where))
        m = re.search(r"10 Working Days ran to (.+?)\.?$", s)
        if m and (day := parse_date(m[1])):
            self.dates["referral_ends"] = (day, where)
        m = re.search(r"5 Working Days, by (.+?)\.?$", s, re.I)
        if m and (day := parse_date(m[1])):
            self.dates["objections_due"] = (day, where)
        if "notified on" in s and (day := days[0]):
            self.dates["notified"] = (day, where)

    def timeline(self) -> None:
        d, g = self.dates, self.given
        for role, name, key, option, what in GIVEN:
            if role in d and getattr(g, name):
                (day, where), want = d[role], getattr(g, name)
                self.add(where, f"{what}: {long_date(day)}", f"{long_date(want)} ([report] {key} or {option})",
                         day == want)
        # the deadlines run from the given dates, else from those the draft states
        drafts = g.drafts_provided or d.get("drafts", (None,))[0]
        notified = g.suppliers_notified or d.get("notified", (None,))[0]
        if drafts:
            end = add_working_days(drafts, REFERRAL_DAYS)
            if "referral_ends" in d:
                day, where = d["referral_ends"]
                self.add(where, f"the {REFERRAL_DAYS} Working Days of Clause 20.37 ran to {long_date(day)}",
                         f"{REFERRAL_DAYS} Working Days after {long_date(drafts)}: {long_date(end)}", day == end)
            if "report" in d:
                day, where = d["report"]
                self.add(where, f"the report is dated {long_date(day)}",
                         f"the {REFERRAL_DAYS} Working Days of Clause 20.37 after {long_date(drafts)} run to "
                         f"{long_date(end)}: the report must be dated after", day > end)
        if notified and "objections_due" in d:
            day, where = d["objections_due"]
            due = add_working_days(notified, OBJECTION_DAYS)
            self.add(where, f"objections due by {long_date(day)}",
                     f"{OBJECTION_DAYS} Working Days after {long_date(notified)}: {long_date(due)}", day == due)

    # -- tables --------------------------------------------------------------
    def table(self, block: Block) -> None:
        first = block.rows[0][0] if block.rows and block.rows[0] else ""
        where = f"{block.section}, table {block.number}"
        if first in TABLE_OF:
            self.summary_table(block, TABLE_OF[first], where)
        elif first == "EPCL ID" and block.section.startswith("Annex A"):
            self.annex_a(block, where)
        elif first == "EPCL ID" and block.section.startswith("Annex B"):
            self.annex_b(block, where)
        elif first == "EPCL ID" and block.section.startswith("Annex D"):
            for r, row in enumerate(block.rows[1:], start=2):
                if len(row) >= 3:
                    self.entry_20_9(f"{where}, row {r}", row[0], row[1], row[2])

    def summary_table(self, block: Block, name: str, where: str) -> None:
        table = self.found["tables"][name]
        title = TITLES[name]
        for row in block.rows[1:]:
            cells = [c for c in row if c != ""]
            if not cells:
                continue
            label = cells[0]
            key = next((k for start, k in ROW_OF if label.lower().startswith(start)), None)
            figures = cells[1:]
            if key is None and label.lower() == "totals":
                columns = [("installs", None), ("devices", None)]
                expected = [table["totals"]["installs"], table["totals"]["devices"]]
            elif key is not None:
                columns = [(kind, s) for kind in ("installs", "devices") for s in STATUSES]
                expected = [table[key][kind][s] for kind, s in columns]
            else:
                continue  # the header rows
            at = f"{where} ({title}), row '{label}'"
            if len(figures) != len(columns) or not all(re.fullmatch(NUMBER, c) for c in figures):
                self.add(at, " | ".join(figures), " | ".join(map(_n, expected)) + f" ({len(columns)} figures)", False)
                continue
            for (kind, status), text, want in zip(columns, figures, expected):
                column = kind.title() + (f" {status.title()}" if status else " total")
                self.add(f"{at}, column {column}", text, _n(want), _int(text) == want)

    def annex_a(self, block: Block, where: str) -> None:
        requested = set(self.found["requested_ids"])
        listed = []
        for r, row in enumerate(block.rows[1:], start=2):
            i = row[0] if row else ""
            if not i:
                continue
            listed.append(i)
            data = f"{i} is requested" if i in requested else (
                f"{i} is not requested" if i in self.assessment else f"{i}: no such entry in the lists")
            self.add(f"{where}, row {r}, column EPCL ID", i, data, i in requested)
        # a table that lists the first K entries (its sentence says so) holds the first K requested
        first = self.shown.get("A", len(requested))
        expected = self.found["requested_ids"][:first]
        missing = sorted(set(expected) - set(listed))
        shown = ", ".join(missing[:10]) + (f" and {len(missing) - 10} more" if len(missing) > 10 else "")
        said = f"{len(expected):,} requested entries" + (f" (the first of {len(requested):,})" if first < len(requested)
                                                          else "")
        self.add(f"{where}: its rows", f"{len(listed):,} entries",
                 said + (f"; missing: {shown}" if missing else ""),
                 not missing and len(listed) == len(set(listed)) == len(expected))

    def annex_b(self, block: Block, where: str) -> None:
        tested = {t["id"]: t for t in self.found["tested_entries"]}
        for r, row in enumerate(block.rows[1:], start=2):
            if len(row) < 4 or not row[0]:
                continue
            t = tested.get(row[0])
            at = f"{where}, row {r}"
            if t is None:
                self.add(at, f"{row[0]} was tested", f"{row[0]} is not a tested requested entry", False)
                continue
            self.add(f"{at}, column Test report", row[2], t["report"] or "no report named", row[2] == t["report"])
            date = t["date"] or "not given"
            self.add(f"{at}, column Date", row[3], date, row[3] == date)


def check_claims(assessment, found: dict, blocks: list[Block], given: Timeline | None = None) -> list[Claim]:
    checker = Checker(assessment, found, given)
    for block in blocks:
        if block.is_table:
            checker.table(block)
        else:
            checker.paragraph(block)
    checker.timeline()
    return checker.claims
