"""The naive evaluation of spec sections 1 to 5: merge, graph, checks, audit tables.

Plain loops over plain dicts, recomputed from scratch each time. Error kinds are
the oracle's own labels, not the package's codes.
"""

import re
from decimal import Decimal

from tests.oracle.read import ABSENT, ROLES, is_absent, read_table, text

DMCT = {
    "tested": "tested", "passed": "tested", "complete": "tested", "completed": "tested",
    "test complete": "tested",
    "covered by dormant": "covered", "clause 20.9": "covered", "dormant tested": "covered",
    "in test": "pending", "in progress": "pending", "scheduled": "pending",
    "not started": "pending", "planned": "pending",
    "failed": "failed", "test failed": "failed",
    "excluded": "excluded",
}
REASONS = {
    "substantive equivalence": "se", "substantively equivalent": "se", "se": "se",
    "child dmc": "se",
    "uneconomic to test": "uneconomic", "uneconomic": "uneconomic",
    "firmware upgrade": "fw-upgrade", "fw upgrade": "fw-upgrade", "to be upgraded": "fw-upgrade",
    "covered by dormant": "covered", "clause 20.9": "covered",
    "no installations": "other", "other": "other",
}
STATUSES = {"active": "Active", "dormant": "Dormant", "mixed": "Mixed"}
TRUE = {"y", "yes", "true", "1"}
FALSE = {"n", "no", "false", "0"}
SUBFIELDS = ("manufacturer", "model", "hardware", "firmware")


class Unusable(Exception):
    pass


class NumberText(str):
    """The text of a device cell that held a number: Excel keeps only the number
    of what was typed (`1.0` typed is stored as 1)."""


def same_value(x, y):
    """Two device values are equal; a number cell's value equals a text of the same
    plain decimal number (docs/decisions.md, "Number cells in device columns")."""
    if x == y:
        return True
    if not (isinstance(x, NumberText) or isinstance(y, NumberText)):
        return False
    plain = re.compile(r"[0-9]+(\.[0-9]+)?")
    return bool(plain.fullmatch(x) and plain.fullmatch(y)) and Decimal(x) == Decimal(y)


def fold(s):
    return re.sub(r"\s+", " ", s.strip().lower())


def parse_id(value):
    """(id or None, problem) where problem is None, 'restored' or 'bad'."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None, None
    if isinstance(value, bool):
        return None, "bad"
    if isinstance(value, (int, float)):
        if value != int(value) or value < 0:
            return None, "bad"
        s = str(int(value))
        if len(s) > 6:
            return None, "bad"
        return s.zfill(6), ("restored" if len(s) < 6 else None)
    s = str(value).strip()
    if re.fullmatch(r"\d{1,6}", s):
        return s.zfill(6), None
    return None, "bad"


def parse_count(value):
    """(number or None, bad?)"""
    if value is None or text(value) == "":
        return None, False
    if isinstance(value, bool):
        return None, True
    if isinstance(value, (int, float)):
        n = value
    else:
        try:
            n = float(text(value).replace(",", ""))
        except ValueError:
            return None, True
    if n < 0 or n != int(n):
        return n, True
    return int(n), False


def row_record(table, values, cohort_option, problems):
    """One data row -> dict of the fields its table gives (missing column = key absent)."""
    rec = {"_where": (table["path"], table["sheet"]), "_kind": table["kind"]}
    cols = table["columns"]
    fields = {}
    for c, f in cols.items():
        fields[f] = values[c] if c < len(values) else None
    eid, prob = parse_id(fields.get("entry_id"))
    if eid is None:
        problems.append(("bad_id_row", None))
        return None
    rec["entry_id"] = eid
    # cohort: column, else cover sheet, else --cohort, else unknown
    col_cohort = text(fields.get("cohort")) if "cohort" in fields else ""
    if col_cohort:
        rec["cohort"] = col_cohort
        rec["_cohort_given"] = True
    elif table["cover_cohort"]:
        rec["cohort"] = table["cover_cohort"]
        rec["_cohort_given"] = True
    elif cohort_option:
        rec["cohort"] = cohort_option
        rec["_cohort_given"] = False
    else:
        rec["cohort"] = "unknown"
        rec["_cohort_given"] = False
    for f in ("dmc_id", "test_report", "sit_report", "rationale"):
        if f in fields:
            rec[f] = text(fields[f])
    if "test_report_date" in fields:
        rec["test_report_date"] = text(fields["test_report_date"])
    if "date_added" in fields:
        rec["date_added"] = text(fields["date_added"])
    if "install_status" in fields:
        s = fold(text(fields["install_status"]))
        rec["install_status"] = STATUSES.get(s, "?" + s)
    if "dmct_status" in fields:
        s = fold(text(fields["dmct_status"]))
        rec["dmct_status"] = "" if s == "" else DMCT.get(s, "?" + s)
    if "exclusion_reason" in fields:
        s = fold(text(fields["exclusion_reason"]))
        rec["exclusion_reason"] = "" if s == "" else REASONS.get(s, "?" + s)
    if "target_fw" in fields:
        s = fold(text(fields["target_fw"]))
        rec["target_fw"] = True if s in TRUE else False if s in FALSE else ("" if s == "" else "?" + s)
    for f in ("parent_id", "upgrade_to"):
        if f in fields:
            v = fields[f]
            if isinstance(v, str) and v.strip().lower() in ABSENT:
                v = None
            pid, p = parse_id(v)
            if p == "bad":
                problems.append(("bad_id_cell", eid))
                rec.setdefault("_said", {})[f] = fold(text(v))
            rec[f] = pid or ""
    for f in ("installs", "devices"):
        if f in fields:
            n, bad = parse_count(fields[f])
            rec[f] = n
            if bad:
                rec["_bad_count"] = True
                if n is None:  # not a number, yet not blank: the row still states it
                    rec.setdefault("_said", {})[f] = fold(text(fields[f]))
    if "epcl_report" in fields:
        n, bad = parse_count(fields["epcl_report"])
        rec["epcl_report"] = n
    # devices: a role is known when its Model column exists
    devs = {}
    for role in ROLES:
        if role + ".model" not in fields:
            continue
        if is_absent(fields[role + ".model"]):
            devs[role] = None
            continue
        d = {}
        for sf in SUBFIELDS:
            key = role + "." + sf
            if key in fields:
                cell = fields[key]
                d[sf] = "" if is_absent(cell) else text(cell)
                if d[sf] and isinstance(cell, (int, float)) and not isinstance(cell, bool):
                    d[sf] = NumberText(d[sf])
        devs[role] = d
    rec["devices_known"] = devs
    return rec


def read_rows(table, cohort_option, problems, warnings):
    recs = []
    cols = sorted(table["columns"])
    first_col = cols[0]
    for rownum, values in table["rows"]:
        nonblank = [v for v in values if text(v) != ""]
        if not nonblank:
            continue
        first = text(values[first_col]) if first_col < len(values) else ""
        if fold(first) in ("total", "totals", "grand total"):
            warnings.append("totals")
            continue
        if len(nonblank) == 1 and parse_id(nonblank[0])[0] is None:
            warnings.append("note")
            continue
        rec = row_record(table, values, cohort_option, problems)
        if rec is not None:
            rec["_row"] = rownum
            rec["_raw"] = tuple(text(v) for v in values)
            recs.append(rec)
    return recs


def devices_differ(a, b, fields=SUBFIELDS):
    """Differences between two device maps, only where both give the role/field."""
    diffs = []
    for role in ROLES:
        if role not in a or role not in b:
            continue
        da, db = a[role], b[role]
        if (da is None) != (db is None):
            diffs.append((role, "presence"))
            continue
        if da is None:
            continue
        for sf in fields:
            if sf in da and sf in db and not same_value(da[sf], db[sf]):
                diffs.append((role, sf))
    return diffs


COMPARED = ("cohort", "install_status", "dmc_id", "dmct_status", "exclusion_reason",
            "test_report", "test_report_date", "sit_report", "target_fw", "upgrade_to",
            "parent_id", "installs", "devices", "epcl_report", "rationale", "date_added")


def stated(value):
    """Spec section 3: a row gives a field when its cell is not blank ("?" is a
    blank installation status)."""
    return value not in (None, "", "?")


def said(rec, f):
    """What a row says of a field: its value, or the text of a cell that could not
    be read (not blank, so stated: spec section 3); None when blank."""
    if stated(rec[f]):
        return rec[f]
    text_ = rec.get("_said", {}).get(f)
    return ("said", text_) if text_ else None


def rows_conflict(a, b):
    for f in COMPARED:
        if f == "cohort" and not (a["_cohort_given"] and b["_cohort_given"]):
            continue
        if f in a and f in b and said(a, f) is not None and said(b, f) is not None:
            va, vb = said(a, f), said(b, f)
            if f == "cohort":
                va, vb = va.lower(), vb.lower()
            if va != vb:
                return True
    return bool(devices_differ(a["devices_known"], b["devices_known"]))


def merge(recs):
    node = {"devices_known": {}, "_rows": recs}
    # cohort: a workbook-given cohort wins over --cohort/unknown
    given = [r["cohort"] for r in recs if r["_cohort_given"]]
    node["cohort"] = given[0] if given else recs[0]["cohort"]
    for r in recs:
        for f in COMPARED:
            if f == "cohort":
                continue
            # a blank cell is not stated there: another row's value stands
            if f in r and (f not in node or not stated(node[f]) and stated(r[f])):
                node[f] = r[f]
        for role, d in r["devices_known"].items():
            if role not in node["devices_known"]:
                node["devices_known"][role] = None if d is None else dict(d)
            elif d is not None and node["devices_known"][role] is not None:
                for sf, v in d.items():
                    node["devices_known"][role].setdefault(sf, v)
    return node


def fw_key(version):
    v = version.strip()
    if v[:1] in ("v", "V"):
        v = v[1:]
    tokens = []
    for m in re.finditer(r"0[xX][0-9a-fA-F]+|\d+|[A-Za-z]+", v):
        t = m.group(0)
        if t[:2].lower() == "0x":
            tokens.append(int(t, 16))
        elif t.isdigit():
            tokens.append(int(t))
        else:
            tokens.append(t.lower())
    return tokens


def fw_compare(a, b):
    """-1, 0, 1, or None when the order cannot be decided."""
    ka, kb = fw_key(a), fw_key(b)
    for i in range(max(len(ka), len(kb))):
        x = ka[i] if i < len(ka) else 0
        y = kb[i] if i < len(kb) else 0
        if x == y:
            continue
        if type(x) is not type(y):
            return None
        return -1 if x < y else 1
    return 0


def evaluate(paths, cohort=None, epcl=(), report=None):
    """The oracle's verdict on a set of inputs (see tests/oracle/__init__.py)."""
    problems = []
    warnings = []
    tables = []
    for p in paths:
        t = read_table(p)
        if t is None:
            raise Unusable(p)
        tables.append(t)
    for p in epcl:
        t = read_table(p, forced_kind="epcl")
        if t is None:
            raise Unusable(p)
        tables.append(t)
    recs = []
    for t in tables:
        recs.extend(read_rows(t, cohort, problems, warnings))

    ids = []
    for r in recs:
        if r["entry_id"] not in ids:
            ids.append(r["entry_id"])
    nodes = {}
    for i in ids:
        nodes[i] = merge([r for r in recs if r["entry_id"] == i])

    errors = {}
    ambiguous = set()

    def err(eid, kind):
        errors.setdefault(eid, set()).add(kind)

    for kind, eid in problems:
        if eid is not None:
            err(eid, kind)
    row_errors = sum(1 for kind, eid in problems if eid is None)

    # duplicates, bases, per-entry checks
    for i, n in nodes.items():
        rows = n["_rows"]
        for a in range(len(rows)):
            for b in range(a + 1, len(rows)):
                if rows_conflict(rows[a], rows[b]):
                    err(i, "conflict")
                    ambiguous.add(i)
        bases = set()
        tested = excluded_row = False
        n["is_epcl"] = False
        for r in rows:
            st = r.get("dmct_status", "")
            rs = r.get("exclusion_reason", "")
            if r["_kind"] == "epcl":
                n["is_epcl"] = True
            if st == "tested":
                bases.add("tested")
                tested = True
            if st == "covered" or rs == "covered":
                bases.add("covered")
            if rs == "se":
                bases.add("se")
            if r["_kind"] == "excluded":
                excluded_row = True
        n["bases"] = bases
        if tested and excluded_row:
            err(i, "tested_and_excluded")
            ambiguous.add(i)
        if len(bases) > 1:
            err(i, "two_bases")
            ambiguous.add(i)
        if tested and not n.get("test_report"):
            err(i, "tested_no_report")
        if any(r.get("_bad_count") for r in rows):
            err(i, "bad_count")
        for r in rows:
            for role, d in r["devices_known"].items():
                if d is not None and "firmware" in d and d["firmware"] == "":
                    err(i, "device_no_firmware")
        # an unknown (or, in a table that needs one, blank) installation status is an
        # error on its row, whatever another row of the id gives
        if any((r.get("install_status") or "").startswith("?") for r in rows):
            err(i, "install_status")

    # Group 1 roots: tested with a report, or on the EPCL
    def tested_root(i):
        n = nodes[i]
        return n["is_epcl"] or ("tested" in n["bases"] and bool(n.get("test_report")))

    group = {}
    root = {}
    for i, n in nodes.items():
        if tested_root(i):
            group[i] = 1
            root[i] = i
    # Clause 20.9
    for i, n in nodes.items():
        if "covered" not in n["bases"]:
            continue
        ok = n.get("install_status") in ("Active", "Mixed")
        if not ok:
            err(i, "covered_not_active")
        pid = n.get("parent_id") or ""
        found = False
        if pid:
            if pid in nodes:
                p = nodes[pid]
                if p.get("install_status") == "Dormant" and tested_root(pid):
                    if devices_differ(n["devices_known"], p["devices_known"]):
                        err(i, "covered_dmc_differs")
                    else:
                        found = True
        elif n["devices_known"]:
            # found by same cohort and same devices: only when the entry's devices are known
            for j, p in nodes.items():
                if j == i or p.get("install_status") != "Dormant" or not tested_root(j):
                    continue
                if p["cohort"].lower() != n["cohort"].lower():
                    continue
                if devices_differ(n["devices_known"], p["devices_known"]):
                    continue
                found = True
        if not found:
            err(i, "covered_no_dormant")
        if not n.get("sit_report"):
            err(i, "covered_no_sit")
        if ok and found and n.get("sit_report"):
            group[i] = 1
            root[i] = i

    # Group 2: se edges
    for i, n in nodes.items():
        if "se" not in n["bases"]:
            continue
        group[i] = 2
        pid = n.get("parent_id") or ""
        if not pid:
            err(i, "se_no_parent")
        elif pid not in nodes:
            err(i, "se_unknown_parent")
        else:
            p = nodes[pid]
            if (n["cohort"].lower() != "unknown" and p["cohort"].lower() != "unknown"
                    and n["cohort"].lower() != p["cohort"].lower()):
                err(i, "cross_cohort")
            if not permitted(n["devices_known"], p["devices_known"]):
                err(i, "not_permitted")
        path = [i]
        cur = i
        outcome = None
        while True:
            c = nodes[cur]
            if "se" not in c["bases"]:
                outcome = "end"
                break
            pid = c.get("parent_id") or ""
            if not pid or pid not in nodes:
                outcome = "broken"
                break
            if pid in path:
                outcome = "cycle"
                for m in path[path.index(pid):]:
                    err(m, "se_cycle")
                break
            path.append(pid)
            cur = pid
        if outcome == "end":
            if tested_root(cur) or group.get(cur) == 1:
                root[i] = cur
                n["trace"] = path
            else:
                err(i, "trace_not_group1")
        elif outcome == "broken" and cur != i:
            err(i, "untraced")
        elif outcome == "cycle" and "se_cycle" not in errors.get(i, ()):
            err(i, "untraced")

    # firmware edges
    final = {}
    for i, n in nodes.items():
        tgt = n.get("upgrade_to") or ""
        if not tgt:
            continue
        if tgt not in nodes:
            err(i, "fw_target_missing")
        else:
            t = nodes[tgt]
            d = devices_differ(n["devices_known"], t["devices_known"],
                               ("manufacturer", "model", "hardware"))
            if d or n.get("install_status") != t.get("install_status") or (
                n["cohort"].lower() != "unknown" and t["cohort"].lower() != "unknown"
                and n["cohort"].lower() != t["cohort"].lower()):
                err(i, "fw_differs")
            for role in ROLES:
                a = n["devices_known"].get(role)
                b = t["devices_known"].get(role)
                if a and b and a.get("firmware") and b.get("firmware") and not same_value(a["firmware"], b["firmware"]):
                    c = fw_compare(a["firmware"], b["firmware"])
                    if c == 1:
                        err(i, "fw_downgrade")
        # the chain
        path = [i]
        cur = i
        while True:
            nxt = nodes[cur].get("upgrade_to") or ""
            if not nxt:
                final[i] = cur
                break
            if nxt not in nodes:
                break
            if nxt in path:
                for m in path[path.index(nxt):]:
                    err(m, "fw_cycle")
                break
            path.append(nxt)
            cur = nxt
    for i, f in final.items():
        if nodes[f].get("target_fw") is False:
            err(i, "fw_not_at_target")

    # requested
    if report is not None:
        requested = [i for i in ids if nodes[i].get("epcl_report") == report]
    elif any(n.get("epcl_report") is not None for n in nodes.values()):
        requested = [i for i in ids if nodes[i].get("epcl_report") is not None]
    else:
        # entries of the current EPCL are already approved: never requested again
        requested = [i for i in ids if group.get(i) in (1, 2) and not nodes[i]["is_epcl"]]
    requested = sorted(requested)

    # entries that rest on an ambiguous one (its parent, its upgrade target, or, for
    # a covered entry, any ambiguous Dormant entry of its cohort): their verdict
    # follows whichever reading of the ambiguous entry one takes
    downstream = set()
    changed = True
    while changed:
        changed = False
        shaky = ambiguous | downstream
        shaky_dormant = {nodes[j].get("cohort") for j in shaky if j in nodes
                         and nodes[j].get("install_status") == "Dormant"}
        for i, n in nodes.items():
            if i in shaky:
                continue
            links = {n.get("parent_id") or "", n.get("upgrade_to") or ""}
            if links & shaky or ("covered" in n["bases"] and n.get("cohort") in shaky_dormant):
                downstream.add(i)
                changed = True

    summary, method = tables_of(nodes, group, requested, final)
    exit_code = 1 if (errors or row_errors) else 0
    return {
        "errors": {k: sorted(v) for k, v in errors.items()},
        "row_errors": row_errors,
        "group": {i: group.get(i) for i in ids},
        "root": {i: root.get(i) for i in ids},
        "ambiguous": sorted(ambiguous),
        "downstream": sorted(downstream),
        "exit": exit_code,
        "requested": requested,
        "summary": summary,
        "devices_method": method,
        "kinds": [(t["path"], t["kind"]) for t in tables],
        "bad_counts_counted": summary.pop("_bad", False),
    }


def permitted(child, parent):
    """Default equivalence policy, compared only where both give the field."""
    for role in ROLES:
        if role not in child or role not in parent:
            continue
        c, p = child[role], parent[role]
        if c is not None and p is None:
            return False
        if c is None:
            if p is not None and role in ("CHF", "ESME"):
                return False
            continue
        if role in ("CHF", "ESME"):
            fields = ("manufacturer", "model", "hardware")
        elif role in ("GSME", "PPMID"):
            fields = ("manufacturer", "model")
        else:
            fields = ()
        for f in fields:
            if f in c and f in p and not same_value(c[f], p[f]):
                return False
    return True


def tables_of(nodes, group, requested, final):
    def blank():
        z = {"active": 0, "dormant": 0, "mixed": 0}
        return {"installs": dict(z), "devices": dict(z)}

    out = {}
    methods = set()
    bad = False

    def amounts(n):
        nonlocal bad
        inst = n.get("installs")
        if n["_rows"] and any(r.get("_bad_count") for r in n["_rows"]):
            bad = True
        inst = inst if isinstance(inst, int) else 0
        dev = n.get("devices")
        if isinstance(dev, int):
            methods.add("column")
            return inst, dev
        methods.add("derived")
        present = sum(1 for d in n["devices_known"].values() if d is not None)
        return inst, inst * present

    for g, name in ((1, "group1"), (2, "group2")):
        t = {"requested_at_target_fw": blank(), "potential_fw_upgrades": blank()}
        for i in requested:
            if group.get(i) != g:
                continue
            st = (nodes[i].get("install_status") or "").lower()
            if st not in ("active", "dormant", "mixed"):
                continue
            a, d = amounts(nodes[i])
            t["requested_at_target_fw"]["installs"][st] += a
            t["requested_at_target_fw"]["devices"][st] += d
        for s in sorted(final):
            f = final[s]
            if f == s or f not in requested or group.get(f) != g:
                continue
            st = (nodes[s].get("install_status") or "").lower()
            if st not in ("active", "dormant", "mixed"):
                continue
            a, d = amounts(nodes[s])
            t["potential_fw_upgrades"]["installs"][st] += a
            t["potential_fw_upgrades"]["devices"][st] += d
        tot = blank()
        for k in ("installs", "devices"):
            for st in ("active", "dormant", "mixed"):
                tot[k][st] = (t["requested_at_target_fw"][k][st]
                              + t["potential_fw_upgrades"][k][st])
        t["totals_by_status"] = tot
        t["totals"] = {k: sum(tot[k].values()) for k in ("installs", "devices")}
        out[name] = t
    ov = {}
    for row in ("requested_at_target_fw", "potential_fw_upgrades", "totals_by_status"):
        ov[row] = {k: {st: out["group1"][row][k][st] + out["group2"][row][k][st]
                       for st in ("active", "dormant", "mixed")}
                   for k in ("installs", "devices")}
    ov["totals"] = {k: out["group1"]["totals"][k] + out["group2"]["totals"][k]
                    for k in ("installs", "devices")}
    out["overall"] = ov
    out["_bad"] = bad
    if not methods:
        method = None
    elif len(methods) == 1:
        method = methods.pop()
    else:
        method = "mixed"
    return out, method
