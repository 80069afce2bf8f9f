"""Fuzzing the readers, the reference finder and the parser (issue 11).

Three targets, each the code path a real run takes:

- `document`: bytes saved under a supported extension, read as `citecheck` reads a file
  named on the command line (extract.load, the structured lists or the text finder, the
  parser, in-text citations and the sentences citing them). The only failure allowed is
  InputError: a clear one-line message for that file.
- `parse`: one reference string through parse_entry, reparse_with and the kind classifier.
- `citations`: a body of text against parsed references (in-text citation matching).

An input that raises anything else is a crash; one that takes longer than its target's
limit is a hang. Both, and the slowest inputs of each run, are kept in tests/fuzz/corpus/
(one file per input: <target>/<extension>-<hash>.bin), which tests/test_fuzz_corpus.py
replays in the normal test suite. The long run is `python -m tests.fuzz --examples 10000`.
"""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
# Seconds one input may take: a document is read whole (PDF layout included).
LIMITS = {"document": 10.0, "parse": 1.0, "citations": 2.0}
EXTENSIONS = (".txt", ".md", ".html", ".pdf", ".docx", ".bib", ".ris", ".nbib")


@dataclass(frozen=True)
class Outcome:
    seconds: float  # wall time
    cpu: float  # CPU time: what the replay asserts (other processes' load is not ours)
    error: BaseException | None  # a crash: anything but the documented InputError


def run_document(data: bytes, extension: str) -> None:
    """Read `data` as a file with `extension`, the way a run reads a named file."""
    from citecheck.check import _read_document
    from citecheck.extract import InputError
    from citecheck.extract.limits import DEFAULT_LIMITS

    with tempfile.TemporaryDirectory(prefix="citecheck-fuzz-") as folder:
        path = Path(folder) / ("input" + extension)
        path.write_bytes(data)
        # A clear, one-line refusal is the right answer to a bad file.
        with contextlib.suppress(InputError):
            _read_document(str(path), DEFAULT_LIMITS)


def run_parse(data: bytes) -> None:
    from citecheck.model import Entry, Record, Source
    from citecheck.parse import parse_entry, reparse_with

    text = data.decode("utf-8", "replace")
    reference = parse_entry(Entry(1, text, 1))
    # A found record whose title is a piece of the same string: the guided re-reading.
    words = text.split()
    title = " ".join(words[len(words) // 3 : 2 * len(words) // 3]) or None
    reparse_with(reference, Record(Source.CROSSREF, title=title, journal=text[-40:] or None))


def run_citations(data: bytes) -> None:
    from citecheck.citations import check_citations, cited_at
    from citecheck.model import Entry
    from citecheck.parse import parse_entry
    from citecheck.references import find_entries

    text = data.decode("utf-8", "replace")
    references = [parse_entry(entry) for entry in find_entries(text)]
    if not references:  # the first lines as references, so that citations have targets
        lines = text.split("\n", 500)[:500]
        references = [parse_entry(Entry(i, line, i)) for i, line in enumerate(lines, 1)]
    check_citations(text, references)
    cited_at(text, references)


def run(target: str, data: bytes, extension: str = "") -> Outcome:
    """Run one input; a crash is returned, not raised."""
    work: Callable[[], None]
    if target == "document":
        work = lambda: run_document(data, extension)  # noqa: E731
    elif target == "parse":
        work = lambda: run_parse(data)  # noqa: E731
    else:
        work = lambda: run_citations(data)  # noqa: E731
    start, cpu = time.perf_counter(), time.process_time()
    try:
        work()
    except Exception as error:  # what the harness is for: any exception is a finding
        return Outcome(time.perf_counter() - start, time.process_time() - cpu, error)
    return Outcome(time.perf_counter() - start, time.process_time() - cpu, None)


def corpus_path(target: str, data: bytes, extension: str) -> Path:
    digest = hashlib.sha1(data).hexdigest()[:12]
    return CORPUS / target / f"{extension.lstrip('.') or 'txt'}-{digest}.bin"


def corpus() -> list[tuple[str, str, Path]]:
    """Every kept input: (target, extension, path)."""
    kept = []
    for path in sorted(CORPUS.glob("*/*.bin")):
        extension = "." + path.name.split("-", 1)[0]
        kept.append((path.parent.name, extension, path))
    return kept
