"""Is a record the cited work? The evidence of one comparison, and the scorer that weighs it.

The evidence comes from both views of a reference (issue 15):
- the raw string: does it contain the record's title, and how much of the record,
  written as a citation (first three authors, year, title, volume, first page), does it
  contain? This view needs no parser, so a citation whose title the parser lost is
  still recognised;
- the parsed fields: title similarity and exactness, first author and the share of the
  cited authors the record has, year, venue, volume, first page.
The scorer is a logistic regression over these (signed agreements and similarities): the
probability that the record is the cited work. Its weights were fitted by bench/calibrate.py on the
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


def _sign(value: bool | None) -> float:
    """+1 agrees, -1 disagrees, 0 not compared."""
    return 0.0 if value is None else (1.0 if value else -1.0)


def features(e: Evidence) -> dict[str, float]:
    """The scorer's inputs: signed agreements (+1 / -1, 0 when not compared) and
    similarities (0..1)."""
    title = e.title if e.title is not None else 0.0
    return {
        "title": title,
        "title_high": float(title >= HIGH_TITLE),
        "title_missing": float(e.title is None),
        "title_exact": _sign(e.title_exact),
        "title_in_raw": float(e.title_in_raw),
        "coverage": e.raw_coverage if e.raw_coverage is not None else 0.0,
        "first_author": _sign(e.first_author),
        "authors": 0.0 if e.author_share is None else 2 * e.author_share - 1,
        "year": 0.0
        if e.year is None
        else (1.0 if e.year else (0.0 if e.year_off_by_one else -1.0)),
        "year_near": float(e.year_off_by_one),
        "venue": _sign(e.venue),
        "volume": _sign(e.volume),
        "pages": _sign(e.pages),
    }


HIGH_TITLE = 0.9  # a title this similar is one the citation meant (typos, a changed word)


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
