"""Run the pipeline over documents: one failing file or reference never stops the others.

path -> extract.load -> references.find_entries -> parse.parse_entry
     -> Resolver.lookup -> match.judge -> FileReport
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from citecheck.extract import InputError, discover, load
from citecheck.match import judge
from citecheck.model import Document, FileReport, Report, Status, Verdict
from citecheck.parse import parse_entry
from citecheck.references import find_entries
from citecheck.resolve import Resolver
from citecheck.settings import Settings

# Called after each reference is judged: (path, references done, references in the file).
Progress = Callable[[str, int, int], None]


def check_document(
    document: Document, resolver: Resolver, progress: Progress | None = None
) -> FileReport:
    entries = find_entries(document.text)
    if not entries:
        return FileReport(document.path, error="no reference section found")
    verdicts: list[Verdict] = []
    for entry in entries:
        reference = parse_entry(entry)
        if entry.ignored:
            verdicts.append(Verdict(reference, Status.IGNORED))
        elif reference.kind != "article":
            reason = f"a {reference.kind}, not a journal article: not looked up"
            verdicts.append(Verdict(reference, Status.SKIPPED, warnings=(reason,)))
        else:
            verdicts.append(judge(reference, resolver.lookup(reference)))
        if progress:
            progress(document.path, len(verdicts), len(entries))
    return FileReport(document.path, verdicts=tuple(verdicts))


def check_paths(
    paths: Sequence[str], settings: Settings, progress: Progress | None = None
) -> Report:
    """Check every document named or found under `paths`, in a stable order."""
    files, missing = discover(paths)
    reports = [FileReport(path, error=message) for path, message in missing]
    resolver = Resolver(settings)
    try:
        for path in files:
            try:
                document = load(path)
            except InputError as error:
                reports.append(FileReport(path, error=str(error)))
                continue
            reports.append(check_document(document, resolver, progress))
    finally:
        resolver.close()
    return Report(files=tuple(reports))
