"""Small text helpers shared by the resolvers and the matcher: no I/O, no state."""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_PAGE_PART = re.compile(r"^([A-Za-z]*)(\d+)([A-Za-z]*)$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


# Letters NFKD does not decompose into a base letter and an accent.
_SPECIAL = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE", "đ": "d"}
)


# LaTeX that reaches titles from BibTeX ("$\\varepsilon$-Accurate", "{\\em Deep} nets"):
# Greek letters become the letters services print; other commands and braces go.
_GREEK = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma "
    "tau upsilon phi chi psi omega"
).split()
_LATEX_LETTERS = {
    **{name: chr(0x3B1 + i + (1 if i >= 17 else 0)) for i, name in enumerate(_GREEK)},
    **{name.capitalize(): chr(0x391 + i + (1 if i >= 17 else 0)) for i, name in enumerate(_GREEK)},
    "varepsilon": "ε",
    "vartheta": "θ",
    "varphi": "φ",
    "varrho": "ρ",
    "varsigma": "ς",
    "ell": "ℓ",
}
_LATEX_COMMAND = re.compile(r"\\([A-Za-z]+)\s*|\\[^A-Za-z\s]")


def delatex(text: str) -> str:
    """'$\\varepsilon$-Accurate' -> 'ε-Accurate'; '{\\em Deep}' -> 'Deep'."""
    if "\\" not in text and "$" not in text:
        return text
    text = _LATEX_COMMAND.sub(lambda m: _LATEX_LETTERS.get(m.group(1) or "", ""), text)
    return text.replace("$", "").replace("{", "").replace("}", "")


# Remembered: the matcher folds the same titles and names for every candidate of every
# citation (a fifth of a 10,000-page audit's time); 8,192 strings of reference size.
@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lowercase, strip accents and punctuation, collapse spaces: 'Müller-Lüdenscheidt, K.'
    becomes 'muller ludenscheidt k'; 'Østergaard' 'ostergaard'."""
    decomposed = unicodedata.normalize("NFKD", delatex(text).translate(_SPECIAL))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


def initials(given: str) -> str:
    """'Ronald M.' -> 'RM'; 'Rong-Jian' -> 'RJ'; 'J. H.' -> 'JH'."""
    return "".join(part[0].upper() for part in re.split(r"[\s.\-]+", given) if part)


def author_label(family: str, given: str | None) -> str:
    """The "Family Initials" form used throughout (and by PubMed): 'Berman RM'."""
    letters = initials(given or "")
    return f"{family} {letters}".strip()


def family_name(author: str) -> str:
    """The family name of a "Family Initials" author: 'van der Berg J' -> 'van der Berg'."""
    parts = author.split()
    if len(parts) > 1 and parts[-1].isupper() and len(parts[-1]) <= 4:
        parts = parts[:-1]
    return " ".join(parts)


_ARXIV_VERSION = re.compile(r"^(10\.48550/arxiv\.\S+?)v\d+$")


def clean_doi(doi: str | None) -> str | None:
    """Lowercase, without a doi.org/`doi:` prefix or trailing punctuation; an arXiv DOI
    without a version suffix (arXiv registers 10.48550/arXiv.2106.01234 for all versions,
    so "...01234v2" names nothing at DataCite)."""
    if not doi:
        return None
    value = _DOI_PREFIX.sub("", doi.strip()).rstrip(".,;").lower()
    return _ARXIV_VERSION.sub(r"\1", value) or None


# Cell Press and others number a supplement's pages after the article's last page:
# "1308-1309.e1" (the article runs 1308-1309; e1 on are supplementary pages).
_SUPPLEMENT_PAGES = re.compile(r"(?<=\d)\.e\d+$", re.IGNORECASE)


def page_bounds(pages: str | None) -> tuple[str, str | None] | None:
    """First and last page, with MEDLINE-style abbreviations expanded.

    '351-4' -> ('351', '354'); '959–964' -> ('959', '964'); 'S12-5' -> ('S12', 'S15');
    'e0123' -> ('e0123', None); '1308-1309.e1' -> ('1308', '1309'). None when there is
    nothing page-like.
    """
    if not pages:
        return None
    parts = [_SUPPLEMENT_PAGES.sub("", p) for p in re.split(r"\s*[-‐‑‒–—]+\s*", pages.strip()) if p]
    if not parts:
        return None
    first = parts[0]
    if len(parts) == 1:
        return first, None
    last = parts[-1]
    first_match, last_match = _PAGE_PART.match(first), _PAGE_PART.match(last)
    if first_match and last_match:
        prefix, first_digits, _ = first_match.groups()
        last_prefix, last_digits, suffix = last_match.groups()
        if len(last_digits) < len(first_digits):
            last_digits = first_digits[: len(first_digits) - len(last_digits)] + last_digits
        last = f"{last_prefix or prefix}{last_digits}{suffix}"
    return first, last


def full_pages(pages: str | None) -> str | None:
    """A page range written out in full: '351-4' -> '351-354'."""
    bounds = page_bounds(pages)
    if bounds is None:
        return None
    first, last = bounds
    return f"{first}-{last}" if last and last != first else first
