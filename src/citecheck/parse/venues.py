"""The venue and publication details written after a title (issue 10).

What follows the title of a conference paper, preprint, book or chapter is read here: the
venue (the proceedings, the book a chapter is in, the preprint server, or the journal of a
"Title. Venue." citation without volume or pages), and the volume, pages, year, publisher,
edition, ISBN and arXiv identifier. The text is cut into sentences at periods that end a
word (not an abbreviation such as "Proc." or "Int."); the first sentence that is not the
editors, an edition or a place and publisher is the venue. Every pattern is bounded, so a
long odd string costs linear time.
"""

from __future__ import annotations

import re

__all__ = ["NO_VENUE", "PREPRINT_SERVERS", "arxiv_id", "venue_fields"]

# Kinds whose text names no venue (a book's publisher is not its venue).
NO_VENUE = frozenset(
    {"book", "thesis", "report", "standard", "web page", "news", "software", "patent",
     "personal communication", "other"}
)  # fmt: skip

# Servers as they are written, and the name used for the venue.
PREPRINT_SERVERS = {
    "arxiv": "arXiv",
    "biorxiv": "bioRxiv",
    "medrxiv": "medRxiv",
    "chemrxiv": "ChemRxiv",
    "psyarxiv": "PsyArXiv",
    "ssrn": "SSRN",
    "research square": "Research Square",
    "osf preprints": "OSF Preprints",
    "preprints.org": "Preprints.org",
    "techrxiv": "TechRxiv",
    "zenodo": "Zenodo",
}
_SERVER = re.compile(
    r"\b(arXiv|bioRxiv|medRxiv|ChemRxiv|PsyArXiv|SSRN|Research Square|OSF Preprints|"
    r"Preprints\.org|TechRxiv)\b",
    re.IGNORECASE,
)
# arXiv identifiers: new style "2106.01234v2", old style "hep-th/9901001", or in the DOI.
_ARXIV = re.compile(
    r"(?:\barXiv\s*[:.]?\s*(?:preprint\s+)?(?:arXiv\s*:\s*)?|arxiv\.org/(?:abs|pdf)/|"
    r"10\.48550/arXiv\.)(?P<id>\d{4}\.\d{4,5}|[a-z][a-z.\-]{1,20}/\d{7})(?:v\d{1,3})?",
    re.IGNORECASE,
)
_ISBN = re.compile(r"\bISBN(?:-1[03])?\s*:?\s*(?P<isbn>(?:\d[\s\-]?){9,12}[\dXx])\b")
_EDITION = re.compile(
    r"\(?\b(?P<n>\d{1,2})(?:st|nd|rd|th)\s+(?:ed|edn|edition)\b\.?\)?"
    r"|\b(?P<word>First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s+"
    r"[Ee]dition\b\.?",
)
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth").split()
_PAGES = re.compile(
    r"(?:\bpp?\.?|\bpages)\s*(?P<pages>[A-Za-z]?\d{1,6}(?:\s*[-\u2010-\u2015]\s*[A-Za-z]?\d{1,6})?)"
)
_VOLUME = re.compile(r"\b(?:Vol(?:ume)?\.?|vol\.)\s*(?P<volume>\d{1,5})\b")
# Proceedings of Machine Learning Research: "PMLR 37:448-456".
_PMLR = re.compile(
    r"\b(?:PMLR|JMLR W&CP|W&CP)\s+(?P<volume>\d{1,4})\s*:\s*"
    r"(?P<pages>\d{1,6}(?:\s*[-\u2010-\u2015]\s*\d{1,6})?)"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?(?:\s+\d{1,2})?"
_YEAR = re.compile(r"(?<![\d.])(?P<year>1[89]\d\d|20\d\d)(?![\d.])")
# "In: Higgins JPT, Green S, editors." / "In J. P. T. Higgins & S. Green (Eds.),"
_EDITORS = re.compile(
    r"^.{0,300}?(?:\((?:eds?|Eds?|editors?|Hrsg)\.?\)|,?\s+(?:eds?|editors?)\b\.?)[,.:]?\s*"
)
# Periods after these (and after single letters) are abbreviations, not sentence ends.
_ABBREVIATIONS = frozenset(
    """proc conf int intl natl nat symp comput assoc ling annu adv inf process syst sci eng
    lett trans res rev soc am j lect notes math stat eur acad med univ dept inst mach learn
    intell artif neural appl theor vis pattern recognit lang meth technol comm commun mtg
    meet workshop ieee acm st no vol ed eds pp p vs co inc ltd jr dr phys chem biol neurosci
    psychol psychiatr clin exp pharmacol biochem mol genet immunol microbiol physiol neurol
    epidemiol surg radiol oncol cardiol pediatr environ ecol evol mech electr opt quant
    softw netw secur robot auton control signal biomed bioinform inform""".split()
)
_SENTENCE_END = re.compile(r"[.;]\s+|[.;]$")
_PLACE_PUBLISHER = re.compile(
    r"^(?P<place>[A-Z][\w'. ()]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,15}){0,2})\s*:\s*"
    r"(?P<publisher>[^:]{2,100})$"
)
_PUBLISHER_WORD = re.compile(
    r"\b(?:Press|Publish\w*|Publishers|Verlag|Springer|Wiley|Elsevier|Routledge|SAGE|"
    r"McGraw|Pearson|Erlbaum|Associates|Norton|Penguin|Random House|Books|Scribner|"
    r"Academic|Macmillan|Prentice|Addison|O'Reilly|Lippincott|Saunders|Mosby|Thieme|"
    r"Association for Computational Linguistics|ACM|IEEE|Curran|PMLR|OpenReview|"
    r"University|Institute|Organization|Giroux|Holt|Co\.|Inc\.|Ltd\.?)\b"
)
_LEADING_IN = re.compile(r"^(?:In|in)\s*:?\s+")
_TRAILING_NUMBER = re.compile(r"^(?P<venue>.*?[A-Za-z)])[,\s]+(?:vol\.\s*)?(?P<volume>\d{1,4})$")
_TRAILING_YEAR = re.compile(
    rf"^(?P<venue>.*?[\w)])(?:\s*\((?:[A-Z][\w-]{{1,15}}\s+)?(?:1[89]|20)\d\d\)"
    rf"|,\s*(?:{_MONTH}\s+)?(?:1[89]|20)\d\d|,\s*{_MONTH})$"
)
# "Phys. Rev. Lett. 116, 061102": a volume and pages (or article number) after the venue.
_TRAILING_VIP = re.compile(
    r"^(?P<venue>.*?[A-Za-z.)])[,\s]+(?P<volume>\d{1,5})(?:\s*\((?P<issue>[^()]{1,20})\))?"
    r"\s*[,:]\s*(?P<pages>[A-Za-z]{0,2}\d{1,7}(?:\s*[-\u2010-\u2015]\s*[A-Za-z]{0,2}\d{1,7})?)$"
)
_BREAK = " ; "  # put where a detail was taken out: the venue ends there


def arxiv_id(text: str) -> str | None:
    """The arXiv identifier a reference gives, without its version, or None."""
    match = _ARXIV.search(text)
    return match.group("id") if match else None


def _sentences(text: str) -> list[str]:
    """`text` cut at sentence ends: a period or semicolon after a word that is not an
    abbreviation (nor a single letter, an initial), or any semicolon."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()]
        word = before.rsplit(None, 1)[-1] if before.split() else ""
        word = word.strip("()[],").lower()
        following = text[match.end() : match.end() + 1]
        if (
            match.group(0)[0] == "."
            and (
                len(word) <= 1
                or word in _ABBREVIATIONS
                # "Phys. Rev. Lett.": a short capitalised word before another capital.
                or (
                    len(word) <= 4
                    and before.rsplit(None, 1)[-1][:1].isupper()
                    and before.rsplit(None, 1)[-1][1:].islower()
                    and following.isupper()
                )
            )
        ):
            continue
        parts.append(text[start : match.start()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _edition(text: str) -> tuple[str | None, str]:
    match = _EDITION.search(text)
    if not match:
        return None, text
    number = match.group("n") or str(_ORDINALS.index(match.group("word").lower()) + 1)
    return number, (text[: match.start()] + text[match.end() :]).strip()


def _unwrap(text: str) -> str:
    """`text` without the punctuation and unpaired brackets a cut left at its ends."""
    text = text.strip(" ,;.:")
    if text.endswith("(") or (text.endswith(")") and text.count("(") < text.count(")")):
        text = text[:-1]
    if text.startswith(")") or (text.startswith("(") and text.count("(") > text.count(")")):
        text = text[1:]
    return text.strip(" ,;.:")


def _publisher(sentence: str) -> str | None:
    sentence = _unwrap(_YEAR.sub("", sentence))
    place = _PLACE_PUBLISHER.match(sentence)
    if place:
        return place.group("publisher").strip(" ,;.") or None
    if _PUBLISHER_WORD.search(sentence) and len(sentence) <= 100:
        # "Cambridge University Press, Cambridge": the publisher comes before the place.
        return sentence.split(",")[0].strip() or None
    return None


def _clean_venue(venue: str, out: dict[str, str]) -> str | None:
    venue = _LEADING_IN.sub("", _unwrap(venue))
    venue = re.sub(r"\s*\((?:[Vv]ol\.?[^()]{0,30}|pp?\.[^()]{0,30})\)$", "", venue)
    vip = _TRAILING_VIP.match(venue)
    if vip:
        venue = vip.group("venue")
        for name in ("volume", "issue", "pages"):
            if vip.group(name):
                out.setdefault(name, vip.group(name))
    year = _TRAILING_YEAR.match(venue)
    if year:
        venue = year.group("venue")
    number = _TRAILING_NUMBER.match(venue)
    if number and not re.search(r"\b(?:19|20)\d\d$", venue):
        venue = number.group("venue")
        out.setdefault("volume", number.group("volume"))
    venue = _unwrap(venue)
    # A volume and issue left over ("37, no. 1") is no venue; "2016 IEEE Conference" is.
    if re.match(r"\d+\s*(?:[,:;(]|no\.|$)", venue):
        return None
    if len(venue) < 2 or not re.search(r"[A-Za-z]{2}", venue) or len(venue) > 250:
        return None
    return venue


def venue_fields(kind: str, after_title: str) -> dict[str, str]:
    """The fields written after the title of a work of `kind`: journal (the venue),
    volume, pages, year, publisher, edition, isbn, arxiv; only those found."""
    text = " ".join(after_title.split())[:1000]
    out: dict[str, str] = {}
    if found := arxiv_id(text):
        out["arxiv"] = found
    if found_isbn := _ISBN.search(text):
        out["isbn"] = re.sub(r"[\s\-]", "", found_isbn.group("isbn")).upper()
        text = text[: found_isbn.start()] + text[found_isbn.end() :]
    edition, text = _edition(text)
    if edition:
        out["edition"] = edition
    for pattern in (_PMLR, _PAGES, _VOLUME):
        if found_detail := pattern.search(text):
            for name, value in found_detail.groupdict().items():
                out.setdefault(name, value)
            text = text[: found_detail.start()] + _BREAK + text[found_detail.end() :]
    text = text.lstrip(").,;: ")  # what a title cut inside "(2nd ed.)" leaves
    if year := _YEAR.search(text):
        out["year"] = year.group("year")
    server = _SERVER.search(text)
    if server and (kind == "preprint" or server.start() < 3):
        out["journal"] = PREPRINT_SERVERS[server.group(1).lower()]
        return out
    if kind == "preprint":
        # A preprint known only by its DOI (10.48550/arXiv...): the venue the text names
        # is the one it is cited as ("in Proc. ICML, 2026. doi: 10.48550/..."), a preprint
        # cited as published; with none named, its server.
        named = (_clean_venue(sentence, out) for sentence in _sentences(text))
        venue = next((v for v in named if v), None)
        if venue or "arxiv" in out:
            out["journal"] = venue or "arXiv"
        return out
    if _LEADING_IN.match(text) or kind == "chapter":
        editors = _EDITORS.match(_LEADING_IN.sub("", text))
        if editors:
            text = _LEADING_IN.sub("", text)[editors.end() :]
    venue_found = False
    for sentence in _sentences(text):
        if not venue_found and kind not in NO_VENUE:
            publisher = _publisher(sentence) if kind == "chapter" and out.get("journal") else None
            if publisher is None:
                venue = _clean_venue(sentence, out)
                if venue:
                    out["journal"] = venue
                    venue_found = True
                    continue
        publisher = _publisher(sentence)
        if publisher and "publisher" not in out:
            out["publisher"] = publisher
    return out
