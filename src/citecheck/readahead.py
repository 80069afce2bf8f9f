"""Run an iterator in a background thread, a bounded number of items ahead of its consumer.

An audit alternates between reading documents (CPU) and waiting for the services (the
rate limits): reading the next window of pages while the current one's look-ups wait
turns the sum of the two into roughly the larger of them. The reading itself must then
happen elsewhere than in the thread (check.py uses it over the reading processes of
--jobs): the time limit per document is a signal only the main thread receives.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_POLL = 0.1  # seconds between looks at the stop flag while the buffer is full


class _End(Generic[T]):
    """What the producer hands over last: nothing (done) or the exception it met."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error


def read_ahead(items: Iterator[T], size: int) -> Iterator[T]:
    """The items of `items`, produced in a daemon thread at most `size` ahead.

    An exception in the producer is raised in the consumer, where it would have been
    raised without the thread. When the consumer stops early (break, an exception,
    Ctrl-C), the producer stops at its next item and closes `items`.
    """
    buffer: queue.Queue[T | _End[T]] = queue.Queue(maxsize=max(size, 1))
    stop = threading.Event()

    def put(value: T | _End[T]) -> bool:
        while not stop.is_set():
            try:
                buffer.put(value, timeout=_POLL)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
        except BaseException as error:  # handed to the consumer, who raises it
            put(_End(error))
            return
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()
        put(_End())

    thread = threading.Thread(target=produce, name="citecheck-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            value = buffer.get()
            if isinstance(value, _End):
                if value.error is not None:
                    raise value.error
                return
            yield value
    finally:
        stop.set()
