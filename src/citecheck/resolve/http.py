"""What every service call shares: pacing, a cap on calls in flight, retries with backoff.

tenacity does the retrying; pyrate-limiter does the pacing. A call that still fails after
the last retry becomes ServiceUnavailable, which the caller reports as `unverified`.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from typing import TypeVar

from pyrate_limiter import Duration, Limiter, Rate
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)

from citecheck import __version__
from citecheck.resolve.errors import ServiceUnavailable, TransientError

T = TypeVar("T")

USER_AGENT = f"citecheck/{__version__} (https://pypi.org/project/citecheck/)"
SLOWEST = 0.5  # calls per second: how far a service's 429s can slow us down
MARGIN = 0.05  # pace 5% under a published limit
BACKING_OFF = 0.75  # after a 429, keep this share of the rate
# ... and after this many answered calls in a row, take back a fifth of the rate, up to
# the limit: a 429 from jitter (two calls delayed into one of the service's windows) would
# otherwise slow a long run for good; after a few of them it crawled at SLOWEST. From
# SLOWEST back to 3 calls/s takes about 100 s (with 20 calls and a tenth a step, 6 minutes
# of a 10,000-page audit ran at a third of the rate after a burst of 429s).
RECOVER_AFTER = 10
RECOVERING = 1.2
RATE_LIMITED_WEIGHT = 4  # failures in a row: another failure counts this, a 429 one


def user_agent(mailto: str | None) -> str:
    """A User-Agent naming the tool, its version and (Crossref's polite pool) a contact."""
    return f"{USER_AGENT.rstrip(')')}; mailto:{mailto})" if mailto else USER_AGENT


def retry_after_seconds(header: str | None) -> float | None:
    """Seconds from a Retry-After header given as a number; None if absent or a date."""
    if not header:
        return None
    try:
        return max(0.0, float(header.strip()))
    except ValueError:
        return None


def rate_from_headers(limit: str | None, interval: str | None) -> float | None:
    """Calls per second from Crossref's `x-rate-limit-limit: 3` / `x-rate-limit-interval: 1s`
    (or NCBI's X-RateLimit-Limit, per second); None when absent or unreadable."""
    try:
        calls = float(limit) if limit else None
        seconds = float(interval.strip().rstrip("s")) if interval else 1.0
    except ValueError:
        return None
    return calls / seconds if calls and seconds > 0 else None


def _limiter(per_second: float) -> Limiter:
    """One call every 1/per_second seconds, plus a margin, evenly spaced rather than in
    bursts: a service counts calls when they arrive, and network jitter must not push two
    calls into one of its windows."""
    interval_ms = math.ceil(int(Duration.SECOND) / per_second * (1 + MARGIN))
    # pyrate-limiter adds `buffer_ms` to every wait; the margin above already covers it.
    return Limiter(Rate(1, interval_ms), buffer_ms=1)


class Pacer:
    """Keeps one service's calls within its rate (calls per second) and its concurrency cap.

    The rate starts at the published limit, its ceiling, which only ever goes down to what
    the service's own headers announce. Each 429 takes a quarter off the rate; calls
    answered since then give it back step by step, up to the ceiling (additive recovery
    after a multiplicative cut, as TCP does with congestion).
    """

    def __init__(self, per_second: float, concurrency: int = 1) -> None:
        self.per_second = per_second
        self.ceiling = per_second
        self._limiter = _limiter(per_second)
        self._slots = threading.BoundedSemaphore(max(1, concurrency))
        self._lock = threading.Lock()
        self._answered = 0  # calls answered since the rate last changed
        self.waiting = 0  # calls queued for a slot or a turn (shown in the progress line)

    def _set(self, per_second: float) -> None:
        """(Under the lock.) Pace at `per_second` from now on."""
        self.per_second = per_second
        self._limiter = _limiter(per_second)
        # A new limiter knows nothing of the calls just made: spend its first turn now, so
        # that a change of rate does not let a call go at once, right behind the last one
        # (two calls bunched into one of the service's windows draw the next 429).
        self._limiter.try_acquire("call", blocking=False)
        self._answered = 0

    def limit_to(self, per_second: float | None) -> None:
        """The service announced its limit: never go above it again."""
        if per_second is None or per_second >= self.ceiling:
            return
        with self._lock:
            self.ceiling = max(SLOWEST, per_second)
            if self.per_second > self.ceiling:
                self._set(self.ceiling)

    def slow_down(self) -> None:
        with self._lock:
            self._set(max(SLOWEST, self.per_second * BACKING_OFF))

    def answered(self) -> None:
        """A call went through: after RECOVER_AFTER of them, a step back up to the ceiling."""
        with self._lock:
            if self.per_second >= self.ceiling:
                return
            self._answered += 1
            if self._answered >= RECOVER_AFTER:
                self._set(min(self.ceiling, self.per_second * RECOVERING))

    def run(self, call: Callable[[], T], check: Callable[[], None] = lambda: None) -> T:
        """Wait for a slot and a turn, then make the call. `check` runs after each wait and
        may raise to give up (the service went down meanwhile)."""
        self._count_waiting(+1)
        waiting = True
        try:
            with self._slots:
                check()
                self._limiter.try_acquire("call", blocking=True)
                check()
                self._count_waiting(-1)
                waiting = False
                return call()
        finally:
            if waiting:
                self._count_waiting(-1)

    def _count_waiting(self, change: int) -> None:
        with self._lock:
            self.waiting += change


class Caller:
    """Runs one service's calls: paced, retried on transient failures, bounded in time."""

    def __init__(
        self,
        service: str,
        pacer: Pacer,
        *,
        retries: int,
        backoff: float,
        max_retry_after: float,
    ) -> None:
        self.service = service
        self.pacer = pacer
        self._retries = retries
        # backoff, 2*backoff, 4*backoff... (at most 16x), plus up to `backoff` of jitter so
        # that parallel clients do not retry in step.
        self._exponential = wait_exponential(multiplier=backoff, max=backoff * 16) + wait_random(
            0, backoff
        )
        self._max_retry_after = max_retry_after
        # Once a call has failed for good, the service is taken as down for the rest of the
        # run: calls waiting their turn (or between retries) give up at once, so a run over
        # thousands of references ends soon after a service goes away.
        self.down: ServiceUnavailable | None = None
        self._failures_in_row = 0
        self._lock = threading.Lock()

    def _wait(self, state: RetryCallState) -> float:
        """Exponential backoff, or the server's Retry-After when it asks for longer."""
        wait = float(self._exponential(state))
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, TransientError) and error.retry_after is not None:
            wait = max(wait, min(error.retry_after, self._max_retry_after))
        return wait

    def call(self, attempt: Callable[[], T]) -> T:
        """Call `attempt` until it returns; TransientError means try again."""

        def paced() -> T:
            try:
                result = self.pacer.run(attempt, check=self._raise_if_down)
            except TransientError as error:
                if error.status == 429:
                    self.pacer.slow_down()
                self._failed(error)
                raise
            with self._lock:
                self._failures_in_row = 0
            self.pacer.answered()
            return result

        retrying = Retrying(
            stop=stop_after_attempt(self._retries + 1),
            wait=self._wait,
            retry=retry_if_exception_type(TransientError),
            reraise=True,
        )
        try:
            return retrying(paced)
        except TransientError as error:
            tries = self._retries + 1
            failure = ServiceUnavailable(
                self.service, f"{error.reason} (after {tries} tr{'y' if tries == 1 else 'ies'})"
            )
            if error.status != 429:  # refused for now is not down: see _failed
                self.down = self.down or failure
            raise failure from error

    def _raise_if_down(self) -> None:
        if self.down is not None:
            raise self.down

    def _failed(self, error: TransientError) -> None:
        """As many failed attempts in a row (across all calls) as one call may make: the
        service is down, and every call still waiting gives up. A 429 counts a quarter:
        it says the service is up, and a burst of them comes from calls that arrived
        bunched up (a stalled network, a loaded machine), which the pacer answers by
        slowing down; calling the service down on them cost whole runs their answers."""
        with self._lock:
            self._failures_in_row += 1 if error.status == 429 else RATE_LIMITED_WEIGHT
            failures = self._failures_in_row / RATE_LIMITED_WEIGHT
            if failures > self._retries and self.down is None:
                self.down = ServiceUnavailable(
                    self.service, f"{error.reason} ({failures:g} failures in a row)"
                )
