"""Bibliographic exports (BibTeX, RIS, MEDLINE/nbib) as a reference list of text.

The fields are known here, so each record is written as one Vancouver-style reference
line ("Family AB, Family C. Title. Journal. 2000;47(4):351-354. doi:... PMID: ...") under
a "References" heading, and the rest of the pipeline (finder, parser, checks) runs
unchanged. Works that are not journal articles are written the way such works are cited
("[dissertation]", "In: ... editors.", "Publisher; 1988.") so the parser classifies them
the same way as in any other document. The result is a SourceText: every reference line
maps to the line where its record starts in the file. A record that says
`citecheck: ignore` anywhere keeps that marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.extract.source import SourceText, from_lines
from citecheck.model import Entry, Reference
from citecheck.normalize import clean_doi


@dataclass
class Record:
    line: int  # 1-based line of the record's start in the file
    kind: str = "article"
    authors: list[str] = field(default_factory=list)  # "Family, Given" or "Family AB"
    editors: list[str] = field(default_factory=list)
    title: str = ""
    container: str = ""  # journal, book or proceedings title
    year: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = ""
    place: str = ""
    edition: str = ""
    doi: str = ""
    pmid: str = ""
    url: str = ""
    note: str = ""
    ignored: bool = False
    more_authors: bool = False  # the list ends "and others": it is not the whole list


_IGNORE = re.compile(r"citecheck\s*:\s*ignore", re.IGNORECASE)


def render(records: list[Record]) -> SourceText:
    pairs: list[tuple[str, int]] = [("References", 0), ("", 0)]
    for n, record in enumerate(records, 1):
        text = _format(record)
        if record.ignored:
            text += " citecheck: ignore"
        pairs += [(f"[{n}] {text}", record.line), ("", 0)]
    return from_lines(pairs)


def entries(records: list[Record]) -> tuple[Entry, ...]:
    """The records as the entries of `render`'s list (same text; the line where the
    record starts in the file), each with its exact fields as Entry.known: the parser
    takes them over its reading of the text."""
    return tuple(
        Entry(n, _format(record), record.line, ignored=record.ignored, known=_known(n, record))
        for n, record in enumerate(records, 1)
    )


def _known(n: int, r: Record) -> Reference:
    year = re.search(r"\d{4}", r.year)
    return Reference(
        index=n,
        raw="",
        kind=r.kind,
        authors=tuple(_vanc(a) for a in r.authors if a.strip()),
        et_al=r.more_authors,
        title=r.title.rstrip(". ") or None,
        journal=r.container or None,
        year=int(year.group(0)) if year else None,
        volume=r.volume or None,
        issue=r.issue or None,
        pages=r.pages.replace("–", "-") or None,
        doi=clean_doi(r.doi),
        pmid=r.pmid or None,
        publisher=r.publisher or None,
        edition=r.edition or None,
        url=r.url or None,
    )


def _vanc(name: str) -> str:
    family, sep, given = name.partition(",")
    if not sep:
        return " ".join(name.split())
    letters = "".join(p[0] for p in re.split(r"[\s.\-]+", given) if p and p[0].isalpha())
    return f"{family.strip()} {letters.upper()}".strip()


def _names(names: list[str], limit: int = 6) -> str:
    out = [_vanc(n) for n in names if n.strip()]
    if len(out) > limit:
        out = [*out[:limit], "et al"]
    return ", ".join(out)


def _format(r: Record) -> str:
    parts: list[str] = []
    if r.authors:
        parts.append(_names(r.authors) + ".")
    title = r.title.rstrip(".")
    year = r.year or "n.d."
    ids = (f" doi:{r.doi}" if r.doi else "") + (f" PMID: {r.pmid}." if r.pmid else "")
    where = f"{r.place}: " if r.place else ""
    if r.kind == "article":
        vip = r.volume + (f"({r.issue})" if r.issue else "") + (f":{r.pages}" if r.pages else "")
        parts += [f"{title}.", f"{r.container}." if r.container else ""]
        parts.append(f"{year};{vip}." if vip else f"{year}.")
    elif r.kind in ("book", "report", "thesis"):
        label = {"thesis": " [dissertation]", "report": " [report]"}.get(r.kind, "")
        edition = f" {r.edition} ed." if r.edition and r.edition != "1" else ""
        parts.append(f"{title}{label}.{edition}")
        publisher = r.publisher or r.container
        parts.append(f"{where}{publisher}; {year}." if publisher else f"{year}.")
    elif r.kind in ("chapter", "conference paper"):
        parts.append(f"{title}.")
        editors = f" {_names(r.editors)}, editors." if r.editors else ""
        parts.append(f"In:{editors} {r.container}.".replace("..", "."))
        tail = f"{where}{r.publisher}; {year}." if r.publisher else f"{year}."
        parts.append(tail + (f" p. {r.pages}." if r.pages else ""))
    elif r.kind == "preprint":
        parts.append(f"{title} [Preprint].")
        parts.append(f"{r.container or r.publisher or 'Preprint server'}; {year}.")
    else:  # web page and anything else
        parts.append(f"{title} [Internet].")
        parts.append(f"{r.publisher + '; ' if r.publisher else ''}{year}.")
        if r.url and not r.doi:
            parts.append(f"Available from: {r.url}")
    return " ".join(p for p in parts if p).replace(" .", ".") + ids


# ---- BibTeX --------------------------------------------------------------------------

_BIB_KINDS = {
    "article": "article", "book": "book", "booklet": "book", "inbook": "chapter",
    "incollection": "chapter", "inproceedings": "conference paper",
    "conference": "conference paper", "proceedings": "book", "phdthesis": "thesis",
    "mastersthesis": "thesis", "thesis": "thesis", "techreport": "report", "report": "report",
    "manual": "report", "online": "web page", "electronic": "web page", "www": "web page",
    "misc": "web page", "unpublished": "report",
}  # fmt: skip
_LATEX_ACCENTS = {"\"": "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303",
                  "c": "\u0327", "v": "\u030c", "=": "\u0304", "u": "\u0306", "H": "\u030b",
                  ".": "\u0307", "r": "\u030a", "k": "\u0328"}  # fmt: skip
_LATEX_LETTERS = {"o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ss": "ß", "ae": "æ", "AE": "Æ",
                  "aa": "å", "AA": "Å", "i": "ı", "oe": "œ", "OE": "Œ"}  # fmt: skip


def _latex(text: str) -> str:
    import unicodedata

    def accent(m: re.Match[str]) -> str:
        return unicodedata.normalize("NFC", m.group(2) + _LATEX_ACCENTS[m.group(1)])

    text = re.sub(r"\\([\"'`^~=.]|[cvuHrk](?=[\s{]))\s*\{?\\?([A-Za-z])\}?", accent, text)
    text = re.sub(
        r"\\(ss|ae|AE|aa|AA|oe|OE|[oOlLi])\b\s*", lambda m: _LATEX_LETTERS[m.group(1)], text
    )
    text = text.replace("--", "-").replace("\\&", "&").replace("~", " ")
    text = re.sub(r"\\(?:emph|textit|textbf|textsc|mathrm)\s*", "", text)
    return " ".join(text.replace("{", "").replace("}", "").split())


def bibtex_records(text: str) -> list[Record]:
    from bibtexparser.entrypoint import parse_string

    library = parse_string(text)
    records: list[Record] = []
    for entry in library.entries:
        f = {k.lower(): _latex(str(v.value)) for k, v in entry.fields_dict.items()}
        kind = _BIB_KINDS.get(entry.entry_type.lower(), "web page")
        if kind == "web page" and re.search(
            r"arxiv|biorxiv|medrxiv|preprint", " ".join(f.values()), re.IGNORECASE
        ):
            kind = "preprint"
        raw = str(entry.raw) if entry.raw else ""
        records.append(
            Record(
                line=(entry.start_line or 0) + 1,
                kind=kind,
                authors=_split_bib_names(f.get("author", "")),
                more_authors=bool(re.search(r"\band\s+others\s*$", f.get("author", ""))),
                editors=_split_bib_names(f.get("editor", "")),
                title=f.get("title", ""),
                container=f.get("journal") or f.get("journaltitle") or f.get("booktitle", ""),
                year=(re.search(r"\d{4}", f.get("year") or f.get("date", "")) or _NO).group(0),
                volume=f.get("volume", ""),
                issue=f.get("number") or f.get("issue", ""),
                pages=f.get("pages", ""),
                publisher=f.get("publisher") or f.get("school") or f.get("institution", ""),
                place=f.get("address", ""),
                edition=f.get("edition", ""),
                doi=f.get("doi", ""),
                pmid=f.get("pmid", ""),
                url=f.get("url", ""),
                ignored=bool(_IGNORE.search(raw)),
            )
        )
    return records


class _NoMatch:
    def group(self, _: int) -> str:
        return ""


_NO = _NoMatch()


def _split_bib_names(text: str) -> list[str]:
    names = [n.strip() for n in re.split(r"\s+and\s+", text) if n.strip()]
    out = []
    for name in names:
        if name.lower() == "others":
            continue
        if "," not in name and " " in name:
            given, _, family = name.rpartition(" ")
            name = f"{family}, {given}"
        out.append(name)
    return out
