"""Real reference strings whose works are known: the printed citations of PLOS articles.

Source: github.com/PLOS/allofplos (MIT licence; the articles CC BY 4.0), its
`allofplos/starter_corpus` and `allofplos/seed_corpus` JATS XML (122 articles), read from
a `fetch`ed mirror at run time (`fetch github:PLOS/allofplos`), never committed.

Each <ref> whose <mixed-citation publication-type="journal"> tags authors, year,
article title and journal is one reference: the string is the citation as printed (the
tags' text with the punctuation between them), the work is what the tags say. An
<element-citation> carries no printed punctuation, so it is left out.

The world served to citecheck (a fixed seed, so every run serves the same one):
- every work on Crossref under a DOI (the one the string cites, else one under Crossref's
  test prefix 10.5555), and on PubMed too when the XML links it to a PMID, else for 60%
  of the works under a made-up PMID;
- 15% of the works removed from both services: their references are `not_found`;
- 25% of the works served with one field altered (volume, pages, year, journal, a title
  word, the first author or the whole author list): their references are `mismatched`
  on that field;
- for 30% of the works a look-alike: the same first author, journal and year, another
  reference's title, other volume and pages: never to be taken for the cited work.
"""

from __future__ import annotations

import random
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring
from fakeworld import Held

MIRROR = Path("/work/.mirror/PLOS+allofplos/repo")
CORPORA = ("allofplos/starter_corpus/", "allofplos/seed_corpus/")
DOI_IN_TEXT = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+?)[.;,]?(?:\s|$)")


@dataclass(frozen=True)
class Cited:
    """One printed reference and the work its tags describe."""

    article: str
    label: str
    raw: str
    authors: tuple[tuple[str, str], ...]  # (family, given initials)
    title: str
    journal: str
    year: int
    volume: str | None
    issue: str | None
    pages: str | None
    doi: str | None  # a DOI printed in the string
    pmid: str | None  # the PMID the XML links the reference to (<object-id>), not printed


def commit(mirror: Path = MIRROR) -> str:
    return _git(mirror, "rev-parse", "HEAD").strip()


def _git(mirror: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(mirror), *args], check=True, capture_output=True, text=True
    ).stdout


def _printed(element: Element) -> str:
    """The citation as printed: each name as "Family Given" (the XML puts nothing between
    the two), everything else as its text with the punctuation around it."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "object-id":  # a link target (PMID), not printed
            pass
        elif child.tag == "name":
            family = child.findtext("surname") or ""
            given = child.findtext("given-names") or ""
            parts.append(f"{family} {given}".strip())
        else:
            parts.append(_printed(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _text(element: Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _cited(article: str, ref: Element) -> Cited | None:
    citation = ref.find("mixed-citation")
    if citation is None or citation.get("publication-type") != "journal":
        return None
    names = [
        (n.findtext("surname") or "", n.findtext("given-names") or "")
        for n in citation.iter("name")
    ]
    title = _text(citation.find("article-title"))
    journal = _text(citation.find("source"))
    year = re.match(r"\d{4}", _text(citation.find("year")))
    if not (names and names[0][0] and title and journal and year):
        return None
    raw = " ".join(_printed(citation).split())
    first, last = _text(citation.find("fpage")), _text(citation.find("lpage"))
    doi = DOI_IN_TEXT.search(raw)
    volume, issue = _text(citation.find("volume")), _text(citation.find("issue"))
    glued = re.fullmatch(r"(\w+)\s*\((\w+)\)", volume)  # "9(8)" tagged as the volume
    if glued and not issue:
        volume, issue = glued.groups()
    # Tagging slips no service record has: "6044/2010" as a volume, "12 11" as a page,
    # the year as the first page.
    volume = re.sub(r"^(\d+)/\d{4}$", r"\1", volume)
    if " " in first or " " in last or first == _text(citation.find("year"))[:4]:
        first = last = ""  # "J Allergy 2012:316049": the year tagged as the first page
    return Cited(
        article=article,
        label=_text(ref.find("label")),
        raw=raw,
        authors=tuple(names),
        title=title.rstrip("."),
        journal=journal,
        year=int(year.group()),
        volume=volume or None,
        issue=issue or None,
        pages=f"{first}-{last}" if first and last else (first or None),
        doi=doi.group(1).lower() if doi else None,
        pmid=next(
            (o.text for o in citation.iter("object-id") if o.get("pub-id-type") == "pmid"), None
        ),
    )


def references(mirror: Path = MIRROR) -> list[Cited]:
    """Every usable printed journal reference of the corpora, in article order."""
    names = [
        n
        for n in _git(mirror, "ls-tree", "-r", "--name-only", "HEAD").split()
        if n.startswith(CORPORA) and n.endswith(".xml")
    ]
    found = []
    for name in sorted(names):
        xml = _git(mirror, "show", f"HEAD:{name}")
        root = fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml, count=1))
        article = Path(name).stem
        found += [c for ref in root.iter("ref") if (c := _cited(article, ref))]
    return found


# --- the world ---------------------------------------------------------------------------

ALTERABLE = ("volume", "pages", "year", "journal", "title", "authors")


@dataclass
class Case:
    """One reference of the set, what the world does with its work, and the truth."""

    cited: Cited
    doi: str
    pmid: str | None
    removed: bool = False
    altered: str | None = None  # the field changed in the served record
    record: Held | None = None  # what the services hold for the work (None: removed)
    look_alike: Held | None = None
    expected: str = "verified"
    fields: set[str] = field(default_factory=set)


def _alter(rng: random.Random, cited: Cited, held: Held, others: list[Cited]) -> tuple[str, Held]:
    choices = [
        f
        for f in ALTERABLE
        if (f != "volume" or (cited.volume or "").isdigit())
        and (f != "pages" or re.fullmatch(r"\d+-\d+", cited.pages or ""))
    ]
    which = rng.choice(choices)
    if which == "volume":
        return which, replace(held, volume=str(int(cited.volume or 0) + 3))
    if which == "pages":
        first, last = (int(p) for p in (cited.pages or "").split("-"))
        return which, replace(held, pages=f"{first + 12}-{last + 12}")
    if which == "year":
        return which, replace(held, year=held.year - 3)
    if which == "journal":
        other = rng.choice([o.journal for o in others if o.journal != cited.journal])
        return which, replace(held, journal=other, journal_abbrev=other)
    if which == "title":
        words = held.title.split()
        slots = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()]
        pool = [w for o in others for w in o.title.split() if len(w) > 5 and w.isalpha()]
        i = rng.choice(slots) if slots else len(words) - 1
        words[i] = rng.choice([w for w in pool if w.lower() != words[i].lower()])
        return which, replace(held, title=" ".join(words))
    if rng.random() < 0.5:  # the whole list is another work's
        other = rng.choice([o for o in others if o.authors[0][0] != cited.authors[0][0]])
        return "authors", replace(held, authors=other.authors)
    families = sorted({o.authors[0][0] for o in others} - {cited.authors[0][0]})
    authors = ((rng.choice(families), held.authors[0][1]), *held.authors[1:])
    return "authors", replace(held, authors=authors)


def build(sample: list[Cited], pool: list[Cited], seed: int = 15) -> list[Case]:
    """The cases of `sample`; look-alikes take their titles from `pool`'s other
    references, which are not in the sample (no look-alike has a cited title)."""
    rng = random.Random(seed)
    cited_titles = {c.title.lower() for c in sample}
    spare = [c for c in pool if c.title.lower() not in cited_titles]
    cases: list[Case] = []
    for k, cited in enumerate(sample):
        doi = cited.doi or f"10.5555/jats.{k:05d}"
        pmid = cited.pmid or (str(30_000_000 + k) if rng.random() < 0.6 else None)
        case = Case(cited, doi, pmid)
        held = Held(
            doi=doi,
            title=cited.title,
            authors=cited.authors,
            journal=cited.journal,
            journal_abbrev=cited.journal,
            year=cited.year,
            volume=cited.volume,
            issue=cited.issue,
            pages=cited.pages,
            pmid=pmid,
            in_pubmed=pmid is not None,
        )
        roll = rng.random()
        if roll < 0.15:
            case.removed, case.expected = True, "not_found"
        elif roll < 0.40:
            case.altered, held = _alter(rng, cited, held, sample)
            case.expected, case.fields = "mismatched", {case.altered}
        case.record = None if case.removed else held
        if rng.random() < 0.30:
            other = rng.choice(spare)
            case.look_alike = replace(
                held if not case.removed else replace(held, title=cited.title),
                doi=f"10.5555/jats.like.{k:05d}",
                pmid=str(40_000_000 + k) if pmid else None,
                title=other.title,
                year=cited.year,
                authors=(cited.authors[0], *other.authors[1:]),
                journal=cited.journal,
                journal_abbrev=cited.journal,
                volume=str(int(cited.volume) + 1) if (cited.volume or "").isdigit() else "99",
                pages="901-909",
            )
        cases.append(case)
    return cases


def served(cases: list[Case]) -> Iterator[Held]:
    for case in cases:
        if case.record is not None:
            yield case.record
        if case.look_alike is not None:
            yield case.look_alike
