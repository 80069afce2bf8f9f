"""Decide each reference's verdict from the candidate records. Pure: no I/O.

Two questions, kept apart on purpose:
1. Is this record the cited work? (comparison.Comparison.identified) Decided by what
   identifies a paper (identifiers, title, authors, year, or venue + volume + first page),
   so that a real work cited with a wrong venue or wrong authors is still recognised.
2. Which cited fields disagree with it? Those become the `mismatches`, each with what
   was cited and what the record says; the authors that differ, the work a wrong DOI or
   PMID really names, and a preprint's published version are named in the warnings.
"""

from __future__ import annotations

from citecheck.comparison import (
    DEFAULT,
    Comparison,
    Thresholds,
    compare,
    same_pages,
)
from citecheck.model import Field, Lookup, Mismatch, Record, Reference, Status, Verdict
from citecheck.normalize import clean_doi
from citecheck.titles import title_similarity
from citecheck.venues import is_preprint, is_preprint_venue

__all__ = [
    "DEFAULT",
    "Comparison",
    "Thresholds",
    "compare",
    "is_settled",
    "judge",
    "same_pages",
    "title_similarity",
]

NEAREST_TITLE = 0.8  # a not-found reference names a record with a title this close
SHOWN_AUTHORS = 3


def _waits_for_published(reference: Reference, record: Record) -> bool:
    """A preprint found for a citation of a journal or conference paper: the published
    version may still be found."""
    cited = reference.journal
    return is_preprint(record) and bool(cited) and not is_preprint_venue(cited)


def is_settled(reference: Reference, lookup: Lookup, thresholds: Thresholds = DEFAULT) -> bool:
    """True once a candidate is identified as the cited work and asking more cannot change
    the verdict (the resolver stops there)."""
    return any(
        compare(reference, record, thresholds).identified
        and not _waits_for_published(reference, record)
        for record in lookup.records
    )


def _authors_text(authors: tuple[str, ...], et_al: bool = False) -> str:
    text = ", ".join(authors[:SHOWN_AUTHORS])
    return f"{text}, et al." if et_al or len(authors) > SHOWN_AUTHORS else text


def _work(record: Record) -> str:
    """A record in one line: who, when, what, where."""
    who = f"{record.authors[0]} et al." if record.authors else "unknown authors"
    where = f"doi:{record.doi}" if record.doi else f"PMID {record.pmid}"
    return f"{who} ({record.year}) {record.title!r}, {where}"


def _venue_found(record: Record) -> str:
    if is_preprint(record):
        server = record.journal or record.publisher
        return f"preprint ({server})" if server else "preprint"
    return record.journal or ""


def _cited_and_found(field: Field, reference: Reference, record: Record) -> tuple[str, str]:
    """The two values a person reads for one disagreeing field."""
    if field is Field.AUTHORS:
        return _authors_text(reference.authors, reference.et_al), _authors_text(record.authors)
    if field is Field.JOURNAL:
        return reference.journal or "", _venue_found(record)
    cited = getattr(reference, field.value)
    found = getattr(record, field.value)
    return str(cited), str(found) if found else "none"


def _versions(best: Comparison, identified: list[Comparison]) -> set[str]:
    """The DOIs and PMIDs of the identified work: its records and their linked versions."""
    ids = {clean_doi(doi) for _, doi in best.record.relations}
    for c in identified:
        ids |= {clean_doi(c.record.doi), c.record.pmid}
    return {i for i in ids if i}


def _identifier_notes(
    reference: Reference,
    lookup: Lookup,
    best: Comparison,
    identified: list[Comparison],
    comparisons: list[Comparison],
) -> tuple[set[Field], list[Mismatch], list[str]]:
    """The cited DOI and PMID against the work the other fields identify: fine when they
    name it or another version of it (its preprint); else a mismatch saying what they
    name: no record, or another work."""
    settled: set[Field] = set()
    found: list[Mismatch] = []
    notes: list[str] = []
    versions = _versions(best, identified)
    for field, cited in ((Field.DOI, clean_doi(reference.doi)), (Field.PMID, reference.pmid)):
        if not cited:
            continue
        settled.add(field)
        own = clean_doi(best.record.doi) if field is Field.DOI else best.record.pmid
        if cited == own:
            continue
        label = "DOI" if field is Field.DOI else "PMID"
        if cited in versions:
            notes.append(f"the cited {label} is another version's (e.g. the preprint): {cited}")
            continue
        named = [c for c in comparisons if c.same_id and c not in identified and c.fields[field]]
        if named:
            notes.append(f"the cited {label} names another work: {_work(named[0].record)}")
        elif field in lookup.unresolved:
            notes.append(f"the cited {label} {cited} names no record")
        found.append(Mismatch(field, cited, own or "none"))
    return settled, found, notes


def _mismatches(
    best: Comparison, reference: Reference, settled: set[Field]
) -> tuple[list[Mismatch], list[str]]:
    found = []
    notes = []
    for field, agrees in best.fields.items():
        if field in settled or agrees is not False:
            continue
        if field is Field.YEAR and best.year_off_by_one:
            continue
        cited, value = _cited_and_found(field, reference, best.record)
        found.append(Mismatch(field, cited, value))
        if field is Field.AUTHORS and best.authors is not None:
            notes.append(f"authors: {best.authors.describe()}")
    return found, notes


def _notes(best: Comparison, reference: Reference, identified: list[Comparison]) -> list[str]:
    record = best.record
    notes = []
    if best.year_off_by_one:
        notes.append(
            f"year: cited {reference.year}, found {record.year} (off by one: often the online"
            " and print dates differ)"
        )
    if is_preprint(record):
        published = [doi for relation, doi in record.relations if relation == "is-preprint-of"]
        published += [c.record.doi or "" for c in identified if not is_preprint(c.record)]
        for doi in dict.fromkeys(d for d in published if d):
            notes.append(f"this preprint has since been published: doi:{doi}")
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
        c
        for c in comparisons
        if (c.title or 0.0) >= NEAREST_TITLE or (c.authors is not None and c.authors.first)
    ]
    if not resembling:
        return ()
    record = max(resembling, key=lambda c: c.score).record
    return (f"closest record, not the same work: {_work(record)}",)


def _not_found(reference: Reference, lookup: Lookup, comparisons: list[Comparison]) -> Verdict:
    borrowed = [
        f"the cited identifier belongs to another work: {c.record.title!r}"
        for c in comparisons
        if c.id_contradicted
    ]
    unresolved = [
        f"the cited {'DOI' if field is Field.DOI else 'PMID'} names no record"
        for field in lookup.unresolved
    ]
    return Verdict(
        reference,
        Status.NOT_FOUND,
        warnings=(*borrowed[:1], *unresolved, *_nearest(comparisons)),
    )


def _rank(comparison: Comparison) -> tuple[bool, float, bool]:
    """Among records of the cited work, the one whose venue agrees (the published version
    for a conference citation, the preprint for an arXiv one), then the best score."""
    venue = comparison.fields[Field.JOURNAL]
    return (venue is not False, comparison.score, comparison.record.pmid is not None)


def judge(reference: Reference, lookup: Lookup, thresholds: Thresholds = DEFAULT) -> Verdict:
    """The verdict for one reference from everything the services said about it."""
    failures = [f"{failure.service} unavailable: {failure.reason}" for failure in lookup.failures]
    comparisons = [compare(reference, record, thresholds) for record in lookup.records]
    identified = [c for c in comparisons if c.identified]
    if not identified:
        if failures:
            # Somebody could not answer: the work may exist there. Never say "not found".
            return Verdict(reference, Status.UNVERIFIED, warnings=tuple(failures))
        return _not_found(reference, lookup, comparisons)
    best = max(identified, key=_rank)
    settled, id_mismatches, id_notes = _identifier_notes(
        reference, lookup, best, identified, comparisons
    )
    differences, author_notes = _mismatches(best, best.cited, settled)
    differences += id_mismatches
    order = list(Field)
    differences.sort(key=lambda m: order.index(m.field))
    return Verdict(
        reference,
        Status.MISMATCHED if differences else Status.VERIFIED,
        match=best.record,
        score=best.score,
        mismatches=tuple(differences),
        warnings=tuple(author_notes + id_notes + _notes(best, reference, identified) + failures),
    )
