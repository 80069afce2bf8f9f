"""The terminal report: a table per file that an editor can act on, then a summary.

Rendered with rich into a string; colours only when asked for (a terminal, no NO_COLOR).
"""

from __future__ import annotations

from io import StringIO
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from citecheck.model import (
    OFF_TOPIC,
    RETRACTED,
    CitationCheck,
    FileReport,
    Report,
    Status,
    Summary,
    Topic,
    Verdict,
)
from citecheck.report.problems import ADVICE, who

LABELS = {
    Status.VERIFIED: ("verified", "green"),
    Status.MISMATCHED: ("MISMATCHED", "bold yellow"),
    Status.NOT_FOUND: ("NOT FOUND", "bold red"),
    Status.UNVERIFIED: ("unverified", "blue"),
    Status.SKIPPED: ("skipped", "dim"),
    Status.IGNORED: ("ignored", "dim"),
}
# What a person does about each problem (what it means is problems.ADVICE, which the
# other reports share); and what the statuses that are no problem mean.
NEXT_STEP = {
    Status.MISMATCHED: "correct them from the found record",
    Status.NOT_FOUND: "remove it or find the real source",
    Status.UNVERIFIED: "run again later",
}
NOT_PROBLEMS = {
    Status.SKIPPED: "not a journal article (a book, web page, report...): not looked up",
    Status.IGNORED: "marked `citecheck: ignore` in the document: not checked",
}


def _legend(statuses: set[Status], retracted: bool, off_topic: bool = False) -> list[Text]:
    """One line for each status (and retraction) the report shows, saying what to do."""
    lines = []
    for status in (*NEXT_STEP, *NOT_PROBLEMS):
        if status in statuses:
            label, style = LABELS[status]
            meaning = (
                f"{ADVICE[status.value]}: {NEXT_STEP[status]}"
                if status in NEXT_STEP
                else NOT_PROBLEMS[status]
            )
            lines.append(Text(label.lower(), style=style).append(f": {meaning}"))
    if retracted:
        lines.append(Text("retracted", style="bold magenta").append(f": {ADVICE[RETRACTED]}"))
    if off_topic:
        advice = f": {ADVICE[OFF_TOPIC]}: check the claim, or cite a work that supports it"
        lines.append(Text("off topic", style="bold cyan").append(advice))
    return lines


# How each claim is introduced under the reference it cites.
CLAIM_LABELS = {
    Topic.OFF_TOPIC: "OFF TOPIC",
    Topic.MATCHES: "on topic",
    Topic.UNKNOWN: "claim not judged",
}


def _details(verdict: Verdict) -> Text:
    lines = [f"{m.field.value}: {m.cited} -> {m.found}" for m in verdict.mismatches]
    if verdict.status is Status.NOT_FOUND:
        lines.append("no matching record: likely fabricated")
    lines.extend(verdict.warnings)
    found = _found(verdict)
    if found:
        lines.append(f"found: {found}")
    text = Text("\n".join(lines))
    for claim in verdict.claims:
        style = "bold cyan" if claim.topic is Topic.OFF_TOPIC else ""
        text.append("\n")
        text.append(f"line {claim.line}, {CLAIM_LABELS[claim.topic]}: ", style=style)
        text.append(claim.why)
    if verdict.suggestion:
        text.append("\ncorrected entry: ", style="bold")
        text.append(verdict.suggestion)
    return text


def _found(verdict: Verdict) -> str:
    record = verdict.match
    if record is None:
        return ""
    if record.doi:
        return f"doi:{record.doi}"
    return f"PMID {record.pmid}" if record.pmid else ""


def _file_table(file: FileReport) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Reference", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Details (cited -> found)", overflow="fold")
    for verdict in file.verdicts:
        label, style = LABELS[verdict.status]
        status = Text(label, style=style)
        if verdict.retracted:
            status.append("\nRETRACTED", style="bold magenta")
        table.add_row(
            str(verdict.reference.index), who(verdict.reference), status, _details(verdict)
        )
    return table


def citations_line(check: CitationCheck) -> str:
    """In-text citations against the list: what points nowhere, what nothing points to."""
    line = f"in-text citations: {check.found} found"
    if check.unresolved:
        line += f"; pointing to no reference: {', '.join(check.unresolved)}"
    if check.uncited:
        line += f"; references never cited: {', '.join(f'#{i}' for i in check.uncited)}"
    if not check.unresolved and not check.uncited and check.found:
        line += ", each matching a reference"
    return line


def summary_line(summary: Summary, files_skipped: int = 0) -> str:
    parts = [
        f"{summary.verified} verified",
        f"{summary.mismatched} mismatched",
        f"{summary.not_found} not found",
        f"{summary.unverified} unverified",
    ]
    for count, name in (
        (summary.skipped, "skipped"),
        (summary.ignored, "ignored"),
        (summary.retracted, "retracted"),
        (summary.off_topic, "cited off topic"),
    ):
        if count:
            parts.append(f"{count} {name}")
    files = f"{summary.files} file{'s' if summary.files != 1 else ''}"
    if summary.errors:
        files += f" ({summary.errors} could not be checked)"
    if summary.without_references:
        count = summary.without_references
        files += f", {count} without a reference list"
    if files_skipped:
        files += f", {files_skipped} other file{'s' if files_skipped != 1 else ''} skipped"
    return f"{files}, {summary.references} references: " + ", ".join(parts)


class Writer:
    """Writes a table per file as each arrives, then the legend and the summary."""

    def __init__(self, out: TextIO, *, color: bool = False, width: int = 120) -> None:
        self._out = out
        self._color = color
        self._width = width
        self._statuses: set[Status] = set()
        self._retracted = False
        self._off_topic = False

    def _print(self, *items: Text | Table | str) -> None:
        buffer = StringIO()
        console = Console(
            file=buffer,
            force_terminal=self._color,
            no_color=not self._color,
            width=self._width,
            highlight=False,
            soft_wrap=False,
        )
        for item in items:
            # Lines (a path, an error, the summary) are not cut at the width: a path
            # broken in two cannot be pasted or searched for; the terminal wraps them.
            console.print(item, soft_wrap=not isinstance(item, Table))
        text = buffer.getvalue()
        # rich pads table cells to the column width; trailing blanks only get in the way of
        # people who paste the report or diff it.
        if not self._color:
            text = "\n".join(line.rstrip() for line in text.split("\n"))
        self._out.write(text)

    def add(self, file: FileReport) -> None:
        self._statuses.update(v.status for v in file.verdicts)
        self._retracted = self._retracted or any(v.retracted for v in file.verdicts)
        self._off_topic = self._off_topic or any(v.off_topic for v in file.verdicts)
        if file.no_references:
            return  # named once, in the summary
        if file.error is not None:
            self._print(Text(f"{file.path}: error: {file.error}", style="bold red"), "")
            return
        count = len(file.verdicts)
        heading = Text(f"{file.path}: {count} reference{'s' if count != 1 else ''}", style="bold")
        lines: list[Text | Table | str] = [heading, _file_table(file)]
        if file.citations is not None:
            lines.append(Text(citations_line(file.citations)))
        self._print(*lines, "")

    def finish(self, summary: Summary, files_skipped: int = 0) -> None:
        legend = _legend(self._statuses, self._retracted, self._off_topic)
        self._print(*legend, Text(summary_line(summary, files_skipped), style="bold"))


def render(report: Report, *, color: bool = False, width: int = 120) -> str:
    buffer = StringIO()
    writer = Writer(buffer, color=color, width=width)
    for file in report.files:
        writer.add(file)
    writer.finish(report.summary(), report.files_skipped)
    return buffer.getvalue()
