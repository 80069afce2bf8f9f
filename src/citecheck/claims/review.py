"""The claim check of a run: every in-text citation's sentence against what the cited work
is about, with as few service calls as possible.

1. While a document is read: each citation that points to an entry gives its sentence
   and line (`contexts`), and the document's own sentences (its reference list left out)
   weigh the words of each sentence (weights.py).
2. After the look-ups: the found records' PMIDs are fetched in EFetch batches, once for
   the whole run (`Topics.subjects`), and each sentence is judged locally (topic.py).
3. A sentence its work covers little, that another work of the same list covers far
   better, is off_topic too (listed.py): a slip of number or name in the citation.
4. A sentence judged off_topic for a condition is put to PubMed once more: one ESearch
   per condition, `(PMID1[uid] OR ...) AND <condition>`, for all the works it was held
   against. PubMed's own term mapping (MeSH entry terms, all fields) knows synonyms our
   terms do not; a work PubMed indexes under the condition is not off_topic after all.
A service that fails leaves the claims of the works it could not describe `unknown`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from citecheck.citations import cited_at
from citecheck.claims.listed import Listed, better_listed
from citecheck.claims.sentences import citing_context, line_of, strip_citations
from citecheck.claims.topic import Judgement, judge
from citecheck.claims.weights import Background, background
from citecheck.model import Claim, Reference, Status, Subject, Topic, Verdict
from citecheck.resolve.errors import ServiceUnavailable

__all__ = ["Context", "Describer", "claims_for", "contexts"]

# Statuses whose found record is the cited work: only they can be judged.
JUDGED = (Status.VERIFIED, Status.MISMATCHED)


@dataclass(frozen=True)
class Context:
    """One in-text citation of entry `index`: its line and the sentence citing it;
    `document` counts the words of the citing document (one object shared by its
    citations)."""

    index: int
    line: int
    sentence: str
    document: Background = field(default_factory=Background, compare=False, repr=False)


class Describer(Protocol):
    """What the claim check needs from the services (resolve/efetch.py's Topics)."""

    def subjects(self, pmids: Sequence[str]) -> dict[str, Subject]: ...

    def indexed_under(self, pmids: Sequence[str], concept: str) -> set[str]: ...

    def crossref_subjects(self, dois: Sequence[str]) -> dict[str, Subject]: ...


def contexts(text: str, references: Sequence[Reference]) -> tuple[Context, ...]:
    """The citing sentence of each in-text citation (once per entry and sentence)."""
    found: dict[tuple[int, str], Context] = {}
    document: Background | None = None
    for index, offset in cited_at(text, references):
        if document is None:  # a document that cites nothing is never weighed
            document = background(without_list(text, references))
        _, sentence = citing_context(text, offset)
        key = (index, sentence)
        found.setdefault(key, Context(index, line_of(text, offset), sentence, document))
    return tuple(found.values())


def without_list(text: str, references: Sequence[Reference]) -> str:
    """The text without the lines of its reference list (first entry's line to last's):
    the list repeats the cited works' titles, and counting them would make the very words a
    sentence shares with its cited work look common."""
    lines = [r.line for r in references if r.line > 0]
    if not lines:
        return text
    first, last = min(lines), max(lines)
    kept = text.splitlines(keepends=True)
    return "".join(kept[: first - 1] + kept[last:])


def _pmid(verdict: Verdict) -> str | None:
    if verdict.status in JUDGED and verdict.match is not None:
        return verdict.match.pmid
    return None


def _doi(verdict: Verdict) -> str | None:
    """The DOI of a found record PubMed does not hold (described by Crossref instead)."""
    if verdict.status in JUDGED and verdict.match is not None and not verdict.match.pmid:
        return verdict.match.doi.lower() if verdict.match.doi else None
    return None


def _describe(
    files: Sequence[tuple[Sequence[Verdict], Sequence[Context]]], describer: Describer
) -> tuple[dict[str, Subject], dict[str, str]]:
    """What each cited work is about, by PMID (PubMed) or DOI (Crossref), in one batch per
    service; and, per service that failed, why."""
    cited = [v for verdicts, cites in files for v in verdicts if cites]
    pmids = sorted({p for v in cited if (p := _pmid(v))})
    dois = sorted({d for v in cited if (d := _doi(v))})
    subjects: dict[str, Subject] = {}
    failures: dict[str, str] = {}
    for service, keys, ask in (
        ("pubmed", pmids, describer.subjects),
        ("crossref", dois, describer.crossref_subjects),
    ):
        if not keys:
            continue
        try:
            subjects.update(ask(keys))
        except ServiceUnavailable as error:
            failures[service] = f"could not be checked: {error.service} {error.reason}"
    return subjects, failures


def claims_for(
    files: Sequence[tuple[Sequence[Verdict], Sequence[Context]]], describer: Describer
) -> list[list[Verdict]]:
    """Each file's verdicts with their claims, for every file of a run at once."""
    subjects, failures = _describe(files, describer)
    judged: list[list[tuple[Verdict, Context, Judgement]]] = []
    for verdicts, cites in files:
        by_index = {v.reference.index: v for v in verdicts}
        rows = []
        for context in cites:
            verdict = by_index.get(context.index)
            if verdict is None or verdict.status not in JUDGED:
                continue
            pmid, doi = _pmid(verdict), _doi(verdict)
            key = pmid or doi
            failure = failures.get("pubmed" if pmid else "crossref")
            if failure and key:
                judgement = Judgement(Topic.UNKNOWN, failure)
            else:
                sentence, subject = strip_citations(context.sentence), subjects.get(key or "")
                judgement = judge(sentence, subject, document=context.document)
            rows.append((verdict, context, judgement))
        judged.append(_against_list(rows, subjects))
    _confirm(judged, describer)
    out = []
    for (verdicts, _), rows in zip(files, judged, strict=True):
        claims: dict[int, list[Claim]] = defaultdict(list)
        for verdict, context, judgement in rows:
            claims[verdict.reference.index].append(
                Claim(context.line, context.sentence, judgement.topic, judgement.why)
            )
        out.append(
            [
                replace(v, claims=tuple(claims[v.reference.index]))
                if claims.get(v.reference.index)
                else v
                for v in verdicts
            ]
        )
    return out


def _label(verdict: Verdict) -> str:
    """How a report names a reference in a sentence: "Smith 2019 (entry 7)"."""
    reference = verdict.reference
    entry = f"entry {reference.index}"
    if not reference.authors:
        return entry
    family = reference.authors[0].split()[0]
    return f"{family} {reference.year or 'n.d.'} ({entry})"


def _against_list(
    rows: list[tuple[Verdict, Context, Judgement]], subjects: dict[str, Subject]
) -> list[tuple[Verdict, Context, Judgement]]:
    """Each judgement that matches, held against the other works of the file's list
    (listed.py): the works no sentence of it cites are not known, nor needed."""
    works: dict[str, tuple[Verdict, Listed]] = {}
    for verdict, _, _ in rows:
        key = _pmid(verdict) or _doi(verdict) or ""
        subject = subjects.get(key)
        if subject is not None and key not in works:
            works[key] = (verdict, Listed(_label(verdict), subject))
    co_cited: dict[str, set[str]] = defaultdict(set)  # sentence -> keys of the works it cites
    for verdict, context, _ in rows:
        co_cited[context.sentence].add(_pmid(verdict) or _doi(verdict) or "")
    out = []
    for verdict, context, judgement in rows:
        if judgement.topic is Topic.MATCHES and judgement.coverage is not None:
            cited = co_cited[context.sentence]
            others = [listed for key, (_, listed) in works.items() if key not in cited]
            sentence = strip_citations(context.sentence)
            judgement = better_listed(sentence, judgement, others, context.document)
        out.append((verdict, context, judgement))
    return out


def _confirm(judged: list[list[tuple[Verdict, Context, Judgement]]], describer: Describer) -> None:
    """Ask PubMed about the conditions behind off_topic judgements; overturn those where
    PubMed indexes the work under the condition after all (in place)."""
    asked: dict[str, set[str]] = defaultdict(set)  # condition -> PMIDs held against it
    for rows in judged:
        for verdict, _, judgement in rows:
            pmid, condition = _pmid(verdict), judgement.condition
            if judgement.topic is Topic.OFF_TOPIC and pmid and condition:
                asked[condition].add(pmid)
    indexed: dict[str, set[str]] = {}
    for condition, pmids in asked.items():
        try:
            indexed[condition] = describer.indexed_under(sorted(pmids), condition)
        except ServiceUnavailable:
            indexed[condition] = set()  # keep our own judgement
    for rows in judged:
        for position, (verdict, context, judgement) in enumerate(rows):
            pmid = _pmid(verdict)
            condition = judgement.condition
            if condition and pmid in indexed.get(condition, set()):
                why = f"PubMed indexes the work under {condition}"
                if judgement.shared:
                    why += f"; shared: {', '.join(judgement.shared[:4])}"
                rows[position] = (verdict, context, Judgement(Topic.MATCHES, why, judgement.shared))
