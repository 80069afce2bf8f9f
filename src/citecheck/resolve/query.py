"""What a reference's own text gives the services to search with, parsed or not (issue 15).

Identification must not hang on the parser: the raw string always takes part. These
functions read the raw string for what can be searched (a title-like run of words, the
identifiers it carries) and build each service's query from the parsed fields where they
exist and from the raw string where they do not. A reference whose raw string carries no
title-like run and no identifier is the only one too little to identify.
"""

from __future__ import annotations

import re

from citecheck.model import Reference
from citecheck.normalize import fold, page_bounds

MIN_TITLE_WORDS = 4  # a run of fewer words names no work on its own
MAX_TITLE_WORDS = 8  # PubMed [ti] words searched: enough to pick one work out
# Words PubMed ignores or that say nothing about a title; searching them only narrows the
# result set by accident (PubMed's stopword list: PubMed Help, "Stopwords").
STOPWORDS = frozenset(
    "a an and are as at be but by for from has have in into is it its of on or that the "
    "their this to was were with within without via versus vs".split()
)
# Where a run of title words ends: sentence punctuation, brackets and quotes (a comma may
# sit inside a title; a full stop rarely does).
_BREAKS = re.compile(r"[.;:?!()\[\]{}\"“”‘’«»|]+|\s['’]|['’]\s|\s[-–—]\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_INITIALS = re.compile(r"[A-Z]{1,3}")  # "RM", "A": the initials of an author list
# Vancouver names opening a run ("Hoffmann E, Stech Y, Universal primer set..."): authors.
_LEADING_NAMES = re.compile(r"^(?:[A-Z][\w'’-]+\s+[A-Z]{1,3},\s*)+(?=\S)")
_IDENTIFIER = re.compile(
    r"\b10\.\d{4,9}/\S+"  # a DOI
    r"|\bPMID:?\s*\d{1,8}\b"
    r"|\barXiv:?\s*\d{4}\.\d{4,5}"
    r"|\b(?:pubmed\.ncbi\.nlm\.nih\.gov|arxiv\.org/abs)/\S+",
    re.IGNORECASE,
)
_ARXIV = re.compile(r"\barXiv:?\s*(\d{4}\.\d{4,5})(?:v\d+)?|arxiv\.org/abs/(\d{4}\.\d{4,5})", re.I)


def title_runs(raw: str) -> list[str]:
    """Runs of words in the raw string that read like a title, longest first.

    A run lies between sentence punctuation; it has at least MIN_TITLE_WORDS words, and
    few of them are initials (so an author list "Berman RM, Cappiello A, Anand A" is not
    one). Identifiers and URLs are left out first. After initials ("D.R. Webster, Universal
    primer set ..."), the surname that opens the run is the last author's, not the title's.
    """
    text = _IDENTIFIER.sub(" ", raw)
    text = re.sub(r"https?://\S+|www\.\S+", " ", text)
    runs = []
    previous = ""
    for piece in _BREAKS.split(text):
        run = " ".join(piece.split()).strip(" ,")
        if _INITIALS.fullmatch(previous):
            run = re.sub(r"^(?:[A-Z][\w'’-]+,\s*)+", "", run)
        run = _LEADING_NAMES.sub("", run)
        previous = run
        words = [w for w in _WORD.findall(run) if w.lower() not in ("et", "al")]
        if len(words) < MIN_TITLE_WORDS:
            continue
        initials = sum(1 for w in words if _INITIALS.fullmatch(w))
        if initials * 4 >= len(words):
            continue
        runs.append(run)
    return sorted(runs, key=lambda run: -len(_WORD.findall(run)))


def carries_identifier(raw: str) -> bool:
    return bool(_IDENTIFIER.search(raw))


def identifiable(reference: Reference) -> bool:
    """Does the reference carry enough to identify a work: an identifier (parsed or in its
    text), or a title-like run of words in its raw string? Parsing is not needed for this:
    a reference the parser could not read is still looked up by its raw string."""
    if reference.doi or reference.pmid or reference.arxiv:
        return True
    if carries_identifier(reference.raw) or title_runs(reference.raw):
        return True
    # A short title the parser delimited (quoted, or between author list and venue) with
    # an author and a year beside it: "Conjugate Energy-Based Models," in Proc. UAI, 2021
    # is a work a search finds, though three words are too few to trust as a raw run.
    return bool(
        reference.title
        and len(title_words(reference.title)) >= 2
        and reference.authors
        and reference.year
    )


def arxiv_id(reference: Reference) -> str | None:
    """The arXiv identifier the reference cites, without version ("1706.03762")."""
    if reference.arxiv:
        return reference.arxiv
    found = _ARXIV.search(reference.raw)
    return (found.group(1) or found.group(2)) if found else None


def title_words(title: str) -> list[str]:
    """The title's first MAX_TITLE_WORDS informative words.

    Split on anything not alphanumeric, as PubMed's own tokenizer does for [ti]. The
    first words are kept (not the longest): they name the topic, and short ones such as
    "mTOR" or "NMDA" are often the most telling.
    """
    words = [w for w in fold(title).split() if len(w) > 2 and w not in STOPWORDS]
    return list(dict.fromkeys(words))[:MAX_TITLE_WORDS]


def searched_title(reference: Reference) -> str | None:
    """The title to search with: the parsed one, else the raw string's longest title-like
    run (the parser may have lost the title; the string still holds it)."""
    if reference.title and len(title_words(reference.title)) >= 2:
        return reference.title
    runs = title_runs(reference.raw)
    return runs[0] if runs else None


def pubmed_term(reference: Reference) -> str | None:
    """An ESearch term for a reference, or None if it gives too little.

    Title words carry the search ([ti], PubMed Help "Search field descriptions and tags");
    without a title, the first author, year, volume and first page together pick out one
    article ([1au], [dp], [vi], [pg]).
    """
    title = searched_title(reference)
    if title:
        words = title_words(title)
        if len(words) >= 2:
            return " AND ".join(f"{word}[ti]" for word in words)
    clauses = []
    if reference.authors:
        clauses.append(f"{fold(reference.authors[0])}[1au]")
    if reference.year:
        clauses.append(f"{reference.year}[dp]")
    if reference.volume:
        clauses.append(f"{reference.volume}[vi]")
    bounds = page_bounds(reference.pages)
    if bounds:
        clauses.append(f"{bounds[0]}[pg]")
    return " AND ".join(clauses) if len(clauses) >= 3 else None


def bibliographic(reference: Reference) -> str:
    """The whole reference as written, for a bibliographic search (Crossref's
    query.bibliographic is made for citation strings: REST API docs, "Field queries")."""
    return " ".join(reference.raw.split())


def plain_words(text: str) -> str:
    """The words of `text` with no query syntax in them: for DataCite's Elasticsearch query
    string, where `:`, `(`, `"`, `-` and the like are operators (support.datacite.org/docs/
    api-queries); words joined by spaces are optional terms, ranked by relevance."""
    return " ".join(re.findall(r"[^\W_]+", fold(text)))
