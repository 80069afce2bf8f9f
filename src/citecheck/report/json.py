"""The JSON report, exactly as CONTRACT.md fixes it (schema 1)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, TextIO

from citecheck import __version__
from citecheck.model import (
    CitationCheck,
    FileReport,
    Record,
    Reference,
    Report,
    Summary,
    Verdict,
)

SCHEMA = 1


def _cited(reference: Reference) -> dict[str, Any]:
    return {
        "authors": list(reference.authors),
        "title": reference.title,
        "journal": reference.journal,
        "year": reference.year,
        "volume": reference.volume,
        "issue": reference.issue,
        "pages": reference.pages,
        "doi": reference.doi,
        "pmid": reference.pmid,
    }


def _match(record: Record | None) -> dict[str, Any] | None:
    if record is None:
        return None
    return {
        "authors": list(record.authors),
        "title": record.title,
        "journal": record.journal,
        "year": record.year,
        "volume": record.volume,
        "issue": record.issue,
        "pages": record.pages,
        "doi": record.doi,
        "pmid": record.pmid,
        "source": record.source.value,
    }


def _reference(verdict: Verdict) -> dict[str, Any]:
    reference = verdict.reference
    return {
        "index": reference.index,
        "raw": reference.raw,
        "line": reference.line,
        "origin": reference.origin,
        "status": verdict.status.value,
        "retracted": verdict.retracted,
        "score": verdict.score,
        "cited": _cited(reference),
        "match": _match(verdict.match),
        "mismatches": [
            {"field": m.field.value, "cited": m.cited, "found": m.found} for m in verdict.mismatches
        ],
        "warnings": list(verdict.warnings),
        "claims": [
            {"line": c.line, "sentence": c.sentence, "topic": c.topic.value, "why": c.why}
            for c in verdict.claims
        ],
        "suggestion": verdict.suggestion,
    }


def _citations(check: CitationCheck | None) -> dict[str, Any] | None:
    if check is None:
        return None
    return {
        "found": check.found,
        "unresolved": list(check.unresolved),
        "uncited": list(check.uncited),
    }


def _file(file: FileReport) -> dict[str, Any]:
    return {
        "path": file.path,
        "error": file.error,
        "references": [_reference(v) for v in file.verdicts],
        "citations": _citations(file.citations),
        "no_references": file.no_references,
    }


def _summary(summary: Summary) -> dict[str, Any]:
    # Every count of the Summary but `errors`, which the file entries already show.
    return {k: v for k, v in asdict(summary).items() if k != "errors"}


def to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "tool": {"name": "citecheck", "version": __version__},
        "files": [_file(f) for f in report.files],
        "summary": _summary(report.summary()),
    }


def _dumps(value: Any, depth: int) -> str:
    """`value` as json.dumps(indent=2) writes it `depth` levels down in the document."""
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)


class Writer:
    """Writes the report file by file, the same text `render` gives, without holding it."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._files = 0
        head = {"schema": SCHEMA, "tool": {"name": "citecheck", "version": __version__}}
        out.write(_dumps(head, 0)[:-2] + ',\n  "files": [')

    def add(self, file: FileReport) -> None:
        self._out.write(("," if self._files else "") + "\n    " + _dumps(_file(file), 2))
        self._files += 1

    def finish(self, summary: Summary, files_skipped: int = 0) -> None:
        close = "\n  ]" if self._files else "]"
        self._out.write(f'{close},\n  "summary": {_dumps(_summary(summary), 1)}\n}}\n')


def render(report: Report) -> str:
    return json.dumps(to_dict(report), indent=2, ensure_ascii=False) + "\n"
