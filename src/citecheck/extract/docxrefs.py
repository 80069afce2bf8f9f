"""Reference lists read from a Word document's own structure.

Where a list is, in order of preference:
- a reference manager's bibliography field (Zotero's `ADDIN ZOTERO_BIBL`, Mendeley's
  `ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY`, EndNote's `ADDIN EN.REFLIST`, Word's own
  `BIBLIOGRAPHY`): one entry per paragraph of the field's result;
- paragraphs of one automatic numbering (`w:numPr`: the numbers are not in the text)
  after a reference heading;
- else the text finder reads the extracted text (check.py).
The exact fields of each work come from the reference manager's citation fields: Zotero
and Mendeley keep the cited items as CSL-JSON in `ADDIN ZOTERO_ITEM CSL_CITATION {...}` /
`ADDIN CSL_CITATION {...}` (CSL-JSON schema, citationstyles.org), EndNote as its record
XML in `ADDIN EN.CITE <EndNote>...`. Each entry is matched to the cited item whose first
author, year and title words it holds, and carries that item's fields (Entry.known).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from defusedxml import ElementTree  # type: ignore[import-untyped]

from citecheck.model import Entry, Reference

__all__ = ["BIBLIOGRAPHY_FIELD", "Para", "cited_works", "known_fields", "word_lists"]

BIBLIOGRAPHY_FIELD = re.compile(
    r"ADDIN\s+(?:ZOTERO_BIBL|Mendeley\s+Bibliography|EN\.REFLIST)|CSL_BIBLIOGRAPHY|^\s*BIBLIOGRAPHY\b"
)
_CSL_FIELD = re.compile(r"ADDIN\s+(?:ZOTERO_ITEM\s+)?CSL_CITATION")
_ENDNOTE_FIELD = re.compile(r"ADDIN\s+EN\.CITE\b")
# CSL item types (CSL 1.0.2 specification, "Appendix III - Types") -> Reference.kind.
_KINDS = {
    "article-journal": "article",
    "article-magazine": "article",
    "review": "article",
    "article": "preprint",
    "paper-conference": "conference paper",
    "book": "book",
    "chapter": "chapter",
    "entry-encyclopedia": "chapter",
    "report": "report",
    "thesis": "thesis",
    "dataset": "dataset",
    "standard": "standard",
    "webpage": "web page",
    "post-weblog": "web page",
    "article-newspaper": "news",
    "software": "software",
    "patent": "patent",
}
_ENDNOTE_KINDS = {"journal article": "article", "book": "book", "book section": "chapter",
                  "conference proceedings": "conference paper", "conference paper":
                  "conference paper", "report": "report", "thesis": "thesis",
                  "web page": "web page", "dataset": "dataset"}  # fmt: skip


@dataclass
class Para:
    """One paragraph of the body, as the reader saw it."""

    text: str
    line: int  # 1-based line of the extracted text where it was written (0: not written)
    numbering: str | None  # Word's automatic numbering it belongs to (numId), if any
    heading: bool
    bibliography: bool  # inside a reference manager's bibliography field


@dataclass(frozen=True)
class _Work:
    """A work a citation field names, with the words to recognise its entry by."""

    fields: Reference
    family: str
    year: str
    title_words: frozenset[str]


def cited_works(instructions: list[str]) -> list[_Work]:
    """Every distinct work the document's citation fields name, in order."""
    works: list[_Work] = []
    seen: set[str] = set()
    for instruction in instructions:
        for key, reference in _field_works(instruction):
            if key not in seen:
                seen.add(key)
                works.append(_work(reference))
    return works


def _field_works(instruction: str) -> list[tuple[str, Reference]]:
    if _CSL_FIELD.search(instruction) and "{" in instruction:
        body = instruction[instruction.index("{") : instruction.rindex("}") + 1]
        try:
            data = json.loads(body)
        except ValueError:
            return []
        items = data.get("citationItems") if isinstance(data, dict) else None
        found = []
        for item in items if isinstance(items, list) else []:
            item_data = item.get("itemData") if isinstance(item, dict) else None
            if isinstance(item_data, dict) and (reference := _from_csl(item_data)):
                key = str(item.get("uris") or item.get("id") or reference.title)
                found.append((key, reference))
        return found
    if _ENDNOTE_FIELD.search(instruction) and "<EndNote" in instruction:
        return _from_endnote(instruction[instruction.index("<EndNote") :])
    return []


def _from_csl(item: dict[str, Any]) -> Reference | None:
    title = _text(item.get("title"))
    if not title:
        return None
    people: Any = item.get("author")
    authors = tuple(
        _name(_text(p.get("family")), _text(p.get("given"))) or _text(p.get("literal"))
        for p in (people if isinstance(people, list) else [])
        if isinstance(p, dict)
    )
    issued: Any = item.get("issued")
    issued = issued if isinstance(issued, dict) else {}
    parts = issued.get("date-parts")
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else []
    year = _year(str(first[0]) if first else _text(issued.get("raw")))
    page = _text(item.get("page")).replace("–", "-") or None
    kind = _KINDS.get(_text(item.get("type")), "article")
    return Reference(
        index=0,
        raw="",
        kind=kind,
        authors=tuple(a for a in authors if a),
        title=title,
        journal=_text(item.get("container-title")) or None,
        year=year,
        volume=_text(item.get("volume")) or None,
        issue=_text(item.get("issue")) or None,
        pages=page,
        doi=_text(item.get("DOI")).lower() or None,
        pmid=_text(item.get("PMID")) or None,
        publisher=_text(item.get("publisher")) or None,
        isbn=_text(item.get("ISBN")) or None,
        url=_text(item.get("URL")) or None,
    )


def _from_endnote(xml: str) -> list[tuple[str, Reference]]:
    try:
        root = ElementTree.fromstring(xml[: xml.rindex("</EndNote>") + len("</EndNote>")])
    except Exception:  # a damaged field code: no fields, the entry's text still counts
        return []
    found = []
    for record in root.iter("record"):
        title = _node_text(record, "titles/title")
        if not title:
            continue
        authors = tuple(
            _name(*[*" ".join("".join(a.itertext()).split()).split(",", 1), ""][:2])
            for a in record.findall("contributors/authors/author")
        )
        ref_type = record.find("ref-type")
        kind_name = (ref_type.get("name") or "").lower() if ref_type is not None else ""
        reference = Reference(
            index=0,
            raw="",
            kind=_ENDNOTE_KINDS.get(kind_name, "article"),
            authors=authors,
            title=title,
            journal=_node_text(record, "titles/secondary-title")
            or _node_text(record, "periodical/full-title")
            or None,
            year=_year(_node_text(record, "dates/year")),
            volume=_node_text(record, "volume") or None,
            issue=_node_text(record, "number") or None,
            pages=_node_text(record, "pages").replace("–", "-") or None,
            doi=_doi(_node_text(record, "electronic-resource-num")),
        )
        found.append((_node_text(record, "rec-number") or title, reference))
    return found


def _node_text(record: Any, path: str) -> str:
    node = record.find(path)
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def known_fields(entries: list[Entry], works: list[_Work]) -> list[Entry]:
    """The entries, each with the fields of the cited work it shows (if one matches)."""
    if not works:
        return entries
    out = []
    for entry in entries:
        words = _words(entry.raw)
        best, score = None, 0.0
        for work in works:
            if work.family and work.family not in words:
                continue
            if work.year and work.year not in words:
                continue
            share = len(work.title_words & words) / max(1, len(work.title_words))
            if share > score:
                best, score = work, share
        if best is not None and score >= 0.6:
            known = replace(best.fields, index=entry.index, raw=entry.raw, line=entry.line)
            entry = Entry(entry.index, entry.raw, entry.line, entry.ignored, known)
        out.append(entry)
    return out


def word_lists(paras: list[Para]) -> list[list[Para]]:
    """The paragraphs of each reference list the document's structure shows."""
    from citecheck.references import is_heading, looks_like_reference

    field = [p for p in paras if p.bibliography and p.text]
    if field:
        return [field]
    lists: list[list[Para]] = []
    under_reference_heading = False
    current: list[Para] = []
    for para in paras:
        if para.heading or (not para.numbering and is_heading(para.text)):
            under_reference_heading = is_heading(para.text)
            continue
        if not under_reference_heading or not para.text:
            continue
        if para.numbering and current and para.numbering != current[0].numbering:
            lists.append(current)
            current = []
        if para.numbering:
            current.append(para)
    if current:
        lists.append(current)
    return [
        found
        for found in lists
        if sum(1 for p in found if looks_like_reference(p.text)) >= 0.5 * len(found)
    ]


def _work(reference: Reference) -> _Work:
    family = reference.authors[0].split()[0] if reference.authors else ""
    family_words = _words(family)
    title_words = frozenset(w for w in _words(reference.title or "") if len(w) >= 4)
    return _Work(
        fields=reference,
        family=max(family_words, key=len) if family_words else "",
        year=str(reference.year or ""),
        title_words=title_words,
    )


def _words(text: str) -> set[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return set(re.findall(r"[a-z0-9]+", text))


def _name(family: str, given: str) -> str:
    family = " ".join(family.split())
    initials = "".join(p[0] for p in re.split(r"[\s.\-]+", given) if p and p[0].isalpha())
    return f"{family} {initials.upper()}".strip()


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value).split()) if value not in (None, "") else ""


def _year(text: str) -> int | None:
    found = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    return int(found.group(1)) if found else None


def _doi(text: str) -> str | None:
    found = re.search(r"10\.\d{4,9}/\S+", text)
    return found.group(0).rstrip(".,;").lower() if found else None
