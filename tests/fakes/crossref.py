"""Fake Crossref REST API: GET /works/{doi} and GET /works (query, filter=doi:..., select).

Shapes follow the legacy format reference github.com/CrossRef/rest-api-doc (api_format.md,
rest_api.md) and the notes in /work/shared/SERVICES.md sections 2-4: the `status` /
`message-type` / `message` envelope, arrays for `title` and `container-title`, `issued` as
`date-parts`, `updated-by` on the retracted/corrected original, a plain-text
"Resource not found." 404, and `x-rate-limit-*` headers on every answer.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import cached_property
from typing import Any

from werkzeug.wrappers import Request, Response

from .corpus import Corpus, Work, words
from .recorded import crossref_works
from .subjects import about

JSON_TYPE = "application/json;charset=utf-8"  # habanero insists on a type starting application/json
DEFAULT_ROWS, MAX_ROWS = 20, 1000  # rest_api.md: rows default 20, max 1000
# created / deposited / indexed: fixed, so answers are byte-for-byte repeatable.
FIXED_DATE: dict[str, Any] = {
    "date-parts": [[2024, 3, 1]],
    "date-time": "2024-03-01T00:00:00Z",
    "timestamp": 1709251200000,
}

# Which field query looks at which parts of a work; query.bibliographic looks at all of them.
FIELD_QUERIES = {
    "query.bibliographic": ("title", "author", "container", "numbers"),
    "query": ("title", "author", "container", "numbers"),
    "query.title": ("title",),
    "query.author": ("author",),
    "query.container-title": ("container",),
}
NUMBER_WEIGHT = 0.5  # what a volume/issue/page number adds to a score (see _weight)
KNOWN_FILTERS = {"doi", "from-pub-date", "until-pub-date", "type", "issn", "has-update"}


def rate_headers(request: Request, endpoint: str) -> dict[str, str]:
    """The limits reported since Dec 2025 (SERVICES.md section 1: polite 10/s single record,
    3/s list; public 5/s and 1/s); polite = mailto in the query or in the User-Agent."""
    polite = bool(request.args.get("mailto")) or "mailto:" in request.headers.get("User-Agent", "")
    single = endpoint == "works_doi"
    limit = (10 if single else 3) if polite else (5 if single else 1)
    return {
        "x-rate-limit-limit": str(limit),
        "x-rate-limit-interval": "1s",
        "x-concurrency-limit": "3" if polite else "1",
        "x-api-pool": "polite-array" if polite else "public-array",
    }


def _date(w: Work) -> dict[str, Any]:
    return {"date-parts": [[w.year, w.month]]}


def work_json(w: Work, score: float = 1.0) -> dict[str, Any]:
    """One work as the REST API renders it (fields we have data for; others left out)."""
    assert w.doi is not None
    doi = w.doi.lower()  # the REST API reports DOIs lower-cased
    # E-only articles (article numbers) are published online; the others have a print date.
    published_key = "published-online" if w.article_number else "published-print"
    out: dict[str, Any] = {
        "indexed": FIXED_DATE,
        "reference-count": 10 + len(w.title) % 40,
        "publisher": w.publisher,
        "content-domain": {"domain": [], "crossmark-restriction": False},
        "short-container-title": [w.journal_abbrev] if w.journal_abbrev else [],
        published_key: _date(w),
        "DOI": doi,
        "type": w.type,
        "created": FIXED_DATE,
        "source": "Crossref",
        "is-referenced-by-count": (w.year * 7 + len(w.title)) % 900,
        "title": [w.title],
        "prefix": doi.split("/")[0],
        "author": [
            {
                "given": a.given,
                "family": a.family,
                "sequence": "first" if i == 0 else "additional",
                "affiliation": [],
            }
            for i, a in enumerate(w.authors)
        ],
        "member": str(sum(map(ord, doi.split("/")[0])) % 9000),
        "container-title": [w.journal] if w.journal else [],
        "original-title": [],
        "language": "en",
        "deposited": FIXED_DATE,
        "score": score,
        "resource": {"primary": {"URL": f"https://example.org/doi/{doi}"}},
        "subtitle": [],
        "short-title": [],
        "issued": _date(w),
        "references-count": 10 + len(w.title) % 40,
        "URL": f"https://doi.org/{doi}",
        "ISSN": [w.issn] if w.issn else [],
        "published": _date(w),
    }
    if w.issn:
        out["issn-type"] = [{"type": "print", "value": w.issn}]
    if w.isbns:  # books, chapters and proceedings (api_format.md: ISBN, isbn-type)
        out["ISBN"] = list(w.isbns)
        out["isbn-type"] = [
            {"type": "electronic" if i else "print", "value": v} for i, v in enumerate(w.isbns)
        ]
    if w.relations:  # api_format.md "Relations": {type: [{id, id-type, asserted-by}]}
        relation: dict[str, list[dict[str, str]]] = {}
        for kind, target in w.relations:
            relation.setdefault(kind, []).append(
                {"id-type": "doi", "id": target, "asserted-by": "subject"}
            )
        out["relation"] = relation
    if w.type == "posted-content":  # preprints say which kind of posted content they are
        out["subtype"] = "preprint"
    for key, value in (("volume", w.volume), ("issue", w.issue), ("page", w.pages)):
        if value:
            out[key] = value
    if w.article_number:
        out["article-number"] = w.article_number
    if w.issue:
        out["journal-issue"] = {"issue": w.issue, published_key: _date(w)}
    if w.updates:
        out["updated-by"] = [_update(u) for u in w.updates]
    # Crossref holds abstracts for some publishers' works, in JATS markup.
    paragraphs = "".join(f"<jats:p>{text}</jats:p>" for _, text in about(w).abstract)
    out["abstract"] = f"<jats:title>Abstract</jats:title>{paragraphs}"
    return out


def _update(u: dict[str, Any]) -> dict[str, Any]:
    """An `updated-by` entry (Retraction Watch entries also carry a record-id)."""
    y, m, d = [*u["date"], 1, 1][:3]
    entry: dict[str, Any] = {
        "updated": {"date-parts": [[y, m, d]], "date-time": f"{y:04d}-{m:02d}-{d:02d}T00:00:00Z"},
        "DOI": u["doi"].lower(),
        "type": u["type"],
        "source": u["source"],
        "label": u["label"],
    }
    if "record-id" in u:
        entry["record-id"] = u["record-id"]
    return entry


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status=status, content_type=JSON_TYPE)


def validation_failure(kind: str, value: str, message: str) -> Response:
    """400; the exact JSON is unconfirmed (SERVICES.md section 3): this is its reported shape."""
    body = {
        "status": "failed",
        "message-type": "validation-failure",
        "message": [{"type": kind, "value": value, "message": message}],
    }
    return _json(body, 400)


class CrossrefFake:
    """The Crossref endpoints over one corpus (only works with `in_crossref`)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def works_doi(self, request: Request, doi: str) -> Response:
        work = self.corpus.by_doi(doi)
        recorded = crossref_works().get(doi.lower())
        if recorded is not None:
            return _json({"status": "ok", "message-type": "work", "message": recorded})
        if work is None:
            # rest-api-doc#564 and others: unknown DOI -> 404 "Resource not found."
            return Response("Resource not found.", status=404, content_type="text/plain")
        body = {
            "status": "ok",
            "message-type": "work",
            "message-version": "1.0.0",
            "message": work_json(work),
        }
        return _json(body)

    @cached_property
    def _tokens(self) -> dict[str, dict[str, frozenset[str]]]:
        """Per DOI and per field, the words a query can hit."""
        index = {}
        for w in self.corpus.crossref:
            numbers = {str(w.year), w.volume or "", w.issue or "", w.article_number or ""}
            if w.pages:
                numbers |= set(w.pages.split("-"))
            index[w.doi or ""] = {
                "title": frozenset(w.title_words),
                "author": frozenset(t for a in w.authors for t in words(a.family)),
                "container": frozenset(words(w.journal) + words(w.journal_abbrev)),
                "numbers": frozenset(n.lower() for n in numbers if n),
            }
        return index

    @cached_property
    def _idf(self) -> dict[str, float]:
        """Rarer words weigh more, so "ketamine" counts less than "mtor" in this corpus."""
        df: Counter[str] = Counter()
        for fields in self._tokens.values():
            df.update(frozenset().union(*fields.values()))
        n = len(self._tokens)
        return {t: math.log(1 + n / c) for t, c in df.items()}

    def _score(self, work: Work, queries: dict[str, list[str]]) -> float:
        fields = self._tokens[work.doi or ""]
        total = 0.0
        for name, tokens in queries.items():
            bag = frozenset().union(*(fields[f] for f in FIELD_QUERIES[name]))
            total += sum(self._weight(t) for t in set(tokens) if t in bag)
        return round(total * 4, 3)  # scaled to look like Crossref's (unnormalised) scores

    def _weight(self, token: str) -> float:
        # In a few hundred records a page or volume number looks as rare as a distinctive
        # title word; among Crossref's ~150 million works it is common. Without this cap a
        # citation's numbers outvote its title, which the real service does not do.
        if token.isdigit() and len(token) != 4:
            return min(NUMBER_WEIGHT, self._idf.get(token, 0.0))
        return self._idf.get(token, 0.0)

    def works(self, request: Request) -> Response:
        args = request.args
        try:
            rows = int(args.get("rows", DEFAULT_ROWS))
            offset = int(args.get("offset", 0))
        except ValueError:
            return validation_failure(
                "integer-not-valid", args.get("rows", ""), "Integer specified"
            )
        if not 0 <= rows <= MAX_ROWS:
            msg = f"Rows specified but must be less than or equal to {MAX_ROWS}"
            return validation_failure("integer-not-valid", str(rows), msg)
        candidates = list(self.corpus.crossref)
        clauses = _parse_filter(args.get("filter", ""))
        for name, value in clauses:
            if name not in KNOWN_FILTERS:
                msg = f"Filter {name} specified but there is no such filter for this route."
                return validation_failure("filter-not-available", name, msg)
            candidates = [w for w in candidates if _passes(w, name, value)]
        candidates = _or_same_filter(candidates, clauses)
        queries = {k: words(v) for k, v in args.items() if k in FIELD_QUERIES and v.strip()}
        if queries:
            scored = [(self._score(w, queries), w) for w in candidates]
            # Like the real service: anything sharing a word ranks, however poorly.
            ranked = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1].doi or ""))
        else:
            ranked = [(1.0, w) for w in sorted(candidates, key=lambda w: w.doi or "")]
        items = [work_json(w, score) for score, w in ranked[offset : offset + rows]]
        dois = [v.lower() for k, v in clauses if k == "doi"]
        items = [crossref_works()[d] for d in dois if d in crossref_works()] + items
        select = [s.strip() for s in args.get("select", "").split(",") if s.strip()]
        if select:
            allowed = {k for item in items for k in item} | _SELECTABLE
            bad = [s for s in select if s not in allowed]
            if bad:
                msg = f"Field {bad[0]} specified but is not a selectable field."
                return validation_failure("select-field-not-available", bad[0], msg)
            items = [{k: v for k, v in item.items() if k in select} for item in items]
        search_terms = next((args[k] for k in FIELD_QUERIES if args.get(k)), None)
        message = {
            "facets": {},
            "total-results": len(ranked),
            "items": items,
            "items-per-page": rows,
            "query": {"start-index": offset, "search-terms": search_terms},
        }
        body = {
            "status": "ok",
            "message-type": "work-list",
            "message-version": "1.0.0",
            "message": message,
        }
        return _json(body)


# Fields a client may select even when no returned item happens to carry them.
_SELECTABLE = {
    "DOI", "title", "author", "container-title", "short-container-title", "issued", "volume",
    "issue", "page", "article-number", "ISSN", "publisher", "type", "score", "updated-by",
    "published-print", "published-online", "published", "URL", "member", "prefix",
    "ISBN", "relation", "editor", "standards-body", "event",  # rest-api-doc#289: selectable
    "abstract", "subject",
}  # fmt: skip


def _parse_filter(text: str) -> list[tuple[str, str]]:
    """`name:value,name:value`; a piece without a known name continues the previous value."""
    out: list[tuple[str, str]] = []
    for piece in text.split(","):
        name, sep, value = piece.partition(":")
        if sep and (name in KNOWN_FILTERS or not out):
            out.append((name.strip(), value.strip()))
        elif out:
            out[-1] = (out[-1][0], out[-1][1] + "," + piece)
    return out


def _passes(w: Work, name: str, value: str) -> bool:
    """One filter clause; `doi` is handled by _or_same_filter (repeated names are ORed)."""
    if name == "doi":
        return True
    if name == "from-pub-date":
        return (w.year, w.month) >= _year_month(value)
    if name == "until-pub-date":
        return (w.year, w.month) <= _year_month(value, last=True)
    if name == "type":
        return w.type == value
    if name == "issn":
        return w.issn.lower() == value.lower()
    if name == "has-update":
        return bool(w.updates) == (value == "true")
    return True


def _or_same_filter(works: list[Work], clauses: list[tuple[str, str]]) -> list[Work]:
    """rest_api.md "Multiple filters": a repeated filter name is ORed -> doi:A,doi:B is a batch."""
    dois = {v.lower() for k, v in clauses if k == "doi"}
    if not dois:
        return works
    return [w for w in works if w.doi and w.doi.lower() in dois]


def _year_month(value: str, *, last: bool = False) -> tuple[int, int]:
    parts = value.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
    return year, month
