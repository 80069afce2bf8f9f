"""What every service call shares: pacing, a timeout, retries with backoff and jitter.

tenacity does the retrying; pyrate-limiter does the pacing. A call that still fails after
the last retry becomes ServiceUnavailable, which the caller reports as `unverified`.
"""

from __future__ import annotations

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


class Pacer:
    """Keeps one service's calls within its published rate (calls per second)."""

    def __init__(self, per_second: float) -> None:
        # pyrate-limiter counts whole calls per window: 3/s becomes 3 per 1000 ms,
        # 0.5/s becomes 1 per 2000 ms.
        if per_second >= 1:
            rate = Rate(int(per_second), Duration.SECOND)
        else:
            rate = Rate(1, int(int(Duration.SECOND) / per_second))
        self._limiter = Limiter(rate)

    def wait(self) -> None:
        self._limiter.try_acquire("call", blocking=True)


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
        self._pacer = pacer
        self._retries = retries
        # backoff, 2*backoff, 4*backoff... (at most 16x), plus up to `backoff` of jitter so
        # that parallel clients do not retry in step.
        self._exponential = wait_exponential(multiplier=backoff, max=backoff * 16) + wait_random(
            0, backoff
        )
        self._max_retry_after = max_retry_after

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
            self._pacer.wait()
            return attempt()

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
            raise ServiceUnavailable(
                self.service, f"{error.reason} (after {tries} tr{'y' if tries == 1 else 'ies'})"
            ) from error
