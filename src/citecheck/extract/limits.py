"""How much of one document citecheck agrees to read, and for how long.

A hostile or broken document must cost one error line for that file, never the run:

    size      bytes read from a file or standard input      --max-file-size      50 MB
    unpacked  bytes a compressed document inflates to       --max-unpacked-size  256 MB
              (a DOCX's XML parts, a PDF's streams)
    nesting   elements inside elements (HTML)               --max-nesting        200
    seconds   reading and parsing one document              --max-seconds        60
    pages     pages of a PDF                                --max-pages          2000

The defaults are far above real documents (a 400-page thesis as PDF holds ~30 MB of
streams; the 60 real pages of bench/realdocs nest at most 54 elements deep, measured by
`bench/hostile_docs.py --real-depth`) and far below what exhausts memory or patience.
The configuration keys have the options' names (`max-file-size = "100MB"`).

The time limit is a timer signal (SIGALRM) that interrupts the reading in Python code;
it needs a POSIX system and the main thread (the reading processes of --jobs each run
their documents in their main thread). Where it cannot be set, documents are read
without a time limit; the other limits still hold.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from types import FrameType
from typing import IO

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "NestingLimitError",
    "TimeLimitExceeded",
    "check_html_nesting",
    "format_size",
    "parse_size",
    "read_capped",
    "time_limit",
]

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits of one run; see the module docstring for what each one bounds."""

    file_bytes: int = 50 * MB
    unpacked_bytes: int = 256 * MB
    nesting: int = 200
    seconds: float = 60.0
    pages: int = 2000


DEFAULT_LIMITS = Limits()

# The option (and configuration key) that sets each limit, for the error messages.
OPTION = {
    "file_bytes": "--max-file-size",
    "unpacked_bytes": "--max-unpacked-size",
    "nesting": "--max-nesting",
    "seconds": "--max-seconds",
    "pages": "--max-pages",
}

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b?|b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": MB, "g": 1024 * MB, "t": 1024 * 1024 * MB}


def parse_size(text: str) -> int:
    """Bytes from "50MB", "1.5 GB", "200k" or "1000" (binary units: 1 MB = 1024 KB)."""
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (examples: 50MB, 1GB, 500KB)")
    number, unit = float(match.group(1)), (match.group(2) or "").lower()
    size = int(number * _UNITS[unit[:1]])
    if size <= 0:
        raise ValueError(f"a size must be above zero, not {text!r}")
    return size


def format_size(size: int) -> str:
    """For error messages: "50 MB", "1.5 GB", "300 KB" or "12 bytes"."""
    for unit, scale in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


class SizeLimitError(Exception):
    """More bytes than the limit; str(error) says which limit."""

    def __init__(self, what: str, limit: int, option: str) -> None:
        super().__init__(f"{what} is larger than {format_size(limit)} (the limit; {option})")


def read_capped(stream: IO[bytes], limit: int, what: str, option: str) -> bytes:
    """All of `stream`, or SizeLimitError as soon as it holds more than `limit` bytes.

    Reads in chunks, so an endless stream or a decompression bomb costs at most the
    limit in memory."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(1 * MB, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise SizeLimitError(what, limit, option)
        chunks.append(chunk)


class TimeLimitExceeded(BaseException):
    """Raised inside the reading when its time is up.

    A BaseException, like KeyboardInterrupt, so that a library's `except Exception`
    around a parse cannot swallow it and carry on."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitExceeded in the block once `seconds` have passed (see the module
    docstring for where this works; elsewhere the block runs unbounded)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    running = True

    def expired(_signal: int, _frame: FrameType | None) -> None:
        if running:
            raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        running = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class NestingLimitError(Exception):
    """The markup nests elements deeper than the limit."""


# Elements that never hold others (HTML's void elements, as html.parser trees close them).
_VOID = frozenset(
    "area base br col embed hr img input keygen link menuitem meta param source track wbr "
    "basefont bgsound command frame image isindex nextid spacer".split()
)


class _DepthScanner(HTMLParser):
    """Follows the open elements as the html.parser tree builder nests them: a start tag
    opens (void and self-closed ones do not), an end tag closes back to the last open
    element of its name and is ignored when none is open. Stops at the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(convert_charrefs=False)
        self.limit = limit
        self.open: list[str] = []
        self.counts: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._reach(len(self.open) + 1)
        if tag not in _VOID:
            self.open.append(tag)
            self.counts[tag] = self.counts.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._reach(len(self.open) + 1)  # <div/> opens and closes at once

    def _reach(self, depth: int) -> None:
        if depth > self.limit:
            raise NestingLimitError(
                f"elements nested more than {self.limit} deep (the limit; {OPTION['nesting']})"
            )

    def handle_endtag(self, tag: str) -> None:
        if not self.counts.get(tag):
            return
        while self.open:
            name = self.open.pop()
            self.counts[name] -= 1
            if name == tag:
                return


def check_html_nesting(markup: str, limit: int) -> None:
    """Raise NestingLimitError when the page nests elements more than `limit` deep."""
    scanner = _DepthScanner(limit)
    try:
        scanner.feed(markup)
        scanner.close()
    except AssertionError:
        # html.parser gives up on a malformed declaration ("<![1]--"): the markup up to
        # there was within the limit, and the page reader copes with the rest.
        return
