"""Is the cited work about what the citing sentence says? An explainable comparison of
the sentence's terms with what the services say the work is about.

A work's profile weighs where each of its terms comes from: a MeSH heading marked as a
major topic weighs most, then the title, other headings, substances and keywords, then
the abstract. The sentence's terms are looked up in it (same stem, a long shared prefix,
or a curated synonym). Then:

  unknown    the work is described by little more than its title, or the sentence has
             fewer than two informative terms: too little to judge;
  off_topic  the sentence names a condition the work does not cover while the work is
             about a condition the sentence does not name, and the two share no more than
             the drug or intervention ("the sentence is about pain; the work is about
             depressive disorder"); or the sentence and a well-described work share
             almost nothing;
  matches    otherwise, naming the shared terms.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from citecheck.claims.sentences import cites_for_method
from citecheck.claims.terms import (
    CONDITION_QUALIFIERS,
    DRUG_QUALIFIERS,
    PREFIX,
    Term,
    is_condition,
    is_intervention,
    related,
    synonyms,
    terms,
)
from citecheck.claims.weights import Background
from citecheck.model import Subject, Topic

__all__ = ["Judgement", "Profile", "Thresholds", "coverage", "judge", "names", "profile", "weighed"]

MAJOR, TITLE, HEADING, KEYWORD, ABSTRACT = 3.0, 2.5, 2.0, 1.5, 1.0
# Headings that describe who or what was studied, not the topic (MeSH check tags).
_CHECK_TAGS = frozenset(
    t.strip()
    for t in (
        "Humans Animals Male Female Adult Aged Middle_Aged Young_Adult Adolescent Child "
        "Infant Child,_Preschool Infant,_Newborn Aged,_80_and_over Rats Mice Pregnancy "
        "Rats,_Sprague-Dawley Rats,_Wistar Mice,_Inbred_C57BL Cattle Dogs Swine"
    ).split()
)
CHECK_TAG_NAMES = frozenset(t.replace("_", " ").lower() for t in _CHECK_TAGS)


@dataclass(frozen=True)
class Thresholds:
    """Tuned on the labelled set of bench/claims.py."""

    min_sentence_terms: int = 2  # fewer informative terms: unknown
    min_profile_terms: int = 12  # a work with MeSH or abstract but fewer terms: unknown
    min_title_terms: int = 4  # a work known by its title alone, with fewer terms: unknown
    min_shared_besides_drug: int = 2  # shared terms that rescue a condition mismatch
    # Below this share of the sentence's weight covered by a work described by MeSH or an
    # abstract, the work is not about what the sentence says (weights: weights.py).
    min_coverage: float = 0.12
    # Another work of the same list that covers this many times the sentence's weight, and
    # at least `better_margin` more, is what the sentence meant to cite (listed.py); only
    # for sentences their work covers less than `better_ceiling` of.
    better_ratio: float = 3.0
    better_margin: float = 0.15
    better_ceiling: float = 0.3


DEFAULT = Thresholds()


@dataclass
class Profile:
    """What a work is about: each stem's best weight and where it comes from."""

    weights: dict[str, float] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    conditions: list[str] = field(default_factory=list)  # condition headings, majors first
    drugs: set[str] = field(default_factory=set)  # stems of drug/substance headings
    topics: list[str] = field(default_factory=list)  # major headings (or the title)
    rich: bool = False  # described by MeSH headings or an abstract, not only a title
    # Stems by their first PREFIX characters: what `related` can match by prefix.
    by_prefix: dict[str, list[str]] = field(default_factory=dict)

    def add(self, text: str, weight: float, origin: str) -> list[Term]:
        found = terms(text)
        for term in found:
            if term.stem not in self.weights:
                self.by_prefix.setdefault(term.stem[:PREFIX], []).append(term.stem)
            if weight > self.weights.get(term.stem, 0.0):
                self.weights[term.stem] = weight
                self.origin[term.stem] = origin
        return found

    def covers(self, term: Term) -> tuple[float, str] | None:
        """(weight, origin) of the work's term that names the same thing, if any."""
        if term.stem in self.weights:
            return self.weights[term.stem], self.origin[term.stem]
        # Only stems sharing its first characters or its synonym group can be related:
        # looked up, not searched for among all of the work's stems.
        near = self.by_prefix.get(term.stem[:PREFIX], []) if len(term.stem) >= PREFIX else []
        best: tuple[float, str] | None = None
        for stem in [*near, *(synonyms(term.stem) & self.weights.keys())]:
            weight = self.weights[stem]
            if related(term.stem, stem) and (best is None or weight > best[0]):
                best = (weight, self.origin[stem])
        return best


@functools.lru_cache(maxsize=4096)
def profile(subject: Subject) -> Profile:
    """What the work is about (cached: a run compares one work with many sentences; the
    profile is not changed once built)."""
    built = Profile(rich=bool(subject.mesh or subject.abstract))
    minor_conditions: list[str] = []
    for heading in subject.mesh:
        name = heading.descriptor
        if name.lower() in CHECK_TAG_NAMES:
            continue
        weight = MAJOR if heading.major else HEADING
        origin = f"MeSH {'major topic ' if heading.major else ''}{name}"
        added = built.add(name, weight, origin)
        qualifiers = set(heading.qualifiers)
        if qualifiers & CONDITION_QUALIFIERS or any(is_condition(t) for t in added):
            minor_conditions.append(name) if not heading.major else built.conditions.append(name)
        if qualifiers & DRUG_QUALIFIERS:
            built.drugs.update(t.stem for t in added)
        if heading.major:
            built.topics.append(name)
    built.conditions.extend(minor_conditions)  # major topics first
    for keyword in subject.keywords:
        added = built.add(keyword, KEYWORD, f"keyword {keyword}")
        if not subject.mesh:
            built.drugs.update(t.stem for t in added if not is_condition(t))
    if subject.title:
        title_terms = built.add(subject.title, TITLE, "title")
        if not subject.mesh:
            built.conditions.extend(t.word for t in title_terms if is_condition(t))
            built.topics.append(subject.title)
    if subject.abstract:
        abstract_terms = built.add(subject.abstract, ABSTRACT, "abstract")
        if not subject.mesh:  # no headings to name its conditions: the abstract's words do
            named = {c.lower() for c in built.conditions}
            built.conditions.extend(
                t.word for t in abstract_terms if is_condition(t) and t.word not in named
            )
    return built


@dataclass(frozen=True)
class Judgement:
    topic: Topic
    why: str
    shared: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    # The condition the sentence names and the work does not cover, when that is why it
    # is off_topic: review.py asks PubMed whether it indexes the work under it after all.
    condition: str | None = None
    # The weighed share of the sentence the work covers, when the work was compared.
    coverage: float | None = None


def names(words: list[str], limit: int = 3) -> str:
    """The first `limit` distinct words, as "a, b and c"."""
    unique = list(dict.fromkeys(words))[:limit]
    return ", ".join(unique) if len(unique) < 3 else ", ".join(unique[:-1]) + " and " + unique[-1]


def judge(
    sentence: str,
    subject: Subject | None,
    thresholds: Thresholds = DEFAULT,
    document: Background | None = None,
) -> Judgement:
    """Does `subject` cover what `sentence` (citation markers removed) says? `document`
    weighs the sentence's words against the rest of the citing document."""
    if subject is None:
        return Judgement(Topic.UNKNOWN, "nothing known about the cited work")
    if cites_for_method(sentence):
        return Judgement(Topic.UNKNOWN, "the sentence cites the work for a method, not a finding")
    said = terms(sentence)
    if len(said) < thresholds.min_sentence_terms:
        return Judgement(Topic.UNKNOWN, "the sentence says too little to judge")
    work = profile(subject)
    least = thresholds.min_profile_terms if work.rich else thresholds.min_title_terms
    if len(work.weights) < least:
        return Judgement(Topic.UNKNOWN, "the cited work is described by too little to judge")
    shared: list[Term] = []
    missing: list[Term] = []
    for term in said:
        (shared if work.covers(term) else missing).append(term)
    shared_words = [t.word for t in shared]
    besides_drug = [
        t
        for t in shared
        if t.stem not in work.drugs and not is_condition(t) and not is_intervention(t)
    ]
    sentence_conditions = [t for t in said if is_condition(t)]
    uncovered_conditions = [t for t in sentence_conditions if t in missing]
    work_conditions = [
        c
        for c in work.conditions
        if not any(related(t.stem, s.stem) for s in terms(c) for t in said)
    ]
    if (
        uncovered_conditions
        and work_conditions
        and len(besides_drug) < thresholds.min_shared_besides_drug
    ):
        why = (
            f"the sentence is about {names([t.word for t in uncovered_conditions])}; "
            f"the work is about {names([c.lower() for c in work_conditions])}"
        )
        if shared_words:
            why += f" (shared only: {names(shared_words)})"
        missed = tuple(t.word for t in missing)
        condition = uncovered_conditions[0].word
        return Judgement(Topic.OFF_TOPIC, why, tuple(shared_words), missed, condition)
    weight = weighed(said, document)
    covered = coverage(weight, shared)
    missed = tuple(t.word for t in missing)
    # A title alone leaves out most of what a work covers: sharing no word with it is no
    # sign of a wrong citation.
    if work.rich and covered < thresholds.min_coverage:
        about = work.topics or work.conditions
        telling = sorted(missing, key=lambda t: -weight[t.stem])
        why = f"the sentence is about {names([t.word for t in telling])}"
        why += f"; the work is about {names([a.lower() for a in about])}" if about else ""
        return Judgement(Topic.OFF_TOPIC, why, tuple(shared_words), missed, coverage=covered)
    ranked = sorted(shared, key=lambda t: -_covered(work, t)[0])[:4]
    named = ", ".join(f"{t.word} ({_covered(work, t)[1]})" for t in ranked)
    rich = covered if work.rich else None  # a title alone is no measure of what a work covers
    return Judgement(Topic.MATCHES, f"shared: {named}", tuple(shared_words), missed, coverage=rich)


def weighed(said: list[Term], document: Background | None) -> dict[str, float]:
    """Each of the sentence's terms by stem, weighed against the citing document."""
    return {t.stem: document.weight(t.stem) if document else 1.0 for t in said}


def coverage(weight: Mapping[str, float], covered: list[Term]) -> float:
    """The share of the sentence's weight (`weighed`) its `covered` terms carry."""
    total = sum(weight.values())
    return sum(weight[t.stem] for t in covered) / total if total else 1.0


def _covered(work: Profile, term: Term) -> tuple[float, str]:
    return work.covers(term) or (0.0, "")
