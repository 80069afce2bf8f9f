"""The sentence that cites a work: found around a citation's offset, with the sentence
before it when the citing one continues it ("These effects...", "However, ...").

No language model: sentence ends are '.', '!' or '?' followed by a space and a capital,
a digit or an opening bracket, unless the word before the period is an abbreviation
("et al.", "e.g.", "Fig.", "vs."); a line break between two paragraphs ends one too.
"""

from __future__ import annotations

import re

__all__ = ["cites_for_method", "citing_context", "line_of", "split_sentences", "strip_citations"]

_ABBREVIATIONS = frozenset(
    "al e.g i.e cf fig figs eq eqs vs etc approx ca dr mr mrs ms prof no vol ref refs "
    "resp sp spp st jr sr inc ltd co univ dept".split()
)
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*•·]|\d+[.)])\s)")
# A sentence whose subject is in the one before it ("These effects lasted..."). Connectives
# such as "Additionally," start a claim of their own and do not count.
_CONTINUES = re.compile(
    r"^(?:(?:however|moreover|furthermore|thus|therefore|indeed|in addition),?\s+)?"
    r"(?:this|these|those|such|it|they|their|its|both|the latter|the former)\b",
    re.IGNORECASE,
)
MAX_SENTENCE = 600  # characters: a "sentence" longer than this is a run of text without stops

# In-text citation markers, removed before comparing words with what a work is about.
_MARKERS = re.compile(
    r"\[\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*\]"  # [1], [2-4]
    r"|\((?:[^()]*?\b(?:19|20)\d{2}[a-z]?)(?:[;,][^()]*?)?\)"  # (Fava et al., 2019; ...)
    r"|\b[A-Z][\w'’\-]+(?:\s+(?:and|&)\s+[A-Z][\w'’\-]+|\s+et\s+al\.?)?\s*\((?:19|20)\d{2}[a-z]?\)"
)


# A sentence that cites a work as the source of a method, a protocol or a published text
# ("was determined as described previously [3]", "adapted from Amulen et al. [4]",
# "Following the publication of this article [1], ..."): it borrows a procedure and says
# nothing of what the work found, and the cited abstract rarely names the procedure.
_FOR_METHOD = re.compile(
    r"\bas (?:previously |earlier |originally |already )?(?:described|reported|outlined|detailed)"
    r"|\b(?:described|reported|outlined) (?:previously|before|earlier|elsewhere|in detail"
    r"|in (?:a |an |our |the )?(?:previous|earlier|prior))"
    r"|\baccording to (?:the |a )?(?:methods?|protocols?|procedures?|instructions|manufacturer)"
    r"|\b(?:adapted|modified) from\b"
    r"|\b(?:methods?|protocols?|procedures?|techniques?|assays?) (?:of|from|described|developed"
    r"|reported|proposed|established|used)\b"
    r"|\bsimilar(?:ly)? (?:as|to) (?:in|that (?:of|described))\b"
    r"|\bas in(?:\s*[\[\]).;,]|\s*$|\s+refs?\b)"  # "as in [3]", "as in ." once markers go
    r"|\b(?:publication|erratum|correction) (?:of|to) this article",
    re.IGNORECASE,
)


def cites_for_method(sentence: str) -> bool:
    """Does the sentence cite its work for a method or a text rather than for a finding?"""
    return _FOR_METHOD.search(sentence) is not None


_LAST_WORD = re.compile(r"[\w.]+$")
_LONGEST_WORD = 64  # longer than any abbreviation or initial


def _is_abbreviation(text: str, stop: int) -> bool:
    """Is the '.' at `stop` the end of an abbreviation rather than of a sentence?"""
    if text[stop] != ".":
        return False
    # The word before the stop, looked for in the few characters before it: searching all
    # of text[:stop] would make splitting a whole document quadratic in its length.
    word = _LAST_WORD.search(text, max(0, stop - _LONGEST_WORD), stop)
    if word is None:
        return False
    token = word.group(0).lower().rstrip(".")
    # A lone capital letter is an initial ("R. M. Berman").
    return token in _ABBREVIATIONS or (len(token) == 1 and text[stop - 1].isupper())


def _boundaries(text: str) -> list[int]:
    """Offsets where sentences start (0 included)."""
    starts = {0}
    for match in _END.finditer(text):
        if not _is_abbreviation(text, match.start()):
            starts.add(match.end())
    for match in _PARAGRAPH.finditer(text):
        starts.add(match.end())
    return sorted(starts)


def _sentence_span(text: str, offset: int, starts: list[int]) -> tuple[int, int]:
    begin = max(s for s in starts if s <= offset)
    later = [s for s in starts if s > offset]
    end = later[0] if later else len(text)
    return begin, end


def citing_context(text: str, offset: int) -> tuple[int, str]:
    """(start offset, text) of the sentence holding `offset`, with the previous sentence
    of the same paragraph prepended when this one continues it."""
    window_start = max(0, offset - 3 * MAX_SENTENCE)
    window = text[window_start : offset + 2 * MAX_SENTENCE]
    starts = _boundaries(window)
    local = offset - window_start
    begin, end = _sentence_span(window, local, starts)
    sentence = " ".join(window[begin:end].split())
    if _CONTINUES.match(sentence) and begin > 0:
        previous_begin, _ = _sentence_span(window, begin - 1, starts)
        previous = window[previous_begin:begin]
        # Only within one paragraph (a new paragraph's "This" refers to its heading), and
        # not a sentence that cites works of its own: its claim is theirs.
        if not _PARAGRAPH.search(previous) and strip_citations(previous) == " ".join(
            previous.split()
        ):
            begin = previous_begin
            sentence = " ".join(window[begin:end].split())
    if len(sentence) > MAX_SENTENCE:  # no stops around: keep the words near the citation
        around = " ".join(window[max(begin, local - MAX_SENTENCE // 2) : local + 80].split())
        sentence = around
    return window_start + begin, sentence


def split_sentences(text: str) -> list[str]:
    """The text's sentences, by the same rules as the citing sentence."""
    starts = _boundaries(text)
    ends = [*starts[1:], len(text)]
    return [
        text[start:end] for start, end in zip(starts, ends, strict=True) if text[start:end].strip()
    ]


def line_of(text: str, offset: int) -> int:
    """The 1-based line of a character offset."""
    return text.count("\n", 0, offset) + 1


def strip_citations(sentence: str) -> str:
    """The sentence without its citation markers, which name authors, not topics."""
    return " ".join(_MARKERS.sub(" ", sentence).split())
