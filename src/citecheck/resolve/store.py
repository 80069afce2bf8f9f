"""Answers remembered for the run (memory) and across runs (the persistent cache).

Also where --offline turns a cache miss into "unavailable" instead of a call.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from citecheck.resolve.cache import Cache
from citecheck.resolve.errors import ServiceUnavailable

FetchMany = Callable[[list[str]], dict[str, Any]]


class PartlyOffline(ServiceUnavailable):
    """Offline, and some queries of a batch are not in the cache: those are unavailable;
    `answered` holds the answers the cache had for the others."""

    def __init__(self, service: str, answered: dict[str, Any], missing: list[str]) -> None:
        super().__init__(service, "offline, and not in the cache")
        self.answered = answered
        self.missing = missing


class AnswerStore:
    def __init__(self, cache: Cache | None, offline: bool, origins: dict[str, str]) -> None:
        """`origins` maps each service to its base URL: answers are kept per server, so a
        test double's answers never stand in for the real service's (or the reverse)."""
        self._cache = cache
        self._offline = offline
        self._origins = origins
        self._memory: dict[tuple[str, str, str], Any] = {}
        self._lock = threading.Lock()

    def _where(self, service: str) -> str:
        return f"{service}@{self._origins.get(service, '')}"

    def _remembered(self, key: tuple[str, str, str]) -> Any | None:
        with self._lock:
            if key in self._memory:
                return self._memory[key]
        service, kind, query = key
        value = self._cache.get(self._where(service), kind, query) if self._cache else None
        if value is not None:
            with self._lock:
                self._memory[key] = value
        return value

    def has(self, service: str, kind: str, query: str) -> bool:
        """Whether the answer is remembered (asking for it would cost no call)."""
        return self._remembered((service, kind, query)) is not None

    def answers(
        self, service: str, kind: str, queries: Sequence[str], fetch: FetchMany
    ) -> dict[str, Any]:
        """The answer to each query: remembered ones first, the rest fetched in one go.

        `fetch` gets the queries not yet answered and returns {query: answer}; a query it
        leaves out is answered with [] ("nothing found"). Raises ServiceUnavailable when
        offline and some query is not cached, or when `fetch` does.
        """
        found: dict[str, Any] = {}
        missing: list[str] = []
        for query in dict.fromkeys(queries):
            value = self._remembered((service, kind, query))
            if value is None:
                missing.append(query)
            else:
                found[query] = value
        if not missing:
            return found
        if self._offline:
            raise PartlyOffline(service, found, missing)
        fetched = fetch(missing)
        for query in missing:
            value = fetched.get(query, [])
            with self._lock:
                self._memory[(service, kind, query)] = value
            if self._cache is not None:
                self._cache.put(self._where(service), kind, query, value)
            found[query] = value
        return found

    def available(
        self, service: str, kind: str, queries: Sequence[str], fetch: FetchMany
    ) -> tuple[dict[str, Any], ServiceUnavailable | None]:
        """`answers`, except that offline the queries not in the cache are left out, and
        the failure to report on them is returned beside the answers there are: one entry
        missing from the cache must not cost the whole batch its answers."""
        try:
            return self.answers(service, kind, queries, fetch), None
        except PartlyOffline as partial:
            return partial.answered, partial

    def answer(self, service: str, kind: str, query: str, fetch: Callable[[], Any]) -> Any:
        """The answer to one query (see `answers`)."""
        return self.answers(service, kind, [query], lambda _: {query: fetch()})[query]

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
