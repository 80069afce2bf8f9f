"""The pacer's rate: cut by a quarter on each 429, given back step by step as calls are
answered, never above the limit the service published or announced."""

from __future__ import annotations

import pytest

from citecheck.resolve.http import RECOVER_AFTER, SLOWEST, Pacer


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
