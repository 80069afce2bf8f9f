"""DataCite REST API answers, validated, as Records.

An answer is decoded into the schema below (msgspec), after DataCite's REST API guide
(support.datacite.org/docs/api-get-doi: a JSON:API document whose `data` holds one DOI or a
list of them, each with `attributes`) and the metadata schema's properties (creators with
givenName/familyName or only a name, titles, publisher, publicationYear, types with
resourceTypeGeneral, relatedIdentifiers). Only the fields citecheck uses; a used field of
the wrong type or a cut body makes the answer invalid: InvalidAnswerError (the service's
failure: unverified, nothing cached), never a crash. Text is cleaned of markup on the way.
"""

from __future__ import annotations

import re

import msgspec

from citecheck.markup import clean_optional, clean_text
from citecheck.model import Record, Source
from citecheck.normalize import author_label, clean_doi
from citecheck.resolve.errors import GarbledAnswerError, InvalidAnswerError


class _Creator(msgspec.Struct, kw_only=True):
    name: str | None = None
    givenName: str | None = None  # noqa: N815 (DataCite's field names)
    familyName: str | None = None  # noqa: N815


class _Title(msgspec.Struct, kw_only=True):
    title: str | None = None


class _Publisher(msgspec.Struct, kw_only=True):
    name: str | None = None  # the object form (metadata schema 4.5; `publisher=true`)


class _Container(msgspec.Struct, kw_only=True):
    title: str | None = None


class _Types(msgspec.Struct, kw_only=True):
    resourceTypeGeneral: str | None = None  # noqa: N815


class _Related(msgspec.Struct, kw_only=True):
    relationType: str | None = None  # noqa: N815
    relatedIdentifier: str | None = None  # noqa: N815
    relatedIdentifierType: str | None = None  # noqa: N815


class Attributes(msgspec.Struct, kw_only=True):
    doi: str
    creators: list[_Creator] = msgspec.field(default_factory=list)
    titles: list[_Title] = msgspec.field(default_factory=list)
    publisher: str | _Publisher | None = None
    container: _Container | None = None
    publicationYear: int | str | None = None  # noqa: N815 (a number; older records: "2017")
    types: _Types | None = None
    relatedIdentifiers: list[_Related] = msgspec.field(default_factory=list)  # noqa: N815


class _Item(msgspec.Struct, kw_only=True):
    attributes: Attributes


class _Many(msgspec.Struct):
    data: list[_Item]


def _decode(body: bytes) -> _Many:
    try:
        return msgspec.json.decode(body, type=_Many)
    except msgspec.ValidationError as error:
        raise InvalidAnswerError(f"answer of the wrong shape: {error}") from None
    except msgspec.DecodeError:
        raise GarbledAnswerError("answer is not JSON (cut off or garbled)") from None


def decode_dois(body: bytes) -> list[Record]:
    """The Records of a /dois list answer, in its order."""
    return [doi_to_record(item.attributes) for item in _decode(body).data]


def _kebab(relation: str) -> str:
    """DataCite's relationType ("IsVersionOf") in Crossref's spelling ("is-version-of")."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", relation).lower()


def _year(value: int | str | None) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*", value):
        return int(value)
    if value in (None, ""):
        return None
    raise InvalidAnswerError(f"answer of the wrong shape: publicationYear {value!r:.20}")


def doi_to_record(attributes: Attributes) -> Record:
    """One DOI's validated attributes as a Record: the venue is the container (a journal
    or series) when there is one, else the publisher ("arXiv", "Zenodo")."""
    authors = []
    for creator in attributes.creators:
        family = clean_optional(creator.familyName)
        if family:
            authors.append(author_label(family, clean_optional(creator.givenName)))
        elif creator.name and clean_text(creator.name):
            authors.append(clean_text(creator.name))
    title = next((clean_text(t.title) for t in attributes.titles if t.title), None)
    publisher = attributes.publisher
    publisher_name = publisher.name if isinstance(publisher, _Publisher) else publisher
    container = attributes.container.title if attributes.container else None
    names = tuple(
        dict.fromkeys(n for n in (clean_optional(container), clean_optional(publisher_name)) if n)
    )
    related = [
        (_kebab(r.relationType), clean_doi(r.relatedIdentifier))
        for r in attributes.relatedIdentifiers
        if r.relationType
        and r.relatedIdentifier
        and (r.relatedIdentifierType or "").upper() == "DOI"
    ]
    return Record(
        source=Source.DATACITE,
        authors=tuple(authors),
        title=title or None,
        journal=names[0] if names else None,
        journals=names,
        year=_year(attributes.publicationYear),
        doi=clean_doi(attributes.doi),
        kind=attributes.types.resourceTypeGeneral if attributes.types else None,
        publisher=clean_optional(publisher_name),
        relations=tuple((kind, target) for kind, target in related if target),
    )
