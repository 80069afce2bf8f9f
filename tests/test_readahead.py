"""read_ahead: the items in order, the producer's errors where they belong, an early stop
that stops the producer, and no more than `size` items read ahead."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from citecheck.readahead import read_ahead


def test_items_arrive_in_order() -> None:
    assert list(read_ahead(iter(range(1000)), 7)) == list(range(1000))


def test_an_error_in_the_producer_is_raised_in_the_consumer_after_its_items() -> None:
    def items() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("broken document")

    got: list[int] = []
    with pytest.raises(ValueError, match="broken document"):
        for item in read_ahead(items(), 4):
            got.append(item)
    assert got == [1, 2]


def test_the_producer_stays_at_most_size_items_ahead() -> None:
    produced: list[int] = []

    def items() -> Iterator[int]:
        for number in range(100):
            produced.append(number)
            yield number

    stream = read_ahead(items(), 5)
    assert next(stream) == 0
    time.sleep(0.3)  # time enough for the producer to run ahead as far as it may
    # One taken, five in the buffer, one more waiting to be put: never the hundred.
    assert len(produced) <= 7
    stream.close()


def test_stopping_early_closes_the_producer() -> None:
    closed = threading.Event()

    def items() -> Iterator[int]:
        try:
            yield from range(1_000_000)
        finally:
            closed.set()

    for item in read_ahead(items(), 3):
        if item == 10:
            break
    assert closed.wait(2), "the producer's generator was not closed"
