"""Service answers are validated before use: a wrong type is the service's failure."""

from __future__ import annotations

import json
from typing import Any

import pytest

from citecheck.model import Source
from citecheck.resolve.crossref_records import decode_work, decode_works
from citecheck.resolve.errors import GarbledAnswerError, InvalidAnswerError
from citecheck.resolve.pubmed_records import decode_search, decode_summaries

WORK: dict[str, Any] = {
    "DOI": "10.1016/S0006-3223(99)00230-9",
    "type": "journal-article",
    "title": ["Antidepressant effects of ketamine in depressed patients"],
    "author": [{"given": "Robert M.", "family": "Berman"}, {"name": "The Study Group"}],
    "container-title": ["Biological Psychiatry"],
    "short-container-title": ["Biol Psychiatry"],
    "issued": {"date-parts": [[2000, 2]]},
    "volume": "47",
    "issue": "4",
    "page": "351-354",
}
SUMMARY: dict[str, Any] = {
    "uid": "10686270",
    "pubdate": "2000 Feb 15",
    "source": "Biol Psychiatry",
    "fulljournalname": "Biological psychiatry",
    "title": "Antidepressant effects of ketamine in depressed patients.",
    "volume": "47",
    "issue": "4",
    "pages": "351-4",
    "authors": [{"name": "Berman RM", "authtype": "Author"}],
    "pubtype": ["Journal Article"],
    "articleids": [{"idtype": "doi", "value": "10.1016/s0006-3223(99)00230-9"}],
}


def crossref_list(*works: dict[str, Any]) -> bytes:
    return json.dumps({"status": "ok", "message": {"items": list(works)}}).encode()


def esummary(*summaries: dict[str, Any]) -> bytes:
    result: dict[str, Any] = {"uids": [s.get("uid") for s in summaries]}
    result.update({str(s.get("uid")): s for s in summaries})
    return json.dumps({"header": {"type": "esummary"}, "result": result}).encode()


def test_a_crossref_work_becomes_a_record() -> None:
    [record] = decode_works(crossref_list(WORK))
    assert record.source is Source.CROSSREF
    assert record.authors == ("Berman RM", "The Study Group")
    assert (record.journal, record.year, record.pages) == ("Biological Psychiatry", 2000, "351-354")
    assert record.journals == ("Biological Psychiatry", "Biol Psychiatry")
    assert record.doi == "10.1016/s0006-3223(99)00230-9"
    assert record.kind == "journal-article"
    single = json.dumps({"status": "ok", "message-type": "work", "message": WORK}).encode()
    assert decode_work(single) == record


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"issued": {"date-parts": [["2000x"]]}}, "issued"),
        ({"author": ["Berman RM", "Krystal JH"]}, "author"),
        ({"title": "Not a list"}, "title"),
        ({"volume": 47}, "volume"),
        ({"page": ["351-354"]}, "page"),
        ({"container-title": [None]}, "container-title"),
        ({"updated-by": {"type": "retraction"}}, "updated-by"),
        ({"DOI": None}, "DOI"),
    ],
)
def test_a_crossref_answer_with_a_wrong_type_is_invalid(change: dict[str, Any], where: str) -> None:
    with pytest.raises(InvalidAnswerError, match=rf"wrong shape.*{where}"):
        decode_works(crossref_list(WORK, {**WORK, **change}))


@pytest.mark.parametrize(
    "body",
    [
        b'{"status": "ok", "message": {"items": [{"DOI": "10.1/x"',  # cut off
        b"<html><body>Backend error</body></html>",
        b"",
    ],
)
def test_a_garbled_answer_is_worth_another_try(body: bytes) -> None:
    with pytest.raises(GarbledAnswerError):
        decode_works(body)


@pytest.mark.parametrize(
    "body",
    [
        b'{"status": "ok", "message-type": "unknown", "message": ["surprise"], "result": 7}',
        b'{"status": "failed", "message": {"items": []}}',
        b"[1, 2, 3]",
    ],
)
def test_a_crossref_answer_of_the_wrong_shape_is_invalid(body: bytes) -> None:
    with pytest.raises(InvalidAnswerError):
        decode_works(body)


def test_unknown_dates_and_extra_fields_are_fine() -> None:
    work = {**WORK, "issued": {"date-parts": [[None]]}, "published-print": {"date-parts": [[1999]]}}
    [record] = decode_works(crossref_list({**work, "something-new": {"a": [1]}}))
    assert record.year == 1999


def test_an_esummary_answer_becomes_records() -> None:
    missing = {"uid": "99999999", "error": "cannot get document summary"}
    [record] = decode_summaries(esummary(SUMMARY, missing))
    assert record.source is Source.PUBMED
    assert (record.pmid, record.year, record.pages) == ("10686270", 2000, "351-354")
    assert record.title == "Antidepressant effects of ketamine in depressed patients"
    assert record.journals == ("Biological psychiatry", "Biol Psychiatry")
    assert record.doi == "10.1016/s0006-3223(99)00230-9"


@pytest.mark.parametrize(
    "change",
    [
        {"authors": 5},
        {"authors": ["Berman RM"]},
        {"pubtype": "Journal Article"},
        {"articleids": {"idtype": "doi"}},
        {"volume": 47},
        {"title": ["a list"]},
    ],
)
def test_an_esummary_with_a_wrong_type_is_invalid(change: dict[str, Any]) -> None:
    with pytest.raises(InvalidAnswerError, match="wrong shape"):
        decode_summaries(esummary({**SUMMARY, **change}))


@pytest.mark.parametrize(
    "body",
    [
        b'{"header": {}, "error": "Too many UIDs in request. Maximum number of UIDs is 500"}',
        b'{"error":"API rate limit exceeded","api-key":"1.2.3.4","count":"5","limit":"3"}',
        b'{"header": {}, "result": {"uids": 7}}',
        b'{"header": {}, "result": 7}',
        b'{"header": {}}',
    ],
)
def test_esummary_errors_and_shapes(body: bytes) -> None:
    with pytest.raises(InvalidAnswerError):
        decode_summaries(body)


def test_esearch_answers() -> None:
    ok = b'{"esearchresult": {"count": "2", "idlist": ["10686270", "20724638"]}}'
    assert decode_search(ok) == ["10686270", "20724638"]
    for bad in (
        b'{"esearchresult": {"idlist": [10686270]}}',
        b'{"esearchresult": {"idlist": "10686270"}}',
        b'{"esearchresult": {"idlist": ["<b>1</b>"]}}',
        b'{"esearchresult": {"ERROR": "Invalid query"}}',
        b'{"header": {}}',
    ):
        with pytest.raises(InvalidAnswerError):
            decode_search(bad)
