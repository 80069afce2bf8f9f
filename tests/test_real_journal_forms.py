"""Journal names and page ranges in the forms the services really give them, converted as
citecheck converts answers and judged against citations in the forms writers use.

The service-side forms: PubMed's NLM titles carry a bracketed place of publication
("Methods in molecular biology (Clifton, N.J.)") and write sections after a period ("The
Lancet. Infectious diseases"); Crossref gives popular names in brackets ("... (Crelles
Journal)"), HTML entities ("Plant Ecology &amp; Diversity") and page ranges with
supplement suffixes ("1308-1309.e1")."""

from __future__ import annotations

import json
from typing import Any

import pytest

from citecheck.match import judge
from citecheck.model import Lookup, Record, Reference, Status
from citecheck.resolve.crossref_records import decode_works
from citecheck.resolve.pubmed_records import decode_summaries

TITLE = "A study of the matter at hand in forty patients"


def crossref(journal: str, page: str = "101-109", short: list[str] | None = None) -> Record:
    work: dict[str, Any] = {
        "DOI": "10.1000/example.1",
        "type": "journal-article",
        "title": [TITLE],
        "author": [{"given": "Ann", "family": "Smith"}],
        "container-title": [journal],
        "short-container-title": short or [],
        "issued": {"date-parts": [[2019, 5]]},
        "volume": "12",
        "issue": "3",
        "page": page,
    }
    body = json.dumps({"status": "ok", "message": {"items": [work]}}).encode()
    [record] = decode_works(body)
    return record


def pubmed(full: str, source: str, pages: str = "101-9") -> Record:
    summary = {
        "uid": "31000001",
        "pubdate": "2019 May",
        "source": source,
        "fulljournalname": full,
        "title": TITLE + ".",
        "volume": "12",
        "issue": "3",
        "pages": pages,
        "authors": [{"name": "Smith A"}],
        "pubtype": ["Journal Article"],
        "articleids": [{"idtype": "pubmed", "value": "31000001"}],
    }
    body = json.dumps({"result": {"uids": ["31000001"], "31000001": summary}}).encode()
    [record] = decode_summaries(body)
    return record


def cited(journal: str, pages: str = "101-109") -> Reference:
    return Reference(
        index=1,
        raw=f"Smith A. {TITLE}. {journal}. 2019;12(3):{pages}.",
        authors=("Smith A",),
        title=TITLE,
        journal=journal,
        year=2019,
        volume="12",
        issue="3",
        pages=pages,
    )


MIMB = ("Methods in molecular biology (Clifton, N.J.)", "Methods Mol Biol")
LANCET_ID = ("The Lancet. Infectious diseases", "Lancet Infect Dis")
CRELLE = "Journal für die reine und angewandte Mathematik"
CASES = [
    ("Methods Mol Biol", pubmed(*MIMB)),
    ("Methods in Molecular Biology", pubmed(*MIMB)),
    ("Lancet Infect Dis", pubmed(*LANCET_ID)),
    ("The Lancet Infectious Diseases", pubmed(*LANCET_ID)),
    (CRELLE, crossref(f"{CRELLE} (Crelles Journal)")),
    ("Plant Ecology & Diversity", crossref("Plant Ecology &amp; Diversity")),
    (
        "Journal of Pain and Symptom Management",
        crossref("Journal of Pain &amp; Symptom Management"),
    ),
]


@pytest.mark.parametrize(("journal", "record"), CASES, ids=[c[0] for c in CASES])
def test_the_same_journal_in_service_and_citation_forms(journal: str, record: Record) -> None:
    verdict = judge(cited(journal), Lookup(records=(record,)))
    assert verdict.status is Status.VERIFIED, (record.journals, verdict.mismatches)


@pytest.mark.parametrize(
    ("pages", "record"),
    [
        ("1308-1309", crossref("Journal of Example Medicine", page="1308-1309.e1")),
        ("1308-9", crossref("Journal of Example Medicine", page="1308-1309.e1")),
        ("2165-2166", crossref("Journal of Example Medicine", page="2165-a-2166")),
        ("101-109", pubmed("Journal of example medicine", "J Ex Med", pages="101-9")),
    ],
)
def test_page_ranges_with_suffixes_and_medline_forms(pages: str, record: Record) -> None:
    verdict = judge(cited(record.journal or "", pages), Lookup(records=(record,)))
    assert verdict.status is Status.VERIFIED, (record.pages, verdict.mismatches)


def test_a_different_journal_is_still_a_mismatch() -> None:
    record = pubmed(*MIMB)
    verdict = judge(cited("Molecular Biology Reports"), Lookup(records=(record,)))
    assert verdict.status is Status.MISMATCHED
    assert [m.field.value for m in verdict.mismatches] == ["journal"]
