"""The services' published limits, enforced: for benchmarks that must prove citecheck stays
within them. A call over a limit gets the service's 429, and is counted as a violation.

Crossref (SERVICES.md section 1, limits since Dec 2025): polite pool 10/s for single
records, 3/s for list queries, 3 requests in flight; public pool 5/s, 1/s and 1.
NCBI (section 5): 3 requests/s without an API key, 10 with one. DataCite
(support.datacite.org/docs/rate-limit): 1,000 requests per 5 minutes with an e-mail address
in the User-Agent or a mailto parameter, 500 without, held here as 3 and 1 per second.
Windows are one second, with a small tolerance for clock jitter between client and server.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from contextlib import contextmanager

from werkzeug.wrappers import Request

TOLERANCE = 0.05  # seconds: a window of 0.95 s, so a client pacing at exactly 1 s passes


def _polite(request: Request) -> bool:
    return bool(request.args.get("mailto")) or "mailto:" in request.headers.get("User-Agent", "")


def _identified(request: Request) -> bool:
    """DataCite counts a request as identified by an e-mail address in the User-Agent or a
    mailto parameter."""
    return bool(request.args.get("mailto")) or "@" in request.headers.get("User-Agent", "")


def limit_for(service: str, endpoint: str, request: Request) -> tuple[str, int, int]:
    """(bucket, calls per second, calls in flight) that apply to this request."""
    if service == "crossref":
        polite = _polite(request)
        if endpoint == "works_doi":
            return ("crossref-single", 10 if polite else 5, 3 if polite else 1)
        return ("crossref-list", 3 if polite else 1, 3 if polite else 1)
    if service == "datacite":
        return ("datacite", 3, 3) if _identified(request) else ("datacite", 1, 1)
    keyed = bool(request.values.get("api_key"))
    rate = 10 if keyed else 3
    return ("pubmed", rate, rate)


class Limits:
    """Sliding one-second windows and in-flight counts per bucket."""

    def __init__(self) -> None:
        self._calls: dict[str, deque[float]] = defaultdict(deque)
        self._in_flight: dict[str, int] = defaultdict(int)
        self._lock = threading.Lock()
        self.violations: dict[str, int] = defaultdict(int)

    @contextmanager
    def admit(self, bucket: str, rate: int, concurrency: int) -> Iterator[bool]:
        """Yields False (and counts a violation) when this call breaks a limit."""
        now = time.monotonic()
        with self._lock:
            window = self._calls[bucket]
            while window and now - window[0] >= 1.0 - TOLERANCE:
                window.popleft()
            allowed = len(window) < rate and self._in_flight[bucket] < concurrency
            if allowed:
                window.append(now)
                self._in_flight[bucket] += 1
            else:
                self.violations[bucket] += 1
        try:
            yield allowed
        finally:
            if allowed:
                with self._lock:
                    self._in_flight[bucket] -= 1
