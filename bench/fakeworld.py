"""Serve a benchmark's own world of records with the local fakes, and run citecheck on it.

Shared by bench/hallmark.py and bench/jats.py. The fakes (tests/fakes) answer in the
services' shapes from whatever corpus they are given; here the corpus is built by the
benchmark. citecheck runs in this process (check.check_paths), with whichever citecheck
the interpreter imports: the current tree, or the baseline checkout when the script is
run with /work/baseline/.venv/bin/python. The services' pacing is not what these
benchmarks measure, so it is raised for the run (bench/resolve.py measures it).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests")]

from fakes.corpus import Author, Corpus  # noqa: E402
from fakes.corpus import Work as FakeWork  # noqa: E402
from fakes.corpus import words as fake_words  # noqa: E402
from fakes.server import FakeHTTPServer, FakeServices  # noqa: E402

MAILTO = "bench@example.org"


@dataclass(frozen=True)
class Held:
    """One record a fake service holds (the fields both fakes know)."""

    doi: str | None
    title: str
    authors: tuple[tuple[str, str], ...]  # (family, given)
    journal: str
    journal_abbrev: str
    year: int
    type: str = "journal-article"
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    article_number: str | None = None
    pmid: str | None = None
    publisher: str = ""
    issn: str = ""
    in_crossref: bool = True
    in_pubmed: bool = False
    in_datacite: bool = False
    resource_type: str | None = None  # DataCite's resourceTypeGeneral ("Preprint")
    arxiv: str | None = None
    relations: tuple[tuple[str, str], ...] = ()


def fake_work(h: Held) -> FakeWork:
    return FakeWork(
        doi=h.doi,
        pmid=h.pmid,
        title=h.title,
        authors=tuple(Author(family, given) for family, given in h.authors),
        journal=h.journal,
        journal_abbrev=h.journal_abbrev or h.journal,
        issn=h.issn,
        publisher=h.publisher,
        year=h.year,
        month=1,
        volume=h.volume,
        issue=h.issue,
        pages=h.pages,
        article_number=h.article_number,
        type=h.type,
        in_crossref=h.in_crossref and h.doi is not None,
        in_pubmed=h.in_pubmed and h.pmid is not None,
        retracted=False,
        title_words=frozenset(fake_words(h.title)),
        in_datacite=h.in_datacite and h.doi is not None,
        relations=h.relations,
        arxiv=h.arxiv,
        resource_type=h.resource_type,
    )


@contextlib.contextmanager
def serving(
    held: Sequence[Held], datacite: Sequence[dict[str, Any]] = ()
) -> Iterator[FakeServices]:
    """The fakes serving these records; the base URLs are exported for citecheck.

    `datacite` holds DataCite works (JSON:API `attributes`), served when the fakes have a
    DataCite endpoint (tests/fakes gains one with issue 10); otherwise they are left out.
    """
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = FakeServices(Corpus(tuple(fake_work(h) for h in held)))
    if datacite and hasattr(app, "datacite") and hasattr(app.datacite, "add"):
        for attributes in datacite:
            app.datacite.add(attributes)
    server = FakeHTTPServer(app)
    server.start()
    saved = dict(os.environ)
    os.environ.update(
        {
            "CITECHECK_CROSSREF_URL": app.crossref_url,
            "CITECHECK_PUBMED_URL": app.pubmed_url,
            "CITECHECK_DATACITE_URL": f"{app.base_url}/datacite",
            "CITECHECK_MAILTO": MAILTO,
            "CITECHECK_RETRIES": "1",
        }
    )
    try:
        yield app
    finally:
        os.environ.clear()
        os.environ.update(saved)
        server.stop()


def unpace() -> None:
    """Pacing at the services' published limits is bench/resolve.py's subject, not this one's."""
    from citecheck.settings import Settings

    for name in dir(Settings):
        attribute = getattr(Settings, name, None)
        if isinstance(attribute, property):
            if name.endswith("_rate"):
                setattr(Settings, name, property(lambda self: 200.0))
            elif name.endswith("_concurrency"):
                setattr(Settings, name, property(lambda self: 8))


def check(paths: Sequence[str]) -> Any:
    """citecheck's Report for these paths, against the fakes now serving (no cache)."""
    from citecheck.check import check_paths
    from citecheck.settings import from_environment

    unpace()
    return check_paths(list(paths), from_environment(no_cache=True))


def is_problem(verdict: Any) -> bool:
    """What a user is told to fix: mismatched, not found, or retracted."""
    return verdict.status.value in ("mismatched", "not_found") or bool(verdict.retracted)
