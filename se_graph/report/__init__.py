"""Renderers: each returns content (str or bytes); none prints or exits."""

from se_graph.report.files import write_atomic
from se_graph.report.github import render_github
from se_graph.report.jsonout import render_json, to_dict
from se_graph.report.junit import render_junit
from se_graph.report.markdown import render_markdown
from se_graph.report.text import render_text

RENDERERS = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
    "junit": render_junit,
    "github": render_github,
}

__all__ = ["RENDERERS", "render_github", "render_json", "render_junit", "render_markdown", "render_text", "to_dict", "write_atomic"]
