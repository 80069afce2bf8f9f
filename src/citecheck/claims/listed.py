"""Is another work of the same reference list what the sentence meant to cite?

A slip of a reference number or of an author's name cites a real, relevant-looking work
for what its neighbour in the list found. Such a sentence often shares a word or two with
the work it cites (the field: a rice paper's sentences all share "rice" with its rice
references), enough not to look off topic on its own; but another work of the same list
covers far more of it. Far more, because a long list always holds some work that shares a
little more by chance: at least `better_ratio` times the weighed share of the sentence the
cited work covers, and `better_margin` more (topic.Thresholds; chosen so that a list of
twenty works, most of them unrelated, adds no false alarm on the labelled set:
bench/claims.py).

Works the same sentence also cites are no alternative: the sentence may need all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from citecheck.claims.terms import terms
from citecheck.claims.topic import (
    DEFAULT,
    Judgement,
    Thresholds,
    coverage,
    names,
    profile,
    weighed,
)
from citecheck.claims.weights import Background
from citecheck.model import Subject, Topic

__all__ = ["Listed", "better_listed"]


@dataclass(frozen=True)
class Listed:
    """Another work of the list, as a report names it ("Smith 2019", "entry 7")."""

    label: str
    subject: Subject


def better_listed(
    sentence: str,
    judgement: Judgement,
    others: Sequence[Listed],
    document: Background | None = None,
    thresholds: Thresholds = DEFAULT,
) -> Judgement:
    """`judgement` of `sentence` (citation markers removed) against its cited work, turned
    off_topic when one of `others` covers the sentence far better; else unchanged."""
    own = judgement.coverage
    if judgement.topic is not Topic.MATCHES or own is None or own >= thresholds.better_ceiling:
        return judgement
    said = terms(sentence)
    weight = weighed(said, document)
    best: tuple[float, Listed, list[str]] | None = None
    for other in others:
        work = profile(other.subject)
        if not work.rich:
            continue
        shared = [t for t in said if work.covers(t)]
        share = coverage(weight, shared)
        if best is None or share > best[0]:
            best = (share, other, [t.word for t in sorted(shared, key=lambda t: -weight[t.stem])])
    if best is None:
        return judgement
    share, other, words = best
    if share < thresholds.better_ratio * own or share - own < thresholds.better_margin:
        return judgement
    why = (
        f"the sentence is about {names(words)}: {other.label}, in the same list, covers "
        f"{share:.0%} of what it says, this work {own:.0%}"
    )
    return replace(judgement, topic=Topic.OFF_TOPIC, why=why)
