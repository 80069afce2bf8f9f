"""A Markdown summary for a pull-request comment: the counts first, then only the problems.

Reference text comes from untrusted pages, so every value is escaped for Markdown (and
for the HTML that GitHub-flavoured Markdown lets through) before it goes in a table cell.
GitHub refuses comments over 65,536 characters: the list stops short of `limit` and says
how much was left out.
"""

from __future__ import annotations

import re
from io import StringIO
from typing import TextIO

from citecheck.model import FileReport, Report, Status, Summary, Verdict
from citecheck.report.problems import (
    ADVICE,
    LABELS,
    SEVERITY_ORDER,
    Problem,
    claim_lines,
    clean,
    file_problems,
    links,
    shorten,
    who,
)
from citecheck.report.text import summary_line

LIMIT = 60_000
_HEAD_ROOM = 2_000  # the headline, counts and advice above the problem tables
# Characters that Markdown (or the HTML it lets through) could act on in a table cell:
# emphasis, code, links, HTML, cell borders, headings, mentions (@), issue links (#).
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#@~!&])")
# GitHub turns bare URLs and www. names into links: break them.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp)(:)|\b(www)(\.)")
ICONS = {
    "retracted": "⛔",
    "not_found": "❌",
    "mismatched": "⚠️",
    "off_topic": "💬",
    "unverified": "❔",
}


def escape(text: str) -> str:
    """Text safe in a table cell: one line, no Markdown, links or HTML taking effect."""
    text = _SPECIAL.sub(r"\\\1", " ".join(clean(text).split()))
    return _AUTOLINK.sub(lambda m: f"{m.group(1) or m.group(3)}\\{m.group(2) or m.group(4)}", text)


def _code(text: str) -> str:
    """An inline code span that holds any text (the fence outgrows the text's backticks)."""
    text = " ".join(clean(text).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _status(verdict: Verdict, kind: str) -> str:
    label = LABELS[kind]
    if kind == "retracted" and verdict.status.value != "verified":
        label += f" ({LABELS[verdict.status.value]})"
    return f"{ICONS[kind]} {label}"


def _details(verdict: Verdict) -> str:
    parts = [
        f"**{m.field.value}**: {escape(m.cited)} → {escape(m.found)}" for m in verdict.mismatches
    ]
    if verdict.status is Status.NOT_FOUND:
        parts.append("no matching record in Crossref or PubMed: likely fabricated")
    parts += [escape(warning) for warning in verdict.warnings]
    found = links(verdict.match)
    if found:
        parts.append("found: " + ", ".join(f"[{escape(label)}](<{url}>)" for label, url in found))
    parts += [f"💬 {escape(line)}" for line in claim_lines(verdict)]
    if verdict.suggestion:
        parts.append(f"**corrected entry**: {_code(verdict.suggestion)}")
    return "<br>".join(parts)


def _row(problem: Problem) -> str:
    verdict = problem.verdict
    reference = verdict.reference
    cells = [
        str(reference.index),
        str(reference.line) if reference.line else "",
        f"**{escape(who(reference))}** {escape(shorten(reference.raw, 160))}",
        _status(verdict, problem.kind),
        _details(verdict),
    ]
    return "| " + " | ".join(cells) + " |"


def _counts(summary: Summary) -> list[str]:
    rows = [
        ("verified", summary.verified),
        ("mismatched", summary.mismatched),
        ("not found", summary.not_found),
        ("unverified", summary.unverified),
        ("retracted", summary.retracted),
        ("cited off topic", summary.off_topic),
        ("skipped", summary.skipped),
        ("ignored", summary.ignored),
        ("unreadable files", summary.errors),
    ]
    header = "| " + " | ".join(name for name, _ in rows) + " |"
    rule = "|" + "---:|" * len(rows)
    values = "| " + " | ".join(str(count) for _, count in rows) + " |"
    return [header, rule, values]


class Writer:
    """Keeps the problem tables that fit in `limit` (and counts the rest), file by file;
    the headline and counts, which come first, are written at the end."""

    def __init__(self, out: TextIO, *, limit: int = LIMIT) -> None:
        self._out = out
        self._limit = limit
        self._blocks: list[str] = []
        self._size = 0
        self._problems = 0
        self._shown = 0
        self._pages = 0
        self._full = False
        self._kinds: set[str] = set()
        self._errors: list[FileReport] = []

    def add(self, file: FileReport) -> None:
        if file.error is not None:
            self._errors.append(FileReport(file.path, error=file.error))
        items = list(file_problems(file))
        if not items:
            return
        self._problems += len(items)
        self._pages += 1
        self._kinds.update(p.kind for p in items)
        self._kinds.update("off_topic" for p in items if p.verdict.off_topic)
        if self._full:
            return
        block = [
            f"### {_code(file.path)}: {len(items)} problem{'s' if len(items) != 1 else ''}",
            "",
            "| # | line | reference | status | what is wrong (cited → found) |",
            "|---:|---:|---|---|---|",
            *(_row(p) for p in items),
            "",
        ]
        block_size = sum(len(line) + 1 for line in block)
        # The head (headline, counts, advice, unreadable files) takes its share of the limit.
        if self._size + block_size + _HEAD_ROOM + 200 * len(self._errors) > self._limit:
            self._full = True
            return
        self._blocks.extend(block)
        self._size += block_size
        self._shown += len(items)

    def finish(self, summary: Summary, files_skipped: int = 0) -> None:
        errors = self._errors
        lines = ["## citecheck: references checked against Crossref and PubMed", ""]
        if self._problems or errors:
            found = self._problems
            headline = f"**{found} problem reference{'s' if found != 1 else ''}**"
            files = summary.files
            headline += f" in {self._pages} of {files} file{'s' if files != 1 else ''}"
            if errors:
                headline += (
                    f"; {len(errors)} file{'s' if len(errors) != 1 else ''} could not be checked"
                )
            lines.append(headline + ".")
        else:
            lines.append("**No problems found.** Every checked reference matches its record.")
        lines += ["", escape(summary_line(summary)), "", *_counts(summary), ""]
        if self._kinds:
            lines += [
                f"- {ICONS[k]} **{LABELS[k]}**: {ADVICE[k]}"
                for k in SEVERITY_ORDER
                if k in self._kinds
            ]
            lines.append("")
        if errors:
            lines += ["### Files that could not be checked", ""]
            lines += [f"- {_code(f.path)}: {escape(f.error or '')}" for f in errors]
            lines.append("")
        lines += self._blocks
        if self._shown < self._problems:
            left = self._problems - self._shown
            lines += [
                f"*…and {left} more problem reference{'s' if left != 1 else ''}, left out to"
                " keep this comment short: see the full report.*",
                "",
            ]
        self._out.write("\n".join(lines))


def render(report: Report, *, limit: int = LIMIT) -> str:
    buffer = StringIO()
    writer = Writer(buffer, limit=limit)
    for file in report.files:
        writer.add(file)
    writer.finish(report.summary(), report.files_skipped)
    return buffer.getvalue()
