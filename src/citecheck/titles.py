"""Titles: how close two are (to identify a work) and whether they are the same (exact).

Two questions with two answers. A similarity (0..1) says whether a record can be the
cited work at all; it forgives a lot (a word changed, a subtitle left out). Exactness
says whether the citation gives the work's title right: the same words, up to case,
accents, punctuation, spacing and hyphenation ("Pre-training" = "Pretraining"), British or
American spelling and a typo inside a long word ("depresed"), a leading article, or a
subtitle left out. A word changed, added or dropped, a number or a plural changed, is not
the same title: "... Variational Reasoning" cited for "... Variational Inference" is
reported, with both titles.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from citecheck.normalize import fold

# A subtitle may be left out when what remains still names the work: 4 words or more.
MAIN_TITLE_WORDS = 4
ARTICLES = frozenset({"a", "an", "the"})
# A typo is one slip (a letter missing, extra, wrong or two swapped) inside a word of at
# least this many letters; shorter words change meaning with one letter ("gan"/"gnn").
TYPO_WORD = 5
MIN_IN_TEXT = 3


def title_similarity(cited: str, found: str) -> float:
    """0..1; the best of the whole titles and of their main titles (before a subtitle)."""
    a, b = fold(cited), fold(found)
    if not a or not b:
        return 0.0
    scores = [fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)]
    # A subtitle left out on one side only: compare that side with the other's main
    # title, if the main title is long enough to identify a paper on its own.
    for whole, other in ((cited, found), (found, cited)):
        main = _main_title(whole, other)
        if main:
            scores.append(fuzz.ratio(fold(whole), main))
    return max(scores) / 100


def _main_title(whole: str, other: str) -> str | None:
    """`other`'s title before its subtitle, when `whole` has none and it is long enough."""
    if ":" in whole or ":" not in other:
        return None
    main = fold(other.split(":")[0])
    return main if len(main.split()) >= MAIN_TITLE_WORDS else None


def _typo(cited: str, found: str) -> bool:
    """One slip inside a long word, not at its end (an 's' added or dropped at the end is a
    plural, another word); digits never."""
    if not (cited.isalpha() and found.isalpha()) or min(len(cited), len(found)) < TYPO_WORD:
        return False
    if cited[-1] != found[-1] or cited[0] != found[0]:
        return False
    return DamerauLevenshtein.distance(cited, found) <= 1


def _same_words(cited: list[str], found: list[str]) -> bool:
    if "".join(cited) == "".join(found):  # spacing and hyphenation only
        return True
    blocks = SequenceMatcher(None, cited, found, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in blocks:
        if tag == "equal":
            continue
        left, right = cited[i1:i2], found[j1:j2]
        if "".join(left) == "".join(right):
            continue
        if tag == "replace" and len(left) == len(right) == 1 and _typo(left[0], right[0]):
            continue
        # A leading article: "The Power of ..." cited as "Power of ...".
        if i1 == 0 and j1 == 0 and set(left + right) <= ARTICLES:
            continue
        return False
    return True


def same_title(cited: str, found: str) -> bool:
    """Is the cited title the work's title (see the module's docstring)?"""
    a, b = fold(cited).split(), fold(found).split()
    if not a or not b:
        return False
    if _same_words(a, b):
        return True
    for whole, other in ((cited, found), (found, cited)):
        main = _main_title(whole, other)
        if main and _same_words(fold(whole).split(), main.split()):
            return True
    return False


def title_in(title: str, text: str) -> bool:
    """Does the text (a whole reference string) contain this title, word for word?

    The record's title found inside the raw reference means the citation gives it, even
    when parsing put the title's end in the wrong place. A title of fewer than
    MIN_IN_TEXT words ("Deep learning") says too little: it occurs in other titles."""
    words = fold(title)
    return len(words.split()) >= MIN_IN_TEXT and f" {words} " in f" {fold(text)} "
