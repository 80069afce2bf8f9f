"""Is a record the cited work? The evidence of one comparison, and the scorer that weighs it.

The evidence comes from both views of a reference (issue 15):
- the raw string: does it contain the record's title, and how much of the record,
  written as a citation (first three authors, year, title, volume, first page), does it
  contain? This view needs no parser, so a citation whose title the parser lost is
  still recognised;
- the parsed fields: title similarity and exactness, first author and the share of the
  cited authors the record has, year, venue, volume, first page.
The scorer is a logistic regression over these (each as a few bins): the probability that
the record is the cited work. Its weights were fitted by bench/calibrate.py on the
calibration half of the issue 15 set of printed references (PLOS articles, with works
removed, altered and look-alikes added, as bench/jats.py describes), and the threshold
chosen there; the other half and HALLMARK measure it. A record whose DOI or PMID the
citation gives is identified by that, unless title and first author both say otherwise
(comparison.Comparison.id_contradicted).
"""

from __future__ import annotations

import math
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
    raw_coverage: float | None = None  # the part of the record, as a citation, in the string


def _flag(value: bool | None, name: str) -> dict[str, float]:
    if value is None:
        return {}
    return {f"{name}_yes" if value else f"{name}_no": 1.0}


def _bin(value: float | None, name: str, edges: tuple[float, ...]) -> dict[str, float]:
    """One-hot: the highest edge the value reaches ('title_0.9' for 0.93)."""
    if value is None:
        return {}
    for edge in edges:
        if value >= edge:
            return {f"{name}_{edge:g}": 1.0}
    return {f"{name}_low": 1.0}


TITLE_EDGES = (0.95, 0.9, 0.8, 0.7, 0.5)
COVERAGE_EDGES = (0.9, 0.75, 0.6, 0.4)
SHARE_EDGES = (0.99, 0.5, 0.01)


def features(e: Evidence) -> dict[str, float]:
    """The scorer's inputs: named indicators, absent when their field was not compared."""
    out: dict[str, float] = {}
    out |= _flag(e.title_exact, "title_exact")
    out |= {"title_in_raw": 1.0} if e.title_in_raw else {}
    out |= _bin(e.title, "title", TITLE_EDGES)
    out |= _bin(e.raw_coverage, "coverage", COVERAGE_EDGES)
    out |= _flag(e.first_author, "first_author")
    out |= _bin(e.author_share, "authors", SHARE_EDGES)
    if e.year is not None:
        out |= {"year_yes" if e.year else ("year_near" if e.year_off_by_one else "year_no"): 1.0}
    out |= _flag(e.venue, "venue")
    out |= _flag(e.volume, "volume")
    out |= _flag(e.pages, "pages")
    return out


# Fitted by `python bench/calibrate.py --write` (see the module's docstring): 2,657
# candidate pairs of the calibration half (449 of them the cited work), L2 0.01; pair
# accuracy 1.000 there and 1.000 on the 2,359 pairs of the evaluation half. Regenerate,
# do not hand-edit.
BIAS = -1.339
WEIGHTS: dict[str, float] = {
    "authors_0.01": -0.163,
    "authors_0.5": -0.053,
    "authors_0.99": 0.565,
    "authors_low": -0.366,
    "coverage_0.4": -0.091,
    "coverage_0.6": -0.017,
    "coverage_0.75": 0.078,
    "coverage_0.9": 0.700,
    "coverage_low": -0.686,
    "first_author_no": -0.396,
    "first_author_yes": 0.379,
    "pages_no": -0.661,
    "pages_yes": 0.650,
    "title_0.5": -0.225,
    "title_0.7": -0.009,
    "title_0.8": 0.087,
    "title_0.9": 0.089,
    "title_0.95": 0.581,
    "title_exact_no": -0.577,
    "title_exact_yes": 0.560,
    "title_in_raw": 0.558,
    "title_low": -0.539,
    "venue_no": -0.306,
    "venue_yes": 0.286,
    "volume_no": -0.574,
    "volume_yes": 0.545,
    "year_near": -0.075,
    "year_no": -0.276,
    "year_yes": 0.334,
}
THRESHOLD = 0.50  # the probability at which a record is taken for the cited work


def probability(e: Evidence) -> float:
    """The scorer's probability that the record is the cited work."""
    z = BIAS + sum(WEIGHTS.get(name, 0.0) * value for name, value in features(e).items())
    return 1.0 / (1.0 + math.exp(-z))


def identified(e: Evidence, threshold: float = THRESHOLD) -> bool:
    return probability(e) >= threshold
