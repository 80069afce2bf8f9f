"""Reports and exit codes from hand-made verdicts (no services involved)."""

from __future__ import annotations

import json

import pytest

from citecheck.cli import exit_code, parse_fail_on
from citecheck.model import (
    FileReport,
    Record,
    Reference,
    Report,
    Status,
    Verdict,
)
from citecheck.report import json as json_report
from citecheck.report import text as text_report
from samples import BERMAN_FOUND as FOUND
from samples import BERMAN_MISMATCHED as MISMATCHED

NOT_FOUND = Verdict(
    Reference(index=2, raw="Fava, M. (2019)", authors=("Fava M",), year=2019), Status.NOT_FOUND
)
UNVERIFIED = Verdict(
    Reference(index=3, raw="x"),
    Status.UNVERIFIED,
    warnings=("pubmed unavailable: HTTP 503 (after 4 tries)",),
)
VERIFIED = Verdict(Reference(index=4, raw="y"), Status.VERIFIED, match=FOUND, score=1.0)
RETRACTED = Verdict(
    Reference(index=5, raw="z"),
    Status.VERIFIED,
    match=Record(**{**FOUND.__dict__, "retracted": True}),
    score=1.0,
)


def report(*verdicts: Verdict, error: str | None = None) -> Report:
    files = [FileReport("article.txt", verdicts=verdicts)]
    if error:
        files.append(FileReport("missing.txt", error=error))
    return Report(files=tuple(files))


def test_json_report_has_the_contract_shape() -> None:
    data = json.loads(json_report.render(report(MISMATCHED, NOT_FOUND, error="no such file")))
    assert data["schema"] == 1
    assert data["tool"]["name"] == "citecheck"
    first = data["files"][0]["references"][0]
    assert set(first) >= {
        "index",
        "raw",
        "status",
        "retracted",
        "score",
        "cited",
        "match",
        "mismatches",
        "warnings",
    }
    assert first["status"] == "mismatched"
    assert first["match"]["source"] == "crossref"
    assert first["match"]["pmid"] == "10686270"
    assert first["cited"]["doi"] is None
    assert first["mismatches"] == [
        {
            "field": "journal",
            "cited": "Archives of General Psychiatry",
            "found": "Biological Psychiatry",
        },
        {"field": "volume", "cited": "57", "found": "47"},
    ]
    assert data["files"][0]["references"][1]["match"] is None
    assert data["files"][1] == {
        "path": "missing.txt",
        "error": "no such file",
        "references": [],
        "citations": None,
        "no_references": False,
    }
    assert data["summary"] == {
        "files": 2,
        "references": 2,
        "verified": 0,
        "mismatched": 1,
        "not_found": 1,
        "unverified": 0,
        "skipped": 0,
        "ignored": 0,
        "retracted": 0,
        "without_references": 0,
        "off_topic": 0,
    }


def test_text_report_says_what_to_fix() -> None:
    text = text_report.render(report(MISMATCHED, NOT_FOUND, UNVERIFIED, RETRACTED))
    assert "journal: Archives of General Psychiatry -> Biological Psychiatry" in text
    assert "doi:10.1016/s0006-3223(99)00230-9" in text
    assert "NOT FOUND" in text and "likely fabricated" in text
    assert "RETRACTED" in text
    assert "\x1b[" not in text  # no colour codes unless asked for
    assert "4 references: 1 verified, 1 mismatched, 1 not found, 1 unverified, 1 retracted" in text


def test_text_report_colours_only_when_asked() -> None:
    assert "\x1b[" in text_report.render(report(MISMATCHED), color=True)


@pytest.mark.parametrize(
    ("verdicts", "error", "fail_on", "code"),
    [
        ((VERIFIED,), None, "mismatched,not_found,retracted", 0),
        ((VERIFIED, MISMATCHED), None, "mismatched,not_found,retracted", 1),
        ((VERIFIED, NOT_FOUND), None, "mismatched", 0),
        ((VERIFIED, UNVERIFIED), None, "mismatched,not_found,retracted", 3),
        ((MISMATCHED, UNVERIFIED), None, "mismatched,not_found,retracted", 1),
        ((VERIFIED, UNVERIFIED), None, "mismatched,unverified", 1),
        ((RETRACTED,), None, "mismatched,not_found,retracted", 1),
        ((RETRACTED,), None, "mismatched,not_found", 0),
        ((MISMATCHED,), "no such file", "mismatched", 2),
    ],
)
def test_exit_codes(
    verdicts: tuple[Verdict, ...], error: str | None, fail_on: str, code: int
) -> None:
    assert exit_code(report(*verdicts, error=error), parse_fail_on(fail_on)) == code
