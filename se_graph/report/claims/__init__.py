"""``check-report``: the claims of a drafted report the data can decide, each
with where it is, what it states, what the data gives and whether they agree."""

from __future__ import annotations

import json
from pathlib import Path

from se_graph.model import InputError
from se_graph.report.claims.check import Claim, check_claims
from se_graph.report.claims.read import SUFFIXES, read_draft
from se_graph.report.draft.dates import Timeline
from se_graph.report.draft.facts import facts
from se_graph.report.markdown import cell

__all__ = ["Claim", "SUFFIXES", "check_report", "read_draft", "render_claims"]

NOT_CHECKED = ("Not checked (the data cannot decide them): the Live Service Criteria, the risk register, names, "
               "letters to suppliers, Testing Issue counts, and dates other than the Clause 20 timeline's.")


def check_report(assessment, draft: str | Path, blocks=None, given: Timeline | None = None) -> list[Claim]:
    """The claims of ``draft``; a draft with none the data can decide is refused.
    ``given``: the Clause 20 dates of the config (or options) the draft must match;
    by default the config's ``[report]`` section."""
    blocks = read_draft(draft) if blocks is None else blocks
    given = given or Timeline.of(assessment.config.report)
    claims = check_claims(assessment, facts(assessment), blocks, given)
    if not claims:
        raise InputError(f"{draft}: no claim the data can decide was found (is it a DMCT EPCL Report?).")
    return claims


def render_claims(claims: list[Claim], fmt: str = "text") -> str:
    wrong = sum(not c.agrees for c in claims)
    verdict = (f"{len(claims)} claims checked: all agree with the data." if not wrong else
               f"{len(claims)} claims checked: {wrong} disagree with the data.")
    if fmt == "json":
        return json.dumps({"schema_version": 1, "claims": [
            {"where": c.where, "stated": c.stated, "data": c.data, "agrees": c.agrees} for c in claims],
            "disagreements": wrong}, indent=2) + "\n"
    if fmt == "markdown":
        lines = ["# Claims of the draft", "", verdict, "", "| agrees | where | stated | data |", "|---|---|---|---|"]
        lines += [f"| {'yes' if c.agrees else '**NO**'} | {cell(c.where)} | {cell(c.stated)} | {cell(c.data)} |"
                  for c in claims]
        return "\n".join(lines + ["", NOT_CHECKED]) + "\n"
    # text: disagreements first, so they are what a reader sees
    ordered = [c for c in claims if not c.agrees] + [c for c in claims if c.agrees]
    lines = [f"{'ok  ' if c.agrees else 'DIFF'} {c.where}\n     stated: {c.stated}\n     data:   {c.data}"
             for c in ordered]
    return "\n".join(lines + [NOT_CHECKED, verdict]) + "\n"
