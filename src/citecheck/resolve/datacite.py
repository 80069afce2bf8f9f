"""DataCite REST API: DOIs registered with DataCite (arXiv 10.48550, Zenodo 10.5281, ...).

Request shapes (support.datacite.org/docs/api-get-doi "Retrieving a single DOI",
/docs/api-queries "Queries and filtering"; datacite/lupo openapi.yaml, /dois):
  GET /dois?ids=A,B,...&page[size]=N   several DOIs in one call (lupo's dois controller
                                       takes `ids`); DOIs DataCite does not hold are absent
  GET /dois?query=...&page[size]=N&sort=relevance   a search; the default order is by
                                       update date, so relevance must be asked for
Every request says who is asking: a User-Agent with the contact address, and `mailto`,
which puts the client among "identified" users: 1,000 requests per 5 minutes per IP, 500
without (support.datacite.org/docs/rate-limit). `disable-facets=true` spares the server
the facet counts nobody reads here. Answers are JSON:API documents:
{"data": [{"id", "type": "dois", "attributes": {doi, creators, titles, publisher,
publicationYear, types, relatedIdentifiers, container}}], "meta": {...}}.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import requests

from citecheck.model import Record, Reference, Source
from citecheck.normalize import author_label, clean_doi
from citecheck.resolve.errors import ServiceUnavailable, TransientError
from citecheck.resolve.http import Caller, retry_after_seconds, user_agent
from citecheck.resolve.query import bibliographic, plain_words
from citecheck.resolve.service import Hit
from citecheck.settings import Settings

SERVICE = "datacite"
BATCH = 50  # DOIs per `ids=` call: keeps the URL short (third-party clients use 50)
# DOI prefixes registered with DataCite that references cite most: arXiv and Zenodo.
PREFIXES = ("10.48550/", "10.5281/")


def registered_at_datacite(doi: str) -> bool:
    return doi.lower().startswith(PREFIXES)


def arxiv_doi(identifier: str) -> str:
    """arXiv's DataCite DOI for an arXiv identifier (arXiv has registered 10.48550/arXiv.ID
    for every article since 2022: info.arxiv.org/help/doi)."""
    return f"10.48550/arxiv.{identifier.lower()}"


def _kebab(relation: str) -> str:
    """DataCite's relationType ("IsVersionOf") in Crossref's spelling ("is-version-of")."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", relation).lower()


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def doi_to_record(item: Any) -> Record:
    """One JSON:API `data` item as a Record; ServiceUnavailable if it is not one."""
    attributes = item.get("attributes") if isinstance(item, dict) else None
    if not isinstance(attributes, dict) or not isinstance(attributes.get("doi"), str):
        raise ServiceUnavailable(SERVICE, "answer of an unexpected shape (no DOI)")
    authors = []
    for creator in attributes.get("creators") or []:
        if not isinstance(creator, dict):
            raise ServiceUnavailable(SERVICE, "answer of an unexpected shape (creators)")
        family = _text(creator.get("familyName"))
        name = _text(creator.get("name"))
        if family:
            authors.append(author_label(family, _text(creator.get("givenName"))))
        elif name:
            authors.append(name)
    titles = [t.get("title") for t in attributes.get("titles") or [] if isinstance(t, dict)]
    title = next((_text(t) for t in titles if _text(t)), None)
    container = attributes.get("container") or {}
    publisher = attributes.get("publisher")
    if isinstance(publisher, dict):  # the object form DataCite announced for 2027
        publisher = publisher.get("name")
    venue = _text(container.get("title") if isinstance(container, dict) else None)
    names = tuple(dict.fromkeys(n for n in (venue, _text(publisher)) if n))
    year = attributes.get("publicationYear")
    try:
        year = int(year) if year is not None else None
    except (TypeError, ValueError):
        raise ServiceUnavailable(SERVICE, "answer of an unexpected shape (year)") from None
    types = attributes.get("types") or {}
    related = [
        (_kebab(str(r.get("relationType"))), clean_doi(str(r.get("relatedIdentifier"))) or "")
        for r in attributes.get("relatedIdentifiers") or []
        if isinstance(r, dict) and str(r.get("relatedIdentifierType")).upper() == "DOI"
    ]
    return Record(
        source=Source.DATACITE,
        authors=tuple(authors),
        title=title,
        journal=names[0] if names else None,
        journals=names,
        year=year,
        doi=clean_doi(attributes["doi"]),
        kind=_text(types.get("resourceTypeGeneral")) if isinstance(types, dict) else None,
        publisher=_text(publisher),
        relations=tuple((kind, target) for kind, target in related if target),
    )


def _records(data: Any) -> list[Record]:
    items = data.get("data") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ServiceUnavailable(SERVICE, "answer of an unexpected shape (no data list)")
    return [doi_to_record(item) for item in items]


class DataCiteService:
    """DataCite behind the resolver's Service interface (service.py)."""

    name: str = SERVICE
    kinds: frozenset[str] = frozenset({"doi", "arxiv"})
    hit_kind: str | None = None

    def __init__(self, settings: Settings, caller: Caller) -> None:
        self.caller = caller
        self._base_url = settings.datacite_url
        self._timeout = settings.timeout
        self._rows = settings.crossref_rows
        self._mailto = settings.mailto
        self._session = requests.Session()
        self._session.headers["User-Agent"] = user_agent(settings.mailto)

    def _get(self, params: dict[str, str]) -> list[Record]:
        """One paced, retried GET /dois."""
        if self._mailto:
            params = {**params, "mailto": self._mailto}

        def attempt() -> list[Record]:
            try:
                response = self._session.get(
                    f"{self._base_url}/dois", params=params, timeout=self._timeout
                )
            except requests.Timeout as error:
                raise TransientError("no answer (timed out)") from error
            except requests.RequestException as error:
                raise TransientError("no answer (could not connect)") from error
            status = response.status_code
            if status == 429 or status >= 500:
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                raise TransientError(f"HTTP {status}", retry_after=retry_after, status=status)
            if status != 200:
                raise ServiceUnavailable(SERVICE, f"HTTP {status} (request refused)")
            try:
                data = response.json()
            except ValueError as error:
                raise TransientError("answer is not JSON") from error
            return _records(data)

        return self.caller.call(attempt)

    def identify(self, kind: str, ids: Sequence[str]) -> dict[str, list[Hit]]:
        """Records for DOIs, or arXiv identifiers (by their DOI), BATCH per call."""
        dois = {arxiv_doi(i) if kind == "arxiv" else i.lower(): i for i in ids}
        wanted = list(dois)
        found: dict[str, list[Hit]] = {}
        for start in range(0, len(wanted), BATCH):
            batch = wanted[start : start + BATCH]
            params = {"ids": ",".join(batch), "page[size]": str(len(batch))}
            for record in self._get({**params, "disable-facets": "true"}):
                if record.doi in dois:
                    found[dois[record.doi]] = [record]
        return found

    def query(self, reference: Reference) -> str | None:
        words = plain_words(bibliographic(reference))
        return words or None

    def search(self, query: str) -> list[Hit]:
        params = {
            "query": query,
            "page[size]": str(self._rows),
            "sort": "relevance",
            "disable-facets": "true",
        }
        return list(self._get(params))
