"""The transport's bounds: a deadline per call, size caps, redirects within the origin."""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from citecheck.resolve.errors import ServiceUnavailable, TransientError
from citecheck.resolve.transport import Transport, refuse_unless_ok

OK_BODY = json.dumps({"status": "ok", "message": {"n": 1}}).encode()
Handler = Callable[[BaseHTTPRequestHandler], None]


def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, **headers: str) -> None:
    handler.send_response(status)
    headers.setdefault("Content-Type", "application/json")
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    if "Content-Length" not in headers:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    for byte in OK_BODY * 100:
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(0.2)


def _slow_headers(handler: BaseHTTPRequestHandler) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nX-Padding: " + b"x" * 1000:
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(0.2)


def _endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    handler.wfile.write(b'{"items": [')
    while True:
        handler.wfile.write(b'{"a": 1},' * 4096)


def _gzip_bomb(handler: BaseHTTPRequestHandler) -> None:
    member = gzip.compress(b"\0" * (8 << 20))  # 8 MiB of zeros in ~8 KiB; repeated
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Encoding", "gzip")
    handler.send_header("Content-Length", str(len(member) * 40))
    handler.end_headers()
    for _ in range(40):
        handler.wfile.write(member)


def _large(handler: BaseHTTPRequestHandler) -> None:
    _send(handler, 200, b" " * (3 << 20))


def _gzipped(handler: BaseHTTPRequestHandler) -> None:
    _send(handler, 200, gzip.compress(OK_BODY), Content_Encoding="gzip")


def _deflated(handler: BaseHTTPRequestHandler) -> None:
    _send(handler, 200, zlib.compress(OK_BODY), Content_Encoding="deflate")


def _cut_gzip(handler: BaseHTTPRequestHandler) -> None:
    body = gzip.compress(OK_BODY * 50)
    _send(handler, 200, body[: len(body) // 2], Content_Encoding="gzip")


class _Server:
    """A local server whose paths misbehave; records the query of every request."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, dict[str, list[str]]]] = []
        routes: dict[str, Handler] = {
            "/ok": lambda h: _send(h, 200, OK_BODY),
            "/trickle": _trickle,
            "/slow-headers": _slow_headers,
            "/endless": _endless,
            "/gzip-bomb": _gzip_bomb,
            "/large": _large,
            "/gzipped": _gzipped,
            "/deflated": _deflated,
            "/cut-gzip": _cut_gzip,
            "/same-host": lambda h: _send(h, 302, b"", Location="/ok"),
            "/loop": lambda h: _send(h, 302, b"", Location="/loop"),
            "/unasked": lambda h: _send(h, 200, OK_BODY, Content_Encoding="br"),
            "/refused": lambda h: _send(
                h,
                400,
                json.dumps(
                    {
                        "status": "failed",
                        "message-type": "validation-failure",
                        "message": [{"type": "x", "message": "Filter fo specified but..."}],
                    }
                ).encode(),
            ),
            "/keyed-refusal": lambda h: _send(
                h, 400, b'{"error":"API key invalid","api-key":"SECRET-KEY"}'
            ),
            "/busy": lambda h: _send(h, 503, b"<html>busy</html>", Retry_After="7"),
        }
        seen = self.seen

        class Handle(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlsplit(self.path)
                host = self.headers["Host"].split(":")[0]
                seen.append((f"{host}{url.path}", parse_qs(url.query)))
                if url.path == "/away":
                    target = f"http://localhost:{self.server.server_address[1]}/ok"
                    _send(self, 302, b"", Location=target)
                    return
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    routes[url.path](self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handle)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    running = _Server()
    yield running
    running.server.shutdown()
    running.server.server_close()


def transport(server: _Server, timeout: float = 5.0, max_bytes: int = 1 << 20) -> Transport:
    return Transport("crossref", server.url, timeout=timeout, user_agent="t", max_bytes=max_bytes)


def test_a_plain_answer(server: _Server) -> None:
    reply = transport(server).get("/ok", {"a": "1"})
    assert (reply.status, reply.body, reply.media_type) == (200, OK_BODY, "application/json")


@pytest.mark.parametrize("path", ["/gzipped", "/deflated"])
def test_compressed_answers_are_decoded(server: _Server, path: str) -> None:
    assert transport(server).get(path).body == OK_BODY


@pytest.mark.parametrize("path", ["/trickle", "/slow-headers"])
def test_a_trickling_server_is_cut_off_at_the_deadline(server: _Server, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(TransientError, match="timed out"):
        transport(server, timeout=1.0).get(path)
    # About 1 s (more on a busy machine), not one timeout per byte: the trickle alone
    # would take 20 s, the slow headers 200 s.
    assert time.monotonic() - started < 6.0


def test_an_endless_body_stops_at_the_size_cap(server: _Server) -> None:
    with pytest.raises(ServiceUnavailable, match="larger than"):
        transport(server).get("/endless")


def test_a_declared_large_answer_is_refused_before_reading(server: _Server) -> None:
    with pytest.raises(ServiceUnavailable, match="larger than 1 MB"):
        transport(server).get("/large")


def test_a_gzip_bomb_stops_at_the_decompressed_cap(server: _Server) -> None:
    # 320 MiB once inflated, ~320 KiB as sent: the sent size is under the cap, the
    # inflated size is not.
    with pytest.raises(ServiceUnavailable, match="larger than"):
        transport(server, max_bytes=4 << 20).get("/gzip-bomb")


def test_a_cut_compressed_answer_is_a_transient_failure(server: _Server) -> None:
    with pytest.raises(TransientError, match="cut off"):
        transport(server).get("/cut-gzip")


def test_an_unasked_encoding_is_refused(server: _Server) -> None:
    with pytest.raises(ServiceUnavailable, match="unasked encoding"):
        transport(server).get("/unasked")


def test_redirects_within_the_origin_are_followed(server: _Server) -> None:
    assert transport(server).get("/same-host").body == OK_BODY


def test_a_redirect_to_another_host_is_not_followed_and_keeps_the_key(server: _Server) -> None:
    server.seen.clear()
    with pytest.raises(ServiceUnavailable, match=r"another host \(localhost\)"):
        transport(server).get("/away", {"api_key": "SECRET-KEY"})
    assert [where for where, _ in server.seen] == ["127.0.0.1/away"]  # never went to localhost


def test_redirect_loops_end(server: _Server) -> None:
    with pytest.raises(ServiceUnavailable, match="redirects"):
        transport(server).get("/loop")


def test_nothing_listening_is_transient() -> None:
    nowhere = Transport("pubmed", "http://127.0.0.1:9", timeout=2, user_agent="t")
    with pytest.raises(TransientError, match="could not connect"):
        nowhere.get("/esearch.fcgi", {"api_key": "SECRET-KEY"})


def test_statuses(server: _Server) -> None:
    t = transport(server)
    refuse_unless_ok(t.get("/ok"), "crossref")
    with pytest.raises(TransientError) as busy:
        refuse_unless_ok(t.get("/busy"), "crossref")
    assert (busy.value.status, busy.value.retry_after) == (503, 7.0)
    with pytest.raises(ServiceUnavailable, match=r"HTTP 400 .*Filter fo specified"):
        refuse_unless_ok(t.get("/refused"), "crossref")
    with pytest.raises(ServiceUnavailable) as keyed:
        refuse_unless_ok(t.get("/keyed-refusal"), "pubmed")
    assert "API key invalid" in str(keyed.value)
    assert "SECRET" not in str(keyed.value)
