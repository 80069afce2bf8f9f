"""Parse one reference entry into fields (authors, title, journal, year, ...).

Design: identifiers (DOI, PMID, URLs) are cut out first, because they can sit anywhere,
with notes that are not part of the reference (correction notices, "Published online",
database ids) and the spaces hurried lists drop are put back. What remains is matched
against the short table of style patterns in styles.py (APA/Harvard, Vancouver/AMA/BMC,
Nature, MLA, ABNT, and partial forms), all built from the same named sub-patterns. Every
pattern that matches is scored by how many plausible fields it yields and the best one
wins; fields no pattern found are filled by loose searches. Nothing here raises on odd
input: a reference we cannot read simply has None fields.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from urllib.parse import unquote

from citecheck.model import Entry, Reference
from citecheck.parse.authors import parse_authors
from citecheck.parse.guided import reparse_with
from citecheck.parse.kinds import classify
from citecheck.parse.styles import ANY_VIP, CLOSE_Q, DASHES, OPEN_Q, STYLES
from citecheck.parse.venues import NO_VENUE, arxiv_id, venue_fields

__all__ = ["parse_authors", "parse_entry", "reparse_with"]


# ---- identifiers and noise, removed before style matching --------------------------
_DOI = re.compile(
    r"(?:https?://(?:dx\.)?doi\.org/|\bdoi\s*:?\s*|\bDOI\s*:?\s*)?(10\.\d{4,9}/[^\s\"<>]+)",
    re.IGNORECASE,
)
_PMID = re.compile(r"\bPMID\s*:?\s*(\d{1,9})\b\.?", re.IGNORECASE)
_NOISE = re.compile(
    r"\bPMCID\s*:?\s*PMC\d+\.?|\[(?:PubMed|PMC free article|CrossRef|Google Scholar|DOI)\]"
    r"|\[?Epub ahead of print\]?\.?|\bEpub\s+(?:19|20)\d{2}(?:\s+\w{3})?(?:\s+\d{1,2})?\.?"
    r"|\(?(?:Retrieved|Accessed)\b[^()]{0,80}?(?:19|20)\d{2}\)?\.?"
    r"|(?:Available\s+(?:from|at)\s*:?\s*|Retrieved\s+from\s*)?<?https?://\S+>?"
    # Notes about the article, not parts of it: corrections, dates online, database ids.
    r"|\[(?:published\s+)?(?:correction|erratum|retraction|retracted|corrected)\b[^\]]{0,300}\]"
    r"|\b(?:Erratum|Retraction|Corrected and republished) in\s*:.*$"
    r"|\b(?:Published(?:\s+online)?|eCollection)\s*:?\s+(?:(?:\d{1,2}|[A-Z][a-z]{2,8}\.?),?\s+)"
    r"{0,3}(?:19|20)\d\d(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?\.?"
    r"|\bBibcode\s*:\s*\S+|\b(?:S2CID|JSTOR)\s*:?\s*\d+\.?|\bPMC\s*\d{5,8}\b\.?"
    r"|\s*\((?:PDF|HTML|Abstract|Full text)\)",
    re.IGNORECASE,
)
# The noise pattern cannot match without one of these (a cheap test that skips it).
_NOISE_WORDS = (
    "pmc", "pubmed", "crossref", "scholar", "doi]", "epub", "retrieved", "accessed", "available",
    "http", "correct", "erratum", "retract", "published", "ecollection", "bibcode", "s2cid",
    "jstor", "(pdf", "(html", "(abstract", "(full text",
)  # fmt: skip
_URL = re.compile(r"https?://\S+")
_MARKER = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)](?=\s)|[•·▪◦‣●\-*–])\s*")

# Entries longer than this are pasted prose or a run-together list, not one reference.
_MAX_STYLED = 2500

# ---- loose searches that fill what no style found ----------------------------------
_ANY_YEAR = re.compile(
    r"\((1[89]\d{2}|20\d{2})[a-z]?\)|(?<![\d/.:])(1[89]\d{2}|20\d{2})[a-z]?"
    r"(?=\s*[;.,)]|\s+[A-Z][a-z]{2}\b|$)"
)


def parse_entry(entry: Entry) -> Reference:
    """The fields of one reference entry; unknown fields are None, never an exception.

    Fields the document states exactly (`entry.known`: COinS, CSL-JSON, BibTeX...) win;
    the text fills the rest. The entry's origin and warnings carry over.
    """
    parsed = _parse_text(entry)
    parsed = replace(parsed, origin=entry.origin, warnings=parsed.warnings + entry.warnings)
    return _merge_known(parsed, entry.known) if entry.known is not None else parsed


# Fields of a Reference that say where it stands in the document, not what it cites.
_POSITION = frozenset({"index", "raw", "line", "origin", "warnings"})


def _merge_known(parsed: Reference, known: Reference) -> Reference:
    """`parsed` with every field `known` states. A known kind of "article" is the model's
    default, so it counts only with the journal fields that make it one."""
    changes: dict[str, object] = {}
    for spec in fields(Reference):
        name = spec.name
        value = getattr(known, name)
        if name in _POSITION or value in (None, (), "", False):
            continue
        if name == "kind" and value == "article" and not (known.journal and known.volume):
            continue
        changes[name] = value
    if changes.get("authors") and "et_al" not in changes:
        changes["et_al"] = False  # the known list is the whole list
    return replace(parsed, **changes)  # type: ignore[arg-type]


def _parse_text(entry: Entry) -> Reference:
    text = " ".join(entry.raw.split())
    text = _MARKER.sub("", text, count=1)
    doi, text = _take_doi(text)
    pmid_match = _PMID.search(text)
    pmid = pmid_match.group(1) if pmid_match else None
    text = _PMID.sub(" ", text)
    if any(word in text.lower() for word in _NOISE_WORDS):
        text = _NOISE.sub(" ", text)
    text = _one_final_period(" ".join(text.split()))
    text = re.sub(r"\s+([.,;:])", r"\1", text).strip(" ,;")
    text = re.sub(r"(?<![.])\.\.(?!\.)", ".", text)  # "Laemmli, Ulrich K.. 1970."
    text = _respace(text)

    fields = _best_style(text)
    authors, et_al = parse_authors(fields.get("authors") or "", "given_first" in fields)
    kind = classify(entry.raw)
    written_title = fields.get("title_q") or fields.get("title")
    if written_title and kind in ("chapter", "conference paper"):
        # "Title. In: Editors (eds) Book. Publisher, pp 1-9": the title ends before "In".
        written_title = _IN_BOOK.split(written_title, maxsplit=1)[0]
    title, edition = _title_and_edition(written_title)
    journal = _clean_journal(fields.get("journal"))
    venue: dict[str, str] = {}
    if written_title and (kind != "article" or journal is None):
        # The venue of a conference paper, chapter or preprint, or of "Title. Venue.".
        venue = venue_fields(kind, _after_title(text, written_title, fields, journal))
        if kind in NO_VENUE:
            journal = venue.get("journal")
        elif kind != "article" or venue.get("journal"):
            journal = venue.get("journal") or _LEADING_IN.sub("", journal or "") or None
    year = fields.get("year") or venue.get("year") or _search_year(text)
    volume, issue, pages = fields.get("volume"), fields.get("issue"), fields.get("pages")
    if kind != "article" and venue:  # "pages 171-178" the styles took for a volume
        volume, pages = venue.get("volume"), venue.get("pages")
    volume, pages = volume or venue.get("volume"), pages or venue.get("pages")
    if not (volume or pages) and kind == "article":
        vip = ANY_VIP.search(text)
        if vip:
            volume, issue, pages = vip.group("volume"), vip.group("issue"), vip.group("pages")
    url = _URL.search(entry.raw)
    return Reference(
        index=entry.index,
        raw=entry.raw,
        line=entry.line,
        kind=kind,
        authors=authors,
        et_al=et_al,
        title=title,
        journal=journal,
        year=int(year) if year else None,
        volume=volume,
        issue=issue.strip() if issue else None,
        pages=_clean_pages(pages),
        doi=doi,
        pmid=pmid,
        publisher=venue.get("publisher"),
        edition=edition or venue.get("edition"),
        isbn=venue.get("isbn"),
        arxiv=arxiv_id(entry.raw),
        url=url.group(0).rstrip(".,;)>]") if url and "doi.org/" not in url.group(0) else None,
    )


_LEADING_IN = re.compile(r"^(?:In|in)\s*:?\s+")
_IN_BOOK = re.compile(r"\.\s+In:?\s+(?=[A-Z])")
_TITLE_LABEL = re.compile(
    r"\s*\[(?:Internet|dissertation|thesis|Preprint|Data ?set|Computer software|Software|report)"
    r"\]\.?$",
    re.IGNORECASE,
)
_TITLE_EDITION = re.compile(r"\s*\((?P<n>\d{1,2})(?:st|nd|rd|th)\s+edn?\.?\)?$")


def _title_and_edition(written: str | None) -> tuple[str | None, str | None]:
    """The title without a trailing label ("[Internet]") or edition ("(2nd ed.)"), and
    that edition."""
    title = _clean_title(written)
    if not title:
        return None, None
    title = _TITLE_LABEL.sub("", title)
    edition = _TITLE_EDITION.search(title)
    if edition:
        title = title[: edition.start()]
    return _clean_title(title), edition.group("n") if edition else None


def _after_title(text: str, title: str, fields: dict[str, str], journal: str | None) -> str:
    """What the entry says after its title."""
    if journal is None and "rest" in fields:
        return fields["rest"]
    at = text.find(title)
    return text[at + len(title) :] if at >= 0 else fields.get("rest", "")


# Spaces that hurried lists drop: "Baden LR,El Sahly HM,et al.Efficacy ... Vaccine.N Engl
# J Med", "Williams, J.B.W.,& Löwe, B.(2006).A brief measure ... Medicine,166(10),1092".
_NO_SPACE_COMMA = re.compile(r"(?<=[^\W\d_]|[).]),(?=[\w&(])")
_NO_SPACE_PERIOD = re.compile(r"(?:(?<=[a-z][a-z])|(?<=\)))\.(?=[A-Z])|\.(?=\((?:1[89]|20)\d\d)")


def _respace(text: str) -> str:
    return _NO_SPACE_PERIOD.sub(". ", _NO_SPACE_COMMA.sub(", ", text))


def _one_final_period(text: str) -> str:
    """A title ending ". . ." ends in one period (a string method: a regex anchored at the end
    would be tried from every position of a long run of periods)."""
    core = text.rstrip(". ")
    return core + "." if text[len(core) :].count(".") >= 2 else text


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
    for _name, pattern, prefilter in STYLES:
        if not prefilter.search(text):
            continue
        match = pattern.match(text)
        if not match:
            continue
        # "issue__s" is the issue written another way (see styles.py).
        fields = {k.split("__")[0]: v for k, v in match.groupdict().items() if v}
        if match.groupdict().get("authors__n"):
            fields["given_first"] = "yes"  # DBLP writes every name "Given Family"
        score = _score(fields)
        if score > best_score:
            best, best_score = fields, score
    return best


# "Tiao, and Fabio T." / "Srinivasan, Howard Zhou, Jonathan T.": written-out names up to a
# middle initial, which a style took for a title ("Louis C. Tiao, and Fabio T. Ramos. 2022.").
_NAME_WORD = r"(?:[A-Z][\w'’-]*\.?|van|von|de|der|den|da|del|di|du|la|le|dos|ten|ter)"
_NAMES_TO_INITIAL = re.compile(
    rf"(?:(?:and\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}},\s+)+(?:and\s+)?"
    rf"(?:{_NAME_WORD}\s+){{0,3}}[A-Z]\."
)


def _score(fields: dict[str, str]) -> float:
    """How plausible a style's reading is: more fields, and each field well-formed."""
    score = 0.0
    authors, _ = parse_authors(fields.get("authors", ""), "given_first" in fields)
    if authors and len(fields.get("authors", "")) < 600:
        score += 1 + 0.5 * all(" " in a for a in authors)
    title = fields.get("title_q") or fields.get("title") or ""
    if len(title.split()) >= 2:
        score += 1.5 if fields.get("title_q") else 1
    elif re.fullmatch(r"[A-Z][a-z]{0,9}\.?", title):
        score -= 0.5  # a one-word "title" like "Nat" is a journal abbreviation cut in two
    if _NAMES_TO_INITIAL.fullmatch(title):
        score -= 1.5  # names cut at a middle initial's period: the author list goes on
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
    title = title.strip().strip(OPEN_Q + CLOSE_Q).strip()
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
    return re.sub(rf"\s*[-{DASHES}]\s*", "-", pages.strip())
