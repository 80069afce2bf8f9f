"""Which references of a run cite the same work, and what the services said about it.

A run-wide identity (issue 13): the same work cited on many pages, in eight styles, with or
without its DOI, is searched once. The identity rests on what every style keeps of a
work, normalised: the title's words and the year (or, without a title, the first author,
year and first page). A fabricated citation copied across pages is one work
too, searched once. Each reference still gets its own Lookup: the candidates of its work,
plus what its own identifiers name.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace

from citecheck.model import Failure, Field, Lookup, Record, Reference, Source
from citecheck.normalize import family_name, fold, page_bounds
from citecheck.resolve.errors import ServiceUnavailable
from citecheck.resolve.query import searched_title

Key = tuple[str, ...]
# A title of this many words names one work whoever is cited as its author; a shorter one
# ("Ketamine", "Pain management") needs the first author too.
DISTINCT_TITLE_WORDS = 6


def work_key(reference: Reference) -> Key:
    """The identity of the work a reference cites, as far as its text tells.

    With a title (parsed, or the raw string's title-like run when the parser lost it):
    the title's words and the year, and the first author's family name when the title is
    too short to stand for one work ("Ketamine"). Without one: first author, year, volume
    and first page. With neither: the text itself (then only copies share it).
    """
    first = fold(family_name(reference.authors[0])) if reference.authors else ""
    year = str(reference.year or "")
    title = searched_title(reference)
    if title:
        words = re.findall(r"[a-z0-9]+", fold(title))
        if len(words) >= DISTINCT_TITLE_WORDS:
            return ("title", year, " ".join(words))
        if words:
            return ("title", year, " ".join(words), first)
    bounds = page_bounds(reference.pages)
    if first and year and bounds:
        return ("page", first, year, fold(reference.volume or ""), fold(bounds[0]))
    return ("text", " ".join(re.findall(r"[a-z0-9]+", fold(reference.raw))))


def richness(reference: Reference) -> int:
    """How much a reference says about its work: the representative of a work is the
    citation that says most (its searches are the best informed)."""
    fields = (reference.title, reference.journal, reference.year, reference.volume)
    return 2 * bool(reference.title) + sum(1 for value in fields if value) + bool(reference.pages)


@dataclass(eq=False)  # compared and hashed by identity: one per distinct work
class Work:
    """One work cited in the run: its citations, the candidates found, who failed."""

    key: Key
    references: list[Reference] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    failures: dict[str, Failure] = field(default_factory=dict)
    judged: int = -1  # how many records it had when last found not settled
    # ECitMatch had its journal, year, volume and first page and matched no PMID: a sign
    # that PubMed's search will not find it either (fabricated, or miscited).
    unmatched: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def reference(self) -> Reference:
        """The citation that says most about the work (searched on its behalf)."""
        return max(self.references, key=richness)

    def citations(self) -> list[Reference]:
        """The work's distinct citations: copies of one citation on many pages (same text
        and fields, other place) are judged alike, so one of them stands for all."""
        distinct: dict[Reference, Reference] = {}
        for reference in self.references:
            distinct.setdefault(replace(reference, index=0, line=0, warnings=()), reference)
        return list(distinct.values())

    def add(self, records: list[Record]) -> None:
        with self._lock:
            self.records.extend(r for r in records if r not in self.records)

    def failed(self, failure: ServiceUnavailable) -> None:
        with self._lock:
            self.failures.setdefault(failure.service, Failure(failure.service, failure.reason))

    def lookup(self, unresolved: tuple[Field, ...] = ()) -> Lookup:
        with self._lock:
            return Lookup(
                records=tuple(merge(self.records)),
                failures=tuple(self.failures.values()),
                unresolved=unresolved,
            )


def merge(records: list[Record]) -> list[Record]:
    """One candidate per work: records with the same DOI are one, the Crossref (or
    DataCite) record taking the PMID, journal names and retraction flag of the PubMed one."""
    by_doi: dict[str, list[Record]] = {}
    merged: list[Record] = []
    for record in dict.fromkeys(records):
        if record.doi:
            twins = by_doi.setdefault(record.doi, [])
            if not twins:
                merged.append(record)
            twins.append(record)
        else:
            merged.append(record)
    return [_combined(by_doi[r.doi]) if r.doi else r for r in merged]


def _combined(twins: list[Record]) -> Record:
    """The records of one DOI as one: the registry's record first (Crossref, DataCite),
    with what PubMed adds."""
    ranked = sorted(twins, key=lambda r: r.source is Source.PUBMED)
    first = ranked[0]
    pmid = next((r.pmid for r in ranked if r.pmid), None)
    journals = tuple(dict.fromkeys(name for r in ranked for name in r.journals))
    retracted = any(r.retracted for r in ranked)
    notices = tuple(dict.fromkeys(n for r in ranked for n in r.notices))
    if (pmid, journals, retracted, notices) == (
        first.pmid,
        first.journals,
        first.retracted,
        first.notices,
    ):
        return first
    return Record(
        **{
            **first.__dict__,
            "pmid": pmid,
            "journals": journals,
            "retracted": retracted,
            "notices": notices,
        }
    )
