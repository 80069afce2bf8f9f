"""COinS: the exact fields a web page states for a citation in a `span.Z3988`.

A COinS span carries an OpenURL 1.0 ContextObject in Key/Encoded-Value form in its
`title` attribute ("ctx_ver=Z39.88-2004&rft.genre=article&rft.jtitle=Nature&..."); the
keys are those of the OpenURL KEV metadata formats for journals and books (ANSI/NISO
Z39.88-2004; the COinS specification, ocoins.info). Wikipedia's citation templates write
one after every `cite` element. The fields become a Reference that the parser trusts over
its own reading of the entry text (Entry.known).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote

from citecheck.model import Reference
from citecheck.parse.authors import parse_authors

__all__ = ["coins_reference"]

# rft.genre -> Reference.kind (OpenURL KEV journal and book formats list these genres).
_KINDS = {
    "article": "article",
    "journal": "article",
    "issue": "article",
    "preprint": "preprint",
    "book": "book",
    "bookitem": "chapter",
    "proceeding": "conference paper",
    "conference": "conference paper",
    "report": "report",
    "document": "report",
    "unknown": "web page",
}
_DOI = re.compile(r"(10\.\d{4,9}/\S+)")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def coins_reference(kev: str, index: int, raw: str, line: int) -> Reference | None:
    """The fields of one COinS `title` value, or None if it names no work."""
    fields: dict[str, list[str]] = {}
    for key, value in parse_qsl(kev.replace("&amp;", "&"), keep_blank_values=False):
        fields.setdefault(key, []).append(" ".join(value.split()))

    def one(*keys: str) -> str | None:
        return next((fields[k][0] for k in keys if fields.get(k)), None)

    title = one("rft.atitle", "rft.btitle", "rft.title")
    container = one("rft.jtitle", "rft.stitle") if one("rft.atitle") else None
    if one("rft.atitle") and not container and one("rft.btitle"):
        container = one("rft.btitle")  # a chapter: the book it is in
    if not title:
        return None
    genre = (one("rft.genre") or "").lower()
    kind = _KINDS.get(genre, "article" if container else "web page")
    doi = pmid = url = None
    for rft_id in fields.get("rft_id", []):
        value = unquote(rft_id)
        if value.startswith("info:doi/") and not doi:
            doi = value[len("info:doi/") :].lower()
        elif value.startswith("info:pmid/") and not pmid:
            pmid = value[len("info:pmid/") :]
        elif value.startswith(("http://", "https://")) and not url:
            url = value
            found = _DOI.search(value) if "doi.org/" in value else None
            doi = doi or (found.group(1).lower() if found else None)
    year = _YEAR.search(one("rft.date") or "")
    first, last = one("rft.spage"), one("rft.epage")
    pages = one("rft.pages") or (f"{first}-{last}" if first and last else first)
    return Reference(
        index=index,
        raw=raw,
        line=line,
        kind=kind,
        authors=_authors(fields),
        title=title,
        journal=container,
        year=int(year.group(1)) if year else None,
        volume=one("rft.volume"),
        issue=one("rft.issue"),
        pages=pages.replace("–", "-") if pages else None,
        doi=doi,
        pmid=pmid,
        publisher=one("rft.pub"),
        isbn=one("rft.isbn"),
        url=url,
    )


def _authors(fields: dict[str, list[str]]) -> tuple[str, ...]:
    """'Family Initials' names: the first author's aulast/aufirst, then every rft.au."""
    names: list[str] = []
    last = (fields.get("rft.aulast") or [""])[0]
    given = (fields.get("rft.aufirst") or fields.get("rft.auinit") or [""])[0]
    if "," in last and not given:
        # Older pages put the whole list in one field ("Acuna-Soto R, Romero LC, Maguire
        # JH", Wikipedia's |author= of 2014), with its wiki markup ("''et al.''").
        whole = last.replace("''", "")
        names.extend(parse_authors(whole)[0])
        last = ""
    if last:
        names.append(_name(last, given))
    for author in fields.get("rft.au", []):
        if "," in author and author.replace("''", "") == (fields.get("rft.aulast") or [""])[
            0
        ].replace("''", ""):
            continue  # the same whole list again
        family, _, given = author.partition(",")
        name = _name(family.strip(), given.strip()) if given else author
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _name(family: str, given: str) -> str:
    initials = "".join(p[0] for p in re.split(r"[\s.\-]+", given) if p and p[0].isalpha())
    return f"{family} {initials.upper()}".strip()
