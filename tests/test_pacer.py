"""The pacer's rate: cut by a quarter on each 429, given back step by step as calls are
answered, never above the limit the service published or announced."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from citecheck.resolve.errors import ServiceUnavailable, TransientError
from citecheck.resolve.http import RECOVER_AFTER, SLOWEST, Caller, Pacer


def answer(pacer: Pacer, calls: int) -> None:
    for _ in range(calls):
        pacer.run(lambda: None)
        pacer.answered()


def test_a_429_slows_down_and_answered_calls_win_the_rate_back() -> None:
    pacer = Pacer(3.0)
    pacer.slow_down()
    assert pacer.per_second == pytest.approx(2.25)
    for _ in range(RECOVER_AFTER * 4):
        pacer.answered()
    assert pacer.per_second == pytest.approx(3.0)  # back to the limit, not above it


def test_many_429s_stop_at_the_slowest_rate_and_recovery_needs_answers() -> None:
    pacer = Pacer(3.0)
    for _ in range(20):
        pacer.slow_down()
    assert pacer.per_second == SLOWEST
    for _ in range(RECOVER_AFTER - 1):
        pacer.answered()
    assert pacer.per_second == SLOWEST
    pacer.answered()
    assert pacer.per_second > SLOWEST


def test_an_announced_limit_is_a_ceiling_recovery_never_passes() -> None:
    pacer = Pacer(3.0)
    pacer.limit_to(2.0)
    assert pacer.per_second == 2.0
    pacer.slow_down()
    for _ in range(RECOVER_AFTER * 10):
        pacer.answered()
    assert pacer.per_second == pytest.approx(2.0)
    pacer.limit_to(5.0)  # a higher announcement does not raise the ceiling
    assert pacer.ceiling == 2.0


def test_calls_at_the_limit_change_nothing() -> None:
    pacer = Pacer(50.0)
    answer(pacer, 3)
    assert pacer.per_second == 50.0


def caller() -> Caller:
    return Caller("crossref", Pacer(1000.0, 3), retries=3, backoff=0.001, max_retry_after=0.01)


def failing(times: int, status: int | None) -> Callable[[], str]:
    """An attempt that fails `times` times (HTTP `status`), then answers."""
    left = [times]

    def attempt() -> str:
        if left[0] > 0:
            left[0] -= 1
            raise TransientError(f"HTTP {status}", status=status)
        return "answer"

    return attempt


def test_a_burst_of_429s_slows_down_but_does_not_call_the_service_down() -> None:
    crossref = caller()
    with pytest.raises(ServiceUnavailable):  # this call was refused four times: it fails
        crossref.call(failing(4, 429))
    assert crossref.down is None  # ... but the service is up: the next calls go on
    assert crossref.call(failing(3, 429)) == "answer"
    assert crossref.pacer.per_second < 1000.0


def test_failures_of_another_kind_in_a_row_call_the_service_down() -> None:
    crossref = caller()
    with pytest.raises(ServiceUnavailable):
        crossref.call(failing(4, 503))
    assert crossref.down is not None
    with pytest.raises(ServiceUnavailable):
        crossref.call(failing(0, None))  # gives up at once


def test_a_change_of_rate_does_not_let_a_call_go_right_behind_the_last() -> None:
    pacer = Pacer(4.0)
    pacer.run(lambda: None)
    pacer.slow_down()  # 3 calls/s from now: the next call waits its turn (about 0.35 s)
    start = time.monotonic()
    pacer.run(lambda: None)
    assert time.monotonic() - start >= 0.25  # a lower bound: sleeps never end early
