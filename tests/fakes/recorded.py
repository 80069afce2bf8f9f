"""Real recorded answers (tests/data/recorded/, each with its origin and licence) served by
the fakes next to the generated corpus: Crossref works exactly as recorded, markup and
entities included, found by DOI (`/works/{doi}` and `filter=doi:`); PubMed document
summaries by PMID (ESummary). Also the recorded shapes of refusals, for the modes
`refused` (Crossref's recorded 400 `validation-failure`; for E-utilities an `error` body)
and `gateway_timeout` (504 with a gateway's HTML page: a shape, not a recording).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from werkzeug.wrappers import Response

RECORDED = Path(__file__).resolve().parents[1] / "data" / "recorded"
GATEWAY_TIMEOUT = (
    "<html><head><title>504 Gateway Time-out</title></head><body><center>"
    "<h1>504 Gateway Time-out</h1></center></body></html>"
)


@functools.lru_cache(maxsize=1)
def _crossref() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RECORDED / "crossref.json").read_text(encoding="utf-8"))
    return data


@functools.lru_cache(maxsize=1)
def crossref_works() -> dict[str, dict[str, Any]]:
    """Recorded works by lower-cased DOI."""
    return {w["work"]["DOI"].lower(): w["work"] for w in _crossref()["works"]}


@functools.lru_cache(maxsize=1)
def pubmed_summaries() -> dict[str, dict[str, Any]]:
    """Recorded document summaries by PMID."""
    data = json.loads((RECORDED / "pubmed.json").read_text(encoding="utf-8"))
    return {s["summary"]["uid"]: s["summary"] for s in data["summaries"]}


def refused(service: str) -> Response:
    if service == "crossref":
        [error] = [e for e in _crossref()["errors"] if e["status"] == 400]
        return Response(error["body"], status=400, content_type=error["content_type"])
    body = json.dumps({"error": "Invalid request", "api-key": "(the caller's key or address)"})
    return Response(body, status=400, content_type="application/json")


def gateway_timeout() -> Response:
    return Response(GATEWAY_TIMEOUT, status=504, content_type="text/html")
