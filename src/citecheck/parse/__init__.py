"""Parse one reference entry into fields (authors, title, journal, year, ...).

Design: identifiers (DOI, PMID, URLs) are cut out first, because they can sit anywhere.
What remains is matched against a short table of style patterns (APA/Harvard, Vancouver/
AMA, Nature, MLA, and partial forms), all built from the same named sub-patterns. Every
pattern that matches is scored by how many plausible fields it yields and the best one
wins; fields no pattern found are filled by loose searches. Nothing here raises on odd
input: a reference we cannot read simply has None fields.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from citecheck.model import Entry, Reference
from citecheck.parse.authors import parse_authors
from citecheck.parse.kinds import classify

__all__ = ["parse_authors", "parse_entry"]

_UC = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĢĪĶŁĽŃŇŌŐŒŘŚŞŠŢŤŪŮŰŽŹŻ"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_OPEN_Q = "\"“„«‘'"
_CLOSE_Q = "\"”»’'"

# ---- identifiers and noise, removed before style matching --------------------------
_DOI = re.compile(
    r"(?:https?://(?:dx\.)?doi\.org/|\bdoi\s*:?\s*|\bDOI\s*:?\s*)?(10\.\d{4,9}/[^\s\"<>]+)",
    re.IGNORECASE,
)
_PMID = re.compile(r"\bPMID\s*:?\s*(\d{1,9})\b\.?", re.IGNORECASE)
_NOISE = re.compile(
    r"\bPMCID\s*:?\s*PMC\d+\.?|\[(?:PubMed|PMC free article|CrossRef|Google Scholar|DOI)\]"
    r"|\[?Epub ahead of print\]?\.?|\bEpub\s+(?:19|20)\d{2}(?:\s+\w{3})?(?:\s+\d{1,2})?\.?"
    r"|\(?(?:Retrieved|Accessed)\b[^()]*?(?:19|20)\d{2}\)?\.?"
    r"|(?:Available\s+(?:from|at)\s*:?\s*|Retrieved\s+from\s*)?<?https?://\S+>?",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+")
_MARKER = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)](?=\s)|[•·▪◦‣●\-*–])\s*")

# ---- shared sub-patterns --------------------------------------------------------------
_YEAR = r"(?P<year>1[89]\d{2}|20\d{2})[a-z]?"
_YEAR_PAREN = rf"\(\s*{_YEAR}(?:\s*[,;][^)]{{0,40}})?\s*\)"
_PAGE = r"[A-Za-z]{0,2}\d+[A-Za-z]?"
_PAGES = rf"(?P<pages>{_PAGE}(?:\s*[-{_DASHES}]\s*{_PAGE})?)"
_ISSUE = r"(?:\s*\((?P<issue>[^()]{1,25})\))"
_VOLUME = r"(?P<volume>\d+[A-Za-z]?|[A-Z]?\d+)"
# volume(issue), pages  |  volume(issue):pages  |  volume (issue): pp. pages
_VIP = rf"{_VOLUME}{_ISSUE}?\s*(?:[,:]\s*(?:pp?\.\s*)?{_PAGES})?"
_TITLE = (
    rf"(?:[{_OPEN_Q}](?P<title_q>[^{_OPEN_Q}{_CLOSE_Q}].*?)[.,]?[{_CLOSE_Q}][.,]?"
    r"|(?P<title>[^\"“”]+?[.?!]))"
)
# A quoted title, the closing quote after or before its final comma or period.
_QTITLE = rf"[{_OPEN_Q}](?P<title_q>[^{_OPEN_Q}{_CLOSE_Q}].*?)[.,]?[{_CLOSE_Q}][.,]?"
# Journal words: abbreviations ending in "." must be capitalised ("Nat. Neurosci."),
# so a lowercase sentence end ("... patients.") is never taken as part of a journal.
_JWORD = rf"(?:[{_UC}][A-Za-z]*\.|[\w&][\w'’&\-]*)"
# Journal names may hold commas and colons before a word ("Journal of Neurology,
# Neurosurgery, and Psychiatry"; "Journal of the Royal Statistical Society: Series B").
_JSEP = r"(?:\s+|[,:]\s+(?=[A-Za-z])(?!(?:vol|no|pp?)\.))"
_JOURNAL = rf"(?P<journal>{_JWORD}(?:{_JSEP}{_JWORD}){{0,14}}(?:\s*\([{_UC}][\w .]*\))?)"
# Author lists as the styles write them.
_AUTHORS_ANY = r"(?P<authors>[^()]+?)"
_AUTHORS_VANC = r"(?P<authors>[^.()]+?(?:,?\s*et\s+al)?)\."
_INITS = rf"[{_UC}][a-z]?\.(?:\s?-?\s?[{_UC}][a-z]?\.)*"
_FAMILY = r"[^\W\d][\w'’\-]*(?:\s[^\W\d][\w'’\-]*){0,3}?"
_NAME_INIT = rf"{_FAMILY},\s*{_INITS}"
_AUTHORS_INIT = (
    rf"(?P<authors>{_NAME_INIT}(?:(?:,\s*(?:&\s*|and\s+)?|\s*&\s*|\s+and\s+){_NAME_INIT})*"
    r"(?:,?\s*et\s+al\.)?)"
)
_TAIL = r"[.,;]?\s*(?P<rest>.*)$"

# Each style is (name, pattern, prefilter). The prefilter is a cheap search for what the
# style cannot do without; it skips hopeless patterns, whose nested lazy groups could
# otherwise backtrack for a long time on long, odd entries.
_PAREN_YEAR = r"\(\s*(?:1[89]|20)\d\d"
_STYLES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern), re.compile(prefilter))
    for name, pattern, prefilter in (
        # APA / Harvard / Chicago author-date / the example page's style.
        (
            "author-year",
            rf"^{_AUTHORS_ANY}[.,]?\s*{_YEAR_PAREN}[.,]?\s*{_TITLE}\s*{_JOURNAL}[,.]?\s+{_VIP}"
            + _TAIL,
            _PAREN_YEAR,
        ),
        (
            "author-year-bare",
            rf"^{_AUTHORS_ANY}[.,]?\s+{_YEAR}\.\s+{_TITLE}\s*{_JOURNAL}[,.]?\s+{_VIP}{_TAIL}",
            r"\.\s+(?:1[89]|20)\d\d[a-z]?\.",
        ),
        # Vancouver / NLM / AMA: "Journal. 2000 Feb 15;47(4):351-4."
        (
            "vancouver",
            rf"^{_AUTHORS_VANC}\s+{_TITLE}\s+{_JOURNAL}\.?\s+{_YEAR}(?:\s+[A-Za-z]{{3,9}}"
            rf"(?:\s+\d{{1,2}})?(?:\s*-\s*[A-Za-z]{{3,9}})?)?\s*(?:[;:]\s*{_VIP})?{_TAIL}",
            r"(?:1[89]|20)\d\d",
        ),
        # Nature: "Title. Science 329, 959-964 (2010)."
        (
            "nature",
            rf"^{_AUTHORS_INIT}\s+{_TITLE}\s+{_JOURNAL}\s+{_VOLUME}{_ISSUE}?,\s*{_PAGES}\s*"
            rf"{_YEAR_PAREN}{_TAIL}",
            _PAREN_YEAR,
        ),
        # MLA: "Title." Journal, vol. 47, no. 4, 2000, pp. 351-354.
        (
            "mla",
            rf"^{_AUTHORS_ANY}\.\s+[\"“](?P<title_q>[^\"“”]+)[\"”]\s*{_JOURNAL},\s*vol\.\s*{_VOLUME}"
            rf"(?:,\s*no\.\s*(?P<issue>[\w-]+))?,\s*(?:[^,]*?\s)?{_YEAR},\s*pp?\.\s*{_PAGES}"
            + _TAIL,
            r"\bvol\.\s*\w",
        ),
        # IEEE: R. M. Berman et al., "Title," Biol. Psychiatry, vol. 47, no. 4, pp. 351-354, 2000.
        (
            "ieee",
            rf"^{_AUTHORS_ANY},\s*{_QTITLE}\s*{_JOURNAL},\s*vol\.\s*{_VOLUME}"
            rf"(?:,\s*no\.\s*(?P<issue>[\w-]+))?,\s*(?:pp?\.|Art\.\s*no\.)\s*{_PAGES},\s*"
            rf"(?:[A-Z][a-z]{{2,8}}\.?(?:\s+\d{{1,2}})?,?\s+)?{_YEAR}{_TAIL}",
            r"\bvol\.\s*\w",
        ),
        # Chicago notes-bibliography: ... "Title." Journal 47, no. 4 (2000): 351-54.
        (
            "chicago-nb",
            rf"^{_AUTHORS_ANY}\.\s+{_QTITLE}\s*{_JOURNAL}\s+{_VOLUME}"
            rf"(?:,\s*no\.\s*(?P<issue>[\w-]+))?\s*\((?:[A-Z][a-z]+\.?\s+)?{_YEAR}\)\s*:\s*"
            rf"{_PAGES}{_TAIL}",
            r"\((?:[A-Z][a-z]+\.?\s+)?(?:1[89]|20)\d\d\)\s*:",
        ),
        # Chicago author-date: Family, Given. 2000. "Title." Journal 47 (4): 351-54.
        (
            "chicago-ad",
            rf"^{_AUTHORS_ANY}\.\s+{_YEAR}\.\s+{_TITLE}\s*{_JOURNAL}\s+{_VOLUME}"
            rf"(?:\s*\((?P<issue>[^()]{{1,25}})\))?\s*:\s*{_PAGES}{_TAIL}",
            r"\.\s+(?:1[89]|20)\d\d[a-z]?\.",
        ),
        # Wikipedia's cite journal: Names (February 2000). "Title". Journal. 47 (4): 351-4.
        (
            "wikipedia",
            rf"^{_AUTHORS_ANY}\s*\((?:\d{{1,2}}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{{1,2}},?\s+)?"
            rf"{_YEAR}\)\.?\s*{_QTITLE}\s*{_JOURNAL}\.\s*{_VOLUME}"
            rf"(?:\s*\((?P<issue>[^()]{{1,25}})\))?\s*:\s*{_PAGES}{_TAIL}",
            r"\(\w*\s*(?:1[89]|20)\d\d\)\.?\s*[\"“]",
        ),
        # Science: N. Li et al., Science 329, 959 (2010).
        (
            "science",
            rf"^(?P<authors>(?:{_INITS}\s*{_FAMILY}(?:,\s*(?:and\s+)?)?)+(?:\s*et\s+al\.)?),"
            rf"\s*{_JOURNAL}\s+{_VOLUME},\s*{_PAGES}\s*{_YEAR_PAREN}{_TAIL}",
            _PAREN_YEAR,
        ),
        # Partial forms: the start of an entry whose end is missing or unusual.
        ("ieee-title", rf"^{_AUTHORS_ANY},\s*{_QTITLE}{_TAIL}", r"[\"“]"),
        (
            "author-year-title",
            rf"^{_AUTHORS_ANY}[.,]?\s*{_YEAR_PAREN}[.,]?\s*{_TITLE}{_TAIL}",
            _PAREN_YEAR,
        ),
        ("author-year-only", rf"^{_AUTHORS_ANY}[.,]?\s*{_YEAR_PAREN}{_TAIL}", _PAREN_YEAR),
        ("initials-title", rf"^{_AUTHORS_INIT}\s+{_TITLE}{_TAIL}", r"\."),
        ("vancouver-title", rf"^{_AUTHORS_VANC}\s+{_TITLE}{_TAIL}", r"\."),
    )
)

# Entries longer than this are pasted prose or a run-together list, not one reference.
_MAX_STYLED = 2500

# ---- loose searches that fill what no style found ----------------------------------
_ANY_YEAR = re.compile(
    r"\((1[89]\d{2}|20\d{2})[a-z]?\)|(?<![\d/.:])(1[89]\d{2}|20\d{2})[a-z]?"
    r"(?=\s*[;.,)]|\s+[A-Z][a-z]{2}\b|$)"
)
_ANY_VIP = re.compile(rf"\b{_VOLUME}{_ISSUE}?\s*[:,]\s*(?:pp?\.\s*)?{_PAGES}\b")


def parse_entry(entry: Entry) -> Reference:
    """The fields of one reference entry; unknown fields are None, never an exception."""
    text = " ".join(entry.raw.split())
    text = _MARKER.sub("", text, count=1)
    doi, text = _take_doi(text)
    pmid_match = _PMID.search(text)
    pmid = pmid_match.group(1) if pmid_match else None
    text = _PMID.sub(" ", text)
    text = _NOISE.sub(" ", text)
    text = re.sub(r"\s*(?:\.\s*){2,}$", ".", " ".join(text.split()))
    text = re.sub(r"\s+([.,;:])", r"\1", text).strip(" ,;")
    text = re.sub(r"(?<![.])\.\.(?!\.)", ".", text)  # "Laemmli, Ulrich K.. 1970."

    fields = _best_style(text)
    authors, et_al = parse_authors(fields.get("authors") or "")
    year = fields.get("year") or _search_year(text)
    volume, issue, pages = fields.get("volume"), fields.get("issue"), fields.get("pages")
    if not (volume or pages):
        vip = _ANY_VIP.search(text)
        if vip:
            volume, issue, pages = vip.group("volume"), vip.group("issue"), vip.group("pages")
    return Reference(
        index=entry.index,
        raw=entry.raw,
        line=entry.line,
        kind=classify(entry.raw),
        authors=authors,
        et_al=et_al,
        title=_clean_title(fields.get("title_q") or fields.get("title")),
        journal=_clean_journal(fields.get("journal")),
        year=int(year) if year else None,
        volume=volume,
        issue=issue.strip() if issue else None,
        pages=_clean_pages(pages),
        doi=doi,
        pmid=pmid,
    )


def _take_doi(text: str) -> tuple[str | None, str]:
    text = _URL.sub(lambda url: unquote(url.group(0)), text)  # ".../10.1000%2Fabc"
    match = _DOI.search(text)
    if not match:
        return None, text
    doi = unquote(match.group(1)).rstrip(".,;]>")
    # A DOI may contain parentheses ("...(99)00230-9"); a closing one without its
    # opening one belongs to the text around it.
    while doi.endswith(")") and doi.count(")") > doi.count("("):
        doi = doi[:-1].rstrip(".,;")
    end = match.start(1) + len(doi)
    return doi.lower(), text[: match.start()] + " " + text[end:].lstrip(".")


def _best_style(text: str) -> dict[str, str]:
    best: dict[str, str] = {}
    best_score = 0.0
    if len(text) > _MAX_STYLED:
        return best  # not a sane reference; the loose searches still run
    for _name, pattern, prefilter in _STYLES:
        if not prefilter.search(text):
            continue
        match = pattern.match(text)
        if not match:
            continue
        fields = {k: v for k, v in match.groupdict().items() if v}
        score = _score(fields)
        if score > best_score:
            best, best_score = fields, score
    return best


def _score(fields: dict[str, str]) -> float:
    """How plausible a style's reading is: more fields, and each field well-formed."""
    score = 0.0
    authors, _ = parse_authors(fields.get("authors", ""))
    if authors and len(fields.get("authors", "")) < 600:
        score += 1 + 0.5 * all(" " in a for a in authors)
    title = fields.get("title_q") or fields.get("title") or ""
    if len(title.split()) >= 2:
        score += 1.5 if fields.get("title_q") else 1
    journal = fields.get("journal", "")
    if journal and len(journal) <= 120 and not journal[0].islower():
        score += 1
    for key in ("year", "volume", "pages"):
        score += key in fields
    score += 0.25 * ("issue" in fields)
    # The unmatched remainder should be short: a long one means the style fitted badly.
    score -= min(len(fields.get("rest", "")) / 80, 2)
    return score


def _search_year(text: str) -> str | None:
    match = _ANY_YEAR.search(text)
    return (match.group(1) or match.group(2)) if match else None


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = title.strip().strip(_OPEN_Q + _CLOSE_Q).strip()
    title = title.rstrip(" .,")
    # A "title" without a word in it is a year or a number the style table took for one.
    return title if re.search(r"[^\W\d_]{2}", title) else None


def _clean_journal(journal: str | None) -> str | None:
    if not journal:
        return None
    journal = journal.strip().rstrip(" .,")
    return journal or None


def _clean_pages(pages: str | None) -> str | None:
    if not pages:
        return None
    return re.sub(rf"\s*[-{_DASHES}]\s*", "-", pages.strip())
