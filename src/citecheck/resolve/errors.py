"""How a resolver says "I could not get an answer" (as opposed to "there is no such work")."""

from __future__ import annotations


class ServiceUnavailable(Exception):  # noqa: N818 (the name the architecture uses)
    """A service gave no usable answer: down, rate limited, timed out, or answered nonsense.

    The reference it was asked about must end up `unverified`, never `not_found`.
    """

    def __init__(self, service: str, reason: str) -> None:
        super().__init__(f"{service}: {reason}")
        self.service = service
        self.reason = reason


class TransientError(Exception):
    """One failed call that may succeed when tried again (timeout, 429, 5xx, garbled body)."""

    def __init__(
        self, reason: str, retry_after: float | None = None, status: int | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.status = status  # the HTTP status, when there was one


class InvalidAnswerError(Exception):
    """An answer that is not what the service documents (wrong types, wrong shape, cut off).

    str() says what was wrong, in one line. The client turns it into ServiceUnavailable:
    the references asked about stay unverified, and the answer is never cached.
    """


class GarbledAnswerError(InvalidAnswerError):
    """An answer that is not even JSON (cut off in transit, or an error page): worth
    another try, unlike an answer of the wrong shape."""
