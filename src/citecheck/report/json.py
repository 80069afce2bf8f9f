"""The JSON report, exactly as CONTRACT.md fixes it (schema 1)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from citecheck import __version__
from citecheck.model import CitationCheck, FileReport, Record, Reference, Report, Verdict

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


def to_dict(report: Report) -> dict[str, Any]:
    summary = report.summary()
    return {
        "schema": SCHEMA,
        "tool": {"name": "citecheck", "version": __version__},
        "files": [_file(f) for f in report.files],
        # Every count of the Summary but `errors`, which the file entries already show.
        "summary": {k: v for k, v in asdict(summary).items() if k != "errors"},
    }


def render(report: Report) -> str:
    return json.dumps(to_dict(report), indent=2, ensure_ascii=False) + "\n"
