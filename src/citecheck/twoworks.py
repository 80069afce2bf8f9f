"""The guard against an entry that holds two works run together.

A list whose layout was lost (a clinic page printed to PDF with its bullets, a pasted
list whose line breaks vanished) can give one entry that is really several references.
Looked up, such an entry could match one of its works and be called verified, or match
none and have real works called fabricated. So every entry is checked for the signs of
more than one work: two different DOIs, or two places where a work ends the way
references end (a year followed by a title, "2000;47(4):351-354", "329, 959-964 (2010)").
Where each work's start is plain (an author list right after the previous work's end, and
every piece reads as one reference) the entry is split; otherwise it keeps a warning
(TWO_WORKS) and is never looked up (check.py).
"""

from __future__ import annotations

import re
from itertools import pairwise

from citecheck.model import Entry

__all__ = ["TWO_WORKS", "guard"]

TWO_WORKS = (
    "this entry seems to hold two works (two DOIs, or two years each followed by a "
    "title): not checked; split it into one entry per work"
)

_UC = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĢĪĶŁĽŃŇŌŐŒŘŚŞŠŢŤŪŮŰŽŹŻ"
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+", re.IGNORECASE)
_ADDRESS = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+|https?://\S+|www\.\S+", re.IGNORECASE)
# The signs of one work: "(2000). Title", "2000;47(4):351", "329, 959-964 (2010)", and a
# report's pages after its year, "2001; 116-129." (F1000). A year after a lowercase word
# is the end of a title, not of a work ("... during the summer of 2003. Cr Biol 331:
# 171-175"), and neither is a number that ends a page range ("pp. 2018-2028. Available").
_SIGNS = re.compile(
    rf"\((?:19|20)\d{{2}}[a-z]?\)[.:,]?\s+[\"“‘']?\w"
    rf"|(?<![a-z]\s)(?<![-–])(?<![-–]\s)\b(?:19|20)\d{{2}}[a-z]?\.\s+[\"“‘']?[{_UC}]"
    r"|\b(?:19|20)\d{2}\s*[;,]\s*\d+\s*(?:\([^)]{1,12}\))?\s*:\s*[A-Za-z]?\d+"
    r"|\b(?:19|20)\d{2}\s*;\s*\d+\s*[-–]\s*\d+\.(?!\d)"
    r"|\b\d+\s*,\s*[A-Za-z]?\d+\s*[-–]\s*\d+\s*\((?:19|20)\d{2}\)"
)
# Notes about the work that may carry another work's DOI or year (a correction).
_NOTES = re.compile(
    r"\b(?:erratum|correction|corrigendum|retraction|retracted|comment)s?\b(?:\s+(?:in|on|to))?\s*:",
    re.IGNORECASE,
)
# Where a work may start: after the previous one's end (a period, a bracket, a digit) an
# author list: "Family, A." / "Family AB," / "Family, Given,".
_START = re.compile(
    rf"(?:(?<=[.)])|(?<=\d))\s+(?=(?:(?:van|von|de|der|da|di|del|la|le)\s+)?[{_UC}][\w'’\-]+"
    rf"(?:,\s*[{_UC}]\.|\s+[{_UC}]{{1,3}}[,.]|,\s*[{_UC}][a-z]+,))"
)


def guard(entries: list[Entry]) -> list[Entry]:
    """The entries with each one that holds several works split (all renumbered from the
    first entry's index) or, where the split is not plain, flagged with TWO_WORKS."""
    out: list[Entry] = []
    start = entries[0].index if entries else 1
    for entry in entries:
        parts = [entry]
        if entry.known is None and _several(entry.raw):
            pieces = _split(entry.raw)
            parts = (
                [
                    Entry(0, piece, entry.line, entry.ignored, origin=entry.origin)
                    for piece in pieces
                ]
                if pieces
                else [_flagged(entry)]
            )
            # A piece that still holds two DOIs is still two works.
            parts = [_flagged(part) if len(_dois(part.raw)) > 1 else part for part in parts]
        for part in parts:
            index = start + len(out)
            out.append(part if part.index == index else _numbered(part, index))
    return out


def _several(text: str) -> bool:
    text = _NOTES.split(text, maxsplit=1)[0]
    if len(_dois(text)) >= 2:
        return True
    # A year inside a DOI or an address ("10.1128/IAI.70.10.5751-5758.2002. PubMed: ...")
    # is no sign of a work.
    return len(_SIGNS.findall(_ADDRESS.sub(" ", text))) >= 2


def _dois(text: str) -> set[str]:
    """The different DOIs `text` names before any note about a correction. A publisher's
    link holds the DOI with its page after it (".../doi/10.1111/x.1/full"): the same work,
    not a second one."""
    text = _NOTES.split(text, maxsplit=1)[0]
    dois = {doi.rstrip(".,;)").lower() for doi in _DOI.findall(text)}
    return {doi for doi in dois if not any(doi.startswith(f"{other}/") for other in dois)}


def _split(text: str) -> list[str] | None:
    """The works, when cutting at each author list that follows a work's end leaves pieces
    that each read as one reference with one sign of a work; else None."""
    from citecheck.references import looks_like_reference

    cuts = [0, *(match.start() for match in _START.finditer(text)), len(text)]
    pieces = [text[a:b].strip() for a, b in pairwise(cuts)]
    merged: list[str] = []
    for piece in pieces:  # a cut inside a work leaves a piece with no sign: join it back
        if merged and not _SIGNS.search(piece):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    if merged and not _SIGNS.search(merged[0]) and len(merged) > 1:
        merged[:2] = [f"{merged[0]} {merged[1]}"]
    good = len(merged) >= 2 and all(
        len(_SIGNS.findall(piece)) == 1 and looks_like_reference(piece) for piece in merged
    )
    return merged if good else None


def _flagged(entry: Entry) -> Entry:
    if TWO_WORKS in entry.warnings:
        return entry
    return Entry(
        entry.index,
        entry.raw,
        entry.line,
        entry.ignored,
        entry.known,
        entry.origin,
        (*entry.warnings, TWO_WORKS),
    )


def _numbered(entry: Entry, index: int) -> Entry:
    return Entry(
        index, entry.raw, entry.line, entry.ignored, entry.known, entry.origin, entry.warnings
    )
