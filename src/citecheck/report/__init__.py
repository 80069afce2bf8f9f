"""Report formats. Each module has a `Writer` that takes a run's FileReports one at a time
(`add`) and completes the report at the end (`finish`), so a 10,000-page audit is written
without holding every verdict; and `render(report) -> str` for a Report held whole.
"""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from typing import Protocol, TextIO

from citecheck.model import FileReport, Report, Summary
from citecheck.report import html, json, junit, markdown, sarif, text

FORMATS = ("text", "json", "markdown", "sarif", "junit", "html")


class Writer(Protocol):
    def add(self, file: FileReport) -> None: ...

    def finish(self, summary: Summary, files_skipped: int = 0) -> None: ...


def writer(
    name: str,
    out: TextIO,
    *,
    fail_on: frozenset[str],
    color: bool = False,
    width: int = 120,
) -> Writer:
    """A writer of format `name` (one of FORMATS) onto `out`."""
    if name == "text":
        return text.Writer(out, color=color, width=width)
    if name == "junit":
        return junit.Writer(out, fail_on=fail_on)
    writers: dict[str, Callable[[TextIO], Writer]] = {
        "json": json.Writer,
        "markdown": markdown.Writer,
        "sarif": sarif.Writer,
        "html": html.Writer,
    }
    return writers[name](out)


def render(
    name: str,
    report: Report,
    *,
    fail_on: frozenset[str],
    color: bool = False,
    width: int = 120,
) -> str:
    """The whole report in format `name` (one of FORMATS)."""
    buffer = StringIO()
    chosen = writer(name, buffer, fail_on=fail_on, color=color, width=width)
    for file in report.files:
        chosen.add(file)
    chosen.finish(report.summary(), report.files_skipped)
    return buffer.getvalue()
