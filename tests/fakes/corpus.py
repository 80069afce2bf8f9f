"""The record corpus both fakes serve, and the text normalisation they match with.

The corpus is fixtures/services/records.json (journal articles, written by
fixtures/services/make_records.py) and fixtures/services/other_kinds.json (preprints,
proceedings papers, books, chapters, a report, a standard, a dataset, a Bookshelf chapter).
One canonical record feeds every service that holds it (Crossref, PubMed, DataCite), each
rendering it in its own shape, so a test can compare what they say about the same work.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "services"
RECORDS_PATH = FIXTURES / "records.json"
OTHER_KINDS_PATH = FIXTURES / "other_kinds.json"

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# Letters NFKD does not decompose into ASCII plus a combining mark.
_SPECIAL = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "æ": "ae"})


def fold(text: str) -> str:
    """Lower-case ASCII: accents dropped ("Østergaard" -> "ostergaard", "Yılmaz" -> "yilmaz")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """Case-, accent- and punctuation-insensitive tokens ("mTOR-dependent" -> mtor, dependent)."""
    return re.findall(r"[a-z0-9]+", fold(text).replace("'", ""))


def squash(text: str) -> str:
    """Tokens joined by one space: the key for comparing names and journal titles."""
    return " ".join(words(text))


@dataclass(frozen=True)
class Author:
    family: str
    given: str

    @property
    def initials(self) -> str:
        """MEDLINE initials: first letter of each given name part ("Rong-Jian" -> "RJ")."""
        return "".join(p[0].upper() for p in re.split(r"[\s.\-]+", self.given) if p)

    @property
    def medline(self) -> str:
        """The PubMed display form, "Berman RM"."""
        return f"{self.family} {self.initials}".strip()


@dataclass(frozen=True, eq=False)  # identity equality: records are unique objects
class Work:
    """One canonical record (see make_records.py for the meaning of each field)."""

    doi: str | None
    pmid: str | None
    title: str
    authors: tuple[Author, ...]
    journal: str
    journal_abbrev: str
    issn: str
    publisher: str
    year: int
    month: int
    volume: str | None
    issue: str | None
    pages: str | None
    article_number: str | None
    type: str
    in_crossref: bool
    in_pubmed: bool
    retracted: bool
    updates: tuple[dict[str, Any], ...] = ()
    title_words: frozenset[str] = field(default=frozenset(), compare=False)
    # Beyond journal articles (other_kinds.json): `journal` then holds the venue (the
    # proceedings, the book a chapter is in, the preprint server).
    in_datacite: bool = False
    isbns: tuple[str, ...] = ()
    # Links to other versions, as Crossref names them: ("is-preprint-of", doi), ...
    relations: tuple[tuple[str, str], ...] = ()
    arxiv: str | None = None  # "1706.03762": its DataCite DOI is 10.48550/arxiv.<id>
    resource_type: str | None = None  # DataCite's resourceTypeGeneral ("Preprint", ...)
    pubmed_doctype: str | None = None  # ESummary's doctype for Bookshelf: "book", "chapter"

    @property
    def first_page(self) -> str | None:
        if self.pages:
            return self.pages.split("-")[0]
        return self.article_number

    @property
    def medline_pages(self) -> str:
        """MEDLINE's short page range: "351-354" -> "351-4", "E447-E458" -> "E447-58"."""
        if not self.pages:
            return self.article_number or ""
        first, _, last = self.pages.partition("-")
        if not last:
            return first
        prefix = re.match(r"\D*", first).group()  # type: ignore[union-attr]
        a, b = first[len(prefix) :], last.removeprefix(prefix)
        if len(a) == len(b):
            i = 0
            while i < len(a) - 1 and a[i] == b[i]:
                i += 1
            b = b[i:]
        return f"{first}-{b}"

    @functools.cached_property
    def all_words(self) -> frozenset[str]:
        """Words of title, author names, journals and year: what an untagged term searches."""
        names = " ".join(a.medline for a in self.authors)
        return frozenset(
            words(f"{self.title} {names} {self.journal} {self.journal_abbrev} {self.year}")
        )

    @property
    def journals(self) -> set[str]:
        """Every name the journal goes by, squashed (full title, abbreviation)."""
        return {squash(self.journal), squash(self.journal_abbrev)}


def _work(raw: dict[str, Any]) -> Work:
    authors = tuple(Author(a["family"], a.get("given") or "") for a in raw["authors"])
    return Work(
        doi=raw["doi"],
        pmid=raw["pmid"],
        title=raw["title"],
        authors=authors,
        journal=raw["journal"],
        journal_abbrev=raw["journal_abbrev"],
        issn=raw["issn"],
        publisher=raw.get("publisher") or "",
        year=int(raw["year"]),
        month=int(raw["month"]),
        volume=raw["volume"],
        issue=raw["issue"],
        pages=raw["pages"],
        article_number=raw["article_number"],
        type=raw["type"],
        in_crossref=bool(raw["in_crossref"]),
        in_pubmed=bool(raw["in_pubmed"]),
        retracted=bool(raw["retracted"]),
        updates=tuple(raw.get("updates") or ()),
        title_words=frozenset(words(raw["title"])),
        in_datacite=bool(raw.get("in_datacite")),
        isbns=tuple(raw.get("isbns") or ()),
        relations=tuple((str(k), str(v)) for k, v in raw.get("relations") or ()),
        arxiv=raw.get("arxiv"),
        resource_type=raw.get("resource_type"),
        pubmed_doctype=raw.get("pubmed_doctype"),
    )


@dataclass(frozen=True)
class Corpus:
    works: tuple[Work, ...]

    @functools.cached_property
    def crossref(self) -> tuple[Work, ...]:
        return tuple(w for w in self.works if w.in_crossref)

    @functools.cached_property
    def pubmed(self) -> tuple[Work, ...]:
        return tuple(w for w in self.works if w.in_pubmed)

    @functools.cached_property
    def datacite(self) -> tuple[Work, ...]:
        return tuple(w for w in self.works if w.in_datacite)

    @functools.cached_property
    def _by_doi(self) -> dict[str, Work]:
        return {w.doi.lower(): w for w in self.crossref if w.doi}

    @functools.cached_property
    def _datacite_by_doi(self) -> dict[str, Work]:
        return {w.doi.lower(): w for w in self.datacite if w.doi}

    @functools.cached_property
    def _by_pmid(self) -> dict[str, Work]:
        return {w.pmid: w for w in self.pubmed if w.pmid}

    @functools.cached_property
    def title_vocabulary(self) -> frozenset[str]:
        """Every word of every PubMed title: a [ti] word outside it is "phrase not found"."""
        return frozenset().union(*(w.title_words for w in self.pubmed))

    @functools.cached_property
    def all_vocabulary(self) -> frozenset[str]:
        """Every word an untagged PubMed term can hit."""
        return frozenset().union(*(w.all_words for w in self.pubmed))

    def by_doi(self, doi: str) -> Work | None:
        """The Crossref work with this DOI (case-insensitive), if Crossref has it."""
        return self._by_doi.get(doi.strip().lower())

    def by_pmid(self, pmid: str) -> Work | None:
        return self._by_pmid.get(pmid.strip())

    def datacite_by_doi(self, doi: str) -> Work | None:
        """The DataCite record with this DOI (case-insensitive), if DataCite has it."""
        return self._datacite_by_doi.get(doi.strip().lower())

    def find(self, doi: str | None = None, pmid: str | None = None) -> Work | None:
        """Any record (whichever service holds it), for tests that need the canonical data."""
        for w in self.works:
            if doi and w.doi and w.doi.lower() == doi.lower():
                return w
            if pmid and w.pmid == pmid:
                return w
        return None


@functools.cache
def load_corpus(path: Path = RECORDS_PATH, extra: tuple[Path, ...] = (OTHER_KINDS_PATH,)) -> Corpus:
    """Parse the record files once per process (the fixtures share them across tests)."""
    works: list[Work] = []
    for one in (path, *extra):
        raw = json.loads(one.read_text(encoding="utf-8"))
        works.extend(_work(r) for r in raw["records"])
    return Corpus(tuple(works))
