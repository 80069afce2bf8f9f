"""Is a record the cited work? The evidence of one comparison, and the rule that weighs it.

The evidence comes from both views of a reference: its parsed fields (title similarity,
authors, year, venue, volume, pages) and its raw string (does the string contain the
record's title?). The raw view identifies a work whose title the parser lost or cut.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    """What one comparison found; None where the field was not compared."""

    title: float | None  # similarity of the parsed title (0..1)
    title_exact: bool | None  # the cited title is the record's (titles.same_title)
    title_in_raw: bool  # the reference string contains the record's title
    first_author: bool | None
    author_share: float | None  # the part of the cited authors the record has
    year: bool | None
    year_off_by_one: bool
    venue: bool | None
    volume: bool | None
    pages: bool | None
    same_id: bool


def identified(e: Evidence, title_same: float, title_close: float) -> bool:
    """The rules: a title that names the work (the same title, in the string or parsed,
    or one this similar) with the first author or the year (+-1); a close title with both;
    or, for a garbled title, the first author, year, venue, volume and first page."""
    title = e.title or 0.0
    strong_title = bool(e.title_exact) or e.title_in_raw or title >= title_same
    author = bool(e.first_author)
    near_year = bool(e.year) or e.year_off_by_one
    if strong_title and (author or near_year):
        return True
    if title >= title_close and author and e.year:
        return True
    return bool(e.venue and e.volume and e.pages and author and near_year)
