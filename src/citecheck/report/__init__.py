"""Report formats. Each module has a `Writer` that takes a run's FileReports one at a time
(`add`) and completes the report at the end (`finish`), so a 10,000-page audit is written
without holding every verdict; and `render(report) -> str` for a Report held whole.
Every writer is handed FileReports whose bidirectional controls are written visibly
(report/visible.py).
"""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from typing import Protocol, TextIO

from citecheck.model import FileReport, Report, Summary
from citecheck.report import html, json, junit, markdown, sarif, text
from citecheck.report.visible import visible

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
        return _Visible(text.Writer(out, color=color, width=width))
    if name == "junit":
        return _Visible(junit.Writer(out, fail_on=fail_on))
    writers: dict[str, Callable[[TextIO], Writer]] = {
        "json": json.Writer,
        "markdown": markdown.Writer,
        "sarif": sarif.Writer,
        "html": html.Writer,
    }
    return _Visible(writers[name](out))


class _Visible:
    """Hands the format's writer each FileReport with its bidirectional controls shown."""

    def __init__(self, inner: Writer) -> None:
        self.inner = inner

    def add(self, file: FileReport) -> None:
        self.inner.add(visible(file))

    def finish(self, summary: Summary, files_skipped: int = 0) -> None:
        self.inner.finish(summary, files_skipped)


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
