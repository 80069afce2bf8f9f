"""In-text citations against a document's reference list.

Finds author-year citations ("Berman et al. (2000)", "(Fava et al., 2019)", "(Li et al.,
2010; Krieter et al., 2021)", "Smith and Jones (2001)", "(Smith & Jones, 2001a)") and
numeric ones ("[1]", "[2-4]", "[1,3]", and superscripts, which the HTML extractor writes
as "[1,3]") in the text before the reference section, and maps each to an entry: an
author-year citation by the first author's family name and the year (a letter suffix
picks among same-author, same-year entries in list order), a number by its position.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from citecheck.model import CitationCheck, Reference
from citecheck.references import section_start

__all__ = ["check_citations", "cited_at", "find_citations"]

_UC = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĢĪĶŁĽŃŇŌŐŒŘŚŞŠŢŤŪŮŰŽŹŻ"
_PARTICLE = r"(?:(?:van|von|de|der|den|da|di|du|del|della|la|le|ter|al|el)\s+)"
# At most three particles ("van der", "de la", "van de la"): an unbounded run would be
# re-read from every particle of "de de de ..." (quadratic).
_FAMILY = rf"{_PARTICLE}{{0,3}}[{_UC}][\w'’\-]+(?:\s[{_UC}][\w'’\-]+)?"
_YEAR = r"(?:19|20)\d{2}[a-z]?"
# A date is no author: "(July 2010)", "(Spring 2003)" (Wikipedia dates its maintenance tags).
_NOT_WHO = (
    r"(?!(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Spring|Summer|Autumn|Fall"
    r"|Winter)\.?\s)"
)
# One author part: "Berman", "Berman et al.", "Smith and Jones", "Smith & Jones".
_WHO = rf"{_NOT_WHO}{_FAMILY}(?:\s+et\s+al\.?|\s+(?:and|&)\s+{_FAMILY})?"
# Narrative: Berman et al. (2000), Smith and Jones (2001a, 2003)
_NARRATIVE = re.compile(rf"\b(?P<who>{_WHO})\s*\((?P<years>{_YEAR}(?:\s*[,;]\s*{_YEAR})*)\)")
# Parenthetical group: (Fava et al., 2019; Li et al., 2010) - also "see", "e.g.".
_GROUP = re.compile(r"\(([^()]{3,400})\)")
_GROUP_ITEM = re.compile(
    rf"^(?:(?:see|e\.g\.,?|cf\.|i\.e\.,?)\s+)?(?:also\s+)?(?P<who>{_WHO}),?\s+"
    rf"(?P<years>{_YEAR}(?:\s*,\s*{_YEAR})*)(?:,\s*(?:p|pp)\.\s*[\d\-–]+)?$"
)
# Numeric: [1], [2-4], [1, 3, 5-7]; not "[PubMed]" nor a year in brackets.
_NUMERIC = re.compile(r"\[(\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*)\](?!\()")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def find_citations(body: str) -> list[tuple[str, str, str | None, int | None]]:
    """(as written, first author's family name or "", year or None, number or None)."""
    return [(written, family, year, number) for _, written, family, year, number in _located(body)]


# A citation with where it starts in the text: (offset, written, family, year, number).
_Located = tuple[int, str, str, str | None, int | None]


def _located(body: str) -> list[_Located]:
    found: list[_Located] = []
    starts: list[int] = []  # narrative citations, in order and not overlapping
    ends: list[int] = []
    for match in _NARRATIVE.finditer(body):
        who = match.group("who")
        for year in re.split(r"\s*[,;]\s*", match.group("years")):
            found.append((match.start(), match.group(0), _first_family(who), year, None))
        starts.append(match.start())
        ends.append(match.end())
    for group in _GROUP.finditer(body):
        # The year group of a narrative citation: the last one starting at or before it.
        before = bisect.bisect_right(starts, group.start()) - 1
        if before >= 0 and group.start() < ends[before]:
            continue
        for part in group.group(1).split(";"):
            item = _GROUP_ITEM.match(part.strip())
            if not item:
                continue
            family = _first_family(item.group("who"))
            for year in re.split(r"\s*,\s*", item.group("years")):
                found.append((group.start(), f"({part.strip()})", family, year, None))
    for match in _NUMERIC.finditer(body):
        for number in _numbers(match.group(1)):
            found.append((match.start(), match.group(0), "", None, number))
    return found


def _first_family(who: str) -> str:
    who = re.sub(r"\s+et\s+al\.?$", "", who)
    return re.split(r"\s+(?:and|&)\s+", who)[0].strip()


def _numbers(text: str) -> list[int]:
    out: list[int] = []
    for piece in re.split(r"\s*,\s*", text.strip()):
        bounds = re.split(r"\s*[-–]\s*", piece)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            if 0 < low <= high and high - low < 50:
                out.extend(range(low, high + 1))
        elif piece.isdigit():
            out.append(int(piece))
    return out


def _family_of(author: str) -> str:
    """The family name of a parsed author ("Berman RM" -> "berman")."""
    parts = author.split()
    if len(parts) > 1 and parts[-1].isupper() and len(parts[-1]) <= 4:
        parts = parts[:-1]
    return _fold(" ".join(parts))


def _body(text: str) -> str:
    """The text before the reference section (all of it when there is none)."""
    lines = text.split("\n")
    start = section_start(text)
    return "\n".join(lines[:start] if start is not None else lines)


def cited_at(text: str, references: Sequence[Reference]) -> list[tuple[int, int]]:
    """(entry index, character offset in `text`) of each in-text citation that points to an
    entry, in text order: where to look for the sentence that cites it."""
    body = _body(text)
    index = _Index(references)
    cited = []
    for offset, _, family, year, number in sorted(_located(body), key=lambda c: c[0]):
        found = index.resolve(family, year, number)
        if found is not None:
            cited.append((found, offset))
    return cited


def check_citations(text: str, references: Sequence[Reference]) -> CitationCheck:
    """The in-text citations of `text` (a Document's text) against its parsed references.

    Only the text before the reference section is searched. `found` counts citations
    (each year of "(Smith, 2001, 2003)" and each number of "[2-4]" is one); `unresolved`
    lists those that match no entry, as written, once each; `uncited` the 1-based indexes
    of entries no citation points to.
    """
    citations = find_citations(_body(text))
    index = _Index(references)
    cited: set[int] = set()
    unresolved: dict[str, None] = {}  # in order, once each
    for written, family, year, number in citations:
        found = index.resolve(family, year, number)
        if found is None:
            unresolved.setdefault(written)
        else:
            cited.add(found)
    uncited = tuple(r.index for r in references if r.index not in cited) if citations else ()
    return CitationCheck(found=len(citations), unresolved=tuple(unresolved), uncited=uncited)


class _Index:
    """The references by number, by (first author's family, year) and by (last word of that
    family, year): each citation is resolved in constant time, not by a scan of the list."""

    def __init__(self, references: Sequence[Reference]) -> None:
        self.numbers = {r.index for r in references}
        self.by_name: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.by_word: dict[tuple[str, int], list[int]] = defaultdict(list)
        for r in references:
            if r.year is None or not r.authors:
                continue
            family = _family_of(r.authors[0])
            self.by_name[(family, r.year)].append(r.index)
            # "van der Maaten" is found as "Maaten" too, "Müller-Lüdenscheidt" as "Müller":
            # every word of the family name.
            for word in dict.fromkeys(re.split(r"[\s\-]+", family)):
                self.by_word[(word, r.year)].append(r.index)

    def resolve(self, family: str, year: str | None, number: int | None) -> int | None:
        if number is not None:
            return number if number in self.numbers else None
        if year is None:
            return None
        want, suffix = int(year[:4]), year[4:]
        name = _fold(family)
        matches = self.by_name.get((name, want)) or self.by_word.get(
            (name.split()[-1] if name.split() else "", want)
        )
        if not matches:
            return None
        pick = ord(suffix) - ord("a") if suffix else 0
        return matches[min(pick, len(matches) - 1)]
