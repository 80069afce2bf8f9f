"""Report formats: each module has `render(report) -> str`; `render` picks one by name."""

from __future__ import annotations

from citecheck.model import Report
from citecheck.report import html, json, junit, markdown, sarif, text
from citecheck.report.visible import visible

FORMATS = ("text", "json", "markdown", "sarif", "junit", "html")


def render(
    name: str,
    report: Report,
    *,
    fail_on: frozenset[str],
    color: bool = False,
    width: int = 120,
) -> str:
    """The report in format `name` (one of FORMATS); bidirectional controls in it are
    written visibly (report/visible.py)."""
    report = visible(report)
    if name == "text":
        return text.render(report, color=color, width=width)
    if name == "junit":
        return junit.render(report, fail_on=fail_on)
    renderers = {
        "json": json.render,
        "markdown": markdown.render,
        "sarif": sarif.render,
        "html": html.render,
    }
    return renderers[name](report)
