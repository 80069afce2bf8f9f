"""Crossref answers, validated, as Records.

An answer is decoded straight into the schema below (msgspec): only the fields the matcher
uses, each with the type the Crossref REST API documents (api_format.md of
github.com/CrossRef/rest-api-doc; SERVICES.md section 4). Anything else in the answer is
ignored; a used field of the wrong type (a year "2000x", authors given as strings, a title
that is not a list of strings) or a cut body makes the whole answer invalid: InvalidAnswerError,
which the client reports as the service's failure (the references stay unverified, nothing
is cached), never as "not found" and never as a crash.

Values are cleaned on the way (entities, HTML/JATS/MathML markup, wrapped lines), so every
report shows text (citecheck.markup).
"""

from __future__ import annotations

from typing import TypeVar

import msgspec

from citecheck.markup import clean_optional, clean_text
from citecheck.model import Record, Source
from citecheck.normalize import author_label, clean_doi, full_pages
from citecheck.resolve.errors import GarbledAnswerError, InvalidAnswerError

# Crossref update types that are warnings, not retractions (SERVICES.md section 4).
NOTICE_TYPES = {"correction", "erratum", "expression_of_concern", "addendum", "clarification"}


class _Author(msgspec.Struct):
    family: str | None = None
    given: str | None = None
    name: str | None = None  # organisations


class _Date(msgspec.Struct):
    # [[2000, 2, 15]], [[2000]], and in real records [[null]] for an unknown date.
    parts: list[list[int | None]] = msgspec.field(default_factory=list, name="date-parts")


class _Update(msgspec.Struct):
    type: str = ""
    DOI: str | None = None
    source: str | None = None


class _Related(msgspec.Struct):
    id: str
    id_type: str = msgspec.field(default="doi", name="id-type")


class _Event(msgspec.Struct):
    name: str | None = None
    acronym: str | None = None


class Work(msgspec.Struct, kw_only=True):
    """One work (`message` of /works/{doi}, an item of /works): the fields we use."""

    DOI: str
    type: str | None = None
    title: list[str] = msgspec.field(default_factory=list)
    author: list[_Author] = msgspec.field(default_factory=list)
    container_title: list[str] = msgspec.field(default_factory=list, name="container-title")
    short_container_title: list[str] = msgspec.field(
        default_factory=list, name="short-container-title"
    )
    issued: _Date | None = None
    published_print: _Date | None = msgspec.field(default=None, name="published-print")
    published_online: _Date | None = msgspec.field(default=None, name="published-online")
    volume: str | None = None
    issue: str | None = None
    page: str | None = None
    article_number: str | None = msgspec.field(default=None, name="article-number")
    updated_by: list[_Update] = msgspec.field(default_factory=list, name="updated-by")
    publisher: str | None = None
    ISBN: list[str] = msgspec.field(default_factory=list)
    relation: dict[str, list[_Related]] = msgspec.field(default_factory=dict)
    event: _Event | None = None


class _WorkList(msgspec.Struct):
    items: list[Work]


class _WorkAnswer(msgspec.Struct):
    status: str
    message: Work


class _ListAnswer(msgspec.Struct):
    status: str
    message: _WorkList


Answer = TypeVar("Answer", _WorkAnswer, _ListAnswer)


def _answer(body: bytes, schema: type[Answer]) -> Answer:
    try:
        answer = msgspec.json.decode(body, type=schema)
    except msgspec.ValidationError as error:
        raise InvalidAnswerError(f"answer of the wrong shape: {error}") from None
    except msgspec.DecodeError:
        raise GarbledAnswerError("answer is not JSON (cut off or garbled)") from None
    if answer.status != "ok":
        raise InvalidAnswerError(f"answer with status {answer.status[:40]!r}")
    return answer


def decode_work(body: bytes) -> Record:
    """The Record in a /works/{doi} answer; InvalidAnswerError if the body is not one."""
    return work_to_record(_answer(body, _WorkAnswer).message)


def decode_works(body: bytes) -> list[Record]:
    """The Records in a /works list answer, in its order; InvalidAnswerError if it is not one."""
    return [work_to_record(item) for item in _answer(body, _ListAnswer).message.items]


def _year(work: Work) -> int | None:
    for date in (work.issued, work.published_print, work.published_online):
        if date and date.parts and date.parts[0] and date.parts[0][0]:
            return date.parts[0][0]
    return None


def _authors(work: Work) -> tuple[str, ...]:
    names = []
    for author in work.author:
        family = clean_optional(author.family)
        if family:
            names.append(author_label(family, clean_optional(author.given)))
        elif author.name and clean_text(author.name):
            names.append(clean_text(author.name))
    return tuple(names)


def _venues(work: Work) -> tuple[str, ...]:
    """Every name of the venue: journal or proceedings titles, abbreviations, the event."""
    names = [*work.container_title, *work.short_container_title]
    if work.event is not None:
        names += [n for n in (work.event.name, work.event.acronym) if n]
    return tuple(dict.fromkeys(c for c in (clean_text(n) for n in names) if c))


def work_to_record(work: Work) -> Record:
    """A validated Crossref work as a Record, with clean text in every field."""
    kinds = {u.type.lower() for u in work.updated_by}
    notices = tuple(sorted(k.replace("_", " ") for k in kinds & NOTICE_TYPES))
    journals = _venues(work)
    relations = tuple(
        (name, clean_doi(item.id) or item.id if item.id_type.lower() == "doi" else item.id)
        for name, items in sorted(work.relation.items())
        for item in items
    )
    return Record(
        source=Source.CROSSREF,
        authors=_authors(work),
        title=clean_optional(work.title[0]) if work.title else None,
        journal=journals[0] if journals else None,
        journals=journals,
        year=_year(work),
        volume=clean_optional(work.volume),
        issue=clean_optional(work.issue),
        pages=full_pages(clean_optional(work.page)) or clean_optional(work.article_number),
        doi=clean_doi(work.DOI),
        retracted="retraction" in kinds,
        notices=notices,
        kind=work.type,
        publisher=clean_optional(work.publisher),
        isbns=tuple(dict.fromkeys(work.ISBN)),
        relations=relations,
    )
