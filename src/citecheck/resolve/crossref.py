"""Crossref REST API: DOI look-ups and bibliographic searches.

Request shapes follow the Crossref REST API documentation (see ../shared/SERVICES.md,
sections 1-4): `GET /works/{doi}` (404 "Resource not found." for an unknown DOI) and
`GET /works?query.bibliographic=...&rows=N&select=...`. The contact address goes in
the User-Agent (`mailto:`), which is what places a client in the polite pool.
The calls go through our own Transport (deadline per call, size caps, same-host
redirects; transport.py): habanero, used before, reads whole answers with no size limit
and a timeout per read only. Answers are validated and turned into Records in
crossref_records.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from urllib.parse import quote

from citecheck.model import Record, Reference
from citecheck.resolve.crossref_records import decode_work, decode_works
from citecheck.resolve.errors import (
    GarbledAnswerError,
    InvalidAnswerError,
    ServiceUnavailable,
    TransientError,
)
from citecheck.resolve.http import Caller, rate_from_headers, user_agent
from citecheck.resolve.query import bibliographic
from citecheck.resolve.service import Hit
from citecheck.resolve.transport import Reply, Transport, refuse_unless_ok
from citecheck.settings import Settings

T = TypeVar("T")

SERVICE = "crossref"
# Only the fields the matcher reads: `select` keeps answers small (Crossref's advice).
SELECT = [
    "DOI",
    "type",
    "title",
    "author",
    "container-title",
    "short-container-title",
    "issued",
    "published-print",
    "published-online",
    "volume",
    "issue",
    "page",
    "article-number",
    "updated-by",
    # Beyond journal articles: publisher, ISBNs (books, chapters, proceedings), links to
    # other versions (relation: is-preprint-of...), the conference (event): all selectable
    # (rest-api-doc#289).
    "publisher",
    "ISBN",
    "relation",
    "event",
]
# DOIs per batch call: keeps the URL well under common 8 KB limits (third-party clients
# use 50; SERVICES.md section 3). A DOI with a comma cannot go in a filter list.
BATCH = 50


class CrossrefClient:
    def __init__(self, base_url: str, mailto: str | None, timeout: float, caller: Caller):
        self._transport = Transport(
            SERVICE, base_url, timeout=timeout, user_agent=user_agent(mailto)
        )
        self._caller = caller

    def _ask(self, path: str, params: dict[str, str], decode: Callable[[bytes], T]) -> T | None:
        """One paced, retried call, its answer decoded and validated by `decode`; None when
        Crossref says "no such DOI" (its 404)."""

        def attempt() -> T | None:
            reply = self._transport.get(path, params)
            self._obey_headers(reply)
            if reply.status == 404 and _no_such_work(reply.body):
                return None
            refuse_unless_ok(reply, SERVICE)
            try:
                return decode(reply.body)
            except GarbledAnswerError as error:
                raise TransientError(str(error)) from None
            except InvalidAnswerError as error:
                raise ServiceUnavailable(SERVICE, str(error)) from None

        return self._caller.call(attempt)

    def _obey_headers(self, reply: Reply) -> None:
        """Slow down to the limit Crossref announces on every answer (x-rate-limit-*)."""
        rate = rate_from_headers(
            reply.headers.get("x-rate-limit-limit"), reply.headers.get("x-rate-limit-interval")
        )
        self._caller.pacer.limit_to(rate)

    def by_dois(self, dois: list[str]) -> dict[str, Record]:
        """Many DOIs in one list query: `filter=doi:A,doi:B` ORs repeated filters (Crossref's
        documented filter semantics, recommended for batch look-ups: CrossRef/rest-api-doc
        #301). DOIs missing from Crossref are simply absent from the answer."""
        if not dois:
            return {}
        params = {
            "filter": ",".join(f"doi:{doi}" for doi in dois),
            "rows": str(len(dois)),
            "select": ",".join(SELECT),
        }
        records = self._ask("/works", params, decode_works)
        if records is None:
            raise ServiceUnavailable(SERVICE, "HTTP 404 for a list query")
        return {record.doi: record for record in records if record.doi}

    def abstracts(self, dois: list[str]) -> dict[str, dict[str, Any]]:
        """Title, abstract (JATS) and subject areas of many DOIs in one list query (the
        same `filter=doi:` batch as by_dois, `select` asking only for those fields, all
        selectable: Crossref REST API docs, api_format.md); a work Crossref holds no
        abstract for comes back without one. Keyed by lower-case DOI."""
        if not dois:
            return {}
        params = {
            "filter": ",".join(f"doi:{doi}" for doi in dois),
            "rows": str(len(dois)),
            "select": "DOI,title,abstract,subject",
        }
        items = self._ask("/works", params, decode_items)
        if items is None:
            raise ServiceUnavailable(SERVICE, "HTTP 404 for a list query")
        return {str(item["DOI"]).lower(): item for item in items if item.get("DOI")}

    def by_doi(self, doi: str) -> list[Record]:
        # DOIs may hold characters that break a URL path (SERVICES.md section 2).
        record = self._ask(f"/works/{quote(doi, safe='/()')}", {}, decode_work)
        return [] if record is None else [record]

    def search(self, citation: str, rows: int) -> list[Record]:
        params = {"query.bibliographic": citation, "rows": str(rows), "select": ",".join(SELECT)}
        records = self._ask("/works", params, decode_works)
        if records is None:
            raise ServiceUnavailable(SERVICE, "HTTP 404 for a search")
        return records


def _no_such_work(body: bytes) -> bool:
    """Whether a 404 is Crossref's own "Resource not found." (SERVICES.md section 2), not a
    404 from something else at a wrong CITECHECK_CROSSREF_URL, which must not turn every
    DOI into "no such DOI" (it is refused, and the references unverified)."""
    return len(body) < 200 and b"resource not found" in body.lower()


def decode_items(body: bytes) -> list[dict[str, Any]]:
    """The items of a /works list answer as plain JSON objects (for fields the Records do
    not keep: abstract, subject)."""
    try:
        answer = json.loads(body)
    except ValueError:
        raise GarbledAnswerError("answer is not JSON") from None
    message = answer.get("message") if isinstance(answer, dict) else None
    items = message.get("items") if isinstance(message, dict) else None
    if not isinstance(items, list):
        raise InvalidAnswerError("list answer without an item list")
    return [item for item in items if isinstance(item, dict)]


class CrossrefService:
    """Crossref behind the resolver's Service interface (service.py): DOIs in batches of
    BATCH (one at a time for a DOI with a comma, which a filter list would split), and a
    bibliographic search with the whole reference string."""

    name: str = SERVICE
    kinds: frozenset[str] = frozenset({"doi"})
    hit_kind: str | None = None

    def __init__(self, settings: Settings, caller: Caller) -> None:
        self.caller = caller
        self.client = CrossrefClient(
            settings.crossref_url, settings.mailto, settings.timeout, caller
        )
        self._rows = settings.crossref_rows

    def identify(self, kind: str, ids: Sequence[str]) -> dict[str, list[Hit]]:
        found: dict[str, list[Hit]] = {}
        listable = [doi for doi in ids if "," not in doi]
        for start in range(0, len(listable), BATCH):
            batch = listable[start : start + BATCH]
            records = self.client.by_dois(batch)
            found.update({doi: [records[doi]] for doi in batch if doi in records})
        for doi in ids:
            if "," in doi:
                found[doi] = list(self.client.by_doi(doi))
        return found

    def query(self, reference: Reference) -> str | None:
        return bibliographic(reference)

    def search(self, query: str) -> list[Hit]:
        return list(self.client.search(query, self._rows))
