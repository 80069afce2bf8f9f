"""E-utilities JSON answers (ESearch, ESummary), validated, and summaries as Records.

Each answer is decoded into the schema below (msgspec), after NBK25499 and the shapes in
SERVICES.md sections 6-7: ESearch counts and ids are strings, ESummary gives `result.uids`
plus one object per uid (a list of authors, a list of article ids, a list of publication
types). A used field of the wrong type (an integer where PubMed gives a list, a number where
it gives a string) or a cut body makes the answer invalid: InvalidAnswerError, the service's failure
for the references asked about (unverified, nothing cached), never a crash. An in-band
error (`{"error": ...}` with HTTP 200, e.g. too many ids or a rate-limit body) is a failure
too. A uid that PubMed cannot summarise (`{"uid": ..., "error": ...}`) is simply absent.
"""

from __future__ import annotations

import re
from typing import TypeVar

import msgspec

from citecheck.markup import clean_optional, clean_text
from citecheck.model import Record, Source
from citecheck.normalize import clean_doi, full_pages
from citecheck.resolve.errors import GarbledAnswerError, InvalidAnswerError

__all__ = ["InvalidAnswerError", "decode_search", "decode_summaries", "summary_to_record"]


class _Author(msgspec.Struct):
    name: str = ""
    authtype: str = ""


class _ArticleId(msgspec.Struct):
    idtype: str = ""
    value: str = ""


class Summary(msgspec.Struct, kw_only=True):
    """One ESummary document summary (version 0.3 JSON): the fields we use."""

    uid: str = ""
    error: str | None = None  # set instead of the fields for an id PubMed cannot summarise
    pubdate: str = ""
    epubdate: str = ""
    source: str = ""
    fulljournalname: str = ""
    title: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    authors: list[_Author] = msgspec.field(default_factory=list)
    pubtype: list[str] = msgspec.field(default_factory=list)
    articleids: list[_ArticleId] = msgspec.field(default_factory=list)
    # NCBI Bookshelf records (books and chapters) in db=pubmed.
    doctype: str = ""
    booktitle: str = ""
    publishername: str = ""


class _SearchResult(msgspec.Struct):
    idlist: list[str] = msgspec.field(default_factory=list)
    ERROR: str | None = None


class _SearchAnswer(msgspec.Struct):
    esearchresult: _SearchResult | None = None
    error: str | None = None


class _SummaryAnswer(msgspec.Struct):
    # {"uids": [...], "<uid>": {...}, ...}: the uid list and the summaries share one object,
    # so each value is kept raw and decoded by its key.
    result: dict[str, msgspec.Raw] | None = None
    error: str | None = None


Answer = TypeVar("Answer", _SearchAnswer, _SummaryAnswer)


def _answer(body: bytes, schema: type[Answer]) -> Answer:
    """The body decoded into `schema`; InvalidAnswerError for a wrong shape or an in-band
    error, GarbledAnswerError for a body that is not JSON."""
    try:
        answer = msgspec.json.decode(body, type=schema)
    except msgspec.ValidationError as error:
        raise InvalidAnswerError(f"answer of the wrong shape: {error}") from None
    except msgspec.DecodeError:
        raise GarbledAnswerError("answer is not JSON (cut off or garbled)") from None
    if answer.error is not None:  # e.g. too many ids, or a rate-limit body sent with 200
        raise InvalidAnswerError(f"error answer: {clean_text(answer.error)[:80]}")
    return answer


def decode_search(body: bytes) -> list[str]:
    """PMIDs of an ESearch answer, best match first."""
    result = _answer(body, _SearchAnswer).esearchresult
    if result is None:
        raise InvalidAnswerError("search answer without an esearchresult")
    if result.ERROR is not None:
        raise InvalidAnswerError(f"search error: {clean_text(result.ERROR)[:80]}")
    if not all(pmid.isdigit() for pmid in result.idlist):
        raise InvalidAnswerError("search answer with an id that is not a PMID")
    return list(result.idlist)


def decode_summaries(body: bytes) -> list[Record]:
    """The Records of an ESummary answer, in the order of its uid list."""
    result = _answer(body, _SummaryAnswer).result
    if result is None or "uids" not in result:
        raise InvalidAnswerError("summary answer without a result and its uid list")
    try:
        uids = msgspec.json.decode(result["uids"], type=list[str])
        summaries = [msgspec.json.decode(result[u], type=Summary) for u in uids if u in result]
    except msgspec.ValidationError as error:
        raise InvalidAnswerError(f"summary of the wrong shape: {error}") from None
    return [summary_to_record(s) for s in summaries if s.error is None and s.uid]


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def _kind(summary: Summary) -> str | None:
    if summary.doctype in ("book", "chapter"):
        return summary.doctype
    return summary.pubtype[0] if summary.pubtype else None


def summary_to_record(summary: Summary) -> Record:
    """One validated ESummary document summary as a Record, with clean text."""
    ids = {item.idtype: item.value for item in summary.articleids}
    year = _YEAR.search(summary.pubdate) or _YEAR.search(summary.epubdate)
    names = [clean_text(n) for n in (summary.fulljournalname, summary.source, summary.booktitle)]
    names = [n for n in names if n]
    title = clean_text(summary.title)
    return Record(
        source=Source.PUBMED,
        authors=tuple(clean_text(a.name) for a in summary.authors if clean_text(a.name)),
        # PubMed ends every title with a period, and brackets translated titles.
        title=title.rstrip(".") or None,
        journal=names[0] if names else None,
        journals=tuple(dict.fromkeys(names)),
        year=int(year.group(1)) if year else None,
        volume=clean_optional(summary.volume),
        issue=clean_optional(summary.issue),
        pages=full_pages(clean_optional(summary.pages)),
        doi=clean_doi(ids.get("doi")),
        pmid=summary.uid,
        retracted="Retracted Publication" in summary.pubtype,
        kind=_kind(summary),
        publisher=clean_optional(summary.publishername),
    )
