"""The whole author list of a citation against a record's: which authors differ.

Authors are "Family Initials" strings on both sides ("Berman RM"), so a citation giving
full given names and a record giving initials compare alike. Two authors are the same
person when their family names agree (after folding accents and case, allowing a
transliteration slip) and their first initials agree when both are known: "Lee K" is not
"Lee L". The comparison pairs each cited author with the record's, then reports:
- `extra`: cited authors the record does not have (invented, swapped or merged in);
- `missing`: the record's authors the citation leaves out, unless it says "et al.";
- `reordered`: the same people in another order.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from citecheck.normalize import family_name, fold

# Family names: transliteration and diacritic differences ("Eliás" / "Elias" fold alike;
# "Tschiatschek" / "Tschiatscheck" is one slip).
SAME_FAMILY = 0.90
SHOWN = 3  # authors named in a difference note before "and N more"


@dataclass(frozen=True)
class AuthorCheck:
    """How the cited author list compares with a record's."""

    first: bool  # the first authors are the same person
    extra: tuple[str, ...]  # cited, not in the record
    missing: tuple[str, ...]  # in the record, not cited (empty when the citation says et al.)
    reordered: bool
    matched: int  # cited authors found in the record
    # (cited, record's) pairs of one family name whose first initials differ: "Stech Y"
    # cited for "Stech J". Not among `extra` and `missing`.
    initials: tuple[tuple[str, str], ...] = ()

    @property
    def agrees(self) -> bool:
        return not (self.extra or self.missing or self.reordered or self.initials)

    @property
    def share(self) -> float:
        """The part of the cited list that the record has (0..1)."""
        return (
            self.matched / (self.matched + len(self.extra))
            if self.matched + len(self.extra)
            else 0.0
        )

    def describe(self) -> str:
        """What differs, for a person: "not in the record: Smith J; missing: Lee K"."""
        parts = []
        if self.initials:
            pairs = [f"{cited} (record: {found})" for cited, found in self.initials[:SHOWN]]
            more = len(self.initials) - SHOWN
            parts.append(
                "other initials: " + ", ".join(pairs) + (f" and {more} more" if more > 0 else "")
            )
        if self.extra:
            parts.append(f"not in the record: {_names(self.extra)}")
        if self.missing:
            parts.append(f"left out: {_names(self.missing)}")
        if self.reordered:
            parts.append("the order differs")
        return "; ".join(parts)


def _names(authors: tuple[str, ...]) -> str:
    shown = ", ".join(authors[:SHOWN])
    more = len(authors) - SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def _initials(author: str) -> str:
    family = family_name(author)
    rest = author[len(family) :].strip()
    return rest if rest.isupper() else ""


def same_person(cited: str, found: str, threshold: float = SAME_FAMILY) -> bool:
    a, b = fold(family_name(cited)), fold(family_name(found))
    if not a or not b:
        return False
    if a != b and fuzz.ratio(a, b) / 100 < threshold:
        # "van der Berg" cited as "Berg", "Marchetti-Spaccamela" as "Marchetti": the
        # family name's last or first part alone.
        short, long_ = sorted((a, b), key=len)
        if short not in (long_.split()[-1], long_.split()[0]) or len(short) < 3:
            return False
    i, j = _initials(cited), _initials(found)
    return not i or not j or i[0] == j[0]


def same_first_author(cited: str, found: str, threshold: float = SAME_FAMILY) -> bool:
    """The first authors' family names agree (initials are not asked for: a first author
    named by family name alone, as in "Berman et al.", agrees)."""
    a, b = fold(family_name(cited)), fold(family_name(found))
    return bool(a and b) and (a == b or fuzz.ratio(a, b) / 100 >= threshold)


def compare_authors(
    cited: tuple[str, ...],
    found: tuple[str, ...],
    et_al: bool = False,
    threshold: float = SAME_FAMILY,
) -> AuthorCheck:
    """Pair each cited author with the first unpaired record author who is the same person."""
    paired: list[int] = []
    extra: list[str] = []
    used: set[int] = set()
    for position, author in enumerate(cited):
        # The author at the same place first, so that two people of one family name pair
        # in order.
        order = [position, *range(len(found))] if position < len(found) else range(len(found))
        match = next(
            (j for j in order if j not in used and same_person(author, found[j], threshold)),
            None,
        )
        if match is None:
            extra.append(author)
        else:
            used.add(match)
            paired.append(match)
    unpaired = [j for j in range(len(found)) if j not in used]
    # A cited author left unpaired whose family name an unpaired record author shares:
    # the same person with other initials (or a namesake: either way, say which).
    initials = []
    for author in list(extra):
        j = next((j for j in unpaired if same_first_author(author, found[j], threshold)), None)
        if j is not None:
            initials.append((author, found[j]))
            extra.remove(author)
            unpaired.remove(j)
    missing = () if et_al else tuple(found[j] for j in unpaired)
    first = bool(cited and found) and same_first_author(cited[0], found[0], threshold)
    return AuthorCheck(
        first=first,
        extra=tuple(extra),
        missing=missing,
        reordered=paired != sorted(paired),
        matched=len(paired),
        initials=tuple(initials),
    )
