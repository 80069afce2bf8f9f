"""How one record compares with a reference, field by field. Pure: no I/O.

Each cited field is compared with the record's: the title for exactness (titles), every
author (authorlists), the venue of any kind of work (venues: journals, conferences,
preprint servers), year, volume, issue, pages, DOI and PMID. The raw reference string
takes part too: a record whose title the string contains is cited by that title, whatever
the parser made of the string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from citecheck.authorlists import AuthorCheck, compare_authors
from citecheck.identify import THRESHOLD, Evidence, identified
from citecheck.model import Field, Record, Reference
from citecheck.normalize import clean_doi, family_name, fold, page_bounds
from citecheck.parse import reparse_with
from citecheck.titles import same_title, title_in, title_similarity
from citecheck.venues import is_preprint, is_preprint_venue, same_venue


@dataclass(frozen=True)
class Thresholds:
    """Similarities (0..1) at which two values count as the same; a project can tune them
    ([tool.citecheck.thresholds])."""

    title_same: float = 0.90  # titles this similar are near enough to name a closest record
    title_close: float = 0.75  # below this, a cited identifier on another title is borrowed
    author_same: float = 0.90  # family names: transliteration and diacritic differences
    identify: float = THRESHOLD  # the scorer's probability that names the cited work


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
    Field.PMID: 0.05,
}


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
    cited: Reference  # the reference as compared: re-read with the record as a guide
    title: float | None  # similarity of the parsed title, None when either has none
    fields: dict[Field, bool | None]
    year_off_by_one: bool
    same_id: bool  # the cited DOI or PMID is the record's
    authors: AuthorCheck | None
    title_in_raw: bool  # the reference string contains the record's title
    raw_coverage: float | None  # the part of the record, as a citation, the string holds
    thresholds: Thresholds = DEFAULT

    @property
    def evidence(self) -> Evidence:
        f = self.fields
        return Evidence(
            title=self.title,
            title_exact=f[Field.TITLE],
            title_in_raw=self.title_in_raw,
            first_author=self.authors.first if self.authors else None,
            author_share=self.authors.share if self.authors else None,
            year=f[Field.YEAR],
            year_off_by_one=self.year_off_by_one,
            venue=f[Field.JOURNAL],
            volume=f[Field.VOLUME],
            pages=f[Field.PAGES],
            same_id=self.same_id,
            raw_coverage=self.raw_coverage,
        )

    @property
    def identified(self) -> bool:
        """Is the record the cited work, whatever else the citation got wrong?"""
        if self.same_id and not self.id_contradicted:
            return True
        return identified(self.evidence, self.thresholds.identify)

    @property
    def id_contradicted(self) -> bool:
        """The cited DOI/PMID is this record's, but title and first author both say another
        work: a real identifier pasted onto a citation it does not belong to (a pattern of
        fabricated references). The identifier then identifies nothing."""
        if not self.same_id or self.title is None or self.title_in_raw:
            return False
        first = self.authors.first if self.authors else None
        return self.title < self.thresholds.title_close and first is False

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
                total += weight * (1.0 if agrees else (self.title or 0.0))
            elif field is Field.AUTHORS and self.authors is not None:
                total += weight * (1.0 if agrees else self.authors.share)
            elif agrees:
                total += weight
            elif field is Field.YEAR and self.year_off_by_one:
                total += weight / 2
        return round(total / weight_sum, 2) if weight_sum else 0.0


def _venue(reference: Reference, record: Record) -> bool | None:
    """Does the cited venue agree? None when it cannot be compared (not cited, no name on
    the record, or a preprint server cited for a work that is also published: citing the
    arXiv version of a published paper is not an error)."""
    cited = reference.journal
    names = tuple(n for n in (record.journal, *record.journals) if n)
    if not cited or not names:
        return None
    if is_preprint_venue(cited):
        return True if is_preprint(record) else None
    if is_preprint(record):
        return False  # a preprint cited as a journal or conference paper
    return same_venue(cited, names)


def _pages(cited: str, found: str) -> bool | None:
    """Pages agree; None when the record gives an article number and the citation a page
    range (an e-only article's PDF pages: nothing to compare)."""
    bounds = page_bounds(found)
    if bounds and bounds[1] is None and not bounds[0].isdigit() and "-" in cited:
        return None
    return same_pages(cited, found)


def compare(reference: Reference, record: Record, thresholds: Thresholds = DEFAULT) -> Comparison:
    """The comparison; when the title or venue disagree, or the parser found no title, the
    reference is first re-read with the record as a guide (parse.reparse_with: where the
    record's title and venue sit in the raw string), so that a title border the parser put
    in the wrong place is not reported as a wrong title or venue."""
    comparison = _compare(reference, record, thresholds)
    f = comparison.fields
    if record.title and (
        not reference.title or f[Field.TITLE] is False or f[Field.JOURNAL] is False
    ):
        guided = _venue_after_title(reference, reparse_with(reference, record))
        if guided != reference:
            return _compare(guided, record, thresholds)
    return comparison


def _venue_after_title(parsed: Reference, guided: Reference) -> Reference:
    """The venue without the end of the title: when the parser cut the title short, the
    rest of it ran into the venue ("A Theoretical Perspective. In: NeurIPS")."""
    if not (parsed.title and guided.title and guided.journal):
        return guided
    old, new = fold(parsed.title), fold(guided.title)
    tail = new[len(old) :].strip() if new.startswith(old) and new != old else ""
    venue = fold(guided.journal)
    if not tail or not venue.startswith(tail):
        return guided
    words = len(tail.split())
    rest = re.split(r"[\W_]+", guided.journal.strip(), maxsplit=words)
    journal = rest[-1].strip(" .,;:") if len(rest) > words else ""
    return replace(guided, journal=journal or None)


def _compare(reference: Reference, record: Record, thresholds: Thresholds) -> Comparison:
    fields: dict[Field, bool | None] = dict.fromkeys(Field)
    title = None
    in_raw = bool(record.title) and title_in(record.title or "", reference.raw)
    if reference.title and record.title:
        title = title_similarity(reference.title, record.title)
        fields[Field.TITLE] = in_raw or same_title(reference.title, record.title)
    elif record.title and in_raw:
        fields[Field.TITLE] = True
    authors = None
    if reference.authors and record.authors:
        authors = compare_authors(
            reference.authors, record.authors, reference.et_al, thresholds.author_same
        )
        fields[Field.AUTHORS] = authors.agrees
    off_by_one = False
    if reference.year and record.year:
        fields[Field.YEAR] = reference.year == record.year
        off_by_one = abs(reference.year - record.year) == 1
    fields[Field.JOURNAL] = _venue(reference, record)
    if reference.volume and record.volume:
        fields[Field.VOLUME] = _same_number(reference.volume, record.volume)
    if reference.issue and record.issue:
        fields[Field.ISSUE] = _same_number(reference.issue, record.issue)
    if reference.pages and record.pages:
        fields[Field.PAGES] = _pages(reference.pages, record.pages)
    cited_doi = clean_doi(reference.doi)
    if cited_doi and record.doi:
        fields[Field.DOI] = cited_doi == clean_doi(record.doi)
    if reference.pmid and record.pmid:
        fields[Field.PMID] = reference.pmid.strip() == record.pmid.strip()
    same_id = bool(fields[Field.DOI]) or bool(fields[Field.PMID])
    coverage = raw_coverage(reference.raw, record)
    return Comparison(
        record, reference, title, fields, off_by_one, same_id, authors, in_raw, coverage, thresholds
    )


def raw_coverage(raw: str, record: Record) -> float | None:
    """The part of the record written as a citation (first three authors' family names,
    year, title words, volume, first page) that the reference string contains: the raw
    view of a candidate, which needs no parser."""
    wanted = fold(record.title or "").split()
    wanted += [w for a in record.authors[:3] for w in fold(family_name(a)).split()]
    bounds = page_bounds(record.pages)
    wanted += [
        fold(v)
        for v in (str(record.year or ""), record.volume or "", bounds[0] if bounds else "")
        if v
    ]
    have = set(fold(raw).split())
    if not wanted or not have:
        return None
    return sum(w in have for w in wanted) / len(wanted)
