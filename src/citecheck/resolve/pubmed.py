"""PubMed through NCBI E-utilities, with requests.

Request shapes follow the E-utilities documentation (NBK25499; ../shared/SERVICES.md
sections 5-7): `esearch.fcgi?db=pubmed&term=...&retmode=json&retmax=N&sort=relevance`
to find PMIDs, `esummary.fcgi?db=pubmed&id=A,B&retmode=json` to read them. Every request
carries `tool` and, when known, `email` and `api_key`, as NCBI asks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import requests

from citecheck.model import Record, Reference, Source
from citecheck.normalize import clean_doi, fold, full_pages, page_bounds
from citecheck.resolve.errors import ServiceUnavailable, TransientError
from citecheck.resolve.http import Caller, rate_from_headers, retry_after_seconds, user_agent
from citecheck.resolve.query import pubmed_term
from citecheck.resolve.service import Hit
from citecheck.settings import Settings

T = TypeVar("T")

SERVICE = "pubmed"
TOOL = "citecheck"
SUMMARY_BATCH = 200  # ESummary's JSON output takes at most 500 ids (NBK25499)
CITMATCH_BATCH = 50  # citations per ECitMatch call: keeps the URL short
POST_ABOVE = 2000  # characters of parameters beyond which a call goes by POST
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


def _json_body(response: requests.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError as error:
        raise TransientError("answer is not JSON") from error
    if not isinstance(data, dict):
        raise TransientError("answer of an unexpected shape")
    if "error" in data:  # e.g. too many ids, or a rate-limit body sent with 200
        raise ServiceUnavailable(SERVICE, f"error answer: {str(data['error'])[:80]}")
    return data


def _citmatch_body(response: requests.Response) -> dict[str, str | None]:
    """ECitMatch's plain-text answer: each input line with the PMID (or NOT_FOUND /
    AMBIGUOUS) appended; keyed by the key we put in the sixth field."""
    text = response.text
    if "<html" in text[:200].lower():
        raise TransientError("answer is an HTML page, not citation matches")
    found: dict[str, str | None] = {}
    for line in text.splitlines():
        fields = line.split("|")
        if len(fields) < 7:
            continue
        key, result = fields[5].strip(), fields[6].strip()
        found[key] = result if result.isdigit() else None
    return found


def citmatch_line(reference: Reference) -> str | None:
    """journal|year|volume|first_page|author|key| for ECitMatch, or None if the reference
    lacks the venue fields that ECitMatch needs (journal, volume, first page)."""
    bounds = page_bounds(reference.pages)
    if not (reference.journal and reference.volume and bounds):
        return None

    def clean(value: str) -> str:
        return re.sub(r"[|\r\n]+", " ", value).strip()

    author = fold(reference.authors[0]) if reference.authors else ""
    year = str(reference.year or "")
    return "|".join(
        clean(v) for v in (reference.journal, year, reference.volume, bounds[0], author)
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

    def _fetch(
        self, utility: str, params: dict[str, str], parse: Callable[[requests.Response], T]
    ) -> T:
        """One paced, retried E-utility call, parsed by `parse` (which raises TransientError
        for a garbled body, so that it is retried too). Long parameter lists go by POST, as
        NCBI recommends beyond ~200 ids."""
        url = f"{self._base_url}/{utility}"
        data = {**params, **self._identity}
        post = sum(len(v) for v in data.values()) > POST_ABOVE

        def attempt() -> T:
            try:
                if post:
                    response = self._session.post(url, data=data, timeout=self._timeout)
                else:
                    response = self._session.get(url, params=data, timeout=self._timeout)
            except requests.Timeout as error:
                raise TransientError("no answer (timed out)") from error
            except requests.RequestException as error:
                # Never put the exception text in a message: it holds the URL, and with
                # it the API key.
                raise TransientError("no answer (could not connect)") from error
            status = response.status_code
            if status == 429 or status >= 500:
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                raise TransientError(f"HTTP {status}", retry_after=retry_after, status=status)
            if status != 200:
                raise ServiceUnavailable(SERVICE, f"HTTP {status} (request refused)")
            self._caller.pacer.limit_to(
                rate_from_headers(response.headers.get("X-RateLimit-Limit"), None)
            )
            return parse(response)

        return self._caller.call(attempt)

    def call(
        self, utility: str, params: dict[str, str], parse: Callable[[requests.Response], T]
    ) -> T:
        """One E-utility call for modules beside this one (EFetch of resolve/efetch.py),
        through the same pacing, retries and identity."""
        return self._fetch(utility, params, parse)

    def _get_json(self, utility: str, params: dict[str, str]) -> dict[str, Any]:
        return self._fetch(utility, params, _json_body)

    def search_ids(self, term: str, rows: int) -> list[str]:
        """PMIDs for an ESearch term, best match first."""
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

    def citmatch(self, lines: list[str]) -> list[str | None]:
        """PMIDs for citation lines (from citmatch_line), many per call; None: no match."""
        found: list[str | None] = []
        for start in range(0, len(lines), CITMATCH_BATCH):
            batch = lines[start : start + CITMATCH_BATCH]
            keys = [str(start + i) for i in range(len(batch))]
            bdata = "\r".join(f"{line}|{key}|" for line, key in zip(batch, keys, strict=True))

            def parse(response: requests.Response, keys: list[str] = keys) -> dict[str, Any]:
                answer = _citmatch_body(response)
                if not set(keys) <= set(answer):  # a line per citation, or it is not an answer
                    raise TransientError("citation-match answer without a line per citation")
                return answer

            answer = self._fetch(
                "ecitmatch.cgi", {"db": "pubmed", "retmode": "xml", "bdata": bdata}, parse
            )
            found.extend(answer[key] for key in keys)
        return found

    def summaries(self, pmids: list[str]) -> list[Record]:
        """Summaries of many PMIDs, SUMMARY_BATCH per call; unknown PMIDs are left out."""
        records: list[Record] = []
        for start in range(0, len(pmids), SUMMARY_BATCH):
            records.extend(self._summaries(pmids[start : start + SUMMARY_BATCH]))
        return records

    def _summaries(self, pmids: list[str]) -> list[Record]:
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


class PubMedService:
    """PubMed behind the resolver's Service interface (service.py): PMIDs summarised in
    batches (ESummary), citations matched in batches (ECitMatch; hits are PMIDs), and an
    ESearch by the terms the reference gives (query.pubmed_term), whose PMIDs the resolver
    summarises together with every other search's."""

    name: str = SERVICE
    kinds: frozenset[str] = frozenset({"pmid", "citation"})
    hit_kind: str | None = "pmid"

    def __init__(self, settings: Settings, caller: Caller) -> None:
        self.caller = caller
        self.client = PubMedClient(
            settings.pubmed_url, settings.mailto, settings.ncbi_api_key, settings.timeout, caller
        )
        self._rows = settings.pubmed_rows

    def identify(self, kind: str, ids: Sequence[str]) -> dict[str, list[Hit]]:
        if kind == "citation":
            pmids = self.client.citmatch(list(ids))
            return {line: [pmid] for line, pmid in zip(ids, pmids, strict=True) if pmid}
        return {record.pmid: [record] for record in self.client.summaries(list(ids)) if record.pmid}

    def query(self, reference: Reference) -> str | None:
        return pubmed_term(reference)

    def search(self, query: str) -> list[Hit]:
        return list(self.client.search_ids(query, self._rows))
