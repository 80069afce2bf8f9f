"""The one interface every bibliographic service offers the resolver (issue 10).

A service does two things, each in as few calls as its API allows:
- `identify(kind, ids)`: what identifiers of one kind name ("doi", "pmid", "arxiv",
  "citation": an ECitMatch line), many per call;
- `search(query)`: candidates for one citation, with `query(reference)` saying what it
  would ask (None: nothing to ask), so that the resolver can remember answers by query.
Both answer with hits: a Record, or an identifier the same service identifies (of kind
`hit_kind`), e.g. the PMIDs of an ESearch, which the resolver then summarises in batches
across every reference of the run. Both raise ServiceUnavailable when the service gives no
usable answer, never an empty answer in its place.

Crossref (crossref.py), PubMed (pubmed.py) and DataCite (datacite.py) each implement it in
one module; a local index would be one more.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from citecheck.model import Record, Reference
from citecheck.resolve.cache import record_from_dict, record_to_dict
from citecheck.resolve.http import Caller

Hit = Record | str  # a record, or an identifier of the service's `hit_kind` to identify


class Service(Protocol):
    name: str  # "crossref", "pubmed", "datacite": failures and the cache use it
    caller: Caller  # its pacing, retries and "down for the run" state
    kinds: frozenset[str]  # the identifier kinds `identify` takes
    hit_kind: str | None  # the kind of the identifiers its answers may hold

    def identify(self, kind: str, ids: Sequence[str]) -> dict[str, list[Hit]]:
        """Hits for each identifier, in batches; one left out names nothing here."""
        ...

    def query(self, reference: Reference) -> str | None:
        """The search this service would make for the reference (None: nothing to ask)."""
        ...

    def search(self, query: str) -> list[Hit]:
        """Candidates for one query (from `query`), best first."""
        ...


def hits_to_json(hits: Sequence[Hit]) -> list[Any]:
    """Hits as a cacheable JSON value: records as objects, identifiers as strings (the
    shapes the cache held before the interface, so earlier caches stay readable)."""
    return [hit if isinstance(hit, str) else record_to_dict(hit) for hit in hits]


def hits_from_json(value: Any) -> list[Hit]:
    if not isinstance(value, list):
        raise ValueError("a cached answer that is not a list")
    return [hit if isinstance(hit, str) else record_from_dict(hit) for hit in value]
