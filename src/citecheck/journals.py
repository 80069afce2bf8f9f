"""Is a cited journal name the same journal as a record's?

Citations name journals in full ("Biological Psychiatry"), by their ISO 4 / MEDLINE
abbreviation ("Biol Psychiatry", "Proc Natl Acad Sci U S A") or somewhere between.
An abbreviation matches a full title when, word by word, each abbreviated word starts
with the same letter as the full word and its letters appear in it in order
("Natl" ~ "National"), after dropping the small words abbreviations leave out.
"Arch Gen Psychiatry" is then not "Biological Psychiatry": a different journal.
A bracketed qualifier is not part of the name, and "The Lancet. Infectious diseases" is
"Lancet Infect Dis" (the article and the full stop go).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from citecheck.normalize import fold

# Words that ISO 4 abbreviations omit (articles, conjunctions, prepositions; not
# a lone 'a', which is a word of 'U S A') in the
# languages journal titles commonly use.
OMITTED = frozenset(
    "the of and for in on at to with from by de la le les du des et der die das "
    "und fur für y del della di il".split()
)

# ISO 4 contractions that drop inner letters are short: Natl, Intl, Assoc, Psychol.
MAX_CONTRACTION = 7


# A qualifier in brackets that services add to a journal's name: PubMed's place of
# publication ("Methods in molecular biology (Clifton, N.J.)"), a popular name
# ("Journal für die reine und angewandte Mathematik (Crelles Journal)").
_QUALIFIER = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*")


def _words(name: str) -> list[str]:
    name = _QUALIFIER.sub(" ", name) if _QUALIFIER.sub(" ", name).strip() else name
    return [w for w in fold(name.replace("&", " and ")).split() if w not in OMITTED]


def _abbreviates(short: str, full: str) -> bool:
    """'biol' abbreviates 'biological' (a prefix); 'natl' abbreviates 'national' (a short
    contraction: same first letter, letters in order). A long word must be a prefix, so
    that 'neurology' does not abbreviate 'neuroradiology'."""
    if not short or short[0] != full[0] or len(short) > len(full):
        return False
    if full.startswith(short):
        return True
    if len(short) > MAX_CONTRACTION:
        return False
    position = 0
    for letter in short:
        position = full.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def _same_name(cited: str, known: str) -> bool:
    cited_words, known_words = _words(cited), _words(known)
    if not cited_words or len(cited_words) != len(known_words):
        return False
    if cited_words == known_words:
        return True
    return all(
        _abbreviates(c, k) or _abbreviates(k, c)
        for c, k in zip(cited_words, known_words, strict=True)
    )


def same_journal(cited: str, names: Iterable[str]) -> bool:
    """True if the cited name is, or abbreviates, any of the record's journal names."""
    return any(_same_name(cited, name) for name in names if name)
