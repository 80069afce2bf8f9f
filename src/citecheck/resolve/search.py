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
searches the following waves, so the services work side by side; and whenever Crossref
has nothing to do, it takes from PubMed's backlog the works PubMed will likely not find
(ECitMatch matched none of their citations; or PubMed has left most works of the run
unsettled so far), which would come to Crossref after PubMed anyway (backlog.py).
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from citecheck.model import Record, Reference
from citecheck.resolve.backlog import Backlog
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
IDLE_POLL = 0.05  # seconds between looks at whether Crossref has anything to do
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


def wave_size(rate: float) -> int:
    """How many works make a wave of WAVE_SECONDS of PubMed searches at `rate` calls a
    second (9 without an NCBI key, 30 with one): one ESummary then serves a wave's
    searches, and the works PubMed leaves unsettled go on to the other services seconds
    after the start, so that every service has work all the time."""
    return max(1, math.ceil(WAVE_SECONDS * rate))


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
        self._lock = threading.Lock()
        self._sent_on = 0  # searches sent on to the next services, not started yet
        self._searched = self._missed = 0  # works PubMed searched, and left unsettled
        # Works Crossref may search ahead of PubMed: its next stop, and a call at PubMed
        self._ahead: set[Work] = set()

    def run(self, works: list[Work]) -> None:
        """Search every work until settled or every planned service has answered."""
        plans = {work: plan(work.reference, self._resolver) for work in works}
        pubmed, crossref = self._resolver.pubmed, self._resolver.crossref
        in_waves = [w for w in works if plans[w][0] is pubmed]
        later = ThreadPoolExecutor(max_workers=self._workers)
        asking = ThreadPoolExecutor(max_workers=self._workers)
        futures: list[Future[None]] = [
            self._send_on(later, w, plans[w]) for w in works if plans[w][0] is not pubmed
        ]
        self._ahead = {
            w for w in in_waves if crossref in plans[w] and not self._remembered(pubmed, w)
        }
        # A work whose Crossref answer is remembered and PubMed's is not (Crossref took it
        # ahead of PubMed last time) is taken the same way now: at no cost, where asking
        # PubMed would be a call (a warm or resumed run must not ask again).
        first = {w for w in in_waves if w in self._ahead and self._remembered(crossref, w)}
        for_pubmed = [w for w in in_waves if w in first and not self._take_ahead(w, plans)]
        for_pubmed += [w for w in in_waves if w not in first]
        size = wave_size(pubmed.caller.pacer.per_second)
        backlog = Backlog(for_pubmed, reserved=size)
        futures.append(asking.submit(self._crossref_when_idle, backlog, plans))
        try:
            # Once a wave's searches are answered, its summaries are asked before the next
            # wave's searches are queued (queued together, the summaries lost the race for
            # PubMed's turns to the next wave's searches and came a wave late, leaving
            # Crossref idle). PubMed does not wait for it: its answer comes well within the
            # pause the rate limit makes before the next call anyway.
            read: list[Future[list[Future[None]]]] = []
            while wave := backlog.wave(size):
                queries, pending = self._ask(wave, asking)
                answers = {query: answer.result() for query, answer in pending.items()}
                found = self._summaries(wave, queries, answers)
                read.append(asking.submit(self._after, wave, queries, answers, found, later, plans))
            backlog.close()
            for summaries in read:
                futures += summaries.result()
            for future in futures:
                future.result()
        except BaseException:  # Ctrl-C included: drop what has not started, then re-raise
            backlog.close()
            for pool in (later, asking):
                pool.shutdown(wait=False, cancel_futures=True)
            raise
        later.shutdown()
        asking.shutdown()

    def _remembered(self, service: Service, work: Work) -> bool:
        """Whether `service`'s answer to its search for the work is remembered."""
        query = service.query(work.reference)
        if not query:
            return False
        return self._resolver.remembers(service, query)

    def _crossref_when_idle(self, backlog: Backlog, plans: dict[Work, list[Service]]) -> None:
        """While PubMed works through its backlog, Crossref takes works from it whenever
        it has nothing else to do (backlog.py)."""
        crossref = self._resolver.crossref

        def likely_missed(work: Work) -> bool:
            return work.unmatched and work in self._ahead

        def any_costly(work: Work) -> bool:
            # Only while PubMed leaves most works of this run to Crossref anyway: otherwise
            # a work taken is likely a call PubMed's answer would have spared.
            return 2 * self._missed >= self._searched > 0 and work in self._ahead

        while backlog.open and crossref.caller.down is None:
            busy = self._sent_on or crossref.caller.pacer.waiting
            work = None if busy else backlog.take_last(likely_missed, any_costly)
            if work is None:
                time.sleep(IDLE_POLL)  # look again soon: Crossref's queue drains by the turn
                continue
            settled = False
            try:
                settled = self._take_ahead(work, plans)
            finally:  # (PubMed's last wave waits for the work to come back)
                if settled:
                    backlog.settled()
                else:
                    backlog.give_back(work)

    def _take_ahead(self, work: Work, plans: dict[Work, list[Service]]) -> bool:
        """Crossref searches the work before PubMed does: settled (True), PubMed is spared
        it; not, it is PubMed's, and Crossref is not asked again."""
        crossref = self._resolver.crossref
        self._ahead.discard(work)
        plans[work] = [s for s in plans[work] if s is not crossref]
        self._search(work, crossref)
        if self._settled(work):
            self._finished(1)
            return True
        return False

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
            settled = self._settled(work)
            with self._lock:
                self._searched += 1
                self._missed += not settled
            if settled:
                self._finished(1)
            else:
                sent_on.append(self._send_on(later, work, plans[work][1:]))
        return sent_on

    def _send_on(
        self, pool: ThreadPoolExecutor, work: Work, services: list[Service]
    ) -> Future[None]:
        """Search `work` at these services in `pool`, counted until it starts (Crossref
        takes from PubMed's backlog only when nothing is on its way to it)."""
        with self._lock:
            self._sent_on += 1
        return pool.submit(self._steps, work, services)

    def _steps(self, work: Work, services: list[Service]) -> None:
        """Search `work` at each service in turn until it is settled (sent by _send_on)."""
        with self._lock:
            self._sent_on -= 1
        for service in services:
            if self._search(work, service) and self._settled(work):
                break
        self._finished(1)

    def _search(self, work: Work, service: Service) -> bool:
        """One search for the work at `service`, its records added (False: nothing to ask)."""
        query = service.query(work.reference)
        if query is None:
            return False
        try:
            hits = self._resolver.search(service, query)
            work.add(self._resolver.records(service, {query: hits})[query])
        except ServiceUnavailable as failure:
            work.failed(failure)
        return True
