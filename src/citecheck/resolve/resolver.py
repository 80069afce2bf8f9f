"""The look-up strategy: as few calls as possible, each service within its limits.

For all the references of a run at once, grouped into works (works.py: the same work
cited in many styles and pages is one work):
  1. Identifiers, in batches, the services at the same time. Every cited identifier is
     resolved, so that one naming nothing or another work reaches the matcher:
     Crossref  `filter=doi:A,doi:B,...` for cited DOIs (50 per call), then
     DataCite  `ids=A,B,...` for arXiv/Zenodo DOIs, arXiv identifiers and the DOIs
               Crossref does not hold (registered elsewhere, or nowhere);
     PubMed    ECitMatch for every reference without an identifier but with journal,
               volume and first page (50 per call), then ESummary for those PMIDs and the
               cited ones (200 per call).
  2. Searches for each work not yet settled (no record identified as the cited work), one
     service after another in the order that suits its kind (search.py), stopping as soon
     as it is settled: a journal article goes to PubMed (title words; ESummary batched
     across all the works of a wave) and, only if PubMed did not identify it, to Crossref
     with the whole reference string; an arXiv preprint to DataCite first.
A work is "settled" by a callback (the matcher's rules). A service that fails is recorded
on the works it could not answer for, and not asked again during the run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from citecheck.model import Field, Lookup, Record, Reference
from citecheck.resolve.cache import Cache, open_cache
from citecheck.resolve.crossref import CrossrefService
from citecheck.resolve.datacite import DataCiteService, registered_at_datacite
from citecheck.resolve.efetch import Topics
from citecheck.resolve.errors import ServiceUnavailable
from citecheck.resolve.http import Caller, Pacer
from citecheck.resolve.pubmed import PubMedService, citmatch_line
from citecheck.resolve.query import arxiv_id
from citecheck.resolve.search import Searcher
from citecheck.resolve.service import Hit, Service, hits_from_json, hits_to_json
from citecheck.resolve.store import AnswerStore, PartlyOffline
from citecheck.resolve.works import Key, Work, work_key
from citecheck.settings import Settings

Settled = Callable[[Reference, Lookup], bool]
# (works settled, works in all, what the look-ups are waiting for)
Progress = Callable[[int, int, str], None]
Named = dict[tuple[str, str], list[Record] | None]  # (kind, id) -> records; None: not asked


def _never_settled(reference: Reference, lookup: Lookup) -> bool:
    return False


def cited_ids(reference: Reference) -> list[tuple[str, str]]:
    """The identifiers a reference cites, as (kind, value); DOIs lowercase (DOIs are
    case-insensitive: DOI Handbook 2.4)."""
    ids = []
    if reference.doi:
        ids.append(("doi", reference.doi.lower()))
    if reference.pmid:
        ids.append(("pmid", reference.pmid))
    arxiv = arxiv_id(reference)
    if arxiv and not (reference.doi or "").lower().startswith("10.48550/arxiv."):
        ids.append(("arxiv", arxiv))  # (its DOI, when cited, names the same record)
    return ids


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
        origins = {
            "crossref": settings.crossref_url,
            "pubmed": settings.pubmed_url,
            "datacite": settings.datacite_url,
        }
        self._store = AnswerStore(cache, settings.offline, origins)

        def caller(service: str, rate: float, concurrency: int) -> Caller:
            return Caller(
                service,
                Pacer(rate, concurrency),
                retries=settings.retries,
                backoff=settings.backoff,
                max_retry_after=settings.max_retry_after,
            )

        self.crossref = CrossrefService(
            settings, caller("crossref", settings.crossref_rate, settings.crossref_concurrency)
        )
        self.pubmed = PubMedService(
            settings, caller("pubmed", settings.pubmed_rate, settings.pubmed_concurrency)
        )
        self.datacite = DataCiteService(
            settings, caller("datacite", settings.datacite_rate, settings.datacite_concurrency)
        )
        self.services: tuple[Service, ...] = (self.pubmed, self.crossref, self.datacite)

    def close(self) -> None:
        self._store.close()

    def topics(self) -> Topics:
        """What cited works are about (MeSH, abstracts; resolve/efetch.py), through the same
        PubMed transport and answer store as the look-ups."""
        return Topics(self.pubmed.client, self._store, self.crossref.client)

    def waiting(self) -> str:
        """Which services calls are queued for, e.g. "pubmed 5, crossref 2" ("" for none)."""
        queued = [(s.name, s.caller.pacer.waiting) for s in self.services]
        return ", ".join(f"{name} {count}" for name, count in queued if count)

    # --- answers, remembered -----------------------------------------------------------

    def hits(self, service: Service, kind: str, ids: Sequence[str]) -> dict[str, list[Hit]]:
        """What `service` answers for each identifier: remembered answers first, the rest
        in the service's batches. Offline, the identifiers not cached raise PartlyOffline,
        which carries the others' hits."""
        if not ids:
            return {}
        answers, offline = self._store.available(
            service.name,
            kind,
            list(ids),
            lambda missing: {
                key: hits_to_json(hits) for key, hits in service.identify(kind, missing).items()
            },
        )
        found = {i: hits_from_json(answers[i]) for i in ids if i in answers}
        if offline is not None:
            raise PartlyOffline(service.name, found, [i for i in ids if i not in found])
        return found

    def identify(self, service: Service, kind: str, ids: Sequence[str]) -> dict[str, list[Record]]:
        """The records each identifier names at `service`; identifiers among the hits
        (ECitMatch's PMIDs) are identified in turn, all in one go. Offline, PartlyOffline
        carries the records of the identifiers whose answers are all cached."""
        offline: PartlyOffline | None = None
        try:
            hits = self.hits(service, kind, ids)
        except PartlyOffline as partial:
            hits, offline = partial.answered, partial
        try:
            found = self.records(service, hits)
        except PartlyOffline as partial:
            found, offline = partial.answered, offline or partial
        if offline is not None:
            raise PartlyOffline(service.name, found, [i for i in ids if i not in found])
        return found

    def search(self, service: Service, query: str) -> list[Hit]:
        """A remembered search, or the service's answer to it."""
        answer = self._store.answer(
            service.name, "search", query, lambda: hits_to_json(service.search(query))
        )
        return hits_from_json(answer)

    def remembers(self, service: Service, query: str) -> bool:
        """Whether the answer to this search is remembered (asking costs no call)."""
        return self._store.has(service.name, "search", query)

    def records(self, service: Service, hits: dict[str, list[Hit]]) -> dict[str, list[Record]]:
        """Hits as records: the identifiers among them identified in one batch (offline,
        PartlyOffline for the keys whose identifiers are not all cached)."""
        pending = sorted({h for found in hits.values() for h in found if isinstance(h, str)})
        offline: PartlyOffline | None = None
        try:
            named = self.identify(service, service.hit_kind or "", pending) if pending else {}
        except PartlyOffline as partial:
            named, offline = partial.answered, partial
        records = {
            key: [r for h in found for r in ([h] if isinstance(h, Record) else named.get(h, []))]
            for key, found in hits.items()
            if offline is None or all(h in named for h in found if isinstance(h, str))
        }
        if offline is not None:
            raise PartlyOffline(service.name, records, [k for k in hits if k not in records])
        return records

    # --- the public API ------------------------------------------------------------------

    def lookup(self, reference: Reference) -> Lookup:
        """Everything the services say about one reference (no early stop)."""
        return self.resolve_all([reference])[0]

    def resolve_all(
        self,
        references: Sequence[Reference],
        settled: Settled = _never_settled,
        progress: Progress | None = None,
    ) -> list[Lookup]:
        """A Lookup for each reference, in order; each work is looked up once."""
        works: dict[Key, Work] = {}
        for reference in references:
            works.setdefault(work_key(reference), Work(work_key(reference))).references.append(
                reference
            )
        done = 0
        lock = threading.Lock()

        def finished(count: int) -> None:
            nonlocal done
            with lock:
                done += count
                if progress is not None:
                    progress(done, len(works), self.waiting())

        named = self._identify_all(list(works.values()))

        def is_settled(work: Work) -> bool:
            # Judged again only when candidates came since the last time (the matcher's
            # comparisons are what a warm run spends its time on).
            if not work.records or work.judged == len(work.records):
                return False
            work.judged = len(work.records)
            return any(settled(r, work.lookup(unresolved(r, named))) for r in work.citations())

        unsettled = [w for w in works.values() if not is_settled(w)]
        finished(len(works) - len(unsettled))
        Searcher(self, is_settled, finished, self._settings.workers).run(unsettled)
        return [works[work_key(r)].lookup(unresolved(r, named)) for r in references]

    # --- stage 1: identifiers ------------------------------------------------------------

    def _identify_all(self, works: list[Work]) -> Named:
        """Stage 1: every cited identifier, and ECitMatch, in batches; each work gets the
        records its citations' identifiers name."""
        named: Named = {}
        with ThreadPoolExecutor(max_workers=2) as pool:
            for future in [
                pool.submit(self._identify_dois, works, named),
                pool.submit(self._identify_at_pubmed, works, named),
            ]:
                future.result()
        return named

    def _ask(self, service: Service, kind: str, ids: list[tuple[Work, str]], named: Named) -> None:
        """Identify `ids` at `service`; each work gets the records, or the failure."""
        offline: PartlyOffline | None = None
        try:
            found = self.identify(service, kind, list(dict.fromkeys(i for _, i in ids)))
        except PartlyOffline as partial:  # offline: only the ones not cached are unavailable
            found, offline = partial.answered, partial
        except ServiceUnavailable as failure:
            for work, _ in ids:
                work.failed(failure)
            return
        for work, value in ids:
            if offline is not None and value not in found:
                work.failed(offline)
                continue
            work.add(found.get(value, []))
            if kind != "citation":
                known = named.get((kind, value)) or []
                named[(kind, value)] = known + found.get(value, [])

    def _identify_dois(self, works: list[Work], named: Named) -> None:
        """Crossref for DOIs registered there, DataCite for its own (arXiv, Zenodo) and for
        arXiv identifiers, then DataCite again for the DOIs Crossref does not hold."""
        dois = [(w, i) for w in works for r in w.references for k, i in cited_ids(r) if k == "doi"]
        # A comma would split a DOI inside Crossref's filter list; DataCite takes it alone.
        at_crossref = {d for _, d in dois if not registered_at_datacite(d) and "," not in d}
        self._ask(self.crossref, "doi", [(w, d) for w, d in dois if d in at_crossref], named)
        elsewhere = [(w, d) for w, d in dois if d not in at_crossref or named.get(("doi", d)) == []]
        arxiv = [
            (w, i) for w in works for r in w.references for k, i in cited_ids(r) if k == "arxiv"
        ]
        self._ask(self.datacite, "doi", elsewhere, named)
        self._ask(self.datacite, "arxiv", arxiv, named)

    def _identify_at_pubmed(self, works: list[Work], named: Named) -> None:
        """ECitMatch for the references without an identifier, then one ESummary for its
        PMIDs and the cited ones together."""
        pmids = [
            (w, i) for w in works for r in w.references for k, i in cited_ids(r) if k == "pmid"
        ]
        lines = [
            (w, line)
            for w in works
            for r in w.references
            if not (r.pmid or r.doi)  # an identifier names the work more surely
            for line in [citmatch_line(r)]
            if line
        ]
        matched: dict[str, list[Hit]] = {}
        try:
            matched = self.hits(self.pubmed, "citation", list(dict.fromkeys(ln for _, ln in lines)))
        except PartlyOffline as partial:  # offline: only the lines not cached are unanswered
            matched = partial.answered
            for work, line in lines:
                if line not in matched:
                    work.failed(partial)
        except ServiceUnavailable as failure:
            for work, _ in lines:
                work.failed(failure)
        found = [(w, str(p)) for w, line in lines for p in matched.get(line, [])]
        for work in {w for w, line in lines if line in matched} - {w for w, _ in found}:
            work.unmatched = True
        self._ask(self.pubmed, "pmid", pmids + found, named)


def unresolved(reference: Reference, named: Named) -> tuple[Field, ...]:
    """The identifiers the reference cites that every service asked said name nothing."""
    fields: list[Field] = []
    for kind, value in cited_ids(reference):
        if named.get((kind, value)) == [] and kind in ("doi", "pmid"):
            fields.append(Field(kind))
    return tuple(fields)
