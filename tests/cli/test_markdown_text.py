"""Markdown meant for pasting into a report: it reads as typed ("1.0 -> 1", not
"1.0 -&gt; 1"), and renders back to exactly the text, markup characters and all."""

from __future__ import annotations

import html
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from se_graph.cli import app
from se_graph.report.markdown import cell

DATA = Path(__file__).resolve().parents[2] / "data"
GFM = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def rendered_cell(text: str) -> str:
    page = GFM.render(f"| a |\n|---|\n| {cell(text)} |\n")
    (td,) = re.findall(r"<td>(.*?)</td>", page, flags=re.S)
    assert "<" not in td, f"markup reached the page: {td!r}"
    return html.unescape(td)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40))
def test_any_text_renders_back_to_itself(text):
    assert rendered_cell(text) == " ".join(text.split())


def test_what_a_finding_says_is_not_escaped_needlessly():
    for text in ("CHF hardware: 1.0 -> 1", "001009 -> 001008", "DMC_0101", "x < 3", "Secure Meters (UK) Ltd."):
        assert cell(text) == text
    for text in ("<script>", "a | b", "**bold**", "[link](http://x)", "_x_", "`code`", "~~gone~~", "&lt;"):
        assert cell(text) != text and rendered_cell(text) == text


def test_the_md_outputs_hold_no_html_escapes(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["validate", str(DATA / "broken"), "-f", "markdown"])
    assert result.exit_code == 1 and " -> " in result.stdout
    texts = {"validate": result.stdout}
    result = runner.invoke(app, ["audit", str(DATA / "broken"), "-o", str(tmp_path / "audit")])
    assert result.exit_code == 1, result.output
    for name in ("summary.md", "annex-a.md", "findings.md"):
        texts[name] = (tmp_path / "audit" / name).read_text()
    result = runner.invoke(app, ["diff", str(DATA / "sample"), str(DATA / "broken"), "-f", "markdown"])
    texts["diff"] = result.stdout
    for name, text in texts.items():
        assert not re.search(r"&(gt|lt|amp|quot);", text), name
    assert " -> " in texts["annex-a.md"] and " -> " in texts["diff"]
