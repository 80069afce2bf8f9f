"""The look-up strategy: as few calls as possible, each service within its limits.

For all the references of a run at once (identical ones are looked up once):
  1. Batched identifier look-ups, both services at the same time:
     Crossref  `filter=doi:A,doi:B,...` for cited DOIs (50 per call);
     PubMed    ESummary for cited PMIDs (200 per call), and ECitMatch for references
               with journal, volume and first page (50 per call), then ESummary.
  2. For each reference not yet settled (no record identified as the cited work),
     concurrently: PubMed first (the DOI, else title words, then ESummary), then, if
     still unsettled, a Crossref bibliographic search.
A reference is "settled" by a callback (the matcher's rules), so the strategy stops as
soon as the work is identified. A service that fails is recorded on the references it
could not answer for, and not asked again during the run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from citecheck.model import Failure, Field, Lookup, Record, Reference
from citecheck.normalize import family_name, fold
from citecheck.resolve.cache import Cache, open_cache, record_from_dict, record_to_dict
from citecheck.resolve.crossref import BATCH, CrossrefClient
from citecheck.resolve.efetch import Topics
from citecheck.resolve.errors import ServiceUnavailable
from citecheck.resolve.http import Caller, Pacer
from citecheck.resolve.pubmed import PubMedClient, citmatch_line, search_term
from citecheck.resolve.store import AnswerStore, PartlyOffline
from citecheck.settings import Settings

Settled = Callable[[Reference, Lookup], bool]
# (references settled, references in all, what the look-ups are waiting for)
Progress = Callable[[int, int, str], None]


@dataclass(eq=False)  # compared and hashed by identity: one per distinct reference
class _Work:
    """One distinct reference being resolved (shared by all its identical copies)."""

    reference: Reference
    crossref: list[Record] = field(default_factory=list)
    pubmed: list[Record] = field(default_factory=list)
    failures: dict[str, Failure] = field(default_factory=dict)
    # (kind, identifier) -> the record it names, or None: it names nothing.
    cited: dict[tuple[str, str], Record | None] = field(default_factory=dict)

    def lookup(self) -> Lookup:
        return Lookup(
            records=tuple(merge(self.crossref, self.pubmed)),
            failures=tuple(self.failures.values()),
            unresolved=tuple(
                dict.fromkeys(
                    Field(kind) for (kind, _), record in self.cited.items() if record is None
                )
            ),
        )

    def failed(self, failure: ServiceUnavailable) -> None:
        self.failures.setdefault(failure.service, Failure(failure.service, failure.reason))


def merge(crossref: list[Record], pubmed: list[Record]) -> list[Record]:
    """One candidate per work: a Crossref record takes the PMID, journal names and
    retraction flag of the PubMed record with the same DOI."""
    by_doi = {r.doi: r for r in pubmed if r.doi}
    merged = []
    for record in dict.fromkeys(crossref):
        twin = by_doi.pop(record.doi, None) if record.doi else None
        if twin is not None:
            record = Record(
                **{
                    **record.__dict__,
                    "pmid": twin.pmid,
                    "journals": tuple(dict.fromkeys(record.journals + twin.journals)),
                    "retracted": record.retracted or twin.retracted,
                }
            )
        merged.append(record)
    merged.extend(r for r in dict.fromkeys(pubmed) if not r.doi or r.doi in by_doi)
    return merged


def identity(reference: Reference) -> tuple[str, ...]:
    """References that are the same citation, wherever they appear, share this key: the
    parsed fields when there is a title (the same citation in APA on one page and in
    Vancouver on another is looked up once), else the text itself."""
    ids = (reference.doi or "", reference.pmid or "")
    if not reference.title:
        return (*ids, fold(reference.raw))
    first_author = fold(family_name(reference.authors[0])) if reference.authors else ""
    fields = (reference.journal, reference.volume, reference.issue, reference.pages)
    return (
        *ids,
        first_author,
        str(reference.year or ""),
        fold(reference.title),
        *(fold(value or "") for value in fields),
    )


def _never_settled(reference: Reference, lookup: Lookup) -> bool:
    return False


class Resolver:
    def __init__(self, settings: Settings, cache: Cache | None = None) -> None:
        self._settings = settings
        if cache is None:
            cache = open_cache(
                settings.cache_dir,
                settings.cache_url,
                settings.cache_positive_days,
                settings.cache_negative_days,
            )
        origins = {"crossref": settings.crossref_url, "pubmed": settings.pubmed_url}
        self._store = AnswerStore(cache, settings.offline, origins)

        def caller(service: str, rate: float, concurrency: int) -> Caller:
            return Caller(
                service,
                Pacer(rate, concurrency),
                retries=settings.retries,
                backoff=settings.backoff,
                max_retry_after=settings.max_retry_after,
            )

        self._crossref_caller = caller(
            "crossref", settings.crossref_rate, settings.crossref_concurrency
        )
        self._pubmed_caller = caller("pubmed", settings.pubmed_rate, settings.pubmed_concurrency)
        self._crossref = CrossrefClient(
            settings.crossref_url, settings.mailto, settings.timeout, self._crossref_caller
        )
        self._pubmed = PubMedClient(
            settings.pubmed_url,
            settings.mailto,
            settings.ncbi_api_key,
            settings.timeout,
            self._pubmed_caller,
        )

    def close(self) -> None:
        self._store.close()

    def topics(self) -> Topics:
        """What cited works are about (MeSH, abstracts; resolve/efetch.py), through the same
        PubMed transport and answer store as the look-ups."""
        return Topics(self._pubmed, self._store, self._crossref)

    def waiting(self) -> str:
        """Which services calls are queued for, e.g. "pubmed 5, crossref 2" ("" for none)."""
        queued = [
            (client.service, client.pacer.waiting)
            for client in (self._pubmed_caller, self._crossref_caller)
            if client.pacer.waiting
        ]
        return ", ".join(f"{service} {count}" for service, count in queued)

    # --- the public API ------------------------------------------------------------------

    def lookup(self, reference: Reference) -> Lookup:
        """Everything both services say about one reference (no early stop)."""
        return self.resolve_all([reference])[0]

    def resolve_all(
        self,
        references: Sequence[Reference],
        settled: Settled = _never_settled,
        progress: Progress | None = None,
    ) -> list[Lookup]:
        """A Lookup for each reference, in order; identical references are resolved once."""
        works: dict[tuple[str, ...], _Work] = {}
        for reference in references:
            works.setdefault(identity(reference), _Work(reference))
        pending = list(works.values())
        done = 0
        lock = threading.Lock()

        def finished(count: int) -> None:
            nonlocal done
            with lock:
                done += count
                if progress is not None:
                    progress(done, len(works), self.waiting())

        # Stage 1: batched identifier look-ups, one thread per service.
        with ThreadPoolExecutor(max_workers=2) as pool:
            for future in [
                pool.submit(self._crossref_by_doi, pending),
                pool.submit(self._pubmed_by_ids, pending),
            ]:
                future.result()
        unsettled = [w for w in pending if not settled(w.reference, w.lookup())]
        finished(len(pending) - len(unsettled))

        # Stage 2: one task per unsettled reference, within each service's limits.
        def search(work: _Work) -> None:
            self._search(work, settled)
            finished(1)

        pool = ThreadPoolExecutor(max_workers=self._settings.workers)
        try:
            for future in [pool.submit(search, work) for work in unsettled]:
                future.result()
        except BaseException:  # Ctrl-C included: drop what has not started, then re-raise
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
        return [works[identity(reference)].lookup() for reference in references]

    # --- stage 1 ---------------------------------------------------------------------------

    def _crossref_by_doi(self, works: list[_Work]) -> None:
        # A comma would split the DOI inside a filter list; such DOIs go one by one later.
        with_doi = [w for w in works if w.reference.doi and "," not in w.reference.doi]
        if not with_doi:
            return

        def fetch(dois: list[str]) -> dict[str, list[dict[str, object]]]:
            found: dict[str, list[dict[str, object]]] = {}
            for start in range(0, len(dois), BATCH):
                batch = dois[start : start + BATCH]
                records = self._crossref.by_dois(batch)
                for one in batch:
                    record = records.get(one)
                    found[one] = [record_to_dict(record)] if record else []
            return found

        def doi(work: _Work) -> str:
            return (work.reference.doi or "").lower()  # Crossref DOIs are case-insensitive

        try:
            answers, offline = self._store.available(
                "crossref", "doi", [doi(w) for w in with_doi], fetch
            )
        except ServiceUnavailable as failure:
            for work in with_doi:
                work.failed(failure)
            return
        for work in with_doi:
            if doi(work) not in answers and offline is not None:
                work.failed(offline)  # offline, and this one is not in the cache
                continue
            records = [record_from_dict(d) for d in answers[doi(work)]]
            work.crossref.extend(records)
            work.cited[("doi", doi(work))] = records[0] if records else None

    def _summaries(self, pmids: list[str]) -> tuple[dict[str, Record], ServiceUnavailable | None]:
        """PubMed records for PMIDs, from the store or in batches of ESummary; offline, the
        failure for the PMIDs not in the cache (which are then absent)."""

        def fetch(missing: list[str]) -> dict[str, list[dict[str, object]]]:
            records = {r.pmid: r for r in self._pubmed.summaries(missing)}
            return {p: [record_to_dict(records[p])] if p in records else [] for p in missing}

        answers, offline = self._store.available("pubmed", "pmid", pmids, fetch)
        return {p: record_from_dict(v[0]) for p, v in answers.items() if v}, offline

    def _pubmed_by_ids(self, works: list[_Work]) -> None:
        by_pmid = [w for w in works if w.reference.pmid]
        by_venue = {
            w: line
            for w in works
            if not w.reference.pmid and not w.reference.doi
            for line in [citmatch_line(w.reference)]
            if line
        }
        involved = by_pmid + list(by_venue)
        if not involved:
            return
        # Offline, a work whose citation line or PMIDs are not all in the cache is
        # unavailable; the others get their cached answers.
        unavailable: dict[_Work, ServiceUnavailable] = {}
        try:
            matched: dict[str, list[str]] = {}
            if by_venue:
                matched, offline = self._store.available(
                    "pubmed",
                    "citmatch",
                    list(by_venue.values()),
                    lambda missing: {
                        line: [pmid] if pmid else []
                        for line, pmid in zip(missing, self._pubmed.citmatch(missing), strict=True)
                    },
                )
                if offline is not None:
                    unavailable.update(
                        {w: offline for w, line in by_venue.items() if line not in matched}
                    )
            wanted = {w: [w.reference.pmid or ""] for w in by_pmid}
            wanted.update({w: matched.get(line, []) for w, line in by_venue.items()})
            pmids = sorted({p for ids in wanted.values() for p in ids})
            records, offline = self._summaries(pmids)
        except ServiceUnavailable as failure:
            for work in involved:
                work.failed(failure)
            return
        if offline is not None:
            cached = set(offline.answered) if isinstance(offline, PartlyOffline) else set()
            for work, ids in wanted.items():
                if any(p not in cached for p in ids):
                    unavailable.setdefault(work, offline)
        for work, lost in unavailable.items():
            work.failed(lost)
        for work, ids in wanted.items():
            if work in unavailable:
                continue
            work.pubmed.extend(records[p] for p in ids if p in records)
        for work in by_pmid:
            if work not in unavailable:
                pmid = work.reference.pmid or ""
                work.cited[("pmid", pmid)] = records.get(pmid)

    # --- stage 2 ---------------------------------------------------------------------------

    def _search(self, work: _Work, settled: Settled) -> None:
        reference = work.reference
        try:
            work.pubmed.extend(self._pubmed_search(reference))
        except ServiceUnavailable as failure:
            work.failed(failure)
        if settled(reference, work.lookup()):
            return
        try:
            work.crossref.extend(self._crossref_search(reference, work))
        except ServiceUnavailable as failure:
            work.failed(failure)

    def _pubmed_search(self, reference: Reference) -> list[Record]:
        if reference.doi:
            term: str | None = f"{reference.doi}[doi]"
            rows = 2
        else:
            term = search_term(reference)
            rows = self._settings.pubmed_rows
        if term is None:
            return []
        query = term
        pmids = self._store.answer(
            "pubmed", "search", query, lambda: self._pubmed.search_ids(query, rows)
        )
        records, offline = self._summaries(list(pmids))
        if offline is not None:  # one work: any summary missing leaves it unavailable
            raise offline
        return [records[p] for p in pmids if p in records]

    def _crossref_search(self, reference: Reference, work: _Work) -> list[Record]:
        found: list[Record] = []
        doi = reference.doi
        if doi and "," in doi:  # not looked up in a batch
            answer = self._store.answer(
                "crossref",
                "doi",
                doi,
                lambda: [record_to_dict(r) for r in self._crossref.by_doi(doi)],
            )
            found.extend(record_from_dict(d) for d in answer)
            work.cited[("doi", doi.lower())] = found[0] if found else None
            if found:
                return found
        citation = " ".join(reference.raw.split())
        rows = self._settings.crossref_rows
        answer = self._store.answer(
            "crossref",
            "search",
            fold(citation),
            lambda: [record_to_dict(r) for r in self._crossref.search(citation, rows)],
        )
        return [record_from_dict(d) for d in answer]
