"""One local HTTP server for the fakes: Crossref under /crossref, E-utilities under /eutils,
DataCite under /datacite.

It counts and records every call, and can misbehave on purpose per service ("modes"):
  ok              answer normally
  down            503 with a small HTML error page
  rate_limited    429, Retry-After: 1 (PubMed: its JSON body, SERVICES.md section 5;
                  Crossref: the historical HTML body, section 1; DataCite: a JSON:API
                  error document)
  flaky:N         the first N calls after the mode is set get 503, then answers are normal
  garbage         200 with a truncated body (cut JSON / XML; an HTML page for ECitMatch)
  wrong_shape     200 with valid JSON of the wrong shape (text without fields for ECitMatch)
  slow:SECONDS    wait, then answer normally
  trickle:S, endless, huge:MB, gzip_bomb:MB, redirect_away, wrong_types
                  a hostile service (see hostile.py)
  refused         400 with the service's recorded refusal (see recorded.py)
  gateway_timeout 504 from a gateway
Control paths (not counted): GET /_calls (counts as JSON), /_mode?service=..&mode=.., /_reset.
"""

from __future__ import annotations

import json
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pytest_httpserver.httpserver import HTTPServerBase
from werkzeug.wrappers import Request, Response

from . import hostile, recorded
from .corpus import Corpus, load_corpus
from .crossref import CrossrefFake, rate_headers
from .datacite import DataCiteFake
from .limits import Limits, limit_for
from .pubmed import PubMedFake

SERVICES = ("crossref", "pubmed", "datacite")
MODE_KINDS = (
    "ok",
    "down",
    "rate_limited",
    "flaky",
    "garbage",
    "wrong_shape",
    "slow",
    *("trickle", "endless", "huge", "gzip_bomb", "redirect_away", "wrong_types"),
    *("refused", "gateway_timeout"),
)
NEEDS_ARG = ("flaky", "slow", "trickle")
DEFAULT_ARG = {"huge": 100.0, "gzip_bomb": 10240.0}  # megabytes
# file name -> endpoint name used in the call counts
EUTILS = {
    name: name.partition(".")[0]
    for name in ("esearch.fcgi", "esummary.fcgi", "efetch.fcgi", "ecitmatch.cgi")
}
DOWN_PAGE = (
    "<html><head><title>503 Service Unavailable</title></head><body>"
    "<h1>Service Unavailable</h1><p>The server is temporarily unable to service your request."
    "</p></body></html>"
)
CROSSREF_429 = (
    "<html><body><h1>429 Too Many Requests</h1>"
    "You have sent too many requests in a given amount of time.</body></html>"
)


@dataclass(frozen=True)
class Call:
    """One request as the fake saw it. `params` merges query string and form (first values)."""

    service: str
    endpoint: str
    method: str
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)

    @property
    def user_agent(self) -> str:
        return self.headers.get("User-Agent", "")


@dataclass(frozen=True)
class Mode:
    kind: str
    arg: float = 0.0

    @classmethod
    def parse(cls, text: str) -> Mode:
        kind, _, arg = text.strip().partition(":")
        if (
            kind not in MODE_KINDS
            or (kind in NEEDS_ARG and not arg)
            or (arg and kind not in (*NEEDS_ARG, *DEFAULT_ARG))
        ):
            raise ValueError(
                f"unknown mode {text!r}: use ok, down, rate_limited, flaky:N, garbage, "
                "wrong_shape, slow:S, trickle:S, endless, huge[:MB], gzip_bomb[:MB], "
                "redirect_away, wrong_types, refused, gateway_timeout"
            )
        return cls(kind, float(arg) if arg else DEFAULT_ARG.get(kind, 0.0))


class FakeServices:
    """The WSGI side: routing, modes, counting. Thread-safe (the server is threaded)."""

    def __init__(self, corpus: Corpus | None = None) -> None:
        self.corpus = corpus or load_corpus()
        self.crossref = CrossrefFake(self.corpus)
        self.pubmed = PubMedFake(self.corpus)
        self.datacite = DataCiteFake(self.corpus)
        self.base_url = ""
        self.calls: Counter[Any] = Counter()
        self.requests: list[Call] = []
        self.errors: list[str] = []  # tracebacks of fake bugs, so a test can fail loudly on them
        self._modes = dict.fromkeys(SERVICES, Mode("ok"))
        self._since_mode: Counter[str] = Counter()
        self._lock = threading.Lock()
        # Benchmarks: a delay on every answer, and the published limits enforced (429).
        self.latency = 0.0
        self.limits: Limits | None = None

    def enforce_limits(self, latency: float = 0.0) -> Limits:
        """Answer after `latency` seconds and with 429 over the services' published limits."""
        self.latency = latency
        self.limits = Limits()
        return self.limits

    @property
    def crossref_url(self) -> str:
        return f"{self.base_url}/crossref"

    @property
    def pubmed_url(self) -> str:
        return f"{self.base_url}/eutils"

    @property
    def datacite_url(self) -> str:
        return f"{self.base_url}/datacite"

    def set_mode(self, service: str, mode: str) -> None:
        if service not in SERVICES:
            raise ValueError(f"unknown service {service!r}: use one of {SERVICES}")
        parsed = Mode.parse(mode)
        with self._lock:
            self._modes[service] = parsed
            self._since_mode[service] = 0

    def mode(self, service: str) -> str:
        m = self._modes[service]
        return f"{m.kind}:{m.arg:g}" if m.arg else m.kind

    def reset(self) -> None:
        """Modes back to ok, counts and recorded calls cleared."""
        with self._lock:
            self._modes = dict.fromkeys(SERVICES, Mode("ok"))
            self._since_mode.clear()
            self.calls.clear()
            self.requests.clear()
            self.errors.clear()

    def total_calls(self, service: str | None = None) -> int:
        if service is None:
            return sum(self.calls[s] for s in SERVICES)
        return self.calls[service]

    def calls_to(self, service: str, endpoint: str | None = None) -> list[Call]:
        return [c for c in self.requests if c.service == service and endpoint in (None, c.endpoint)]

    def counts(self) -> dict[str, int]:
        """The counter as JSON-friendly keys: "crossref", "crossref/works_doi", ..."""
        return {
            k if isinstance(k, str) else "/".join(k): v
            for k, v in sorted(self.calls.items(), key=str)
        }

    # --- WSGI -----------------------------------------------------------------------------

    def __call__(self, request: Request) -> Response:
        control = self._control(request)
        if control is not None:
            return control
        service, endpoint, handler = self._route(request)
        with self._lock:
            self.calls[service] += 1
            self.calls[(service, endpoint)] += 1
            self._since_mode[service] += 1
            nth = self._since_mode[service]
            mode = self._modes.get(service, Mode("ok"))
            self.requests.append(_record(request, service, endpoint))
        if self.limits is not None and service in SERVICES:
            with self.limits.admit(*limit_for(service, endpoint, request)) as allowed:
                if self.latency:
                    time.sleep(self.latency)
                response = (
                    self._answer(request, service, mode, nth, handler)
                    if allowed
                    else _too_many(request, service)
                )
        else:
            response = self._answer(request, service, mode, nth, handler)
        if service == "crossref":
            response.headers.update(rate_headers(request, endpoint))
        elif service == "pubmed":
            limit = "10" if request.values.get("api_key") else "3"
            response.headers.update({"X-RateLimit-Limit": limit, "X-RateLimit-Remaining": limit})
        return response

    def _answer(
        self, request: Request, service: str, mode: Mode, nth: int, handler: Callable[[], Response]
    ) -> Response:
        if mode.kind == "down" or (mode.kind == "flaky" and nth <= mode.arg):
            return Response(DOWN_PAGE, status=503, content_type="text/html")
        if mode.kind == "rate_limited":
            return _too_many(request, service)
        if mode.kind == "slow":
            time.sleep(mode.arg)
        if mode.kind == "refused":
            return recorded.refused(service)
        if mode.kind == "gateway_timeout":
            return recorded.gateway_timeout()
        if mode.kind == "endless":
            return hostile.endless()
        if mode.kind == "gzip_bomb":
            return hostile.gzip_bomb(mode.arg)
        if mode.kind == "redirect_away":
            return hostile.redirect_away(request, request.host.rpartition(":")[2] or "80")
        try:
            response = handler()
        except Exception:
            self.errors.append(traceback.format_exc())
            traceback.print_exc()
            return Response("fake service error (a bug in tests/fakes)", status=500)
        if mode.kind == "garbage":
            return _garbage(response)
        if mode.kind == "wrong_shape":
            return _wrong_shape(response)
        if mode.kind == "trickle":
            return hostile.trickle(response, mode.arg)
        if mode.kind == "huge":
            return hostile.huge(response, mode.arg)
        if mode.kind == "wrong_types":
            return hostile.wrong_types(service, response)
        return response

    def _route(
        self, request: Request, path: str | None = None
    ) -> tuple[str, str, Callable[[], Response]]:
        path = path or request.path
        if path.startswith("/elsewhere/"):  # the impostor of redirect_away: answers normally
            _, endpoint, handler = self._route(request, path[len("/elsewhere") :])
            return "elsewhere", endpoint, handler
        if path.startswith("/crossref/"):
            sub = path[len("/crossref") :].removeprefix("/v1")
            if sub.rstrip("/") == "/works":
                return "crossref", "works", lambda: self.crossref.works(request)
            if sub.startswith("/works/"):
                doi = sub[len("/works/") :]
                return "crossref", "works_doi", lambda: self.crossref.works_doi(request, doi)
            return "crossref", "other", _not_found
        if path.startswith("/eutils/"):
            endpoint = EUTILS.get(path[len("/eutils/") :].strip("/"))
            if endpoint is not None:
                return "pubmed", endpoint, lambda: getattr(self.pubmed, endpoint)(request)
            return "pubmed", "other", _not_found
        if path.startswith("/datacite/"):
            sub = path[len("/datacite") :]
            if sub.rstrip("/") == "/dois":
                return "datacite", "dois", lambda: self.datacite.dois(request)
            if sub.startswith("/dois/"):
                doi = sub[len("/dois/") :]
                return "datacite", "dois_doi", lambda: self.datacite.doi(request, doi)
            return "datacite", "other", _not_found
        return "other", "other", _not_found

    def _control(self, request: Request) -> Response | None:
        if request.path == "/_calls":
            return Response(json.dumps(self.counts()), content_type="application/json")
        if request.path == "/_mode":
            try:
                self.set_mode(request.values.get("service", ""), request.values.get("mode", ""))
            except ValueError as exc:
                return Response(str(exc), status=400)
            return Response(
                json.dumps({s: self.mode(s) for s in SERVICES}), content_type="application/json"
            )
        if request.path == "/_reset":
            self.reset()
            return Response("reset\n")
        return None


def _record(request: Request, service: str, endpoint: str) -> Call:
    params = dict(request.values.items())
    return Call(
        service, endpoint, request.method, request.path, params, dict(request.headers.items())
    )


def _not_found() -> Response:
    return Response("Resource not found.", status=404, content_type="text/plain")


def _too_many(request: Request, service: str) -> Response:
    headers = {"Retry-After": "1"}
    if service == "pubmed":
        who = request.values.get("api_key") or request.remote_addr or "127.0.0.1"
        body = {"error": "API rate limit exceeded", "api-key": who, "count": "4", "limit": "3"}
        return Response(
            json.dumps(body), status=429, content_type="application/json", headers=headers
        )
    if service == "datacite":
        error = {"errors": [{"status": "429", "title": "Too many requests"}]}
        return Response(
            json.dumps(error), status=429, content_type="application/vnd.api+json", headers=headers
        )
    return Response(CROSSREF_429, status=429, content_type="text/html", headers=headers)


def _wrong_shape(response: Response) -> Response:
    """Valid JSON, but not the shape the documentation promises (e.g. after an API change)."""
    if response.mimetype == "text/plain":  # ECitMatch: lines without the expected fields
        return Response("unexpected answer\n", content_type="text/plain")
    body = {"status": "ok", "message-type": "unknown", "message": ["surprise"], "result": 7}
    return Response(json.dumps(body), status=200, content_type="application/json")


def _garbage(response: Response) -> Response:
    """200 whose body breaks a parser: the real body cut in half (an HTML page for plain text)."""
    if response.mimetype == "text/plain":
        return Response("<html><body>Backend error</body></html>", content_type="text/html")
    body = response.get_data()
    return Response(body[: max(1, len(body) // 2)], status=200, content_type=response.content_type)


class FakeHTTPServer(HTTPServerBase):
    """pytest-httpserver's threaded werkzeug server, dispatching every request to the fakes."""

    def __init__(self, app: FakeServices, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__(host, port, threaded=True)  # threaded: slow mode must not block others
        self.app = app

    def dispatch(self, request: Request) -> Response:
        return self.app(request)

    def application(self, request: Request) -> Response:
        # The base class keeps every request/response in self.log; a benchmark would grow it
        # without bound, and FakeServices records calls itself.
        request.get_data()
        return self.dispatch(request)

    def start(self) -> None:
        super().start()
        self.app.base_url = f"http://{self.host}:{self.port}"


def start_fakes(host: str = "127.0.0.1", port: int = 0) -> tuple[FakeHTTPServer, FakeServices]:
    """Start the server in a background thread; call .stop() on the server when done."""
    app = FakeServices()
    server = FakeHTTPServer(app, host, port)
    server.start()
    return server, app
