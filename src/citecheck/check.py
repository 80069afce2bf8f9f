"""Run the pipeline over documents: one failing file or reference never stops the others.

path -> extract.load -> the reader's structured lists (else references.find_entries), then
        its linked studies -> parse.parse_entry
     -> Resolver.resolve_all (all references of the run at once) -> match.judge
     -> FileReport
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from citecheck.citations import check_citations
from citecheck.claims.review import Context, claims_for, contexts
from citecheck.extract import InputError, load
from citecheck.match import DEFAULT, Thresholds, is_settled, judge
from citecheck.model import (
    NOT_INDEXED,
    CitationCheck,
    Document,
    Entry,
    FileReport,
    Lookup,
    Reference,
    Report,
    Status,
    Verdict,
)
from citecheck.parse import parse_entry
from citecheck.references import TWO_WORKS, find_entries
from citecheck.resolve import Resolver
from citecheck.resolve.query import identifiable
from citecheck.settings import Settings
from citecheck.walk import walk

# Called as work advances: (stage, done, total, note); stage is "reading" or "looking up";
# the note says what the look-ups are waiting for ("pubmed 5, crossref 2").
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
    claims: bool = True  # check that cited works are about what their sentences say
    progress: Progress | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _Parsed:
    """A readable document's references, before any look-up."""

    path: str
    items: list[tuple[Entry, Reference]]
    citations: CitationCheck
    contexts: tuple[Context, ...] = ()  # the sentence citing each in-text citation


NO_REFERENCES = "no reference section found"


def _parse(path: str) -> _Parsed | FileReport:
    """The document's references, or a FileReport carrying why it could not be read."""
    try:
        document = load(path)
    except InputError as error:
        return FileReport(path, error=str(error))
    entries = _entries(document)
    if not entries:
        return FileReport(path, error=NO_REFERENCES)
    items = [(entry, _reference(entry)) for entry in entries]
    listed = [reference for entry, reference in items if entry.origin != "link"]
    citations = check_citations(document.text, listed) if listed else CitationCheck()
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


def _read_all(files: Sequence[str], options: Options) -> list[_Parsed | FileReport]:
    """Every document, in order; in several processes when asked and worth it."""
    done: list[_Parsed | FileReport] = []
    if options.jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=options.jobs) as pool:
            for item in pool.map(_parse, files, chunksize=8):
                done.append(item)
                if options.progress:
                    options.progress("reading", len(done), len(files), "")
        return done
    for path in files:
        done.append(_parse(path))
        if options.progress:
            options.progress("reading", len(done), len(files), "")
    return done


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


def check_paths(paths: Sequence[str], settings: Settings, options: Options | None = None) -> Report:
    """Check every document named or found under `paths`; reports keep the input order.

    All documents are read first, so that the resolver sees every reference of the run
    at once: identical references are looked up once, and look-ups are batched.
    """
    options = options or Options()
    found = walk(paths, options.include, options.exclude)
    parsed = _read_all(found.files, options)
    verdicts: dict[int, Verdict] = {}
    wanted: list[Reference] = []
    for item in parsed:
        if isinstance(item, _Parsed):
            for entry, reference in item.items:
                verdict = _unchecked(entry, reference, options)
                if verdict is None:
                    wanted.append(reference)
                else:
                    verdicts[id(reference)] = verdict

    settled = partial(is_settled, thresholds=options.thresholds)
    progress = options.progress
    resolver = Resolver(settings)
    try:
        lookups: list[Lookup] = resolver.resolve_all(
            wanted,
            settled=settled,
            progress=(lambda done, total, note: progress("looking up", done, total, note))
            if progress
            else None,
        )
        for reference, lookup in zip(wanted, lookups, strict=True):
            verdicts[id(reference)] = judge(reference, lookup, options.thresholds)
        if options.claims:
            _check_claims(parsed, verdicts, resolver)
    finally:
        resolver.close()

    # A page without references, met in a folder, is normal on a website; named on its
    # own, it is an input that could not be parsed (CONTRACT.md: exit code 2).
    named = {path for path in paths if path == "-" or not Path(path).is_dir()}
    reports = [FileReport(path, error=message) for path, message in found.errors]
    for item in parsed:
        if isinstance(item, FileReport):
            if item.error == NO_REFERENCES and item.path not in named:
                item = FileReport(item.path, no_references=True)
            reports.append(item)
        else:
            file_verdicts = tuple(verdicts[id(reference)] for _, reference in item.items)
            reports.append(FileReport(item.path, file_verdicts, citations=item.citations))
    return Report(files=tuple(reports), files_skipped=found.skipped_count)
