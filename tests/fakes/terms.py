"""The PubMed search-term subset the fake ESearch understands, and how it matches records.

Syntax: clauses joined by " AND " (parentheses optional; " OR " inside a clause gives
alternatives). Each clause is `text[tag]` or untagged text. Tags (PubMed help, field tags):
  [ti] [tiab] [title]      every word in the title (case, accents, punctuation ignored);
                           a "quoted phrase"[ti] must occur contiguously
  [au] [author]            any author: "family initials" ("berman rm", initials as a prefix:
                           "berman r" also matches) or "family" alone
  [1au] [lastau]           the first / last author, same name forms
  [dp] [pdat]              year "2000", "2000/02", or a range "1999:2001"
  [doi] [aid] [lid]        the DOI, case-insensitive
  [ta] [journal]           journal full title, MEDLINE abbreviation or ISSN
  [vi] [ip] [pg]           volume, issue, first page (or article number)
  [pmid] [uid]             the PMID
  untagged                 every word somewhere in title, author names, journal or year,
                           or (automatic term mapping) MeSH headings, substances, abstract
Like real PubMed (SERVICES.md section 6, pubmed-mcp-server#96): stopwords are ignored; a
title/untagged word found in no record at all is dropped and reported in
errorlist.phrasesnotfound (the search goes on without it); an unknown tag is reported in
errorlist.fieldsnotfound and its text searched untagged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .corpus import Author, Corpus, Work, fold, squash, words
from .subjects import subject_words

STOPWORDS = frozenset(
    "a about an and are as at be by for from had has have in into is it of on or that the "
    "their these this to was were which with".split()
)
TAG_ALIASES = {
    "ti": "ti", "tiab": "ti", "title": "ti", "title/abstract": "ti",
    "au": "au", "author": "au", "full author name": "au",
    "1au": "1au", "author - first": "1au", "lastau": "lastau", "author - last": "lastau",
    "dp": "dp", "pdat": "dp", "publication date": "dp",
    "doi": "doi", "aid": "doi", "lid": "doi", "location id": "doi",
    "ta": "ta", "journal": "ta", "jour": "ta",
    "vi": "vi", "volume": "vi", "ip": "ip", "issue": "ip", "pg": "pg", "pagination": "pg",
    "pmid": "pmid", "uid": "pmid",
}  # fmt: skip
LABELS = {
    "ti": "Title", "au": "Author", "1au": "Author - First", "lastau": "Author - Last",
    "dp": "Date - Publication", "doi": "Location ID", "ta": "Journal", "vi": "Volume",
    "ip": "Issue", "pg": "Pagination", "pmid": "UID", "": "All Fields",
}  # fmt: skip

Test = Callable[[Work], bool]


@dataclass
class Outcome:
    """What ESearch reports besides the ids."""

    translation: list[str] = field(default_factory=list)
    phrases_not_found: list[str] = field(default_factory=list)
    fields_not_found: list[str] = field(default_factory=list)
    quoted_not_found: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def name_matches(query: str, author: Author) -> bool:
    """ "berman rm" / "berman r" / "berman" against Berman RM; multi-word families work too."""
    q, family = squash(query), squash(author.family)
    if q == family:
        return True
    head, _, tail = q.rpartition(" ")
    return bool(head) and head == family and author.initials.lower().startswith(tail)


def _any(alternatives: list[Test]) -> Test:
    return lambda w: any(t(w) for t in alternatives)


def _strip_parens(text: str) -> str:
    """Drop grouping parentheses, keeping balanced ones inside (DOIs have them)."""
    text = text.strip()
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].strip()
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].strip()
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for c in text:
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


class Searcher:
    """Compiles a term into record tests, collecting PubMed's errors and warnings."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.outcome = Outcome()

    def run(self, term: str) -> list[Work]:
        tests: list[Test] = []
        for part in re.split(r"\s+AND\s+", term.strip()):
            alternatives = [self._clause(a) for a in re.split(r"\s+OR\s+", _strip_parens(part))]
            live = [t for t in alternatives if t is not None]
            if live:
                tests.append(_any(live))
        if not tests:  # everything dropped: real PubMed finds nothing rather than everything
            return []
        return [w for w in self.corpus.pubmed if all(t(w) for t in tests)]

    def _clause(self, clause: str) -> Test | None:
        m = re.fullmatch(r"(.*?)\s*\[([^\]]+)\]", clause.strip())
        text, raw_tag = (m.group(1), m.group(2).strip().lower()) if m else (clause, "")
        text = text.strip()
        quoted = len(text) > 1 and text.startswith('"') and text.endswith('"')
        text = text.strip('"')
        tag = TAG_ALIASES.get(raw_tag, "")
        if raw_tag and not tag:
            self.outcome.fields_not_found.append(raw_tag)
        if tag == "ti" and quoted:
            return self._phrase(text)
        if tag in ("ti", ""):
            return self._words(text, tag)
        self.outcome.translation.append(f'"{text.lower()}"[{LABELS[tag]}]')
        return _FIELD_TESTS[tag](text)

    def _words(self, text: str, tag: str) -> Test | None:
        vocabulary = self.corpus.title_vocabulary if tag == "ti" else _all_vocabulary(self.corpus)
        kept = []
        for word in words(text):
            if word in STOPWORDS:
                self.outcome.ignored.append(word)
            elif word not in vocabulary:
                self.outcome.phrases_not_found.append(word)
            else:
                kept.append(word)
                self.outcome.translation.append(f'"{word}"[{LABELS[tag]}]')
        if not kept:
            return None
        if tag == "ti":
            return lambda w: all(k in w.title_words for k in kept)
        return lambda w: all(k in w.all_words or k in subject_words(w) for k in kept)

    def _phrase(self, phrase: str) -> Test | None:
        wanted = " " + " ".join(words(phrase)) + " "
        test: Test = lambda w: wanted in " " + " ".join(words(w.title)) + " "  # noqa: E731
        if not any(test(w) for w in self.corpus.pubmed):
            self.outcome.quoted_not_found.append(phrase)
            return lambda w: False
        self.outcome.translation.append(f'"{phrase.lower()}"[Title]')
        return test


@functools.cache
def _all_vocabulary(corpus: Corpus) -> frozenset[str]:
    """Every word an untagged term can hit: title, authors, journal, year, and (as PubMed's
    automatic term mapping reaches MeSH and all fields) headings, substances, abstract."""
    return corpus.all_vocabulary.union(*(subject_words(w) for w in corpus.pubmed))


def _date_test(text: str) -> Test:
    def point(s: str, end: bool) -> tuple[int, int]:
        bits = [int(b) for b in re.findall(r"\d+", s)[:2]]
        return bits[0], bits[1] if len(bits) > 1 else (12 if end else 1)

    lo_text, _, hi_text = text.partition(":")
    lo, hi = point(lo_text, False), point(hi_text or lo_text, True)
    return lambda w: lo <= (w.year, w.month) <= hi


def _journal_test(text: str) -> Test:
    key = squash(text)
    return lambda w: key in w.journals or fold(text.strip()) == w.issn.lower()


def _page_test(text: str) -> Test:
    page = text.strip().lower()
    return lambda w: (
        page in {(w.first_page or "").lower(), (w.pages or "").lower(), w.medline_pages.lower()}
    )


_FIELD_TESTS: dict[str, Callable[[str], Test]] = {
    "au": lambda t: lambda w: any(name_matches(t, a) for a in w.authors),
    "1au": lambda t: lambda w: bool(w.authors) and name_matches(t, w.authors[0]),
    "lastau": lambda t: lambda w: bool(w.authors) and name_matches(t, w.authors[-1]),
    "dp": _date_test,
    "doi": lambda t: (
        lambda w: (w.doi or "").lower() == t.strip().lower().removeprefix("doi:").strip()
    ),
    "ta": _journal_test,
    "vi": lambda t: lambda w: (w.volume or "") == t.strip(),
    "ip": lambda t: lambda w: (w.issue or "") == t.strip(),
    "pg": _page_test,
    "pmid": lambda t: lambda w: w.pmid == t.strip(),
}
