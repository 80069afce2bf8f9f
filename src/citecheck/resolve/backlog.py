"""The works waiting for PubMed's searches, shared by two takers.

PubMed takes them from the front, a wave at a time. Crossref, when it has nothing else to
do, takes one from the back: first a work PubMed will likely not find (it would come to
Crossref after PubMed anyway), else, if the searcher allows it, any work beyond the
`reserved` places at the front (the next wave's). Settled at Crossref, PubMed is spared
it; not, it goes back, at the back, to PubMed. Without this, Crossref idled through
PubMed's first wave and then trailed PubMed's last one (it only got what PubMed left
unsettled), and a clinic audit took 1.3x the time its calls needed at the services'
rates (issue 13).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable

from citecheck.resolve.works import Work


class Backlog:
    def __init__(self, works: list[Work], reserved: int) -> None:
        self._waiting: deque[Work] = deque(works)
        self._out = 0  # works Crossref took, not yet settled or given back
        self._reserved = reserved
        self._closed = False
        self._changed = threading.Condition()

    def wave(self, size: int) -> list[Work]:
        """The next `size` works for PubMed. Waits while works Crossref took may still
        come back; [] once none are left."""
        with self._changed:
            while not self._waiting and self._out and not self._closed:
                self._changed.wait()
            return [self._waiting.popleft() for _ in range(min(size, len(self._waiting)))]

    def take_last(
        self, likely_missed: Callable[[Work], bool], costly: Callable[[Work], bool]
    ) -> Work | None:
        """A work for Crossref (None: none now): the last one `likely_missed` accepts,
        else the last one beyond the reserved places that `costly` accepts."""
        with self._changed:
            places = range(len(self._waiting) - 1, -1, -1)
            chosen = next((p for p in places if likely_missed(self._waiting[p])), None)
            if chosen is None:
                beyond = range(len(self._waiting) - 1, self._reserved - 1, -1)
                chosen = next((p for p in beyond if costly(self._waiting[p])), None)
            if chosen is None:
                return None
            work = self._waiting[chosen]
            del self._waiting[chosen]
            self._out += 1
            return work

    def settled(self) -> None:
        """A work Crossref took was settled there."""
        self._done_with(None)

    def give_back(self, work: Work) -> None:
        """A work Crossref took was not settled there: PubMed's after all."""
        self._done_with(work)

    def _done_with(self, work: Work | None) -> None:
        with self._changed:
            self._out -= 1
            if work is not None:
                # At the back: PubMed's last searches had best be of works Crossref has
                # already answered for, so that none of them leaves Crossref a search to
                # make after PubMed's last.
                self._waiting.append(work)
            self._changed.notify_all()

    @property
    def open(self) -> bool:
        """Whether there may still be works to take."""
        with self._changed:
            return not self._closed and bool(self._waiting)

    def close(self) -> None:
        """Nothing more is taken (the run ended or was interrupted)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
