"""Find candidate records for a reference on Crossref and PubMed, through the cache.

The one place that talks to the network. For each reference:
  Crossref: the cited DOI, else (or if the DOI is unknown) a bibliographic search;
  PubMed:   the cited PMID, else the cited DOI, else a title search.
That is at most three calls per reference. A service that fails (after retries) is
not asked again during the run: its failure is recorded, and the matcher turns it
into `unverified` unless the other service settles the reference.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from citecheck.model import Record, Reference
from citecheck.normalize import fold
from citecheck.resolve.cache import LookupCache
from citecheck.resolve.crossref import CrossrefClient
from citecheck.resolve.errors import ServiceUnavailable
from citecheck.resolve.http import Caller, Pacer
from citecheck.resolve.pubmed import PubMedClient, search_term
from citecheck.settings import Settings

__all__ = ["Lookup", "Resolver", "ServiceUnavailable"]


@dataclass(frozen=True)
class Lookup:
    """What the services said about one reference: candidates, and who failed to answer."""

    records: tuple[Record, ...] = ()
    failures: tuple[ServiceUnavailable, ...] = ()


def merge(crossref: list[Record], pubmed: list[Record]) -> list[Record]:
    """One candidate per work: a Crossref record takes the PMID, journal abbreviations and
    retraction flag of the PubMed record with the same DOI."""
    by_doi = {r.doi: r for r in pubmed if r.doi}
    merged = []
    for record in crossref:
        twin = by_doi.pop(record.doi, None) if record.doi else None
        if twin is not None:
            record = replace(
                record,
                pmid=twin.pmid,
                journals=tuple(dict.fromkeys(record.journals + twin.journals)),
                retracted=record.retracted or twin.retracted,
            )
        merged.append(record)
    merged.extend(r for r in pubmed if not r.doi or r.doi in by_doi)
    return merged


class Resolver:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._cache = LookupCache(settings.cache_dir) if settings.cache_dir else None
        self._down: dict[str, ServiceUnavailable] = {}
        self._memo: dict[tuple[str, str, str], list[Record]] = {}

        def caller(service: str, rate: float) -> Caller:
            return Caller(
                service,
                Pacer(rate),
                retries=settings.retries,
                backoff=settings.backoff,
                max_retry_after=settings.max_retry_after,
            )

        self._crossref = CrossrefClient(
            settings.crossref_url,
            settings.mailto,
            settings.timeout,
            caller("crossref", settings.crossref_rate),
        )
        self._pubmed = PubMedClient(
            settings.pubmed_url,
            settings.mailto,
            settings.ncbi_api_key,
            settings.timeout,
            caller("pubmed", settings.pubmed_rate),
        )

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()

    def _ask(
        self, service: str, kind: str, query: str, fetch: Callable[[], list[Record]]
    ) -> list[Record]:
        """Answer from memory, then the cache, then the service (remembering the answer)."""
        key = (service, kind, query)
        if key in self._memo:
            return self._memo[key]
        cached = self._cache.get(service, kind, query) if self._cache else None
        if cached is None:
            if self._settings.offline:
                raise ServiceUnavailable(service, "offline, and not in the cache")
            if service in self._down:
                raise self._down[service]
            try:
                cached = fetch()
            except ServiceUnavailable as failure:
                self._down[service] = failure
                raise
            if self._cache is not None:
                self._cache.put(service, kind, query, cached)
        self._memo[key] = cached
        return cached

    def _from_crossref(self, reference: Reference) -> list[Record]:
        if reference.doi:
            found = self._ask(
                "crossref", "doi", reference.doi, lambda: self._crossref.by_doi(reference.doi or "")
            )
            if found:
                return found
        rows = self._settings.crossref_rows
        citation = " ".join(reference.raw.split())
        return self._ask(
            "crossref", "search", fold(citation), lambda: self._crossref.search(citation, rows)
        )

    def _from_pubmed(self, reference: Reference) -> list[Record]:
        if reference.pmid:
            pmid = reference.pmid
            return self._ask("pubmed", "pmid", pmid, lambda: self._pubmed.by_pmid(pmid))
        if reference.doi:
            doi = reference.doi
            return self._ask("pubmed", "doi", doi, lambda: self._pubmed.by_doi(doi))
        term = search_term(reference)
        if term is None:
            return []
        rows = self._settings.pubmed_rows
        return self._ask("pubmed", "search", term, lambda: self._pubmed.search(reference, rows))

    def lookup(self, reference: Reference) -> Lookup:
        failures: list[ServiceUnavailable] = []
        answers: dict[str, list[Record]] = {"crossref": [], "pubmed": []}
        for service, ask in (("crossref", self._from_crossref), ("pubmed", self._from_pubmed)):
            try:
                answers[service] = ask(reference)
            except ServiceUnavailable as failure:
                failures.append(failure)
        records = merge(answers["crossref"], answers["pubmed"])
        return Lookup(records=tuple(records), failures=tuple(failures))
