"""How much a word of a citing sentence tells about which work it cites, weighed against
the citing document itself.

A word most sentences of the document use ("rice" in a rice paper, "ketamine" on a
ketamine clinic page) is the document's field: any work the document cites is likely to
share it, so sharing it says little; a word few of its sentences use is what this sentence
is about. This is inverse document frequency (Spärck Jones, "A statistical interpretation
of term specificity", 1972) with the document's own sentences as the collection: nothing
downloaded, no corpus shipped, only the document at hand.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from citecheck.claims.sentences import split_sentences
from citecheck.claims.terms import terms

__all__ = ["Background", "background"]

# Below this many sentences a document says too little about its own field: every word
# weighs the same.
MIN_SENTENCES = 8


@dataclass(frozen=True, eq=False)
class Background:
    """How many of the citing document's sentences use each term (by stem)."""

    sentences: int = 0
    counts: Mapping[str, int] = field(default_factory=dict)

    def weight(self, stem: str) -> float:
        """1 for a word used once, falling towards 0 as more of the sentences use it."""
        total = self.sentences
        if total < MIN_SENTENCES:
            return 1.0
        used = min(self.counts.get(stem, 0), total)
        return max(0.0, math.log((total + 1) / (used + 0.5)) / math.log(total + 1))


def background(text: str) -> Background:
    """The term counts of a document's sentences."""
    counts: Counter[str] = Counter()
    total = 0
    for sentence in split_sentences(text):
        stems = {term.stem for term in terms(sentence)}
        if stems:
            total += 1
            counts.update(stems)
    return Background(total, counts)
