"""PubMed through NCBI E-utilities.

Request shapes follow the E-utilities documentation (NBK25499; ../shared/SERVICES.md
sections 5-7): `esearch.fcgi?db=pubmed&term=...&retmode=json&retmax=N&sort=relevance`
to find PMIDs (the terms: query.pubmed_term), `esummary.fcgi?db=pubmed&id=A,B&retmode=json`
to read them, `ecitmatch.cgi?db=pubmed&retmode=xml&bdata=...` to match citations. Every request
carries `tool` and, when known, `email` and `api_key`, as NCBI asks. The calls go through
our Transport (transport.py: deadline per call, size caps, redirects only within the
configured host, so the API key never reaches another); JSON answers are validated and
turned into Records in pubmed_records.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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
from citecheck.resolve.query import pubmed_term
from citecheck.resolve.service import Hit
from citecheck.resolve.transport import Reply, Transport, refuse_unless_ok
from citecheck.settings import Settings

T = TypeVar("T")

SERVICE = "pubmed"
TOOL = "citecheck"
SUMMARY_BATCH = 200  # ESummary's JSON output takes at most 500 ids (NBK25499)
CITMATCH_BATCH = 50  # citations per ECitMatch call: keeps the URL short
POST_ABOVE = 2000  # characters of parameters beyond which a call goes by POST


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
