"""The plain data that flows between the pipeline's stages; no I/O here.

document --extract--> Document --references--> Entry --parse--> Reference
--resolve--> Record (candidates) --match--> Verdict --check--> FileReport/Report
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum


class Status(str, Enum):
    """One verdict per reference; the values are the JSON report's strings."""

    VERIFIED = "verified"
    MISMATCHED = "mismatched"
    NOT_FOUND = "not_found"
    UNVERIFIED = "unverified"
    SKIPPED = "skipped"  # not a journal article (book, chapter, web page...): not looked up
    IGNORED = "ignored"  # the document marks this entry `citecheck: ignore`


# Not statuses: a flag any verdict may carry (retracted), and a finding about the sentences
# citing it (off_topic: the cited work is not about what a sentence says), which --fail-on
# can name like a status.
RETRACTED = "retracted"
OFF_TOPIC = "off_topic"
FAIL_ON_CHOICES = (*(s.value for s in Status), RETRACTED, OFF_TOPIC)
DEFAULT_FAIL_ON = frozenset({Status.MISMATCHED.value, Status.NOT_FOUND.value, RETRACTED})


class Field(str, Enum):
    """A bibliographic field that can disagree between the citation and the record."""

    TITLE = "title"
    AUTHORS = "authors"
    JOURNAL = "journal"
    YEAR = "year"
    VOLUME = "volume"
    ISSUE = "issue"
    PAGES = "pages"
    DOI = "doi"
    PMID = "pmid"


class Source(str, Enum):
    CROSSREF = "crossref"
    PUBMED = "pubmed"
    DATACITE = "datacite"


# What a reference cites ("kind"). The services index every kind in LOOKED_UP: Crossref
# types, NCBI Bookshelf, DataCite for arXiv/Zenodo DOIs. The others are reported skipped,
# each with its reason, because no service could confirm or deny them.
LOOKED_UP = frozenset(
    {
        "article",
        "conference paper",
        "preprint",
        "book",
        "chapter",
        "report",
        "thesis",
        "dataset",
        "standard",
    }
)
NOT_INDEXED = frozenset(
    {"web page", "software", "personal communication", "patent", "news", "other"}
)


class DocumentKind(str, Enum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    BIBTEX = "bibtex"
    RIS = "ris"
    NBIB = "nbib"


@dataclass(frozen=True)
class Document:
    """A document's readable text; `path` is what the user named ("-" for stdin).

    `lists` holds the reference lists a reader found from the document's own structure
    (DOM lists and publisher containers, PDF geometry, DOCX numbering and citation fields),
    each a tuple of entries in order; when it is empty, the text finder looks for a list in
    `text`. `links` holds studies the document cites only as inline links (a health page
    linking to PubMed or doi.org without a reference list): checked by their identifier and
    reported as links, not list entries.
    """

    path: str
    text: str
    kind: DocumentKind
    lists: tuple[tuple[Entry, ...], ...] = ()
    links: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One entry of a reference list, as written (hard wraps joined), with its 1-based line.

    `ignored` is True when the document marks the entry with `citecheck: ignore`.
    """

    index: int
    raw: str
    line: int
    ignored: bool = False
    # Fields the document's own markup states exactly (COinS, CSL-JSON of a reference
    # manager's field, citation meta tags): the parser trusts them over its reading of `raw`.
    known: Reference | None = None
    origin: str = "list"  # "list": an entry of a reference list; "link": an inline link
    warnings: tuple[str, ...] = ()  # what the reader noticed (e.g. two works in one entry)


@dataclass(frozen=True)
class Reference:
    """The fields parsed out of one entry. Unknown values are None.

    Authors are "Family Initials" strings ("Berman RM"); `et_al` is True when the entry
    abbreviated its author list, so a shorter cited list is not a disagreement. `kind` is
    one of LOOKED_UP or NOT_INDEXED ("article", "conference paper", "preprint", "book",
    ...). `journal` names the venue whatever the kind: the journal, the conference or
    proceedings, the book a chapter is in, or the preprint server.
    """

    index: int
    raw: str
    line: int = 0
    kind: str = "article"
    authors: tuple[str, ...] = ()
    et_al: bool = False
    title: str | None = None
    journal: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    publisher: str | None = None
    edition: str | None = None
    isbn: str | None = None
    arxiv: str | None = None  # an arXiv identifier ("2106.01234"), without version
    url: str | None = None
    origin: str = "list"  # copied from the Entry: "list" or "link"
    warnings: tuple[str, ...] = ()  # from reading and parsing, shown with the verdict


@dataclass(frozen=True)
class Record:
    """A work as one service describes it (a candidate match for a reference).

    `journals` holds every name the service gives the journal (full title and
    abbreviations); `journal` is the one shown to people. `pages` is a full range
    ("351-354"), or the article number for articles without pages.
    """

    source: Source
    authors: tuple[str, ...] = ()
    title: str | None = None
    journal: str | None = None
    journals: tuple[str, ...] = ()
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    retracted: bool = False
    notices: tuple[str, ...] = ()
    # What the service calls the work: Crossref's type ("journal-article",
    # "proceedings-article", "posted-content", "book-chapter"...), DataCite's
    # resourceTypeGeneral, or PubMed's publication type; None when not given.
    kind: str | None = None
    publisher: str | None = None
    isbns: tuple[str, ...] = ()
    # Links to other versions of the work: ("is-preprint-of", "10.1038/..."),
    # ("has-preprint", "10.1101/..."), ("is-version-of", "arxiv:2106.01234").
    relations: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class MeshHeading:
    """One MeSH heading PubMed indexed a work under: "Depressive Disorder", with its
    qualifiers ("drug therapy"); `major` when the descriptor or a qualifier is marked as a
    major topic of the work (MajorTopicYN="Y")."""

    descriptor: str
    major: bool = False
    qualifiers: tuple[str, ...] = ()
    ui: str | None = None  # the descriptor's MeSH unique id ("D003866")


@dataclass(frozen=True)
class Subject:
    """What a cited work is about, as a service describes it: PubMed's MeSH headings,
    substances, keywords, title and abstract (EFetch), or Crossref's abstract and subjects."""

    source: Source
    title: str | None = None
    abstract: str | None = None
    mesh: tuple[MeshHeading, ...] = ()
    # Author keywords, PubMed's substances (ChemicalList) and Crossref's subject areas.
    keywords: tuple[str, ...] = ()
    pmid: str | None = None
    doi: str | None = None


@dataclass(frozen=True)
class Failure:
    """A service that gave no usable answer about a reference (so it stays unverified)."""

    service: str
    reason: str


@dataclass(frozen=True)
class Lookup:
    """What the services said about one reference: candidates, and who failed to answer.

    A cited DOI or PMID is always looked up: the record it names is among `records`, and
    `unresolved` lists the cited identifiers (Field.DOI, Field.PMID) that every service
    registering such identifiers answered to with "no such record" (the matcher reports
    them). An identifier that could not be looked up is not there: its service is in
    `failures`.
    """

    records: tuple[Record, ...] = ()
    failures: tuple[Failure, ...] = ()
    unresolved: tuple[Field, ...] = ()


@dataclass(frozen=True)
class Mismatch:
    field: Field
    cited: str
    found: str


class Topic(str, Enum):
    """Does the cited work cover what the citing sentence says? (JSON `claims[].topic`)"""

    MATCHES = "matches"
    OFF_TOPIC = "off_topic"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Claim:
    """One in-text citation of a reference: the sentence citing it and whether the cited
    work is about what the sentence says. Never changes the reference's status."""

    line: int
    sentence: str
    topic: Topic
    why: str


@dataclass(frozen=True)
class Verdict:
    reference: Reference
    status: Status
    match: Record | None = None
    score: float | None = None
    mismatches: tuple[Mismatch, ...] = ()
    warnings: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    # The found record written in the document's own citation style, ready to paste
    # (mismatched references), else None.
    suggestion: str | None = None

    @property
    def retracted(self) -> bool:
        return self.match is not None and self.match.retracted

    @property
    def off_topic(self) -> bool:
        """Does a sentence cite this work for something it is not about?"""
        return any(claim.topic is Topic.OFF_TOPIC for claim in self.claims)

    def fails(self, fail_on: frozenset[str]) -> bool:
        """Does this verdict fail a run that fails on these statuses (and RETRACTED,
        OFF_TOPIC)?"""
        return (
            self.status.value in fail_on
            or (self.retracted and RETRACTED in fail_on)
            or (self.off_topic and OFF_TOPIC in fail_on)
        )


@dataclass(frozen=True)
class CitationCheck:
    """In-text citations against the reference list of one document.

    `found` counts the in-text citations; `unresolved` holds those that point to no entry
    (as written, e.g. "(Smith et al., 2018)" or "[7]"); `uncited` the 1-based indexes of
    entries that no citation points to.
    """

    found: int = 0
    unresolved: tuple[str, ...] = ()
    uncited: tuple[int, ...] = ()


@dataclass(frozen=True)
class FileReport:
    """The outcome for one input: either an error (it could not be read) or its verdicts."""

    path: str
    verdicts: tuple[Verdict, ...] = ()
    error: str | None = None
    citations: CitationCheck | None = None
    # Found in a folder and readable, but without a reference list (an "about" page): a
    # fact for the report, not an error. A file named on its own would be an error.
    no_references: bool = False


@dataclass(frozen=True)
class Summary:
    files: int = 0
    references: int = 0
    verified: int = 0
    mismatched: int = 0
    not_found: int = 0
    unverified: int = 0
    skipped: int = 0
    ignored: int = 0
    retracted: int = 0
    errors: int = 0
    without_references: int = 0
    off_topic: int = 0  # references a sentence cites for something they are not about


class Tally:
    """Counts a run's outcomes one file at a time, so that no one has to hold every verdict
    of a 10,000-page run to know its summary or its exit code."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()

    def add(self, file: FileReport) -> None:
        counts = self._counts
        counts["files"] += 1
        counts["errors"] += file.error is not None
        counts["without_references"] += file.no_references
        for verdict in file.verdicts:
            counts["references"] += 1
            counts[verdict.status.value] += 1
            counts[RETRACTED] += verdict.retracted
            counts[OFF_TOPIC] += verdict.off_topic

    def summary(self) -> Summary:
        return Summary(**{name: self._counts[name] for name in Summary.__dataclass_fields__})


@dataclass(frozen=True)
class Report:
    """Everything a run found; `files_skipped` counts what a folder walk passed over (not
    documents, hidden, excluded)."""

    files: tuple[FileReport, ...] = field(default_factory=tuple)
    files_skipped: int = 0

    def summary(self) -> Summary:
        tally = Tally()
        for file in self.files:
            tally.add(file)
        return tally.summary()
