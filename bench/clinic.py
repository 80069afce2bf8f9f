"""The clinic-page profile of bench/resolve.py: few identifiers, heavy repetition, eight styles.

Issue 13 describes the pages an audit meets in practice: a batch of about 60 clinic pages
with some 540 references, where a few dozen real works are cited again and again, each
page in its own citation style, rarely with a DOI or PMID, beside miscited works,
retracted ones and fabrications (20-30% of the references are problems). This module writes
such a folder from the corpus the local fakes serve (fixtures/services/records.json), so
every expected status is known:

- a pool of citations: real works cited right, real works cited with a wrong journal,
  volume or pages (bench/make_site.py's miscitations), the corpus' retracted works and
  invented ones (make_site's fabrications);
- each page draws its references from the pool with Zipf-like weights and writes them all
  in one of eight styles (APA, Vancouver, AMA, Harvard, Chicago author-date, MLA, IEEE,
  Nature), as plain text, Markdown or HTML;
- a real work carries its DOI on about one citation in ten, its PMID on one in twenty.
"""

from __future__ import annotations

import html
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from make_site import RECORDS, Citation, _fabricate, _from_record, _initials, _miscite

DOI_SHARE = 0.10  # citations of a real work that give its DOI
PMID_SHARE = 0.05  # ... and its PMID
SHORT_PAGES = 0.5  # pages citing by authors, year, title and journal only
OWN_FABRICATION = 0.04  # references a page invents itself (not copied from elsewhere)
OWN_MISTAKE = 0.03  # ... and real works whose details it gets wrong itself


def _en_dash(pages: str) -> str:
    return pages.replace("-", "–")


def _dotted(given: str) -> str:
    return _initials(given, True)


def _joined(names: list[str], conjunction: str = "and") -> str:
    if len(names) <= 2:
        return f" {conjunction} ".join(names)
    return ", ".join(names[:-1]) + f", {conjunction} " + names[-1]


# Each style writes volume, issue and pages only when the citation gives them: clinic pages
# often cite a paper by authors, year, title and journal alone.


def apa(c: Citation) -> str:
    names = [f"{family}, {_dotted(given)}" for family, given in c.authors[:3]]
    who = ", ".join(names) + (", et al." if len(c.authors) > 3 else "")
    where = f", {c.volume}" + (f"({c.issue})" if c.issue else "") if c.volume else ""
    pages = f", {c.pages}" if c.pages else ""
    return f"{who} ({c.year}). {c.title}. {c.journal}{where}{pages}."


def vancouver(c: Citation) -> str:
    names = [f"{family} {_initials(given, False)}" for family, given in c.authors[:6]]
    who = ", ".join(names) + (", et al" if len(c.authors) > 6 else "")
    where = f";{c.volume}" + (f"({c.issue})" if c.issue else "") if c.volume else ""
    pages = f":{c.pages}" if c.pages else ""
    return f"{who}. {c.title}. {c.journal_abbrev}. {c.year}{where}{pages}."


def ama(c: Citation) -> str:
    names = [f"{family} {_initials(given, False)}" for family, given in c.authors[:3]]
    who = ", ".join(names) + (", et al" if len(c.authors) > 3 else "")
    where = f";{c.volume}" + (f"({c.issue})" if c.issue else "") if c.volume else ""
    pages = f":{c.pages}" if c.pages else ""
    return f"{who}. {c.title}. {c.journal_abbrev}. {c.year}{where}{pages}."


def harvard(c: Citation) -> str:
    names = [f"{family}, {_dotted(given).replace(' ', '')}" for family, given in c.authors]
    who = f"{names[0]} et al." if len(names) > 3 else _joined(names).replace(", and", " and")
    where = f", {c.volume}" + (f"({c.issue})" if c.issue else "") if c.volume else ""
    pages = f", pp. {c.pages}" if c.pages else ""
    return f"{who} ({c.year}) '{c.title}', {c.journal}{where}{pages}."


def _title_case(title: str) -> str:
    """Chicago, MLA and IEEE capitalise the major words of a title."""
    small = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs"}
    words = title.split(" ")
    return " ".join(
        w if (i and w.lower() in small) or not w[:1].islower() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def chicago(c: Citation) -> str:
    family, given = c.authors[0]
    names = [f"{family}, {given}"] + [f"{g} {f}" for f, g in c.authors[1:3]]
    who = _joined(names) + (", et al" if len(c.authors) > 3 else "")
    where = f" {c.volume}" + (f" ({c.issue})" if c.issue else "") if c.volume else ""
    pages = f": {_en_dash(c.pages)}" if c.pages else ""
    return f"{who}. {c.year}. “{_title_case(c.title)}.” {c.journal}{where}{pages}."


def mla(c: Citation) -> str:
    family, given = c.authors[0]
    who = f"{family}, {given}" + (", et al" if len(c.authors) > 2 else "")
    if len(c.authors) == 2:
        who += f", and {c.authors[1][1]} {c.authors[1][0]}"
    where = f", vol. {c.volume}" + (f", no. {c.issue}" if c.issue else "") if c.volume else ""
    pages = f", pp. {c.pages}" if c.pages else ""
    return f"{who}. “{_title_case(c.title)}.” {c.journal}{where}, {c.year}{pages}."


def ieee(c: Citation) -> str:
    names = [f"{_dotted(given)} {family}" for family, given in c.authors[:3]]
    who = _joined(names) + (" et al." if len(c.authors) > 3 else "")
    where = f", vol. {c.volume}" + (f", no. {c.issue}" if c.issue else "") if c.volume else ""
    pages = f", pp. {_en_dash(c.pages)}" if c.pages else ""
    return f"{who}, “{_title_case(c.title)},” {c.journal}{where}{pages}, {c.year}."


def nature(c: Citation) -> str:
    family, given = c.authors[0]
    who = f"{family}, {_dotted(given)}" + (" et al." if len(c.authors) > 1 else "")
    where = f" {c.volume}" if c.volume else ""
    pages = f", {_en_dash(c.pages)}" if c.pages else ""
    return f"{who} {c.title}. {c.journal_abbrev}{where}{pages} ({c.year})."


STYLES: dict[str, Callable[[Citation], str]] = {
    "apa": apa,
    "vancouver": vancouver,
    "ama": ama,
    "harvard": harvard,
    "chicago": chicago,
    "mla": mla,
    "ieee": ieee,
    "nature": nature,
}


def cite(c: Citation, style: str, pmid: str | None, rng: random.Random) -> str:
    """One citation as a page writes it: the style, then now and then its identifier."""
    text = STYLES[style](c)
    if c.doi and rng.random() < DOI_SHARE:
        text += f" https://doi.org/{c.doi}" if style in ("apa", "harvard") else f" doi:{c.doi}"
    elif pmid and rng.random() < PMID_SHARE / (1 - DOI_SHARE):
        text += f" PMID: {pmid}."
    return text


@dataclass
class Pool:
    """What pages cite: citations copied from page to page (Zipf-like popularity), and what
    it takes to make a page's own mistakes and inventions."""

    copied: list[Citation]
    real: dict[str, Citation]  # each real work cited right, by key (miscitations point here)
    pmids: dict[str, str]  # the PMID of each real work, by key
    journals: list[tuple[str, str]]
    titles: list[str]


def make_pool(rng: random.Random) -> Pool:
    records = json.loads(RECORDS.read_text(encoding="utf-8"))["records"]
    usable = [
        r
        for r in records
        if r["title"] and r["authors"] and r["volume"] and r["pages"] and r["in_pubmed"]
    ]
    journals = sorted({(r["journal"], r.get("journal_abbrev") or r["journal"]) for r in usable})
    titles = [r["title"].lower() for r in records]
    plain = [r for r in usable if not r["retracted"] and not r["updates"]]
    chosen = rng.sample(plain, 44)
    retracted = [r for r in usable if r["retracted"]][:2]
    # Every citation keeps its work's DOI here; cite() decides when a page shows it.
    real = [
        replace(_from_record(r, f"real-{i}", "verified", rng), doi=r["doi"])
        for i, r in enumerate(chosen)
    ]
    real += [
        replace(_from_record(r, f"retracted-{i}", "retracted", rng), doi=r["doi"])
        for i, r in enumerate(retracted)
    ]
    copied = real[:40] + real[44:]
    copied += [replace(_miscite(c, journals, rng), doi=c.doi) for c in real[40:44]]
    copied += [_fabricate(i, journals, titles, rng) for i in range(6)]
    rng.shuffle(copied)
    pmids = {c.key: r["pmid"] for c, r in zip(real, chosen + retracted, strict=True)}
    return Pool(copied, {c.key: c for c in real}, pmids, journals, titles)


def render(kind: str, title: str, references: list[str]) -> str:
    prose = "Ketamine infusions may help some patients; here is what the research says."
    if kind == "txt":
        listed = "\n".join(f"  • {r}" for r in references)
        return f"{title}\n\n{prose}\n\nReferences\n\n{listed}\n\nCall us today.\n"
    if kind == "md":
        listed = "\n".join(f"{i}. {r}" for i, r in enumerate(references, 1))
        return f"# {title}\n\n{prose}\n\n## References\n\n{listed}\n"
    items = "\n".join(f"<li>{html.escape(r)}</li>" for r in references)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n<body><main><article>"
        f"<h1>{html.escape(title)}</h1>\n<p>{prose}</p>\n"
        f"<h2>References</h2>\n<ol>\n{items}\n</ol></article></main></body></html>\n"
    )


def expected_status(c: Citation, shown: Citation, pool: Pool) -> str:
    """What citecheck should say of `c` written as `shown`: a miscitation whose wrong fields
    the page leaves out (a short citation) is a correct one."""
    original = pool.real.get(c.key.removeprefix("wrong-").split("-p")[0])
    if c.expected != "mismatched" or original is None:
        return c.expected
    if original.expected == "retracted":  # the report flags a retracted work first
        return "retracted"
    fields = ("journal", "volume", "issue", "pages")
    wrong = [f for f in fields if getattr(shown, f) and getattr(shown, f) != getattr(original, f)]
    return "mismatched" if wrong else original.expected


def page_citations(pool: Pool, count: int, rng: random.Random, page: int) -> list[Citation]:
    """A page's references: mostly copied from the pool, now and then its own invention or
    its own mistake in a real work's details."""
    weights = [1 / (rank + 1) ** 0.7 for rank in range(len(pool.copied))]
    real = list(pool.real.values())
    cites: list[Citation] = []
    while len(cites) < count:
        roll = rng.random()
        if roll < OWN_FABRICATION:
            pick = _fabricate(1000 + page * 100 + len(cites), pool.journals, pool.titles, rng)
        elif roll < OWN_FABRICATION + OWN_MISTAKE:
            source = rng.choice(real)
            pick = replace(_miscite(source, pool.journals, rng), doi=source.doi)
            pick = replace(pick, key=f"{pick.key}-p{page}")
        else:
            pick = rng.choices(pool.copied, weights)[0]
        if all(pick.title != c.title for c in cites):
            cites.append(pick)
    return cites


def make_clinic_folder(out: Path, pages: int, per_page: int, seed: int) -> list[str]:
    """Write the pages; returns the expected status of each reference, in report order."""
    rng = random.Random(seed)
    pool = make_pool(rng)
    styles = list(STYLES)
    expected: dict[str, list[str]] = {}
    for number in range(pages):
        kind = ("txt", "md", "html")[number % 3]
        style = styles[number % len(styles)]
        short = rng.random() < SHORT_PAGES
        cites = page_citations(pool, per_page, rng, number)
        shown = [replace(c, volume="", issue="", pages="") if short else c for c in cites]
        written = [
            cite(s, style, pool.pmids.get(c.key.removeprefix("wrong-").split("-p")[0]), rng)
            for c, s in zip(cites, shown, strict=True)
        ]
        name = f"clinic-{number:03d}-{style}{'-short' if short else ''}.{kind}"
        (out / name).write_text(render(kind, f"Clinic page {number}", written), "utf-8")
        expected[str(out / name)] = [
            expected_status(c, s, pool) for c, s in zip(cites, shown, strict=True)
        ]
    return [status for name in sorted(expected) for status in expected[name]]
