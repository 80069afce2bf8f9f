"""One service's HTTP calls, each bounded: in time, in size, and in where it may go.

- A deadline per call, not per read: connecting, waiting for the headers and reading the
  body together take at most `timeout` seconds. A watchdog shuts the call's socket down at
  the deadline, so a server that trickles a byte every few seconds (which never trips a
  per-read timeout) or streams an endless body is cut off too.
- A cap on the answer: at most `max_bytes` as sent and at most `max_bytes` once
  decompressed. Compression is decoded here, chunk by chunk with a bounded output, so a
  gzip bomb stops at the cap instead of filling memory.
- Redirects are followed only within the service's own origin (scheme, host and port of
  its base URL). A redirect anywhere else is a failure: the call's parameters (the NCBI
  API key, the contact address) are never sent to another host, and nothing from another
  host is taken, or cached, as the service's answer.

requests does the HTTP; urllib3 (under it) lets a connection class be swapped, which is how
the watchdog finds the socket of a call in flight.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from citecheck.markup import clean_text
from citecheck.resolve.errors import ServiceUnavailable, TransientError
from citecheck.resolve.http import retry_after_seconds

MAX_BYTES = 16 * 1024 * 1024  # the largest answer we expect is ~1 MB (200 ESummaries)
MAX_REDIRECTS = 3
CHUNK = 64 * 1024
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# What the answer may be compressed with: the two encodings we ask for, decoded with zlib.
WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


@dataclass(frozen=True)
class Reply:
    """A service's answer: the status, its headers, and the body (decompressed)."""

    status: int
    headers: CaseInsensitiveDict[str]
    body: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    @property
    def content(self) -> bytes:
        return self.body

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The body as JSON; ValueError if it is not JSON."""
        return json.loads(self.body)


# --- the watchdog ------------------------------------------------------------------------


class _Watch:
    """The deadline of the call running in this thread, and the socket it uses."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def attach(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._socket = sock
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._socket is not None:
                self._shut(self._socket)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        # shutdown() wakes a thread blocked in recv() (close() would not); the read then
        # sees the end of the stream and the call fails, as it should.
        with contextlib.suppress(OSError):  # already closed
            sock.shutdown(socket.SHUT_RDWR)

    @contextmanager
    def running(self) -> Iterator[_Watch]:
        _current.watch = self
        self._timer.start()
        try:
            yield self
        finally:
            self._timer.cancel()
            _current.watch = None


_current = threading.local()


def _watched(cls: type[HTTPConnection]) -> type[HTTPConnection]:
    """A connection class that tells the current call's watch which socket it uses: the
    one it opens, or the one it already has when kept alive. (The socket is kept by the
    watch itself: http.client drops the connection's reference to it as soon as an answer
    without a length starts, while the body is still being read from it.)"""

    class Watched(cls):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            self._tell_watch()

        def request(self, *args: Any, **kwargs: Any) -> None:
            self._tell_watch()
            super().request(*args, **kwargs)

        def _tell_watch(self) -> None:
            watch: _Watch | None = getattr(_current, "watch", None)
            if watch is not None:
                watch.attach(self.sock)

    return Watched


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _watched(HTTPConnection)


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _watched(HTTPSConnection)  # type: ignore[assignment]


class _WatchedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _WatchedHTTPPool,
            "https": _WatchedHTTPSPool,
        }


# --- bounded bodies ----------------------------------------------------------------------


class _Inflater:
    """Decompresses a body chunk by chunk, never producing more than `limit` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        self._wbits = WBITS[encoding]
        self._inflate = zlib.decompressobj(self._wbits)
        self._limit = limit
        self.size = 0

    def feed(self, data: bytes) -> bytes:
        out = []
        while data:
            piece = self._inflate.decompress(data, self._limit - self.size + 1)
            self.size += len(piece)
            if self.size > self._limit:
                raise _TooLargeError
            out.append(piece)
            data = self._inflate.unconsumed_tail
            if self._inflate.eof and self._inflate.unused_data:  # another gzip member
                data = self._inflate.unused_data
                self._inflate = zlib.decompressobj(self._wbits)
        return b"".join(out)

    @property
    def complete(self) -> bool:
        return self._inflate.eof


class _TooLargeError(Exception):
    pass


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


class Transport:
    """HTTP for one service at one base URL (see the module docstring)."""

    def __init__(
        self,
        service: str,
        base_url: str,
        *,
        timeout: float,
        user_agent: str,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.service = service
        self.base_url = base_url.rstrip("/")
        self._origin = _origin(self.base_url)
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._session = requests.Session()
        adapter = _WatchedAdapter()
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers["User-Agent"] = user_agent
        self._session.headers["Accept-Encoding"] = "gzip, deflate"

    def get(self, path: str, params: Mapping[str, str] | None = None) -> Reply:
        return self.call("GET", path, params=params)

    def post(self, path: str, form: Mapping[str, str]) -> Reply:
        return self.call("POST", path, form=form)

    def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        form: Mapping[str, str] | None = None,
    ) -> Reply:
        """One call, redirects within the origin included, within the deadline and caps.

        Raises TransientError (no answer in time, could not connect, a cut answer: worth
        another try) or ServiceUnavailable (an answer too large, a redirect elsewhere).
        Error texts never hold the URL: it may carry an API key.
        """
        with _Watch(self._timeout).running() as watch:
            deadline = time.monotonic() + self._timeout
            try:
                return self._follow(method, f"{self.base_url}{path}", params, form, deadline)
            except _CutOffError as broken:
                if watch.expired or time.monotonic() >= deadline:
                    raise self._timed_out() from None
                raise TransientError(f"no answer ({broken.what})") from None
            except _TooLargeError:
                raise ServiceUnavailable(
                    self.service, f"answer larger than {self._max_bytes // 1024 // 1024} MB"
                ) from None

    def _timed_out(self) -> TransientError:
        return TransientError(f"no answer within {self._timeout:g} s (timed out)")

    def _follow(
        self,
        method: str,
        url: str,
        params: Mapping[str, str] | None,
        form: Mapping[str, str] | None,
        deadline: float,
    ) -> Reply:
        for _ in range(MAX_REDIRECTS + 1):
            left = max(0.001, deadline - time.monotonic())
            try:
                response = self._session.request(
                    method,
                    url,
                    params=params,
                    data=form,
                    timeout=(left, left),
                    allow_redirects=False,
                    stream=True,
                )
            except requests.Timeout:
                raise _CutOffError("timed out") from None
            except (requests.RequestException, OSError):
                raise _CutOffError("could not connect") from None
            with response:
                location = response.headers.get("Location")
                if response.status_code not in REDIRECTS or not location:
                    body = self._body(response, deadline)
                    return Reply(response.status_code, response.headers, body)
            url = urljoin(response.url, location)
            if _origin(url) != self._origin:
                host = urlsplit(url).hostname or "?"
                raise ServiceUnavailable(
                    self.service, f"redirected to another host ({host}): not followed"
                )
            params = None  # the new location carries its own query
            if response.status_code in (301, 302, 303):
                method, form = "GET", None
        raise ServiceUnavailable(self.service, f"more than {MAX_REDIRECTS} redirects")

    def _body(self, response: requests.Response, deadline: float) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self._max_bytes:
            raise _TooLargeError
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        if encoding not in WBITS and encoding not in ("", "identity"):
            raise ServiceUnavailable(self.service, f"answer in an unasked encoding ({encoding})")
        inflater = _Inflater(encoding, self._max_bytes) if encoding in WBITS else None
        chunks: list[bytes] = []
        received = 0
        try:
            for chunk in response.raw.stream(CHUNK, decode_content=False):
                received += len(chunk)
                if received > self._max_bytes:
                    raise _TooLargeError
                chunks.append(inflater.feed(chunk) if inflater else chunk)
                if time.monotonic() >= deadline:
                    raise _CutOffError("timed out")
        except (urllib3.exceptions.HTTPError, OSError, zlib.error):
            raise _CutOffError("answer cut off") from None
        # The watchdog ends a stream by shutting its socket: what came is not a whole answer.
        if time.monotonic() >= deadline:
            raise _CutOffError("timed out")
        if inflater is not None and not inflater.complete:
            raise _CutOffError("answer cut off")
        return b"".join(chunks)


class _CutOffError(Exception):
    """The call failed before a whole answer came; `what` says how."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def refuse_unless_ok(reply: Reply, service: str) -> None:
    """Raise unless the reply is a 200: TransientError for 429 and 5xx (with the server's
    Retry-After), ServiceUnavailable for any other status (the request was refused)."""
    status = reply.status
    if status == 200:
        return
    if status == 429 or status >= 500:
        retry_after = retry_after_seconds(reply.headers.get("Retry-After"))
        raise TransientError(f"HTTP {status}", retry_after=retry_after, status=status)
    why = _refusal(reply)
    raise ServiceUnavailable(service, f"HTTP {status} (request refused{': ' + why if why else ''})")


def _refusal(reply: Reply) -> str:
    """What a refusal says, from the fields services use for it, in one short line: Crossref's
    `validation-failure` messages, an E-utilities `error`. Nothing else of the body is shown
    (an NCBI error body may echo the API key back)."""
    if "json" not in reply.media_type or len(reply.body) > 64 * 1024:
        return ""
    try:
        data = json.loads(reply.body)
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    said = data.get("message") if data.get("message-type") == "validation-failure" else None
    if isinstance(said, list) and said and isinstance(said[0], dict):
        said = said[0].get("message")
    if said is None:
        said = data.get("error")
    return clean_text(said)[:100] if isinstance(said, str) else ""
