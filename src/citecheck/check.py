"""Run the pipeline over documents: one failing file or reference never stops the others.

path -> extract.load -> the reader's structured lists (else references.find_entries), then
        its linked studies -> parse.parse_entry
     -> Resolver.resolve_all (a window of documents' references at once) -> match.judge
     -> FileReport, streamed in input order
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from citecheck.citations import check_citations
from citecheck.claims.review import Context, claims_for, contexts
from citecheck.extract import InputError, load
from citecheck.extract.limits import DEFAULT_LIMITS, OPTION, Limits, TimeLimitExceeded, time_limit
from citecheck.match import DEFAULT, Thresholds, is_settled, judge
from citecheck.model import (
    NOT_INDEXED,
    CitationCheck,
    Document,
    Entry,
    FileReport,
    Reference,
    Report,
    Status,
    Verdict,
)
from citecheck.parse import parse_entry
from citecheck.readahead import read_ahead
from citecheck.references import TWO_WORKS, find_entries
from citecheck.resolve import Resolver
from citecheck.resolve.query import identifiable
from citecheck.settings import Settings
from citecheck.suggest import with_suggestions
from citecheck.walk import walk

# Called as work advances: (stage, done, total, note); stage is "pages" (documents fully
# checked, of all) or "references" (references settled, of those read so far); the note
# says what the look-ups are waiting for ("pubmed 5, crossref 2").
Progress = Callable[[str, int, int, str], None]
# Why a project wants a reference left unchecked (its configuration), or None.
Ignore = Callable[[Reference], str | None]


@dataclass(frozen=True)
class Options:
    """What a run checks and how; the defaults check everything named."""

    include: Sequence[str] = ()
    exclude: Sequence[str] = ()
    ignore: Ignore | None = None
    thresholds: Thresholds = DEFAULT
    jobs: int = 1  # processes reading documents (PDFs are slow to read)
    limits: Limits = DEFAULT_LIMITS  # what one document may cost (extract/limits.py)
    claims: bool = True  # check that cited works are about what their sentences say
    progress: Progress | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _Parsed:
    """A readable document's references, before any look-up."""

    path: str
    items: list[tuple[Entry, Reference]]
    citations: CitationCheck | None  # None: no list to cite (only linked studies)
    contexts: tuple[Context, ...] = ()  # the sentence citing each in-text citation


NO_REFERENCES = "no reference section found"
READ_AHEAD = 256  # documents handed to the reading processes at a time


def _parse(path: str, limits: Limits = DEFAULT_LIMITS) -> _Parsed | FileReport:
    """The document's references, or a FileReport carrying why it could not be read.

    Reading and parsing share the time limit; whatever goes wrong with one document is
    that document's error, never the run's (CITECHECK_DEBUG=1 lets a bug through)."""
    try:
        with time_limit(limits.seconds):
            return _read_document(path, limits)
    except TimeLimitExceeded:
        error = f"took more than {limits.seconds:g} s to read (the limit; {OPTION['seconds']})"
    except InputError as problem:
        error = str(problem)
    except RecursionError:
        error = "cannot read: nested too deeply"
    except MemoryError:
        error = "cannot read: out of memory"
    except Exception as problem:
        if os.environ.get("CITECHECK_DEBUG"):
            raise
        error = f"cannot read: internal error ({type(problem).__name__}); please report it"
    return FileReport(path, error=error)


def _read_document(path: str, limits: Limits) -> _Parsed | FileReport:
    document = load(path, limits)
    entries = _entries(document)
    if not entries:
        return FileReport(path, error=NO_REFERENCES)
    items = [(entry, _reference(entry)) for entry in entries]
    listed = [reference for entry, reference in items if entry.origin != "link"]
    citations = check_citations(document.text, listed) if listed else None
    cites = contexts(document.text, listed) if listed else ()
    return _Parsed(path, items, citations, cites)


def _entries(document: Document) -> list[Entry]:
    """The lists the reader found in the document's structure (else the text finder's),
    then the studies it cites only as inline links."""
    if document.lists:
        listed = [entry for entries in document.lists for entry in entries]
    else:
        listed = find_entries(document.text)
    return [*listed, *document.links]


def _reference(entry: Entry) -> Reference:
    """The entry's fields, keeping where it came from and what its reader noticed."""
    reference = parse_entry(entry)
    warnings = tuple(dict.fromkeys((*entry.warnings, *reference.warnings)))
    return replace(reference, origin=entry.origin, warnings=warnings)


def _read(
    files: Sequence[str], jobs: int, limits: Limits = DEFAULT_LIMITS
) -> Iterator[_Parsed | FileReport]:
    """Every document, in order, one at a time; in several processes when asked and worth
    it, a slice at a time, so that only a few documents are ever read ahead."""
    if jobs > 1 and len(files) > 1:
        read = partial(_parse, limits=limits)
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for start in range(0, len(files), READ_AHEAD):
                yield from pool.map(read, files[start : start + READ_AHEAD], chunksize=8)
        return
    for path in files:
        yield _parse(path, limits)


def _unchecked(entry: Entry, reference: Reference, options: Options) -> Verdict | None:
    """The verdict for an entry that is not looked up, or None if it must be."""
    if entry.ignored:
        return Verdict(reference, Status.IGNORED, warnings=("marked citecheck: ignore",))
    if TWO_WORKS in entry.warnings:
        # Looked up, it could match one of its works (verified) or neither (not found):
        # both would be wrong about the other work.
        return Verdict(reference, Status.SKIPPED, warnings=(TWO_WORKS,))
    reason = options.ignore(reference) if options.ignore else None
    if reason:
        return Verdict(reference, Status.IGNORED, warnings=(reason,))
    if reference.kind in NOT_INDEXED and not (reference.doi or reference.arxiv):
        return Verdict(reference, Status.SKIPPED, warnings=(NOT_INDEXED_REASONS[reference.kind],))
    if not _identifiable(reference):
        # Calling it "not found" would accuse it of being made up on no evidence.
        reason = "too little to identify a work (no title, DOI, PMID or arXiv id in its text)"
        return Verdict(reference, Status.SKIPPED, warnings=(reason,))
    return None


# Why each kind that no service indexes is not looked up (one with a DOI still is).
NOT_INDEXED_REASONS = {
    "web page": "a web page: Crossref, PubMed and DataCite do not index web pages",
    "software": "software without a DOI: no bibliographic service indexes it",
    "personal communication": "a personal communication: there is nothing to look up",
    "patent": "a patent: Crossref, PubMed and DataCite do not index patents",
    "news": "a news article: Crossref, PubMed and DataCite do not index news",
    "other": "not a kind of work that Crossref, PubMed or DataCite index",
}


def _identifiable(reference: Reference) -> bool:
    """Does the reference give the services something to find? Its raw string decides
    (a title-like run of words, an identifier), whatever the parser made of it; a parsed
    journal, volume and page (ECitMatch's fields) also do."""
    venue = reference.journal and reference.volume and reference.pages
    return bool(identifiable(reference) or venue)


def _check_claims(
    parsed: Sequence[_Parsed | FileReport], verdicts: dict[int, Verdict], resolver: Resolver
) -> None:
    """Attach to each verdict the claims of the sentences citing it (claims/review.py)."""
    files = [item for item in parsed if isinstance(item, _Parsed) and item.contexts]
    batches = [([verdicts[id(r)] for _, r in item.items], item.contexts) for item in files]
    for item, claimed in zip(files, claims_for(batches, resolver.topics()), strict=True):
        for (_, reference), verdict in zip(item.items, claimed, strict=True):
            verdicts[id(reference)] = verdict


# References resolved together: enough for full batches (ECitMatch, ESummary, Crossref
# filters) and for repeated works to meet, few enough that a 10,000-page run holds one
# window of pages at a time. The cache carries what was learnt from one window to the next.
WINDOW_REFERENCES = 5_000
WINDOW_FILES = 1_000


class Run:
    """One check of everything named or found under `paths`, as a stream of FileReports in
    input order. Documents are read and checked a window at a time and not held after
    their report is handed on, so memory stays flat however many pages there are.

        run = Run(paths, settings, options)
        for file_report in run: ...
        run.files_skipped, run.total
    """

    def __init__(self, paths: Sequence[str], settings: Settings, options: Options | None = None):
        self._paths = list(paths)
        self._settings = settings
        self._options = options or Options()
        self._found = walk(self._paths, self._options.include, self._options.exclude)
        self.files_skipped = self._found.skipped_count
        self.total = len(self._found.files) + len(self._found.errors)

    def __iter__(self) -> Iterator[FileReport]:
        # Opened before anything is yielded: a cache that cannot be opened (CacheError)
        # stops the run before any report is written, so the caller can retry without it.
        resolver = Resolver(self._settings)
        try:
            yield from (FileReport(path, error=message) for path, message in self._found.errors)
            tracker = _Tracker(self._options.progress, self.total, resolver)
            tracker.pages(len(self._found.errors))
            window: list[_Parsed | FileReport] = []
            references = 0
            jobs = self._options.jobs
            documents = _read(self._found.files, jobs, self._options.limits)
            if jobs > 1:
                # The reading processes read the next window while this one's look-ups
                # wait for the services. (With one job the reading stays in this, the
                # main, thread: the time limit per document is a signal only it receives.)
                documents = read_ahead(documents, WINDOW_FILES)
            for item in documents:
                window.append(item)
                if isinstance(item, _Parsed):
                    references += len(item.items)
                if references >= WINDOW_REFERENCES or len(window) >= WINDOW_FILES:
                    yield from self._judge(window, resolver, tracker)
                    window, references = [], 0
            yield from self._judge(window, resolver, tracker)
        finally:
            resolver.close()

    def _judge(
        self, window: list[_Parsed | FileReport], resolver: Resolver, tracker: _Tracker
    ) -> Iterator[FileReport]:
        """The reports of one window of documents, their references resolved together."""
        options = self._options
        verdicts: dict[int, Verdict] = {}
        wanted: list[Reference] = []
        for item in window:
            if isinstance(item, _Parsed):
                for entry, reference in item.items:
                    verdict = _unchecked(entry, reference, options)
                    if verdict is None:
                        wanted.append(reference)
                    else:
                        verdicts[id(reference)] = verdict
        tracker.references_read(sum(len(i.items) for i in window if isinstance(i, _Parsed)))
        tracker.references_done(len(verdicts))
        lookups = resolver.resolve_all(
            wanted,
            settled=partial(is_settled, thresholds=options.thresholds),
            progress=tracker.looking_up(len(wanted)),
        )
        for reference, lookup in zip(wanted, lookups, strict=True):
            verdicts[id(reference)] = judge(reference, lookup, options.thresholds)
        if options.claims:
            _check_claims(window, verdicts, resolver)

        # A page without references, met in a folder, is normal on a website; named on its
        # own, it is an input that could not be parsed (CONTRACT.md: exit code 2).
        named = {path for path in self._paths if path == "-" or not Path(path).is_dir()}
        for item in window:
            if isinstance(item, FileReport):
                if item.error == NO_REFERENCES and item.path not in named:
                    item = FileReport(item.path, no_references=True)
                yield item
            else:
                file_verdicts = with_suggestions([verdicts[id(r)] for _, r in item.items])
                yield FileReport(item.path, file_verdicts, citations=item.citations)
        tracker.pages(len(window))


class _Tracker:
    """Turns a run's advance into the progress callback's two lines: pages checked (of
    all, with an estimate of the time left) and references settled (of those read so far,
    with the services' queues)."""

    def __init__(self, progress: Progress | None, total_pages: int, resolver: Resolver) -> None:
        self._progress = progress
        self._total_pages = total_pages
        self._resolver = resolver
        self._pages = 0
        self._read = 0
        self._done = 0

    def pages(self, count: int) -> None:
        self._pages += count
        if self._progress:
            self._progress("pages", self._pages, self._total_pages, "")

    def references_read(self, count: int) -> None:
        self._read += count

    def references_done(self, count: int) -> None:
        self._done += count
        self._report(self._done, "")

    def looking_up(self, wanted: int) -> Callable[[int, int, str], None] | None:
        """The resolver's callback for one window: (settled, distinct, waiting note)."""
        if not self._progress:
            return None
        base = self._done
        self._done += wanted  # the window's total, reached when its last work is settled

        def update(settled: int, distinct: int, note: str) -> None:
            done = base + (wanted if settled >= distinct else round(wanted * settled / distinct))
            self._report(done, note)

        return update

    def _report(self, done: int, note: str) -> None:
        if self._progress:
            self._progress("references", done, self._read, note)


def check_paths(paths: Sequence[str], settings: Settings, options: Options | None = None) -> Report:
    """Check every document named or found under `paths`; reports keep the input order.

    The library's one-call form of Run: it holds every FileReport (a command line run
    streams them to the report writers instead).
    """
    run = Run(paths, settings, options)
    files = tuple(run)
    return Report(files=files, files_skipped=run.files_skipped)
