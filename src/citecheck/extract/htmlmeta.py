"""References a web page declares in its metadata rather than (or as well as) its text.

Two machine-readable forms are common on journal and health sites:
- Highwire Press / Google Scholar tags: `<meta name="citation_reference"
  content="citation_title=...; citation_author=...; citation_journal_title=...;
  citation_volume=...; citation_firstpage=...; citation_publication_date=2000; ...">`,
  one per reference;
- schema.org JSON-LD: an Article / ScholarlyArticle / MedicalWebPage with a `citation`
  list of CreativeWork objects (name, author, datePublished, isPartOf for journal,
  volume and issue, pageStart/pageEnd, identifier or sameAs for the DOI).
Both become structured Records, written as a reference list by extract.structured.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bs4 import BeautifulSoup, Tag

from citecheck.extract.structured import Record

_DOI = re.compile(r"10\.\d{4,9}/\S+")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def metadata_records(soup: BeautifulSoup) -> list[Record]:
    """The page's declared references (Highwire tags first, else JSON-LD), in order."""
    records = [
        record
        for tag in soup.find_all("meta", attrs={"name": re.compile(r"^citation_reference$", re.I)})
        if isinstance(tag, Tag) and (record := _highwire(tag)) is not None
    ]
    return records or _json_ld(soup)


def _highwire(tag: Tag) -> Record | None:
    fields: dict[str, list[str]] = {}
    for part in str(tag.get("content") or "").split(";"):
        key, sep, value = part.partition("=")
        if sep and value.strip():
            fields.setdefault(key.strip().lower(), []).append(value.strip())

    def one(*keys: str) -> str:
        return next((fields[k][0] for k in keys if k in fields), "")

    title = one("citation_title")
    if not title:
        return None
    first, last = one("citation_firstpage"), one("citation_lastpage")
    date = one("citation_publication_date", "citation_date", "citation_year")
    journal = one("citation_journal_title", "citation_journal_abbrev", "citation_conference_title")
    return Record(
        line=tag.sourceline or 0,
        kind="article" if journal else "web page",
        authors=fields.get("citation_author", []),
        title=title,
        container=journal,
        year=_year(date),
        volume=one("citation_volume"),
        issue=one("citation_issue"),
        pages=f"{first}-{last}" if first and last else first,
        doi=_doi(one("citation_doi")),
        pmid=one("citation_pmid"),
    )


def _json_ld(soup: BeautifulSoup) -> list[Record]:
    records: list[Record] = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        if not isinstance(script, Tag):
            continue
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue  # broken JSON-LD is common; the visible text still counts
        for node in _nodes(data):
            citations = node.get("citation")
            for item in citations if isinstance(citations, list) else [citations]:
                if isinstance(item, dict) and (record := _creative_work(item, script)):
                    records.append(record)
    return records


def _nodes(data: Any) -> list[dict[str, Any]]:
    """Every object of a JSON-LD document (top level, lists and @graph)."""
    if isinstance(data, list):
        return [node for item in data for node in _nodes(item)]
    if isinstance(data, dict):
        return [data, *_nodes(data.get("@graph", []))]
    return []


def _creative_work(item: dict[str, Any], script: Tag) -> Record | None:
    title = _text(item.get("name") or item.get("headline"))
    if not title:
        return None
    volume = issue = journal = ""
    part: Any = item.get("isPartOf")
    while isinstance(part, dict):  # issue -> volume -> periodical, in any nesting
        types = str(part.get("@type", ""))
        if "PublicationIssue" in types:
            issue = _text(part.get("issueNumber"))
        elif "PublicationVolume" in types:
            volume = _text(part.get("volumeNumber"))
        else:
            journal = _text(part.get("name"))
        part = part.get("isPartOf")
    first, last = _text(item.get("pageStart")), _text(item.get("pageEnd"))
    ids = " ".join(_text(item.get(k)) for k in ("identifier", "sameAs", "url", "@id"))
    return Record(
        line=script.sourceline or 0,
        kind="article" if journal else "web page",
        authors=_authors(item.get("author")),
        title=title,
        container=journal,
        year=_year(_text(item.get("datePublished"))),
        volume=volume,
        issue=issue,
        pages=f"{first}-{last}" if first and last else first or _text(item.get("pagination")),
        doi=_doi(ids),
    )


def _authors(value: Any) -> list[str]:
    people = value if isinstance(value, list) else [value]
    names = []
    for person in people:
        if isinstance(person, dict):
            family, given = _text(person.get("familyName")), _text(person.get("givenName"))
            names.append(f"{family}, {given}" if family else _text(person.get("name")))
        elif isinstance(person, str):
            names.append(person)
    return [name for name in names if name]


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("@value") or value.get("value") or value.get("name") or ""
    return " ".join(str(value).split()) if value is not None else ""


def _year(text: str) -> str:
    found = _YEAR.search(text)
    return found.group(1) if found else ""


def _doi(text: str) -> str:
    found = _DOI.search(text)
    return found.group(0).rstrip(".,;").lower() if found else ""
