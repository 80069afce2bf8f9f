"""Stage 2 of the strategy: search for each work not settled by its identifiers.

Each work is searched once, by the citation that says most about it (works.py), at one
service after another until it is settled:
  - journal articles, books and chapters: PubMed (NCBI Bookshelf too), then Crossref;
  - arXiv preprints, and datasets or software (Zenodo): DataCite, then Crossref;
  - other preprints (bioRxiv, medRxiv...), proceedings papers, reports, standards,
    theses: Crossref (their registry), then DataCite for preprints.
PubMed's ESearch answers with PMIDs; they are summarised in waves: the works whose first
stop is PubMed are searched a wave at a time, and each wave's PMIDs are read in one
ESummary call (200 a call) instead of one per search, asked just before the next wave's
searches. The next stops of a wave's works (Crossref, DataCite) go on while PubMed
searches the following waves, so the services work side by side.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from citecheck.model import Record, Reference
from citecheck.resolve.errors import ServiceUnavailable
from citecheck.resolve.query import arxiv_id
from citecheck.resolve.service import Hit, Service
from citecheck.resolve.store import PartlyOffline
from citecheck.resolve.works import Work

if TYPE_CHECKING:
    from citecheck.resolve.resolver import Resolver

# A wave's works and the query for each; each query's answer to come, and once come.
Queries = dict[Work, str | None]
Asked = tuple[Queries, dict[str, "Future[list[Hit] | ServiceUnavailable]"]]
Answers = dict[str, "list[Hit] | ServiceUnavailable"]
WAVE_SECONDS = 3.0  # a wave is what PubMed searches in about this long at its rate
_DATA = re.compile(r"\bzenodo\b|\bfigshare\b|\bdryad\b|10\.5281/|\[data set\]|\[dataset\]", re.I)


def plan(reference: Reference, resolver: Resolver) -> list[Service]:
    """The services to search for this reference, in order (see the module docstring)."""
    pubmed, crossref, datacite = resolver.pubmed, resolver.crossref, resolver.datacite
    if (
        arxiv_id(reference)
        or reference.kind in ("dataset", "software")
        or _DATA.search(reference.raw)
    ):
        return [datacite, crossref]
    if reference.kind == "preprint":
        return [crossref, datacite]
    if reference.kind in ("conference paper", "report", "standard", "thesis"):
        return [crossref]
    return [pubmed, crossref]


def waves(works: list[Work], rate: float) -> Iterable[list[Work]]:
    """The works in waves of WAVE_SECONDS of PubMed searches at `rate` calls a second
    (9 without an NCBI key, 30 with one): one ESummary then serves a wave's searches, and
    the works PubMed leaves unsettled go on to the other services seconds after the start,
    so that every service has work all the time."""
    size = max(1, math.ceil(WAVE_SECONDS * rate))
    for start in range(0, len(works), size):
        yield works[start : start + size]


class Searcher:
    def __init__(
        self,
        resolver: Resolver,
        settled: Callable[[Work], bool],
        finished: Callable[[int], None],
        workers: int,
    ) -> None:
        self._resolver = resolver
        self._settled = settled
        self._finished = finished
        self._workers = workers

    def run(self, works: list[Work]) -> None:
        """Search every work until settled or every planned service has answered."""
        plans = {work: plan(work.reference, self._resolver) for work in works}
        pubmed = self._resolver.pubmed
        in_waves = [w for w in works if plans[w][0] is pubmed]
        later = ThreadPoolExecutor(max_workers=self._workers)
        asking = ThreadPoolExecutor(max_workers=self._workers)
        futures: list[Future[None]] = [
            later.submit(self._steps, w, plans[w]) for w in works if w not in in_waves
        ]
        try:
            # Once a wave's searches are answered, its summaries are asked before the next
            # wave's searches are queued (queued together, the summaries lost the race for
            # PubMed's turns to the next wave's searches and came a wave late, leaving
            # Crossref idle). PubMed does not wait for it: its answer comes well within the
            # pause the rate limit makes before the next call anyway.
            read: list[Future[list[Future[None]]]] = []
            for wave in waves(in_waves, pubmed.caller.pacer.per_second):
                queries, pending = self._ask(wave, asking)
                answers = {query: answer.result() for query, answer in pending.items()}
                found = self._summaries(wave, queries, answers)
                read.append(asking.submit(self._after, wave, queries, answers, found, later, plans))
            for summaries in read:
                futures += summaries.result()
            for future in futures:
                future.result()
        except BaseException:  # Ctrl-C included: drop what has not started, then re-raise
            for pool in (later, asking):
                pool.shutdown(wait=False, cancel_futures=True)
            raise
        later.shutdown()
        asking.shutdown()

    def _ask(self, wave: list[Work], pool: ThreadPoolExecutor) -> Asked:
        """Start PubMed's searches for a wave of works: (each work's query, each query's
        pending answer)."""
        pubmed = self._resolver.pubmed
        queries = {work: pubmed.query(work.reference) for work in wave}

        def ask(query: str) -> list[Hit] | ServiceUnavailable:
            try:
                return self._resolver.search(pubmed, query)
            except ServiceUnavailable as failure:
                return failure

        return queries, {q: pool.submit(ask, q) for q in dict.fromkeys(queries.values()) if q}

    def _summaries(
        self, wave: list[Work], queries: Queries, answers: Answers
    ) -> dict[str, list[Record]]:
        """A wave's searches answered: their PMIDs read in one batch (ESummary), the
        records found for each query."""
        hits = {q: a for q, a in answers.items() if not isinstance(a, ServiceUnavailable)}
        try:
            return self._resolver.records(self._resolver.pubmed, hits)
        except PartlyOffline as partial:  # offline: the works whose PMIDs are not cached
            for work, query in queries.items():
                if query is not None and query in hits and query not in partial.answered:
                    work.failed(partial)
            return partial.answered
        except ServiceUnavailable as failure:
            for work in wave:
                work.failed(failure)
            return {}

    def _after(
        self,
        wave: list[Work],
        queries: Queries,
        answers: Answers,
        found: dict[str, list[Record]],
        later: ThreadPoolExecutor,
        plans: dict[Work, list[Service]],
    ) -> list[Future[None]]:
        """A wave's records read: each work settled or sent on to the next services of
        its plan."""
        sent_on = []
        for work in wave:
            query = queries[work]
            answer = answers.get(query) if query else None
            if isinstance(answer, ServiceUnavailable):
                work.failed(answer)
            elif query:
                work.add(found.get(query, []))
            if self._settled(work):
                self._finished(1)
            else:
                sent_on.append(later.submit(self._steps, work, plans[work][1:]))
        return sent_on

    def _steps(self, work: Work, services: list[Service]) -> None:
        """Search `work` at each service in turn until it is settled."""
        for service in services:
            query = service.query(work.reference)
            if query is None:
                continue
            try:
                hits = self._resolver.search(service, query)
                work.add(self._resolver.records(service, {query: hits})[query])
            except ServiceUnavailable as failure:
                work.failed(failure)
            if self._settled(work):
                break
        self._finished(1)
