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

from collections.abc import Sequence

from citecheck.model import Record, Reference
from citecheck.resolve.datacite_records import decode_dois
from citecheck.resolve.errors import (
    GarbledAnswerError,
    InvalidAnswerError,
    ServiceUnavailable,
    TransientError,
)
from citecheck.resolve.http import Caller, user_agent
from citecheck.resolve.query import bibliographic, plain_words
from citecheck.resolve.service import Hit
from citecheck.resolve.transport import Transport, refuse_unless_ok
from citecheck.settings import Settings

SERVICE = "datacite"
BATCH = 50  # DOIs per `ids=` call: keeps the URL short (third-party clients use 50)
# DOI prefixes registered with DataCite that references cite most: arXiv and Zenodo.
PREFIXES = ("10.48550/", "10.5281/")


def registered_at_datacite(doi: str) -> bool:
    return doi.lower().startswith(PREFIXES)


def arxiv_doi(identifier: str) -> str:
    """arXiv's DataCite DOI for an arXiv identifier (arXiv registers 10.48550/arXiv.ID for
    its articles: info.arxiv.org/help/doi)."""
    return f"10.48550/arxiv.{identifier.lower()}"


class DataCiteService:
    """DataCite behind the resolver's Service interface (service.py)."""

    name: str = SERVICE
    kinds: frozenset[str] = frozenset({"doi", "arxiv"})
    hit_kind: str | None = None

    def __init__(self, settings: Settings, caller: Caller) -> None:
        self.caller = caller
        self._rows = settings.crossref_rows
        self._identity = {"mailto": settings.mailto} if settings.mailto else {}
        self._transport = Transport(
            SERVICE,
            settings.datacite_url,
            timeout=settings.timeout,
            user_agent=user_agent(settings.mailto),
        )

    def _get(self, params: dict[str, str]) -> list[Record]:
        """One paced, retried GET /dois (through the bounded transport: deadline per call,
        size caps, redirects only within DataCite's host), its answer validated."""

        def attempt() -> list[Record]:
            reply = self._transport.get("/dois", {**params, **self._identity})
            refuse_unless_ok(reply, SERVICE)
            try:
                return decode_dois(reply.body)
            except GarbledAnswerError as error:
                raise TransientError(str(error)) from None
            except InvalidAnswerError as error:
                raise ServiceUnavailable(SERVICE, str(error)) from None

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
