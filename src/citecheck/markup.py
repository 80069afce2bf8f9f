"""Plain text out of the markup that services put inside record fields.

Real Crossref records carry HTML (`<i>`, `<sub>`, `<scp>`), JATS (`<jats:italic>`) and
MathML (`<mml:math>...`) inside titles, entities such as `&amp;` in journal names, and
newlines with indentation where a publisher wrapped a long title; PubMed's ESummary escapes
its markup once more (`&lt;i&gt;`). Reports and the matcher want the words: tags go, their
text stays, duplicated forms of a formula (a TeX annotation next to the MathML) go with
their text, entities are decoded, and runs of whitespace become one space.

Only names that are markup are treated as tags (HTML inline and block elements, JATS,
MathML, and any namespaced `prefix:name`), so a title such as "p<0.05 and q>1" keeps its
comparison signs.
"""

from __future__ import annotations

import html
import re

# HTML elements that publishers use inside titles.
_HTML = (
    "a abbr b big br cite code del dfn div em font i ins kbd mark p q s samp small span "
    "strike strong sub sup tt u var sc scp wbr"
)
# JATS inline elements (JATS 1.3 tag library, "Formatting" and "Inline" classes).
_JATS = (
    "bold italic monospace overline roman sans-serif underline inline-formula "
    "disp-formula alternatives tex-math named-content styled-content ext-link xref "
    "title label fn inline-graphic break"
)
# MathML presentation elements (MathML 3, chapter 3).
_MATHML = (
    "math mi mn mo ms mtext mspace mrow mfrac msqrt mroot mstyle merror mpadded mphantom "
    "mfenced menclose msub msup msubsup munder mover munderover mmultiscripts mprescripts "
    "none mtable mtr mtd mlabeledtr semantics annotation annotation-xml maligngroup "
    "malignmark"
)
_NAMES = "|".join(
    sorted({re.escape(n) for n in f"{_HTML} {_JATS} {_MATHML}".split()}, key=len, reverse=True)
)
# A tag: `<name ...>`, `</name>`, `<name/>`, where the name is markup or has a namespace.
_TAG = re.compile(
    rf"</?(?:[A-Za-z][\w.-]*:[A-Za-z][\w.-]*|(?:{_NAMES}))(?=[\s/>])(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
# Second spellings of a formula, dropped with their content: the MathML keeps the text.
_DUPLICATES = re.compile(
    r"<((?:[\w.-]+:)?(?:annotation|annotation-xml|tex-math))(?=[\s>])[^<>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
# Elements that separate words when they start or end (a line break, a paragraph).
_BREAKS = re.compile(
    r"<(?:[\w.-]+:)?(?:br|p|div|break|title)(?=[\s/>])[^<>]*/?>"
    r"|</(?:[\w.-]+:)?(?:p|div|title)\s*>",
    re.IGNORECASE,
)
# Anything to do at all: a tag or entity, or whitespace other than single spaces.
_MARKUP_HINT = re.compile(r"[<&]|[^\S ]|  |^ | $")
ROUNDS = 3  # entities inside entities (`&amp;lt;i&amp;gt;`): decode at most this deep


def clean_text(value: str) -> str:
    """The readable text of a field value: tags and duplicate formulas removed, entities
    decoded, whitespace collapsed (see the module docstring)."""
    if not _MARKUP_HINT.search(value):
        return value
    text = value
    for _ in range(ROUNDS):
        before = text
        text = _DUPLICATES.sub("", text)
        text = _BREAKS.sub(" ", text)
        text = _TAG.sub("", text)
        if "&" in text:
            text = html.unescape(text)
        if text == before:
            break
    return " ".join(text.split())


def clean_optional(value: str | None) -> str | None:
    """clean_text for an optional field; an empty result is None."""
    if value is None:
        return None
    return clean_text(value) or None
