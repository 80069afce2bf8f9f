"""PubMed through NCBI E-utilities, with requests.

Request shapes follow the E-utilities documentation (NBK25499; ../shared/SERVICES.md
sections 5-7): `esearch.fcgi?db=pubmed&term=...&retmode=json&retmax=N&sort=relevance`
to find PMIDs, `esummary.fcgi?db=pubmed&id=A,B&retmode=json` to read them. Every request
carries `tool` and, when known, `email` and `api_key`, as NCBI asks.
"""

from __future__ import annotations

import re
from typing import Any

import requests

from citecheck.model import Record, Reference, Source
from citecheck.normalize import clean_doi, fold, full_pages, page_bounds
from citecheck.resolve.errors import ServiceUnavailable, TransientError
from citecheck.resolve.http import Caller, retry_after_seconds, user_agent

SERVICE = "pubmed"
TOOL = "citecheck"
MAX_TITLE_WORDS = 8
# Words PubMed ignores or that say nothing about a title; searching them only narrows
# the result set by accident.
STOPWORDS = frozenset(
    "a an and are as at be but by for from has have in into is it its of on or that the "
    "their this to was were with within without via versus vs".split()
)


def title_words(title: str) -> list[str]:
    """The title's first MAX_TITLE_WORDS informative words.

    Split on anything not alphanumeric, as PubMed's own tokenizer does for [ti]. The
    first words are kept (not the longest): they name the topic, and short ones such as
    "mTOR" or "NMDA" are often the most telling.
    """
    words = [w for w in fold(title).split() if len(w) > 2 and w not in STOPWORDS]
    return list(dict.fromkeys(words))[:MAX_TITLE_WORDS]


def search_term(reference: Reference) -> str | None:
    """An ESearch term for a reference without identifiers, or None if it has too little.

    Title words carry the search; with no title, fall back to first author, year,
    volume and first page, which together pick out one article.
    """
    if reference.title:
        words = title_words(reference.title)
        if len(words) >= 2:
            return " AND ".join(f"{word}[ti]" for word in words)
    clauses = []
    if reference.authors:
        clauses.append(f"{fold(reference.authors[0])}[1au]")
    if reference.year:
        clauses.append(f"{reference.year}[dp]")
    if reference.volume:
        clauses.append(f"{reference.volume}[vi]")
    bounds = page_bounds(reference.pages)
    if bounds:
        clauses.append(f"{bounds[0]}[pg]")
    return " AND ".join(clauses) if len(clauses) >= 3 else None


def summary_to_record(summary: dict[str, Any]) -> Record:
    """One ESummary document summary (JSON) as a Record."""
    ids = {
        str(item.get("idtype")): str(item.get("value"))
        for item in summary.get("articleids") or []
        if isinstance(item, dict)
    }
    year_match = re.match(r"\d{4}", str(summary.get("pubdate") or summary.get("epubdate") or ""))
    names = [n for n in (summary.get("fulljournalname"), summary.get("source")) if n]
    pubtypes = {str(p) for p in summary.get("pubtype") or []}
    return Record(
        source=Source.PUBMED,
        authors=tuple(
            str(a["name"])
            for a in summary.get("authors") or []
            if isinstance(a, dict) and a.get("name")
        ),
        title=str(summary.get("title") or "").rstrip(".") or None,
        journal=names[0] if names else None,
        journals=tuple(dict.fromkeys(str(n) for n in names)),
        year=int(year_match.group()) if year_match else None,
        volume=summary.get("volume") or None,
        issue=summary.get("issue") or None,
        pages=full_pages(summary.get("pages")),
        doi=clean_doi(ids.get("doi")),
        pmid=str(summary.get("uid")) if summary.get("uid") else None,
        retracted="Retracted Publication" in pubtypes,
    )


class PubMedClient:
    def __init__(
        self,
        base_url: str,
        email: str | None,
        api_key: str | None,
        timeout: float,
        caller: Caller,
    ) -> None:
        self._base_url = base_url
        self._timeout = timeout
        self._caller = caller
        self._identity = {"tool": TOOL}
        if email:
            self._identity["email"] = email
        if api_key:
            self._identity["api_key"] = api_key
        self._session = requests.Session()
        self._session.headers["User-Agent"] = user_agent(email)

    def _get_json(self, utility: str, params: dict[str, str]) -> dict[str, Any]:
        url = f"{self._base_url}/{utility}"

        def attempt() -> dict[str, Any]:
            try:
                response = self._session.get(
                    url, params={**params, **self._identity}, timeout=self._timeout
                )
            except requests.RequestException as error:
                # Never put the exception text in a message: it holds the URL, and with
                # it the API key.
                raise TransientError(f"no answer ({type(error).__name__})") from error
            if response.status_code == 429 or response.status_code >= 500:
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                raise TransientError(f"HTTP {response.status_code}", retry_after=retry_after)
            if response.status_code != 200:
                raise ServiceUnavailable(SERVICE, f"HTTP {response.status_code} (request refused)")
            try:
                data = response.json()
            except ValueError as error:
                raise TransientError("answer is not JSON") from error
            if not isinstance(data, dict):
                raise TransientError("answer of an unexpected shape")
            if "error" in data:  # e.g. too many ids, or a rate-limit body sent with 200
                raise ServiceUnavailable(SERVICE, f"error answer: {str(data['error'])[:80]}")
            return data

        return self._caller.call(attempt)

    def _search(self, term: str, rows: int) -> list[str]:
        data = self._get_json(
            "esearch.fcgi",
            {
                "db": "pubmed",
                "term": term,
                "retmode": "json",
                "retmax": str(rows),
                "sort": "relevance",
            },
        )
        result = data.get("esearchresult")
        if not isinstance(result, dict) or "ERROR" in result:
            raise ServiceUnavailable(SERVICE, "search answer of an unexpected shape")
        ids = result.get("idlist")
        if not isinstance(ids, list):
            raise ServiceUnavailable(SERVICE, "search answer without an id list")
        return [str(pmid) for pmid in ids]

    def summaries(self, pmids: list[str]) -> list[Record]:
        if not pmids:
            return []
        data = self._get_json(
            "esummary.fcgi", {"db": "pubmed", "id": ",".join(pmids), "retmode": "json"}
        )
        result = data.get("result")
        if not isinstance(result, dict):
            raise ServiceUnavailable(SERVICE, "summary answer of an unexpected shape")
        records = []
        for pmid in result.get("uids") or pmids:
            summary = result.get(str(pmid))
            # An unknown PMID comes back as {"uid": ..., "error": ...}: no record.
            if isinstance(summary, dict) and "error" not in summary:
                records.append(summary_to_record(summary))
        return records

    def by_pmid(self, pmid: str) -> list[Record]:
        return self.summaries([pmid])

    def by_doi(self, doi: str) -> list[Record]:
        return self.summaries(self._search(f"{doi}[doi]", rows=2))

    def search(self, reference: Reference, rows: int) -> list[Record]:
        term = search_term(reference)
        if term is None:
            return []
        return self.summaries(self._search(term, rows))
