"""`se-graph sample --next DIR` writes a set and its next publication, and diff
finds the generator's edits between them."""

from __future__ import annotations

import json

from se_graph.cli import main


def test_sample_next_writes_a_pair_that_diff_compares(tmp_path, capsys):
    old, new = tmp_path / "v1", tmp_path / "v2"
    assert main(["sample", "-o", str(old), "--next", str(new), "--entries", "200", "--seed", "4"]) == 0
    printed = capsys.readouterr().out.split()
    assert str(new / "changes.json") in printed and any(p.startswith(str(old)) for p in printed)
    code = main(["diff", str(old), str(new), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == (1 if doc["lost"] else 0) and doc["lost"]
    changes = json.loads((new / "changes.json").read_text())["changes"]
    assert {"tested-to-failed", "pending-to-tested", "new-se-children", "withdrawn"} <= {c["change"] for c in changes}
