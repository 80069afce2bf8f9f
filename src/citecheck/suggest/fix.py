"""A corrected copy of a document: each mismatched reference replaced by the found record.

In text and Markdown the entry's words are replaced by the suggestion (the found record in
the list's own style), keeping the list marker before it ("• ", "3. ", "[3] "). In BibTeX
only the fields that disagree are rewritten, in the entry's own block, so that keys,
comments and every other field stay as the author wrote them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence

from citecheck.extract.markdown import strip_line
from citecheck.model import DocumentKind, Field, Mismatch, Status, Verdict

__all__ = ["FIXABLE", "corrected", "unified_diff"]

FIXABLE = (DocumentKind.TEXT, DocumentKind.MARKDOWN, DocumentKind.BIBTEX)
_MARKER = re.compile(r"^\s*(?:[-*•·]\s+|\[\d+\]\s*|\d+[.)]\s+)")
Strip = Callable[[str], str]  # a line without its markup (Markdown), or as it is
_BIBTEX_FIELDS = {
    Field.TITLE: "title",
    Field.JOURNAL: "journal",
    Field.YEAR: "year",
    Field.VOLUME: "volume",
    Field.ISSUE: "number",
    Field.PAGES: "pages",
    Field.DOI: "doi",
    Field.PMID: "pmid",
}


def _line_offset(text: str, line: int) -> int:
    offset = 0
    for _ in range(max(0, line - 1)):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return offset


def _entry_lines(lines: list[str], raw: str, line: int, plain: Strip) -> tuple[int, int] | None:
    """The lines [first, last) the entry takes from its 1-based `line` on (hard wraps
    joined): where their words, markup stripped, are the entry's words."""
    wanted = _MARKER.sub("", raw).split()
    first = line - 1
    if not wanted or not 0 <= first < len(lines):
        return None
    seen: list[str] = []
    for last in range(first, min(len(lines), first + 40)):
        seen += (
            _MARKER.sub("", plain(lines[last])).split()
            if last == first
            else plain(lines[last]).split()
        )
        if seen[: len(wanted)] != wanted[: len(seen)]:
            return None
        if len(seen) >= len(wanted):
            return first, last + 1
    return None


def _fix_text(text: str, verdicts: Sequence[Verdict], plain: Strip) -> tuple[str, int]:
    lines = text.split("\n")
    spans = []
    for verdict in verdicts:
        if verdict.status is not Status.MISMATCHED or not verdict.suggestion:
            continue
        span = _entry_lines(lines, verdict.reference.raw, verdict.reference.line, plain)
        if span:
            spans.append((span, verdict.suggestion))
    for (first, last), suggestion in sorted(spans, reverse=True):
        marker = _MARKER.match(lines[first])
        lines[first:last] = [(marker.group(0) if marker else "") + suggestion]
    return "\n".join(lines), len(spans)


def _bibtex_value(mismatch: Mismatch) -> str:
    found = mismatch.found
    if mismatch.field is Field.PAGES:
        found = re.sub(r"\s*[-–]+\s*", "--", found)
    return found.replace("{", "").replace("}", "")


def _entry_block(text: str, line: int) -> tuple[int, int]:
    """The span of the BibTeX entry that starts on or after `line`, up to the next entry."""
    start = text.find("@", _line_offset(text, line))
    start = 0 if start < 0 else start
    following = re.search(r"^\s*@", text[start + 1 :], re.MULTILINE)
    end = start + 1 + following.start() if following else len(text)
    return start, end


def _setter(value: str) -> Callable[[re.Match[str]], str]:
    """A re.sub replacement keeping the field's name and putting `value` after it."""

    def put(match: re.Match[str]) -> str:
        return match.group(1) + value

    return put


def _fix_bibtex(text: str, verdicts: Sequence[Verdict]) -> tuple[str, int]:
    changed = 0
    for verdict in sorted(verdicts, key=lambda v: -v.reference.line):
        if verdict.status is not Status.MISMATCHED:
            continue
        start, end = _entry_block(text, verdict.reference.line)
        block = text[start:end]
        for mismatch in verdict.mismatches:
            name = _BIBTEX_FIELDS.get(mismatch.field)
            if name is None:
                continue
            value = _bibtex_value(mismatch)
            field_re = re.compile(
                rf"(^\s*{name}\s*=\s*)(\{{(?:[^{{}}]|\{{[^{{}}]*\}})*\}}|\"[^\"]*\"|\d+)",
                re.IGNORECASE | re.MULTILINE,
            )
            if field_re.search(block):
                block = field_re.sub(_setter(f"{{{value}}}"), block, count=1)
            else:  # a field the entry lacks: added after the entry's key line
                block = re.sub(r"^(@\w+\s*\{[^,\n]*,)", rf"\1\n  {name} = {{{value}}},", block)
        changed += block != text[start:end]
        text = text[:start] + block + text[end:]
    return text, changed


def corrected(text: str, kind: DocumentKind, verdicts: Sequence[Verdict]) -> tuple[str, int]:
    """The document's text with its mismatched references corrected, and how many."""
    if kind is DocumentKind.BIBTEX:
        return _fix_bibtex(text, verdicts)
    return _fix_text(text, verdicts, strip_line if kind is DocumentKind.MARKDOWN else _same)


def _same(line: str) -> str:
    return line


def unified_diff(before: str, after: str, name: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=name,
        tofile=f"{name} (corrected)",
    )
    return "".join(lines)
