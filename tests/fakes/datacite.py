"""Fake DataCite REST API: GET /dois/{id}, GET /dois?ids=A,B and GET /dois?query=...

Shapes follow DataCite's REST API guide (support.datacite.org/docs/api-get-doi, "Retrieving
a single DOI"; /docs/api-queries, "Queries and filtering") and its OpenAPI description
(datacite/lupo openapi.yaml, /dois): JSON:API documents, `{"data": {"id", "type": "dois",
"attributes": {...}}}` for one DOI, `{"data": [...], "meta": {...}, "links": {...}}` for a
list, `ids=` for several DOIs at once (lupo's dois controller), `page[size]`, `sort=relevance`
(the default order is by update date), and a JSON:API error document with a 404 for an
unknown DOI. Queries use Elasticsearch's query-string syntax: `field:term`, `field:(a b)`,
`+`/`-`, AND/OR/NOT; the fake keeps the words (any term may match, best-scoring first) and
honours `doi:` clauses exactly.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import cached_property
from typing import Any

from werkzeug.wrappers import Request, Response

from .corpus import Corpus, Work, words

JSON_TYPE = "application/vnd.api+json; charset=utf-8"
DEFAULT_SIZE, MAX_SIZE = 25, 1000
RELATION_TYPES = {  # Crossref relation names of the corpus -> DataCite relationType
    "is-version-of": "IsVersionOf",
    "has-version": "HasVersion",
    "is-preprint-of": "IsPreviousVersionOf",
    "has-preprint": "IsNewVersionOf",
}
NOT_FOUND = {
    "errors": [{"status": "404", "title": "The resource you are looking for doesn't exist."}]
}


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status=status, content_type=JSON_TYPE)


def doi_json(w: Work) -> dict[str, Any]:
    """One DOI as the REST API renders it (the attributes citecheck reads, and some others)."""
    assert w.doi is not None
    doi = w.doi.lower()
    creators = [
        {
            "name": f"{a.family}, {a.given}" if a.given else a.family,
            "nameType": "Personal" if a.given else "Organizational",
            **({"givenName": a.given, "familyName": a.family} if a.given else {}),
            "affiliation": [],
            "nameIdentifiers": [],
        }
        for a in w.authors
    ]
    related = [
        {
            "relationType": RELATION_TYPES.get(kind, "References"),
            "relatedIdentifier": target,
            "relatedIdentifierType": "DOI",
        }
        for kind, target in w.relations
    ]
    identifiers = []
    if w.arxiv:
        identifiers.append({"identifier": f"arXiv:{w.arxiv}", "identifierType": "arXiv"})
    general = w.resource_type or "Text"
    return {
        "id": doi,
        "type": "dois",
        "attributes": {
            "doi": doi,
            "prefix": doi.split("/")[0],
            "suffix": doi.split("/", 1)[1],
            "identifiers": identifiers,
            "alternateIdentifiers": [],
            "creators": creators,
            "titles": [{"title": w.title}],
            "publisher": w.publisher,
            "container": {},
            "publicationYear": w.year,
            "subjects": [],
            "contributors": [],
            "dates": [{"date": f"{w.year}-{w.month:02d}-01", "dateType": "Submitted"}],
            "language": "en",
            "types": {
                "ris": "GEN",
                "bibtex": "misc",
                "citeproc": "article" if general == "Preprint" else "dataset",
                "schemaOrg": "ScholarlyArticle" if general == "Preprint" else "Dataset",
                "resourceType": "Article" if general == "Preprint" else "",
                "resourceTypeGeneral": general,
            },
            "relatedIdentifiers": related,
            "sizes": [],
            "formats": [],
            "version": "1",
            "rightsList": [],
            "descriptions": [],
            "geoLocations": [],
            "fundingReferences": [],
            "url": f"https://example.org/record/{doi}",
            "contentUrl": None,
            "metadataVersion": 1,
            "schemaVersion": "http://datacite.org/schema/kernel-4",
            "source": "mds",
            "isActive": True,
            "state": "findable",
            "reason": None,
            "created": "2024-03-01T00:00:00.000Z",
            "registered": "2024-03-01T00:00:00.000Z",
            "published": str(w.year),
            "updated": "2024-03-01T00:00:00.000Z",
        },
        "relationships": {"client": {"data": {"id": "fake.repository", "type": "clients"}}},
    }


def _doi_clauses(query: str) -> list[str]:
    """DOIs named by `doi:X` or `doi:(X OR Y)` clauses (quotes allowed around each)."""
    found: list[str] = []
    for group in re.findall(r"\bdoi:(\([^)]*\)|\"[^\"]+\"|\S+)", query, re.IGNORECASE):
        inner = group.strip("()")
        found += [d.strip('"').lower() for d in re.split(r"\s+OR\s+|\s+", inner) if d.strip('"')]
    return found


class DataCiteFake:
    """The DataCite endpoints over one corpus (only works with `in_datacite`)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def doi(self, request: Request, doi: str) -> Response:
        work = self.corpus.datacite_by_doi(doi)
        if work is None:
            return _json(NOT_FOUND, 404)
        return _json({"data": doi_json(work)})

    @cached_property
    def _tokens(self) -> dict[str, frozenset[str]]:
        return {
            w.doi or "": frozenset(
                words(f"{w.title} {w.publisher} {w.year} {w.arxiv or ''}")
                + [t for a in w.authors for t in words(a.family)]
            )
            for w in self.corpus.datacite
        }

    @cached_property
    def _idf(self) -> dict[str, float]:
        df: Counter[str] = Counter()
        for tokens in self._tokens.values():
            df.update(tokens)
        n = len(self._tokens) or 1
        return {t: math.log(1 + n / c) for t, c in df.items()}

    def dois(self, request: Request) -> Response:
        args = request.args
        try:
            size = int(args.get("page[size]", DEFAULT_SIZE))
            number = int(args.get("page[number]", 1))
        except ValueError:
            return _json({"errors": [{"status": "400", "title": "Invalid page"}]}, 400)
        size = max(0, min(size, MAX_SIZE))
        works = list(self.corpus.datacite)
        query = args.get("query", "")
        ids = [i.strip().lower() for i in args.get("ids", "").split(",") if i.strip()]
        wanted = ids or _doi_clauses(query)
        if wanted:
            works = [w for w in works if (w.doi or "").lower() in wanted]
            scored = [(1.0, w) for w in works]
        elif query.strip():
            terms = set(words(re.sub(r"\b[\w.]+:", " ", query)))
            scored = [
                (sum(self._idf.get(t, 0.0) for t in terms & self._tokens[w.doi or ""]), w)
                for w in works
            ]
            scored = [s for s in scored if s[0] > 0]
            if args.get("sort") == "relevance":
                scored.sort(key=lambda s: (-s[0], s[1].doi or ""))
        else:
            scored = [(1.0, w) for w in works]
        page = scored[(number - 1) * size : number * size]
        total = len(scored)
        body = {
            "data": [doi_json(w) for _, w in page],
            "meta": {
                "total": total,
                "totalPages": math.ceil(total / size) if size else 0,
                "page": number,
            },
            "links": {"self": request.url},
        }
        return _json(body)
