"""Run the pipeline over documents: one failing file or reference never stops the others.

path -> extract.load -> references.find_entries -> parse.parse_entry
     -> Resolver.resolve_all (all references of the run at once) -> match.judge
     -> FileReport
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from citecheck.citations import check_citations
from citecheck.extract import InputError, discover, load
from citecheck.match import is_settled, judge
from citecheck.model import (
    CitationCheck,
    Entry,
    FileReport,
    Lookup,
    Reference,
    Report,
    Status,
    Verdict,
)
from citecheck.parse import parse_entry
from citecheck.references import find_entries
from citecheck.resolve import Resolver
from citecheck.settings import Settings

# Called as references are resolved: (references done, references in all).
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class _Parsed:
    """A readable document's references, before any look-up."""

    path: str
    items: list[tuple[Entry, Reference]]
    citations: CitationCheck


def _parse(path: str) -> _Parsed | FileReport:
    """The document's references, or a FileReport carrying why it could not be read."""
    try:
        document = load(path)
    except InputError as error:
        return FileReport(path, error=str(error))
    entries = find_entries(document.text)
    if not entries:
        return FileReport(path, error="no reference section found")
    items = [(entry, parse_entry(entry)) for entry in entries]
    citations = check_citations(document.text, [reference for _, reference in items])
    return _Parsed(path, items, citations)


def _verdict(entry: Entry, reference: Reference, lookups: dict[int, Lookup]) -> Verdict:
    if entry.ignored:
        return Verdict(reference, Status.IGNORED)
    if reference.kind != "article":
        reason = f"a {reference.kind}, not a journal article: not looked up"
        return Verdict(reference, Status.SKIPPED, warnings=(reason,))
    return judge(reference, lookups[id(reference)])


def _needs_lookup(entry: Entry, reference: Reference) -> bool:
    return not entry.ignored and reference.kind == "article"


def check_paths(
    paths: Sequence[str], settings: Settings, progress: Progress | None = None
) -> Report:
    """Check every document named or found under `paths`; reports keep the input order.

    All documents are parsed first, so that the resolver sees every reference of the run
    at once: identical references are looked up once, and look-ups are batched.
    """
    files, missing = discover(paths)
    parsed = [_parse(path) for path in files]
    wanted = [
        reference
        for item in parsed
        if isinstance(item, _Parsed)
        for entry, reference in item.items
        if _needs_lookup(entry, reference)
    ]
    resolver = Resolver(settings)
    try:
        found = resolver.resolve_all(wanted, settled=is_settled, progress=progress)
    finally:
        resolver.close()
    lookups = {id(reference): lookup for reference, lookup in zip(wanted, found, strict=True)}
    reports = [FileReport(path, error=message) for path, message in missing]
    for item in parsed:
        if isinstance(item, FileReport):
            reports.append(item)
            continue
        verdicts = tuple(_verdict(entry, reference, lookups) for entry, reference in item.items)
        reports.append(FileReport(item.path, verdicts=verdicts, citations=item.citations))
    return Report(files=tuple(reports))
