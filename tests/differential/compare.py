"""Run se-graph and the oracle on one generated set and list their disagreements."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

from tests.oracle import Unusable, evaluate


def load_options(set_dir):
    with open(os.path.join(set_dir, "options.json"), encoding="utf-8") as fh:
        return json.load(fh)


def _common_args(set_dir, opts):
    args = [os.path.join(set_dir, f) for f in opts["inputs"]]
    if opts.get("cohort"):
        args += ["--cohort", opts["cohort"]]
    for f in opts.get("epcl", []):
        args += ["--epcl", os.path.join(set_dir, f)]
    return args


def run_se_graph(set_dir, opts):
    """validate --format json and audit, as subprocesses (reliable and fast enough)."""
    common = _common_args(set_dir, opts)
    cmd = [sys.executable, "-m", "se_graph"]
    v = subprocess.run(cmd + ["validate"] + common + ["--format", "json"],
                       capture_output=True, text=True, timeout=120)
    out = {"validate_exit": v.returncode, "validate_stderr": v.stderr.strip()[-2000:]}
    try:
        out["validate"] = json.loads(v.stdout) if v.stdout.strip() else None
    except ValueError:
        out["validate"] = None
    audit_dir = tempfile.mkdtemp(prefix="se-graph-diff-")
    try:
        a_args = cmd + ["audit"] + common + ["-o", os.path.join(audit_dir, "audit")]
        if opts.get("report") is not None:
            a_args += ["--report", str(opts["report"])]
        a = subprocess.run(a_args, capture_output=True, text=True, timeout=120)
        out["audit_exit"] = a.returncode
        out["audit_stderr"] = a.stderr.strip()[-2000:]
        try:
            with open(os.path.join(audit_dir, "audit", "summary.json"), encoding="utf-8") as fh:
                out["summary"] = json.load(fh)
        except (OSError, ValueError):
            out["summary"] = None
    finally:
        shutil.rmtree(audit_dir, ignore_errors=True)
    return out


def run_oracle(set_dir, opts):
    paths = [os.path.join(set_dir, f) for f in opts["inputs"]]
    epcl = [os.path.join(set_dir, f) for f in opts.get("epcl", [])]
    try:
        return evaluate(paths, cohort=opts.get("cohort"), epcl=epcl, report=opts.get("report"))
    except Unusable as bad:
        return {"exit": 2, "unusable": str(bad)}


def compare_set(set_dir):
    """[(kind, detail)] of every disagreement between se-graph and the oracle."""
    opts = load_options(set_dir)
    ora = run_oracle(set_dir, opts)
    seg = run_se_graph(set_dir, opts)
    diffs = []
    if seg["validate_exit"] not in (0, 1, 2):
        return [("se-graph crashed (exit %d)" % seg["validate_exit"], seg["validate_stderr"])]
    if ora["exit"] == 2 or seg["validate_exit"] == 2:
        if ora["exit"] != seg["validate_exit"]:
            diffs.append(("exit code %s vs oracle %s" % (seg["validate_exit"], ora["exit"]),
                          seg["validate_stderr"] or ora.get("unusable", "")))
        return diffs
    if seg["validate_exit"] != ora["exit"]:
        diffs.append(("validate exit %d, oracle %d" % (seg["validate_exit"], ora["exit"]), ""))
    doc = seg["validate"]
    if doc is None:
        return diffs + [("validate json unreadable", seg["validate_stderr"])]
    seg_err = {}
    for f in doc.get("findings", []):
        if f.get("severity") == "error" and f.get("entry"):
            seg_err.setdefault(f["entry"], set()).add(f["code"])
    ora_err = ora["errors"]
    downstream = set(ora.get("downstream", []))
    for eid in sorted(set(seg_err) | set(ora_err)):
        if eid in downstream:
            continue  # rests on an entry the spec leaves open (see ambiguous)
        if eid in ora_err and eid not in seg_err:
            for k in ora_err[eid]:
                diffs.append(("missed error: " + k, eid))
        elif eid in seg_err and eid not in ora_err:
            for c in sorted(seg_err[eid]):
                diffs.append(("extra error: " + c, eid))
    seg_entries = {e["id"]: e for e in doc.get("entries", [])}
    for eid in sorted(set(seg_entries) | set(ora["group"])):
        if eid not in seg_entries:
            diffs.append(("entry missing from se-graph", eid))
            continue
        if eid not in ora["group"]:
            diffs.append(("entry unknown to oracle", eid))
            continue
        if eid in ora["ambiguous"] or eid in downstream:
            continue
        sg, og = seg_entries[eid].get("group"), ora["group"][eid]
        if sg != og:
            diffs.append(("group %s, oracle %s" % (sg, og), eid))
        elif seg_entries[eid].get("root") != ora["root"][eid]:
            diffs.append(("root differs (group %s)" % og,
                          "%s: %s vs oracle %s" % (eid, seg_entries[eid].get("root"), ora["root"][eid])))
    summary = seg.get("summary")
    if summary is None and not ora["requested"] and seg.get("audit_exit") == 2 \
            and "selects no entry" in seg.get("audit_stderr", ""):
        return diffs  # spec section 4 via issue 10: a --report that selects nothing is a bad option
    if summary is None:
        diffs.append(("audit wrote no summary.json (exit %s)" % seg.get("audit_exit"),
                      seg.get("audit_stderr", "")))
        return diffs
    if sorted(summary.get("requested", [])) != ora["requested"]:
        a, b = set(summary.get("requested", [])), set(ora["requested"])
        if (a ^ b) <= set(ora["ambiguous"]) | downstream:
            # only entries whose group the spec leaves open (rows that conflict on
            # their status, say) differ: the tables rest on them, so they are not compared
            return diffs
        diffs.append(("requested list differs",
                      "se-graph only %s; oracle only %s" % (sorted(a - b), sorted(b - a))))
    if ora.get("bad_counts_counted") or downstream:
        return diffs  # (the tables rest on entries whose reading the spec leaves open)
    if any(seg_entries.get(eid, {}).get("group") != ora["group"].get(eid) for eid in ora["ambiguous"]):
        # an entry whose group the spec leaves open (its rows conflict on their
        # status, say) is in a group in one reading and not in the other: the group
        # tables count it in one and not the other, so they are not compared
        return diffs
    for table in ("group1", "group2", "overall"):
        for row in ("requested_at_target_fw", "potential_fw_upgrades", "totals_by_status"):
            for k in ("installs", "devices"):
                for st in ("active", "dormant", "mixed"):
                    try:
                        sv = summary[table][row][k][st]
                    except (KeyError, TypeError):
                        sv = None
                    ov = ora["summary"][table][row][k][st]
                    if sv != ov:
                        diffs.append(("summary %s.%s.%s" % (table, row, k),
                                      "%s: %s vs oracle %s" % (st, sv, ov)))
        for k in ("installs", "devices"):
            try:
                sv = summary[table]["totals"][k]
            except (KeyError, TypeError):
                sv = None
            if sv != ora["summary"][table]["totals"][k]:
                diffs.append(("summary %s.totals.%s" % (table, k),
                              "%s vs oracle %s" % (sv, ora["summary"][table]["totals"][k])))
    diffs = condense(diffs)
    if ora["devices_method"] is not None and summary.get("devices_method") != ora["devices_method"]:
        diffs.append(("devices_method differs",
                      "%s vs oracle %s" % (summary.get("devices_method"), ora["devices_method"])))
    return diffs


def condense(diffs):
    """One 'summary <row> differs' per set and row (the detail keeps the first cells)."""
    out, seen = [], {}
    for kind, detail in diffs:
        if not kind.startswith("summary "):
            out.append((kind, detail))
            continue
        table, row = kind.split(" ", 1)[1].split(".")[:2]
        key = "summary %s differs" % row
        if key in seen:
            if len(out[seen[key]][1]) < 200:
                out[seen[key]] = (key, out[seen[key]][1] + "; %s %s" % (kind[8:], detail))
            continue
        seen[key] = len(out)
        out.append((key, "%s %s" % (kind[8:], detail)))
    return out
