"""PubMed through NCBI E-utilities.

Request shapes follow the E-utilities documentation (NBK25499; ../shared/SERVICES.md
sections 5-7): `esearch.fcgi?db=pubmed&term=...&retmode=json&retmax=N&sort=relevance`
to find PMIDs, `esummary.fcgi?db=pubmed&id=A,B&retmode=json` to read them. Every request
carries `tool` and, when known, `email` and `api_key`, as NCBI asks. The calls go through
our Transport (transport.py: deadline per call, size caps, redirects only within the
configured host, so the API key never reaches another); JSON answers are validated and
turned into Records in pubmed_records.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from citecheck.model import Record, Reference
from citecheck.normalize import fold, page_bounds
from citecheck.resolve.errors import (
    GarbledAnswerError,
    InvalidAnswerError,
    ServiceUnavailable,
    TransientError,
)
from citecheck.resolve.http import Caller, rate_from_headers, user_agent
from citecheck.resolve.pubmed_records import decode_search, decode_summaries
from citecheck.resolve.transport import Reply, Transport, refuse_unless_ok

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


def _citmatch_body(reply: Reply) -> dict[str, str | None]:
    """ECitMatch's plain-text answer: each input line with the PMID (or NOT_FOUND /
    AMBIGUOUS) appended; keyed by the key we put in the sixth field."""
    text = reply.text()
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
        self._caller = caller
        self._identity = {"tool": TOOL}
        if email:
            self._identity["email"] = email
        if api_key:
            self._identity["api_key"] = api_key
        self._transport = Transport(
            SERVICE, base_url, timeout=timeout, user_agent=user_agent(email)
        )

    def _fetch(self, utility: str, params: dict[str, str], parse: Callable[[Reply], T]) -> T:
        """One paced, retried E-utility call, parsed by `parse` (a garbled body is tried
        again, a body of the wrong shape is the service's failure). Long parameter lists go
        by POST, as NCBI recommends beyond ~200 ids."""
        path = f"/{utility}"
        data = {**params, **self._identity}
        post = sum(len(v) for v in data.values()) > POST_ABOVE

        def attempt() -> T:
            reply = self._transport.post(path, data) if post else self._transport.get(path, data)
            refuse_unless_ok(reply, SERVICE)
            self._caller.pacer.limit_to(
                rate_from_headers(reply.headers.get("X-RateLimit-Limit"), None)
            )
            try:
                return parse(reply)
            except GarbledAnswerError as error:
                raise TransientError(str(error)) from None
            except InvalidAnswerError as error:
                raise ServiceUnavailable(SERVICE, str(error)) from None

        return self._caller.call(attempt)

    def call(self, utility: str, params: dict[str, str], parse: Callable[[Reply], T]) -> T:
        """One E-utility call for modules beside this one (EFetch of resolve/efetch.py),
        through the same transport, pacing, retries and identity."""
        return self._fetch(utility, params, parse)

    def search_ids(self, term: str, rows: int) -> list[str]:
        """PMIDs for an ESearch term, best match first."""
        params = {
            "db": "pubmed",
            "term": term,
            "retmode": "json",
            "retmax": str(rows),
            "sort": "relevance",
        }
        return self._fetch("esearch.fcgi", params, lambda reply: decode_search(reply.body))

    def citmatch(self, lines: list[str]) -> list[str | None]:
        """PMIDs for citation lines (from citmatch_line), many per call; None: no match."""
        found: list[str | None] = []
        for start in range(0, len(lines), CITMATCH_BATCH):
            batch = lines[start : start + CITMATCH_BATCH]
            keys = [str(start + i) for i in range(len(batch))]
            bdata = "\r".join(f"{line}|{key}|" for line, key in zip(batch, keys, strict=True))

            def parse(reply: Reply, keys: list[str] = keys) -> dict[str, str | None]:
                answer = _citmatch_body(reply)
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
            batch = pmids[start : start + SUMMARY_BATCH]
            if batch:
                params = {"db": "pubmed", "id": ",".join(batch), "retmode": "json"}
                records.extend(
                    self._fetch("esummary.fcgi", params, lambda reply: decode_summaries(reply.body))
                )
        return records
