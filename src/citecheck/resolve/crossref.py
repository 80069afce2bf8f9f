"""Crossref REST API through habanero: DOI look-ups and bibliographic searches.

Request shapes follow the Crossref REST API documentation (see ../shared/SERVICES.md,
sections 1-4): `GET /works/{doi}` (404 "Resource not found." for an unknown DOI) and
`GET /works?query.bibliographic=...&rows=N&select=...`. The contact address goes in
the User-Agent (`mailto:`), which is what places a client in the polite pool.
This is the only module that imports habanero.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from habanero import Crossref

from citecheck.model import Record, Reference, Source
from citecheck.normalize import author_label, clean_doi, full_pages
from citecheck.resolve.errors import ServiceUnavailable, TransientError
from citecheck.resolve.http import Caller, rate_from_headers, retry_after_seconds, user_agent
from citecheck.resolve.query import bibliographic
from citecheck.resolve.service import Hit
from citecheck.settings import Settings

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
    "publisher",
    "ISBN",
    "relation",
]
# DOIs per batch call: keeps the URL well under common 8 KB limits (third-party clients
# use 50; SERVICES.md section 3). A DOI with a comma cannot go in a filter list.
BATCH = 50
# Crossref update types that are warnings, not retractions (SERVICES.md section 4).
NOTICE_TYPES = {"correction", "erratum", "expression_of_concern", "addendum", "clarification"}


def _classify(error: Exception) -> Exception:
    """Turn whatever habanero raised into 'no such DOI', retry, or give up.

    habanero raises HTTP errors of its HTTP client (with `.response`), its own
    RequestError (with `.status_code`), RuntimeError for transport failures and
    ValueError for bodies that are not JSON; read the status where there is one.
    """
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None) or getattr(error, "status_code", None)
    if status is None:
        if isinstance(error, ValueError):
            return TransientError("answer is not JSON")
        text = str(error).lower()
        if "timed out" in text or "timeout" in type(error).__name__.lower():
            return TransientError("no answer (timed out)")
        if isinstance(error, RuntimeError):  # habanero's wrapper for transport failures
            return TransientError("no answer (could not connect)")
        return TransientError(f"no usable answer ({type(error).__name__})")
    status = int(status)
    if status == 429 or status >= 500:
        headers = getattr(response, "headers", None) or {}
        retry_after = retry_after_seconds(headers.get("retry-after"))
        return TransientError(f"HTTP {status}", retry_after=retry_after, status=status)
    if status == 404:
        return LookupError("not found")
    return ServiceUnavailable(SERVICE, f"HTTP {status} (request refused)")


def _year(work: dict[str, Any]) -> int | None:
    for key in ("issued", "published-print", "published-online"):
        parts = (work.get(key) or {}).get("date-parts") or [[]]
        if parts and parts[0] and parts[0][0]:
            return int(parts[0][0])
    return None


def _first(values: Any) -> str | None:
    if isinstance(values, list):
        return str(values[0]) if values else None
    return str(values) if values else None


def work_to_record(work: dict[str, Any]) -> Record:
    """A Crossref work (the `message` of /works/{doi}, or an item of /works) as a Record."""
    authors = tuple(
        author_label(a["family"], a.get("given")) if a.get("family") else str(a.get("name", ""))
        for a in work.get("author") or []
        if a.get("family") or a.get("name")
    )
    names = [*(work.get("container-title") or []), *(work.get("short-container-title") or [])]
    updates = work.get("updated-by") or []
    kinds = {str(u.get("type", "")).lower() for u in updates}
    notices = tuple(sorted(k.replace("_", " ") for k in kinds & NOTICE_TYPES))
    return Record(
        source=Source.CROSSREF,
        authors=authors,
        title=_first(work.get("title")),
        journal=names[0] if names else None,
        journals=tuple(dict.fromkeys(names)),
        year=_year(work),
        volume=work.get("volume"),
        issue=work.get("issue"),
        pages=full_pages(work.get("page")) or work.get("article-number"),
        doi=clean_doi(work.get("DOI")),
        retracted="retraction" in kinds,
        notices=notices,
    )


class CrossrefClient:
    def __init__(self, base_url: str, mailto: str | None, timeout: float, caller: Caller):
        # habanero puts `mailto` into its own User-Agent; ours names citecheck as well.
        self._crossref = Crossref(
            base_url=base_url,
            mailto=mailto,
            ua_string=user_agent(mailto),
            timeout=timeout,
        )
        self._caller = caller

    def _ask(self, **arguments: Any) -> dict[str, Any] | None:
        """One paced, retried habanero call; None when Crossref says "no such DOI"."""

        def attempt() -> dict[str, Any] | None:
            try:
                answer = self._crossref.works(**arguments)
            except Exception as error:  # habanero's errors have no common base class
                self._obey_headers(error)
                outcome = _classify(error)
                if isinstance(outcome, LookupError):
                    return None
                raise outcome from error
            if not isinstance(answer, dict) or not isinstance(answer.get("message"), dict):
                raise TransientError("answer of an unexpected shape")
            return answer

        return self._caller.call(attempt)

    def _obey_headers(self, error: Exception) -> None:
        """Slow down to the limit Crossref announces. habanero returns only the parsed body,
        so the x-rate-limit-* headers can be read only from failed calls' responses."""
        headers = getattr(getattr(error, "response", None), "headers", None)
        if headers:
            rate = rate_from_headers(
                headers.get("x-rate-limit-limit"), headers.get("x-rate-limit-interval")
            )
            self._caller.pacer.limit_to(rate)

    def by_dois(self, dois: list[str]) -> dict[str, Record]:
        """Many DOIs in one list query: `filter=doi:A,doi:B` ORs repeated filters (Crossref's
        documented filter semantics, recommended for batch look-ups: CrossRef/rest-api-doc
        #301). DOIs missing from Crossref are simply absent from the answer."""
        if not dois:
            return {}
        answer = self._ask(filter={"doi": dois}, limit=len(dois), select=SELECT)
        items = (answer or {}).get("message", {}).get("items")
        if not isinstance(items, list):
            raise ServiceUnavailable(SERVICE, "batch answer without an item list")
        records = [work_to_record(item) for item in items if isinstance(item, dict)]
        return {record.doi: record for record in records if record.doi}

    def by_doi(self, doi: str) -> list[Record]:
        # DOIs may hold characters that break a URL path (SERVICES.md section 2).
        answer = self._ask(ids=quote(doi, safe="/()"))
        if answer is None:
            return []
        return [work_to_record(answer["message"])]

    def search(self, citation: str, rows: int) -> list[Record]:
        answer = self._ask(query_bibliographic=citation, limit=rows, select=SELECT)
        items = (answer or {}).get("message", {}).get("items")
        if not isinstance(items, list):
            raise ServiceUnavailable(SERVICE, "search answer without an item list")
        return [work_to_record(item) for item in items if isinstance(item, dict)]


class CrossrefService:
    """Crossref behind the resolver's Service interface (service.py): DOIs in batches of
    BATCH (one at a time for a DOI with a comma, which a filter list would split), and a
    bibliographic search with the whole reference string."""

    name: str = SERVICE
    kinds: frozenset[str] = frozenset({"doi"})
    hit_kind: str | None = None

    def __init__(self, settings: Settings, caller: Caller) -> None:
        self.caller = caller
        self._client = CrossrefClient(
            settings.crossref_url, settings.mailto, settings.timeout, caller
        )
        self._rows = settings.crossref_rows

    def identify(self, kind: str, ids: Sequence[str]) -> dict[str, list[Hit]]:
        found: dict[str, list[Hit]] = {}
        listable = [doi for doi in ids if "," not in doi]
        for start in range(0, len(listable), BATCH):
            batch = listable[start : start + BATCH]
            records = self._client.by_dois(batch)
            found.update({doi: [records[doi]] for doi in batch if doi in records})
        for doi in ids:
            if "," in doi:
                found[doi] = list(self._client.by_doi(doi))
        return found

    def query(self, reference: Reference) -> str | None:
        return bibliographic(reference)

    def search(self, query: str) -> list[Hit]:
        return list(self._client.search(query, self._rows))
