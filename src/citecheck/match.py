"""Score candidate records against a reference and decide its verdict. Pure: no I/O.

Two questions, kept apart on purpose:
1. Is this record the cited work? Decided by what identifies a paper (identifiers, title,
   first author, year, or journal + volume + first page), so that a real work cited
   with a wrong journal is still recognised.
2. Which cited fields disagree with it? Those become the `mismatches`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from citecheck.journals import same_journal
from citecheck.model import Field, Lookup, Mismatch, Record, Reference, Status, Verdict
from citecheck.normalize import family_name, fold, page_bounds


@dataclass(frozen=True)
class Thresholds:
    """Similarities (0..1) at which two values count as the same; a project can tune them
    ([tool.citecheck.thresholds])."""

    title_same: float = 0.90  # the same title (typos, punctuation, subtitle forms)
    title_close: float = 0.75  # close enough when first author and year agree
    author_same: float = 0.90  # family names: transliteration and diacritic differences


DEFAULT = Thresholds()
NEAREST_TITLE = 0.8  # a not-found reference names a record with a title this close
# How much each field counts towards the score shown to users (only the cited ones).
WEIGHTS = {
    Field.TITLE: 0.40,
    Field.AUTHORS: 0.15,
    Field.YEAR: 0.10,
    Field.JOURNAL: 0.10,
    Field.VOLUME: 0.08,
    Field.ISSUE: 0.04,
    Field.PAGES: 0.08,
    Field.DOI: 0.05,
}


def title_similarity(cited: str, found: str) -> float:
    """0..1; the best of the whole titles and of their main titles (before a subtitle)."""
    a, b = fold(cited), fold(found)
    if not a or not b:
        return 0.0
    scores = [fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)]
    # A subtitle left out on one side only: compare that side with the other's main
    # title, if the main title is long enough to identify a paper on its own.
    for whole, other in ((cited, found), (found, cited)):
        if ":" not in whole and ":" in other:
            main = fold(other.split(":")[0])
            if len(main.split()) >= 4:
                scores.append(fuzz.ratio(fold(whole), main))
    return max(scores) / 100


def same_author(cited: str, found: str, threshold: float = DEFAULT.author_same) -> bool:
    a, b = fold(family_name(cited)), fold(family_name(found))
    return bool(a and b) and (a == b or fuzz.ratio(a, b) / 100 >= threshold)


def same_pages(cited: str, found: str) -> bool:
    """'351-4' equals '351-354'; a cited first page alone agrees with a full range."""
    a, b = page_bounds(cited), page_bounds(found)
    if a is None or b is None:
        return False
    if a[0].lower() != b[0].lower():
        return False
    return a[1] is None or b[1] is None or a[1].lower() == b[1].lower()


def _same_number(cited: str, found: str) -> bool:
    return fold(cited).lstrip("0") == fold(found).lstrip("0")


@dataclass(frozen=True)
class Comparison:
    """How each cited field compares with one record: True/False, or None if not compared."""

    record: Record
    title: float | None
    fields: dict[Field, bool | None]
    year_off_by_one: bool
    same_id: bool  # the cited DOI or PMID is the record's
    thresholds: Thresholds = DEFAULT

    @property
    def identified(self) -> bool:
        """Is the record the cited work, whatever else the citation got wrong?"""
        if self.same_id and not self.id_contradicted:
            return True
        f = self.fields
        author = bool(f[Field.AUTHORS])
        exact_year = bool(f[Field.YEAR])
        near_year = exact_year or self.year_off_by_one
        title = self.title or 0.0
        if title >= self.thresholds.title_same and (author or near_year):
            return True
        if title >= self.thresholds.title_close and author and exact_year:
            return True
        # A garbled title, but the same first author, year and place in the journal.
        venue = f[Field.JOURNAL] and f[Field.VOLUME] and f[Field.PAGES]
        return bool(venue and author and near_year)

    @property
    def id_contradicted(self) -> bool:
        """The cited DOI/PMID is this record's, but title and first author both say another
        work: a real identifier pasted onto a citation it does not belong to (a pattern of
        fabricated references). The identifier then identifies nothing."""
        if not self.same_id or self.title is None:
            return False
        return self.title < self.thresholds.title_close and self.fields[Field.AUTHORS] is False

    @property
    def score(self) -> float:
        """0..1: the weighted share of the cited fields that agree with the record."""
        total = weight_sum = 0.0
        for field, agrees in self.fields.items():
            if agrees is None:
                continue
            weight = WEIGHTS[field]
            weight_sum += weight
            if field is Field.TITLE:
                total += weight * (self.title or 0.0)
            elif agrees:
                total += weight
            elif field is Field.YEAR and self.year_off_by_one:
                total += weight / 2
        return round(total / weight_sum, 2) if weight_sum else 0.0


def compare(reference: Reference, record: Record, thresholds: Thresholds = DEFAULT) -> Comparison:
    fields: dict[Field, bool | None] = dict.fromkeys(Field)
    title = None
    if reference.title and record.title:
        title = title_similarity(reference.title, record.title)
        fields[Field.TITLE] = title >= thresholds.title_same
    if reference.authors and record.authors:
        fields[Field.AUTHORS] = same_author(
            reference.authors[0], record.authors[0], thresholds.author_same
        )
    off_by_one = False
    if reference.year and record.year:
        fields[Field.YEAR] = reference.year == record.year
        off_by_one = abs(reference.year - record.year) == 1
    if reference.journal and record.journals:
        fields[Field.JOURNAL] = same_journal(reference.journal, record.journals)
    if reference.volume and record.volume:
        fields[Field.VOLUME] = _same_number(reference.volume, record.volume)
    if reference.issue and record.issue:
        fields[Field.ISSUE] = _same_number(reference.issue, record.issue)
    if reference.pages and record.pages:
        fields[Field.PAGES] = same_pages(reference.pages, record.pages)
    if reference.doi and record.doi:
        fields[Field.DOI] = reference.doi.lower() == record.doi.lower()
    same_id = bool(fields[Field.DOI]) or bool(
        reference.pmid and record.pmid and reference.pmid == record.pmid
    )
    return Comparison(record, title, fields, off_by_one, same_id, thresholds)


def _authors_text(authors: tuple[str, ...], et_al: bool = False, shown: int = 3) -> str:
    text = ", ".join(authors[:shown])
    return f"{text}, et al." if et_al or len(authors) > shown else text


def _cited_and_found(field: Field, reference: Reference, record: Record) -> tuple[str, str]:
    """The two values a person reads for one disagreeing field."""
    if field is Field.AUTHORS:
        return _authors_text(reference.authors, reference.et_al), _authors_text(record.authors)
    if field is Field.JOURNAL:
        return reference.journal or "", record.journal or ""
    cited = getattr(reference, field.value)
    found = getattr(record, field.value)
    return str(cited), str(found)


def mismatches(comparison: Comparison, reference: Reference) -> tuple[Mismatch, ...]:
    found = []
    for field, agrees in comparison.fields.items():
        if agrees is False and not (field is Field.YEAR and comparison.year_off_by_one):
            cited, value = _cited_and_found(field, reference, comparison.record)
            found.append(Mismatch(field, cited, value))
    return tuple(found)


def _warnings(comparison: Comparison, reference: Reference) -> list[str]:
    record = comparison.record
    notes = []
    if comparison.year_off_by_one:
        notes.append(
            f"year: cited {reference.year}, found {record.year} (off by one: often the online"
            " and print dates differ)"
        )
    notes.extend(f"the work has a published {notice} notice" for notice in record.notices)
    if record.retracted:
        notes.append("the work has been retracted")
    return notes


def _nearest(comparisons: list[Comparison]) -> tuple[str, ...]:
    """For a work not found: the closest record, so an editor can see what was compared.

    Only a record that resembles the citation (a similar title, or the same first author)
    is worth a line; the best of a page of unrelated search hits is not.
    """
    resembling = [
        c for c in comparisons if (c.title or 0.0) >= NEAREST_TITLE or c.fields[Field.AUTHORS]
    ]
    if not resembling:
        return ()
    record = max(resembling, key=lambda c: c.score).record
    who = f"{record.authors[0]} et al." if record.authors else "unknown authors"
    where = f"doi:{record.doi}" if record.doi else f"PMID {record.pmid}"
    return (f"closest record, not the same work: {who} ({record.year}) {record.title!r}, {where}",)


def is_settled(reference: Reference, lookup: Lookup, thresholds: Thresholds = DEFAULT) -> bool:
    """True once a candidate is identified as the cited work: asking more cannot change
    that the work exists (the resolver stops there)."""
    return any(compare(reference, record, thresholds).identified for record in lookup.records)


def judge(reference: Reference, lookup: Lookup, thresholds: Thresholds = DEFAULT) -> Verdict:
    """The verdict for one reference from everything the services said about it."""
    failures = [f"{failure.service} unavailable: {failure.reason}" for failure in lookup.failures]
    comparisons = [compare(reference, record, thresholds) for record in lookup.records]
    identified = [c for c in comparisons if c.identified]
    if not identified:
        if failures:
            # Somebody could not answer: the work may exist there. Never say "not found".
            return Verdict(reference, Status.UNVERIFIED, warnings=tuple(failures))
        borrowed = [
            f"the cited identifier belongs to another work: {c.record.title!r}"
            for c in comparisons
            if c.id_contradicted
        ]
        return Verdict(
            reference, Status.NOT_FOUND, warnings=(*borrowed[:1], *_nearest(comparisons))
        )
    best = max(identified, key=lambda c: (c.score, c.record.pmid is not None))
    differences = mismatches(best, reference)
    return Verdict(
        reference,
        Status.MISMATCHED if differences else Status.VERIFIED,
        match=best.record,
        score=best.score,
        mismatches=differences,
        warnings=tuple(_warnings(best, reference) + failures),
    )
