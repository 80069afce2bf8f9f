"""Re-read a reference with a found record as a guide (issue 15).

The parser decides where a title ends from punctuation alone, and sometimes decides wrong:
the title runs into the journal, or is taken for an author. Before the matcher reports a
title mismatch, it can ask here where the record's title sits in the citation as written:
the best-aligned run of whole words in the raw string. The fields are then read from the
citation itself (so a real difference in wording is still reported), only their borders
come from the record. Pure and bounded: one fuzzy alignment per field over a capped string.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from rapidfuzz import fuzz

from citecheck.model import Record, Reference
from citecheck.parse.authors import parse_authors
from citecheck.parse.venues import venue_fields

__all__ = ["reparse_with"]

# How closely a run of the citation must agree with the record's title (rapidfuzz's 0-100
# scale) to be taken as the place where the cited title is written.
_TITLE_ALIGN = 80.0
_JOURNAL_ALIGN = 85.0
_MAX_RAW = 3000  # longer entries are not one reference; leave them as parsed
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[tuple[int, int, str]]:
    """Each word of `text`: (start, end, folded form)."""
    out = []
    for match in _WORD.finditer(text):
        folded = "".join(_fold_char(c) for c in match.group(0))
        out.append((match.start(), match.end(), folded))
    return out


def _locate(
    target: str, words: list[tuple[int, int, str]], first: int, threshold: float
) -> tuple[int, int] | None:
    """The run of words[first:] that best matches `target`: (first word, end word), or
    None when nothing agrees closely enough."""
    wanted = " ".join(w for _, _, w in _words(target))
    if not wanted or first >= len(words):
        return None
    # One string of the candidate words, with each word's offset in it.
    offsets: list[int] = []
    pieces: list[str] = []
    cursor = 0
    for _, _, folded in words[first:]:
        offsets.append(cursor)
        pieces.append(folded)
        cursor += len(folded) + 1
    haystack = " ".join(pieces)
    if len(wanted) > len(haystack):
        return None
    found = fuzz.partial_ratio_alignment(wanted, haystack, score_cutoff=threshold)
    if found is None:
        return None
    # Whole words: every word that overlaps the aligned span by half its length or more.
    chosen = [
        i
        for i, start in enumerate(offsets)
        if min(found.dest_end, start + len(pieces[i])) - max(found.dest_start, start)
        >= len(pieces[i]) / 2
    ]
    if not chosen:
        return None
    start_word, end_word = first + chosen[0], first + chosen[-1] + 1
    run = " ".join(w for _, _, w in words[start_word:end_word])
    if fuzz.ratio(wanted, run) < threshold:
        return None
    return start_word, end_word


def _span(raw: str, words: list[tuple[int, int, str]], run: tuple[int, int]) -> str:
    text = raw[words[run[0]][0] : words[run[1] - 1][1]]
    # Keep a closing "?" or ")" the record's title has too; drop quotes and periods.
    tail = raw[words[run[1] - 1][1] : words[run[1] - 1][1] + 1]
    if tail in "?!)" and tail:
        text += tail
    return " ".join(text.split())


def reparse_with(reference: Reference, record: Record) -> Reference:
    """`reference` with its title (and journal, and authors when the title had been taken
    for one) re-read from its raw string, using where `record`'s title and journal are
    written there. Fields are unchanged when the record's title cannot be found in the
    string: then the citation really words its title differently."""
    raw = " ".join(reference.raw.split())
    if not record.title or len(raw) > _MAX_RAW:
        return reference
    words = _words(raw)
    title_run = _locate(record.title, words, 0, _TITLE_ALIGN)
    if title_run is None:
        return reference
    title = _span(raw, words, title_run)
    journal = reference.journal
    for name in (n for n in (record.journal, *record.journals) if n):
        journal_run = _locate(name, words, title_run[1], _JOURNAL_ALIGN)
        if journal_run is not None and journal_run[0] - title_run[1] <= 3:
            journal = _span(raw, words, journal_run).rstrip(".")
            break
    folded_title = " ".join(w for _, _, w in words[title_run[0] : title_run[1]])
    if journal and journal == reference.journal and _fold_text(journal) in folded_title:
        # The "journal" was the end of the title (cut at its "?"), and the record's venue
        # is not the one cited: the cited venue is what follows the whole title.
        after = raw[words[title_run[1] - 1][1] :]
        journal = venue_fields(reference.kind or "article", after).get("journal")
    # The title had been read as an author (or the authors ran into it): the names are
    # what stands before the title.
    authors, et_al = reference.authors, reference.et_al
    authors_hold_title = any(
        len(a) > 40 or (len(a.split()) > 3 and _fold_text(a) in folded_title) for a in authors
    )
    if authors_hold_title or not authors:
        head = raw[: words[title_run[0]][0]].strip(" .,:;")
        names, abbreviated = parse_authors(re.sub(r"^\s*(?:\[\d+\]|\d+\.)\s*", "", head))
        if names and all(len(a) <= 40 for a in names):
            authors, et_al = names, abbreviated or et_al
    return replace(reference, title=title, journal=journal, authors=authors, et_al=et_al)


def _fold_text(text: str) -> str:
    return " ".join(w for _, _, w in _words(text))
