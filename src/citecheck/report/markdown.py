"""A Markdown summary for a pull-request comment: the counts first, then only the problems.

Reference text comes from untrusted pages, so every value is escaped for Markdown (and
for the HTML that GitHub-flavoured Markdown lets through) before it goes in a table cell.
GitHub refuses comments over 65,536 characters: the list stops short of `limit` and says
how much was left out.
"""

from __future__ import annotations

import re
from collections import defaultdict

from citecheck.model import Report, Status, Verdict
from citecheck.report.problems import (
    ADVICE,
    LABELS,
    SEVERITY_ORDER,
    Problem,
    claim_lines,
    clean,
    file_errors,
    links,
    problems,
    shorten,
    who,
)
from citecheck.report.text import summary_line

LIMIT = 60_000
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


def _counts(report: Report) -> list[str]:
    summary = report.summary()
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


def render(report: Report, *, limit: int = LIMIT) -> str:
    found = list(problems(report))
    errors = file_errors(report)
    pages = len({p.path for p in found})
    lines = ["## citecheck: references checked against Crossref and PubMed", ""]
    if found or errors:
        headline = f"**{len(found)} problem reference{'s' if len(found) != 1 else ''}**"
        headline += (
            f" in {pages} of {len(report.files)} file{'s' if len(report.files) != 1 else ''}"
        )
        if errors:
            headline += (
                f"; {len(errors)} file{'s' if len(errors) != 1 else ''} could not be checked"
            )
        lines.append(headline + ".")
    else:
        lines.append("**No problems found.** Every checked reference matches its record.")
    lines += ["", escape(summary_line(report.summary())), "", *_counts(report), ""]

    kinds = {p.kind for p in found} | {"off_topic" for p in found if p.verdict.off_topic}
    if kinds:
        lines += [
            f"- {ICONS[k]} **{LABELS[k]}**: {ADVICE[k]}" for k in SEVERITY_ORDER if k in kinds
        ]
        lines.append("")
    if errors:
        lines += ["### Files that could not be checked", ""]
        lines += [f"- {_code(f.path)}: {escape(f.error or '')}" for f in errors]
        lines.append("")

    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in found:
        by_file[problem.path].append(problem)
    size = sum(len(line) + 1 for line in lines)
    shown = 0
    for path, items in by_file.items():
        block = [
            f"### {_code(path)}: {len(items)} problem{'s' if len(items) != 1 else ''}",
            "",
            "| # | line | reference | status | what is wrong (cited → found) |",
            "|---:|---:|---|---|---|",
        ]
        block += [_row(p) for p in items]
        block.append("")
        block_size = sum(len(line) + 1 for line in block)
        if size + block_size > limit:
            break
        lines += block
        size += block_size
        shown += len(items)
    if shown < len(found):
        left = len(found) - shown
        lines += [
            f"*…and {left} more problem reference{'s' if left != 1 else ''}, left out to keep"
            " this comment short: see the full report.*",
            "",
        ]
    return "\n".join(lines)
