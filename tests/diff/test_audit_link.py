"""`audit --previous OLD` adds the diff with the previous publication, linked
from the audit's front page."""

from __future__ import annotations

import json

from se_graph.cli import main


def test_audit_given_the_previous_publication_links_its_diff(pair, tmp_path, capsys):
    old, new, changes = pair
    assert main(["audit", str(new), "-o", str(tmp_path / "a"), "--previous", str(old)]) in (0, 1)
    out = tmp_path / "a"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="diff.html"' in index and "lost eligibility" in index
    doc = json.loads((out / "diff.json").read_text())
    capsys.readouterr()
    main(["diff", str(old), str(new), "--format", "json"])
    assert doc == json.loads(capsys.readouterr().out)
    assert "<!DOCTYPE html>" in (out / "diff.html").read_text(encoding="utf-8")[:200]


def test_audit_without_the_previous_publication_has_no_diff(pair, tmp_path):
    assert main(["audit", str(pair[0]), "-o", str(tmp_path / "a")]) in (0, 1)
    assert not (tmp_path / "a" / "diff.html").exists()
    assert "diff.html" not in (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
