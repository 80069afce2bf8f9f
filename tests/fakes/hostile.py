"""Answers of a hostile or broken service, for the fake's modes (server.py):

trickle:S       the real answer, one byte every S seconds (never trips a per-read timeout)
endless         200 JSON whose body never ends
huge:MB         the real answer padded to MB megabytes of valid JSON (default 100)
gzip_bomb:MB    a gzip body that inflates to MB megabytes of zeros (default 10240 = 10 GB);
                ~1 KB sent per MB inflated
redirect_away   302 to the same path on another host name (localhost instead of
                127.0.0.1), under /elsewhere/, where an impostor answers; the calls it
                gets (API key included) are recorded as service "elsewhere"
wrong_types     the real answer with used fields of the wrong type: Crossref's year
                "2000x" and authors as strings; PubMed's authors as an integer and its
                publication types as a string (the shapes of issue 11)
"""

from __future__ import annotations

import functools
import gzip
import json
import time
from collections.abc import Iterator
from typing import Any

from werkzeug.wrappers import Request, Response

MB = 1024 * 1024
BOMB_MEMBER_MB = 16  # one gzip member inflates to this much; the bomb repeats it


def trickle(response: Response, seconds: float) -> Response:
    body = response.get_data()

    def drip() -> Iterator[bytes]:
        for byte in body:
            yield bytes([byte])
            time.sleep(seconds)

    return _streamed(response, drip())


def endless() -> Response:
    def forever() -> Iterator[bytes]:
        yield b'{"status": "ok", "message": {"items": ['
        chunk = b'{"DOI": "10.0/endless"},' * 2048
        while True:
            yield chunk

    return Response(forever(), content_type="application/json", direct_passthrough=True)


def huge(response: Response, megabytes: float) -> Response:
    """Valid JSON of about `megabytes`: the real answer with a long list of small objects
    beside it (each one a Python dict once parsed: what makes memory explode)."""
    body = response.get_data().rstrip()
    if not body.endswith(b"}"):
        return response
    target = int(megabytes * MB)

    def padded() -> Iterator[bytes]:
        yield body[:-1] + b', "padding": ['
        piece = b'{"n": 1, "m": [1, 2]},' * 4096
        sent = len(body)
        while sent < target:
            yield piece
            sent += len(piece)
        yield b'{"n": 1}]}'

    return _streamed(response, padded())


@functools.lru_cache(maxsize=1)
def _bomb_member() -> bytes:
    return gzip.compress(b"\0" * (BOMB_MEMBER_MB * MB), compresslevel=9)


def gzip_bomb(megabytes: float) -> Response:
    members = max(1, int(megabytes // BOMB_MEMBER_MB))
    member = _bomb_member()

    def bombs() -> Iterator[bytes]:
        for _ in range(members):
            yield member

    return Response(
        bombs(),
        content_type="application/json",
        headers={"Content-Encoding": "gzip", "Content-Length": str(len(member) * members)},
        direct_passthrough=True,
    )


def redirect_away(request: Request, port: int) -> Response:
    query = request.query_string.decode()
    target = f"http://localhost:{port}/elsewhere{request.path}" + (f"?{query}" if query else "")
    status = 307 if request.method == "POST" else 302  # keep a POST a POST
    return Response("", status=status, headers={"Location": target})


def wrong_types(service: str, response: Response) -> Response:
    """The real answer with the used fields given wrong types (only JSON answers)."""
    if response.mimetype != "application/json" and "json" not in response.content_type:
        return response
    data = json.loads(response.get_data())
    if service == "crossref":
        message = data.get("message")
        items = message.get("items", []) if isinstance(message, dict) else []
        for work in items or ([message] if isinstance(message, dict) else []):
            _break_work(work)
    elif service == "pubmed":
        result = data.get("result")
        if isinstance(result, dict):
            for uid in result.get("uids", []):
                summary = result.get(uid)
                if isinstance(summary, dict):
                    summary["authors"] = len(summary.get("authors") or [])
                    summary["pubtype"] = "Journal Article"
    return Response(
        json.dumps(data), status=response.status_code, content_type=response.content_type
    )


def _break_work(work: dict[str, Any]) -> None:
    for key in ("issued", "published-print", "published-online"):
        if isinstance(work.get(key), dict):
            parts = work[key].get("date-parts") or [[2000]]
            work[key]["date-parts"] = [[f"{parts[0][0]}x", *parts[0][1:]]]
    work["author"] = [
        f"{a.get('family', '')} {a.get('given', '')}".strip()
        for a in work.get("author", [])
        if isinstance(a, dict)
    ]


def _streamed(response: Response, body: Iterator[bytes]) -> Response:
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    return Response(body, status=response.status_code, headers=headers, direct_passthrough=True)
