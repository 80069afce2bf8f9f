"""Data for `citecheck demo`: the example page and the services' recorded answers for it.

The answers are HTTP exchanges recorded from the local fake Crossref/PubMed (tests/fakes)
while citecheck checked the example page (bench/record_demo.py writes answers.json).
Recording at the HTTP level keeps them independent of how the resolver batches or caches.
`serve()` replays them from a throw-away local server, so the demo runs the real pipeline
offline, in seconds. A request that was not recorded gets a 503: the reference is then
reported `unverified`, never a made-up `not_found`.

answers.json:
    {"recorded": "<how and when>",
     "answers": [{"service": "crossref" | "pubmed",
                  "path": "/works" | "/esearch.fcgi" | ...,  (below the service's base URL)
                  "params": {"name": "value", ...},         (identity params left out)
                  "status": 200, "content_type": "application/json",
                  "body": "<the response text>"}, ...]}
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = ["EXAMPLE_NAME", "example_text", "recorded_answers", "request_key", "serve"]

EXAMPLE_NAME = "ketamine-clinic-pain.txt"
# Who is asking, not what: these vary between users and never change the answer.
IDENTITY_PARAMS = frozenset({"tool", "email", "api_key", "mailto"})
SERVICES = {"crossref": "/crossref", "pubmed": "/eutils"}

Key = tuple[str, str, tuple[tuple[str, str], ...]]


@lru_cache(maxsize=1)
def recorded_answers() -> dict[str, Any]:
    """The parsed answers.json (see the module docstring for its shape)."""
    text = resources.files(__name__).joinpath("answers.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def example_text() -> str:
    """The example page (a real clinic page: one correct, one miscited, three invented)."""
    return resources.files(__name__).joinpath(EXAMPLE_NAME).read_text(encoding="utf-8")


def request_key(service: str, path: str, params: dict[str, str]) -> Key:
    """How a request is recognised: service, path below the base URL, its parameters."""
    path = unquote(path).removeprefix("/v1")
    kept = tuple(sorted((k, v) for k, v in params.items() if k not in IDENTITY_PARAMS))
    return service, path, kept


def _index() -> dict[Key, dict[str, Any]]:
    answers = recorded_answers()["answers"]
    return {request_key(a["service"], a["path"], a["params"]): a for a in answers}


class _Handler(BaseHTTPRequestHandler):
    index: ClassVar[dict[Key, dict[str, Any]]] = {}

    def _answer(self, form: str = "") -> None:
        url = urlsplit(self.path)
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        params.update(parse_qsl(form, keep_blank_values=True))
        answer = None
        for service, prefix in SERVICES.items():
            if url.path.startswith(prefix + "/"):
                key = request_key(service, url.path[len(prefix) :], params)
                answer = self.index.get(key)
        if answer is None:
            status, kind, body = 503, "application/json", '{"error": "not recorded for the demo"}'
        else:
            status, kind, body = answer["status"], answer["content_type"], answer["body"]
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._answer(self.rfile.read(length).decode("utf-8", "replace"))

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the demo's output is the report."""


@contextmanager
def serve() -> Iterator[tuple[str, str]]:
    """Serve the recorded answers on 127.0.0.1; yields (crossref_url, pubmed_url).

    with demo.serve() as (crossref_url, pubmed_url):
        settings = replace(settings, crossref_url=crossref_url, pubmed_url=pubmed_url)
    """
    handler = type("DemoHandler", (_Handler,), {"index": _index()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="citecheck-demo", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield base + SERVICES["crossref"], base + SERVICES["pubmed"]
    finally:
        server.shutdown()
        server.server_close()


def write_example(folder: Path) -> Path:
    """Write the example page into `folder` (the demo checks a real file, by its name)."""
    path = folder / EXAMPLE_NAME
    path.write_text(example_text(), encoding="utf-8")
    return path
