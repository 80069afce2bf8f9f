"""A raw-string-only reference checker: the baseline citecheck is measured beside.

It does what Crossref's own reference matcher does (search-based matching: the whole
reference string sent to `/works?query.bibliographic=`, the top hit scored against the
string), with no parser at all:
- identify: the top hit is the cited work when its title appears in the string
  (rapidfuzz partial_ratio) and its first author, year, volume and first page do too,
  together scoring at least the threshold (fitted on the calibration half, like
  citecheck's);
- verify: each of the hit's title, first author, journal, year, volume and first page
  that the string does not contain is a mismatch on that field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests
from rapidfuzz import fuzz

from citecheck.normalize import fold


@dataclass(frozen=True)
class Hit:
    doi: str
    title: str
    first_author: str
    journal: str
    year: int | None
    volume: str
    first_page: str


@dataclass(frozen=True)
class Answer:
    status: str  # verified, mismatched, not_found
    doi: str | None
    fields: frozenset[str]


def _hit(item: dict[str, Any]) -> Hit:
    authors = item.get("author") or [{}]
    issued = (item.get("issued") or {}).get("date-parts") or [[None]]
    return Hit(
        doi=str(item.get("DOI", "")).lower(),
        title=" ".join((item.get("title") or [""])[0].split()),
        first_author=str(authors[0].get("family", "")),
        journal=(item.get("container-title") or [""])[0],
        year=issued[0][0],
        volume=str(item.get("volume", "")),
        first_page=str(item.get("page") or item.get("article-number") or "").split("-")[0],
    )


def top_hit(crossref_url: str, raw: str, session: requests.Session) -> Hit | None:
    """Crossref REST API: GET /works?query.bibliographic=<string>&rows=1 (the documented
    field query for matching references; SERVICES.md section 3)."""
    answer = session.get(
        f"{crossref_url}/works",
        params={"query.bibliographic": raw, "rows": "1", "mailto": "bench@example.org"},
        timeout=30,
    )
    answer.raise_for_status()
    items = answer.json()["message"]["items"]
    return _hit(items[0]) if items else None


def _present(hit: Hit, raw: str) -> dict[str, bool]:
    words = set(fold(raw).split())
    text = fold(raw)
    return {
        "title": fuzz.partial_ratio(fold(hit.title), text) >= 95,
        "authors": bool(hit.first_author) and fold(hit.first_author) in text,
        "journal": bool(hit.journal) and f" {fold(hit.journal)} " in f" {text} ",
        "year": str(hit.year) in words,
        "volume": not hit.volume or fold(hit.volume) in words,
        "pages": not hit.first_page or fold(hit.first_page) in words,
    }


def similarity(hit: Hit, raw: str) -> float:
    """0..1: half the title's presence in the string, half its other fields'."""
    present = _present(hit, raw)
    title = fuzz.partial_ratio(fold(hit.title), fold(raw)) / 100
    others = [present[f] for f in ("authors", "year", "volume", "pages")]
    return 0.5 * title + 0.5 * sum(others) / len(others)


def judge(hit: Hit | None, raw: str, threshold: float) -> Answer:
    if hit is None or similarity(hit, raw) < threshold:
        return Answer("not_found", None, frozenset())
    missing = frozenset(f for f, ok in _present(hit, raw).items() if not ok)
    return Answer("mismatched" if missing else "verified", hit.doi, missing)
