"""Write the works of bench/works.py as reference strings in the published styles, with
the damage real pages inflict (quotes, dashes, DOI forms, tails, missing punctuation).

Each string comes with the fields a reader of the string can see in it (a field the
style leaves out is null), so the labelled set grades a parser on what is there.
"""

from __future__ import annotations

import random
import re
from typing import Any

from works import ARTICLES, OTHERS, Work

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LONG_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def initials(given: str) -> list[str]:
    """'Robert M.' -> ['R', 'M']; 'Rong-Jian' -> ['R', '-J']."""
    out: list[str] = []
    for word in given.replace(".", ". ").split():
        for k, piece in enumerate(word.strip(".").split("-")):
            if piece:
                out.append(("-" if k else "") + piece[0].upper())
    return out


def split(author: str) -> tuple[str, str]:
    family, _, given = author.partition(",")
    return family.strip(), given.strip()


def vanc_name(author: str) -> str:
    family, given = split(author)
    return f"{family} {''.join(i.lstrip('-') for i in initials(given))}"


def apa_name(author: str, spaced: bool = True) -> str:
    family, given = split(author)
    parts = [i + "." for i in initials(given)]
    sep = " " if spaced else ""
    text = ""
    for p in parts:
        text += p if (p.startswith("-") or not text) else sep + p
    return f"{family}, {text}"


def inits_first(author: str) -> str:
    family, given = split(author)
    parts = [i + "." for i in initials(given)]
    text = ""
    for p in parts:
        text += p if (p.startswith("-") or not text) else " " + p
    return f"{text} {family}"


def full_first(author: str) -> str:
    family, given = split(author)
    return f"{given} {family}"


def expected_author(work: Work) -> str:
    return vanc_name(work.authors[0])


def short_pages(pages: str) -> str:
    """MEDLINE form: 351-354 -> 351-4."""
    if "-" not in pages:
        return pages
    a, b = pages.split("-")
    if len(a) == len(b) and a.isdigit() and b.isdigit():
        k = 0
        while k < len(a) - 1 and a[k] == b[k]:
            k += 1
        return f"{a}-{b[k:]}"
    return pages


def mla_pages(pages: str) -> str:
    if "-" not in pages:
        return pages
    a, b = pages.split("-")
    if len(a) == len(b) and len(a) >= 3 and a[:-2] == b[:-2]:
        return f"{a}-{b[-2:]}"
    return pages


def dotted(work: Work) -> str:
    """ISO-4 style with dots: 'Biol Psychiatry' -> 'Biol. Psychiatry'."""
    full = {w.lower().strip(",:") for w in work.journal.split()}
    words = []
    for w in work.abbrev.split():
        plain = w.lower()
        words.append(w if plain in full or (len(w) == 1 and w.isupper() and False) else w + ".")
    out = " ".join(words)
    for w in work.abbrev.split():
        if w.lower() in full:
            out = out.replace(w + ".", w)
    return out


def join_names(names: list[str], last_sep: str, sep: str = ", ") -> str:
    if len(names) == 1:
        return names[0]
    return sep.join(names[:-1]) + last_sep + names[-1]


class Renderer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def dash(self) -> str:
        return self.rng.choice(["-", "-", "–", "–", "—"])

    def quotes(self) -> tuple[str, str]:
        return self.rng.choice([('"', '"'), ("“", "”"), ("“", "”")])

    def doi_text(self, doi: str) -> str:
        return self.rng.choice(
            [
                f"https://doi.org/{doi}",
                f"doi:{doi}",
                f"doi: {doi}",
                f"DOI: {doi}",
                f"http://dx.doi.org/{doi}",
                f"https://doi.org/{doi.replace('/', '%2F', 1)}",
            ]
        )

    def render(self, work: Work, style: str) -> tuple[str, dict[str, Any]]:
        exp: dict[str, Any] = {
            "kind": "article",
            "first_author": expected_author(work),
            "year": work.year,
            "title": work.title,
            "journal": work.journal,
            "volume": work.volume,
            "issue": work.issue,
            "pages": work.pages,
            "doi": None,
            "pmid": None,
        }
        text = getattr(self, "s_" + style.replace("-", "_"))(work, exp)
        text = self.damage(text)
        return text, exp

    def damage(self, text: str) -> str:
        if self.chance(0.08):
            text = text.rstrip(".")
        if self.chance(0.06):
            text = text.replace(", ", ",  ", 1)
        if self.chance(0.05):
            text = self.rng.choice(["1. ", "[7] ", "• ", "12) ", "- "]) + text
        return text

    def add_doi(self, work: Work, exp: dict[str, Any], p: float = 0.6) -> str:
        if work.doi and self.chance(p):
            exp["doi"] = work.doi.lower()
            return " " + self.doi_text(work.doi)
        return ""

    def add_pmid(self, work: Work, exp: dict[str, Any], p: float = 0.4) -> str:
        if work.pmid and self.chance(p):
            exp["pmid"] = work.pmid
            return f" PMID: {work.pmid}."
        return ""

    # ---- the styles --------------------------------------------------------------------
    def s_apa(self, w: Work, exp: dict[str, Any]) -> str:
        names = [apa_name(a) for a in w.authors[:20]]
        amp = self.rng.choice([", & ", ", & ", " & "])
        authors = join_names(names, amp)
        if len(w.authors) > 3 and self.chance(0.3):
            authors = names[0] + ", et al."
        issue = f"({w.issue})" if w.issue else ""
        pages = w.pages.replace("-", self.dash())
        title = w.title if self.chance(0.7) else w.title[0].upper() + w.title[1:]
        text = f"{authors} ({w.year}). {title}. {w.journal}, {w.volume}{issue}, {pages}."
        return text + self.add_doi(w, exp, 0.7)

    def s_vancouver(self, w: Work, exp: dict[str, Any]) -> str:
        names = [vanc_name(a) for a in w.authors]
        if len(names) > 6:
            names = [*names[:6], "et al"]
        elif len(names) > 3 and self.chance(0.3):
            names = [*names[:3], "et al"]
        date = str(w.year) + (f" {w.month}" if w.month and self.chance(0.6) else "")
        issue = f"({w.issue})" if w.issue else ""
        pages = short_pages(w.pages) if self.chance(0.7) else w.pages
        exp["journal"] = w.abbrev
        exp["pages"] = pages
        text = f"{', '.join(names)}. {w.title}. {w.abbrev}. {date};{w.volume}{issue}:{pages}."
        if w.doi and self.chance(0.5):
            exp["doi"] = w.doi.lower()
            text += f" doi: {w.doi}."
        return text + self.add_pmid(w, exp, 0.5)

    def s_ama(self, w: Work, exp: dict[str, Any]) -> str:
        names = [vanc_name(a) for a in w.authors]
        if len(names) > 6:
            names = [*names[:3], "et al"]
        issue = f"({w.issue})" if w.issue else ""
        exp["journal"] = w.abbrev
        text = f"{', '.join(names)}. {w.title}. {w.abbrev}. {w.year};{w.volume}{issue}:{w.pages}."
        if w.doi and self.chance(0.7):
            exp["doi"] = w.doi.lower()
            text += f" doi:{w.doi}"
        return text

    def s_harvard(self, w: Work, exp: dict[str, Any]) -> str:
        names = [apa_name(a, spaced=False) for a in w.authors]
        authors = join_names(names, " and ") if len(names) <= 3 else names[0] + " et al."
        o, c = self.rng.choice([("'", "'"), ("‘", "’"), ("", "")])
        issue = f"({w.issue})" if w.issue else ""
        pages = w.pages.replace("-", self.dash())
        pp = "pp. " if "-" in w.pages else "p. "
        sep = ", " if o else ". "
        text = (
            f"{authors} ({w.year}) {o}{w.title}{c}{sep}{w.journal}, {w.volume}{issue}, {pp}{pages}."
        )
        if w.doi and self.chance(0.5):
            exp["doi"] = w.doi.lower()
            if self.chance(0.5):
                text += f" doi:{w.doi}."
            else:
                text += f" Available at: https://doi.org/{w.doi} (Accessed: 3 May 2024)."
        return text

    def s_chicago_ad(self, w: Work, exp: dict[str, Any]) -> str:
        first = apa_full(w.authors[0])
        rest = [full_first(a) for a in w.authors[1:]]
        if len(w.authors) > 10:
            authors = f"{first}, " + ", ".join(rest[:6]) + ", et al."
        else:
            authors = join_names([first, *rest], ", and " if len(rest) > 1 else " and ")
        o, c = self.quotes()
        issue = f" ({w.issue})" if w.issue else ""
        pages = w.pages.replace("-", self.dash())
        text = f"{authors}. {w.year}. {o}{title_case(w.title)}.{c} {w.journal} {w.volume}{issue}: {pages}."
        exp["title"] = title_case(w.title)
        return text + self.add_doi(w, exp, 0.6)

    def s_chicago_nb(self, w: Work, exp: dict[str, Any]) -> str:
        first = apa_full(w.authors[0])
        rest = [full_first(a) for a in w.authors[1:]]
        authors = join_names([first, *rest], ", and " if len(rest) > 1 else " and ")
        o, c = self.quotes()
        issue = f", no. {w.issue}" if w.issue else ""
        pages = mla_pages(w.pages).replace("-", self.dash())
        exp["pages"] = mla_pages(w.pages)
        exp["title"] = title_case(w.title)
        text = (
            f"{authors}. {o}{title_case(w.title)}.{c} {w.journal} {w.volume}{issue} "
            f"({w.year}): {pages}."
        )
        return text + self.add_doi(w, exp, 0.5)

    def s_ieee(self, w: Work, exp: dict[str, Any]) -> str:
        names = [inits_first(a) for a in w.authors]
        authors = (
            names[0] + " et al."
            if len(names) > 6
            else join_names(names, ", and " if len(names) > 2 else " and ")
        )
        o, c = self.quotes()
        journal = dotted(w)
        exp["journal"] = journal
        issue = f", no. {w.issue}" if w.issue else ""
        pp = "pp." if "-" in w.pages else "Art. no." if w.pages[0].isalpha() else "p."
        month = f"{w.month.split()[0]}. " if w.month and self.chance(0.5) else ""
        sep = ","
        text = (
            f"{authors}{sep} {o}{w.title},{c} {journal}, vol. {w.volume}{issue}, "
            f"{pp} {w.pages.replace('-', self.dash())}, {month}{w.year}"
        )
        if w.doi and self.chance(0.6):
            exp["doi"] = w.doi.lower()
            text += f", doi: {w.doi}"
        return text + "."

    def s_mla(self, w: Work, exp: dict[str, Any]) -> str:
        first = apa_full(w.authors[0])
        if len(w.authors) == 1:
            authors = first
        elif len(w.authors) == 2:
            authors = f"{first}, and {full_first(w.authors[1])}"
        else:
            authors = f"{first}, et al"
        o, c = self.quotes()
        issue = f", no. {w.issue}" if w.issue else ""
        pages = mla_pages(w.pages)
        exp["pages"] = pages
        exp["title"] = title_case(w.title)
        pp = "pp." if "-" in pages else "p."
        text = (
            f"{authors}. {o}{title_case(w.title)}.{c} {w.journal}, vol. {w.volume}{issue}, "
            f"{w.year}, {pp} {pages.replace('-', self.dash())}."
        )
        return text + self.add_doi(w, exp, 0.4)

    def s_nature(self, w: Work, exp: dict[str, Any]) -> str:
        names = [apa_name(a) for a in w.authors]
        authors = names[0] + " et al." if len(names) > 5 else join_names(names, " & ")
        journal = dotted(w)
        exp["journal"] = journal
        exp["issue"] = None
        text = f"{authors} {w.title}. {journal} {w.volume}, {w.pages.replace('-', self.dash())} ({w.year})."
        return text + self.add_doi(w, exp, 0.3)

    def s_science(self, w: Work, exp: dict[str, Any]) -> str:
        names = [inits_first(a) for a in w.authors]
        authors = names[0] + " et al." if len(names) > 2 else join_names(names, ", ")
        journal = dotted(w)
        exp.update(journal=journal, issue=None, title=None, pages=w.pages.split("-")[0])
        return f"{authors}, {journal} {w.volume}, {exp['pages']} ({w.year})."

    def s_example(self, w: Work, exp: dict[str, Any]) -> str:
        o, c = self.quotes()
        issue = f"({w.issue})" if w.issue else ""
        return (
            f"{apa_name(w.authors[0])}, et al. ({w.year}). {o}{w.title}.{c} {w.journal}, "
            f"{w.volume}{issue}, {w.pages}."
        )

    def s_pmc(self, w: Work, exp: dict[str, Any]) -> str:
        names = [vanc_name(a) for a in w.authors]
        if len(names) > 6:
            names = [*names[:6], "et al"]
        exp["journal"] = w.abbrev
        issue = f"({w.issue})" if w.issue else ""
        tail = self.rng.choice(
            [
                " [PubMed] [Google Scholar]",
                " [PMC free article] [PubMed] [Google Scholar]",
                " [DOI] [PubMed]",
                "",
            ]
        )
        return f"{', '.join(names)}. {w.title}. {w.abbrev}. {w.year};{w.volume}{issue}:{w.pages}.{tail}"

    def s_wikipedia(self, w: Work, exp: dict[str, Any]) -> str:
        names = [vanc_name(a) for a in w.authors]
        authors = ", ".join(names[:3]) + (", et al." if len(names) > 3 else "")
        month = ""
        if w.month:
            month = LONG_MONTHS[MONTHS.index(w.month.split()[0])] + " "
        issue = f" ({w.issue})" if w.issue else ""
        pages = short_pages(w.pages).replace("-", "–")
        exp["pages"] = short_pages(w.pages)
        text = f'{authors} ({month}{w.year}). "{w.title}". {w.journal}. {w.volume}{issue}: {pages}.'
        if w.doi:
            exp["doi"] = w.doi.lower()
            text += f" doi:{w.doi}."
        return text + self.add_pmid(w, exp, 0.7)


def apa_full(author: str) -> str:
    family, given = split(author)
    return f"{family}, {given}"


SMALL = {"a", "an", "the", "of", "in", "on", "and", "for", "to", "with", "by", "at", "from"}


def title_case(title: str) -> str:
    words = title.split(" ")
    out = []
    for k, word in enumerate(words):
        if k and word.lower() in SMALL and not out[-1].endswith(":"):
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


STYLES = (
    "apa",
    "vancouver",
    "ama",
    "harvard",
    "chicago-ad",
    "chicago-nb",
    "ieee",
    "mla",
    "nature",
    "science",
    "example",
    "pmc",
    "wikipedia",
)


def labelled(seed: int = 4) -> list[dict[str, Any]]:
    renderer = Renderer(seed)
    rows: list[dict[str, Any]] = []
    for k, work in enumerate(ARTICLES):
        styles = renderer.rng.sample(STYLES, 5)
        for style in styles:
            text, exp = renderer.render(work, style)
            rows.append({"id": f"a{k:02d}-{style}", "style": style, "text": text, **exp})
    for k, (kind, author, year, texts) in enumerate(OTHERS):
        for j, text in enumerate(texts):
            rows.append(
                {
                    "id": f"o{k:02d}-{j}",
                    "style": "non-article",
                    "text": text,
                    "kind": kind,
                    "first_author": author,
                    "year": year,
                }
            )
    return rows


_ = re
