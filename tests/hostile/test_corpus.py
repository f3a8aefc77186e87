"""Every malformed or malicious input gives exit 0, 1 or 2 with plain sentences:
never a traceback, never an internal error (how long the bombs take is a
target of `make bench`: benchmarks/bombs.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from se_graph.cli import app
from tests.hostile.make_corpus import BIG, MADE_ONCE, SMALL

HERE = Path(__file__).parent
COMMITTED = HERE / "corpus"


def test_corpus_is_large_and_committed_in_full():
    assert len(SMALL) + len(BIG) >= 40
    assert sorted(p.name for p in COMMITTED.iterdir()) == sorted([*SMALL, *MADE_ONCE]), (
        "regenerate with: python -m tests.hostile.make_corpus tests/hostile/corpus --small")


@pytest.mark.parametrize("name", sorted(SMALL) + MADE_ONCE + sorted(BIG))
def test_every_input_is_refused_or_reported_in_plain_sentences(bombs, name):
    path = bombs / name if name in BIG else COMMITTED / name
    result = CliRunner().invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("se-graph: ") and lines[0].endswith("."), lines
        assert name in lines[0] or str(path) in lines[0]
    else:
        import json

        doc = json.loads(result.stdout)
        for finding in doc["findings"]:
            assert finding["location"]["path"] == str(path)
            assert finding["message"].strip() and "\n" not in finding["message"]


@pytest.mark.parametrize("name", ["truncated.xlsx", "encrypted.xlsx", "csv-renamed.xlsx", "zip-bomb.xlsx"])
def test_a_real_process_prints_one_sentence_and_no_traceback(bombs, name):
    path = COMMITTED / name if name in SMALL else bombs / name
    done = subprocess.run([sys.executable, "-m", "se_graph", "validate", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_real_legacy_xls_renamed_xlsx_is_read_by_its_content():
    result = CliRunner().invoke(app, ["validate", str(COMMITTED / MADE_ONCE[0]), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    assert json.loads(result.stdout)["stats"]["entries"] == 1


def test_limits_can_be_raised_in_the_config(bombs, tmp_path):
    config = tmp_path / "big.toml"
    config.write_text("[limits]\nmax_inflate_ratio = 100000\nmax_uncompressed_bytes = 1073741824\n")
    refused = CliRunner().invoke(app, ["validate", str(bombs / "zip-bomb.xlsx")])
    allowed = CliRunner().invoke(app, ["validate", str(bombs / "zip-bomb.xlsx"), "--config", str(config)])
    assert refused.exit_code == 2 and "limit" in refused.stderr.lower()
    # with the limits raised it is read (blanks only), so it fails for having no table instead
    assert allowed.exit_code == 2 and "no sheet has the columns" in allowed.stderr
