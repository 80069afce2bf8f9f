"""One reference-list entry of a web page, as text: what a reader sees of the citation.

Pages wrap each citation in things that are not part of it: back-links to the places it
is cited ("^ a b", "↑", "↵"), its number or label ("1.", "Ane et al., 2007"), and rows of
links to other services ("CAS Article PubMed Google Scholar", "[PubMed] [PMC free
article]", "CrossRef Full Text | Google Scholar"). Those are dropped, but the DOI, PMID
or PMCID their addresses carry is kept at the end of the entry: often it is the most
exact thing the page says about the work. The walk is iterative, so a deeply nested entry
cannot exhaust the interpreter's stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from bs4 import Tag
from bs4.element import Comment, NavigableString

from citecheck.extract.coins import coins_reference
from citecheck.model import Entry

__all__ = ["GLUE", "Item", "ids_in_href", "item_entries", "item_text"]

# Link rows and buttons next to a citation, by what they say (whole text of the link).
_LINK_WORDS = re.compile(
    r"^[\[(]?\s*(?:google\s+scholar|cross\s*ref(?:\s+full\s+text)?|pub\s*med(?:\s*/\s*ncbi"
    r"|\s+abstract|\s+full\s+text|\s+central(?:\s+full\s+text)?)?|publisher\s+full\s+text|(?:free\s+)?full"
    r"\s+text|(?:free\s+)?pmc\s+(?:free\s+)?article|europe\s+pmc|abstract|article|cas"
    r"|ads|mathscinet|math\s*reviews|web\s+of\s+science|isi|scopus|medline|view\s+article"
    r"|find\s+this\s+article\s+online|openurl|sfx|ref\s*list|links?|view\s+in\s+article"
    r"|search\s+google\s+scholar|open\s+in\s+a\s+new\s+tab|pdf|view|ncbi|chemport"
    r"|google\s+scholar\s+search|worldcat|semantic\s+scholar|zbmath|[\^↑↵]|back|jump\s+up"
    r"|get\s+rights\s+and\s+content|check\s+for\s+updates)\s*[\])]?\.?$",
    re.IGNORECASE,
)
# Classes of back-links, labels and link rows (matched against each class token).
_BACKLINK_CLASS = re.compile(r"backlink|linkback|rev-xref|back-?ref|cite-?ref", re.I)
_LABEL_CLASS = re.compile(
    r"(?:^|[-_])(?:label|counter|ref-?num(?:ber)?|indicators?)(?:-?container|-left|-right)?$"
    r"|^referenceLabel$",
    re.IGNORECASE,
)
_LINKS_CLASS = re.compile(
    r"(?:^|[-_])(?:ref-?links|reflinks|links|cit-extra|citation-links|ref-sprinkles"
    r"|extra-links|external-links|access-links|accessLinks)$",
    re.IGNORECASE,
)
_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "button", "svg", "img", "input", "select", "template"}
)
# Inline fields a stylesheet separates (Frontiers: span.surname + span.givenNames,
# ScienceDirect: "Blouin<span>M.S.</span>", with no space in the markup), and fields a
# template writes between comments ("<!--[-->26<!--]--><!--[-->1507"): a space goes
# between them where words would touch.
_FIELD_TAGS = frozenset({"span", "i", "em", "b", "strong", "a", "cite"})
GLUE = "\x00"  # where two inline pieces meet (html.py also leaves one for each comment)
_GLUE = GLUE
_GLUED = re.compile(rf"(?<=[\w.,)\]]){_GLUE}+(?=[\w(\[])")
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "dd", "dt", "tr", "td", "table", "section", "cite"}
)
_DOI = re.compile(
    r"(?:doi\.org/|/doi/(?:abs/|full/|pdf/|epdf/|book/)?|doi[=:]\s*|info:doi/)"
    r"(10\.\d{4,9}/[^\s?#&\"'<>]+)",
    re.IGNORECASE,
)
_PUBMED = re.compile(
    r"(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/(?:entrez/query\.fcgi\?.*?"
    r"list_uids=|pubmed/)|^/pubmed/|europepmc\.org/(?:abstract/MED|article/MED)/)(\d{1,9})",
    re.I,
)
_PMC = re.compile(
    r"(?:/pmc/articles/|^/articles/|pmc\.ncbi\.nlm\.nih\.gov/articles/|europepmc\.org/"
    r"(?:abstract|article)/PMC/)(PMC\d{4,9})",
    re.IGNORECASE,
)
_EMPTY_BRACKETS = re.compile(r"\[\s*[|,;]?\s*\]|\(\s*\)|(?:\s*\|)+\s*(?=$|\|)|^\s*\|")
_LEADING_BACKLINK = re.compile(r"^(?:[\^↑↵]\s*(?:[a-z]{1,2}\s+){0,30})+")
# `<!-- citecheck: ignore -->` in an entry or just before it, or the words at its end.
_IGNORE_COMMENT = re.compile(r"^\s*citecheck\s*:\s*ignore\s*$", re.IGNORECASE)
_IGNORE_WORDS = re.compile(r"[\[(]?\bcitecheck\s*:\s*ignore\b[\])]?\s*$", re.IGNORECASE)


@dataclass
class Item:
    """One entry element and what its walk found besides text."""

    text: str
    line: int
    dois: list[str] = field(default_factory=list)
    pmids: list[str] = field(default_factory=list)
    pmcids: list[str] = field(default_factory=list)
    coins: list[str] = field(default_factory=list)


def ids_in_href(href: str) -> tuple[str | None, str | None, str | None]:
    """(DOI, PMID, PMCID) an address points to, each None when it names none."""
    href = unquote(unquote(href)).strip()
    doi = _DOI.search(href)
    pmid = _PUBMED.search(href)
    pmc = _PMC.search(href)
    return (
        doi.group(1).rstrip(".,;)").lower() if doi else None,
        pmid.group(1) if pmid else None,
        pmc.group(1).upper() if pmc else None,
    )


def _classes(tag: Tag) -> list[str]:
    value: object = tag.get("class") or []
    return [str(v) for v in value] if isinstance(value, list) else str(value).split()


def _skipped(tag: Tag) -> str | None:
    """'drop' for text that is not part of the citation, 'links' for a link row whose
    addresses are kept, None for content."""
    if tag.name in _SKIP_TAGS:
        return "drop"
    classes = _classes(tag)
    if "Z3988" in classes:
        return "coins"
    rel = " ".join(tag.get_attribute_list("rel") or [])
    href = str(tag.get("href") or "")
    if any(_BACKLINK_CLASS.search(c) for c in classes) or "mw:referencedBy" in rel:
        return "drop"
    if tag.name == "a" and href.startswith("#cite_ref") and len(tag.text) < 4:
        return "drop"
    if any(_LABEL_CLASS.search(c) for c in classes):
        return "drop"
    if any(_LINKS_CLASS.search(c) for c in classes):
        return "links"
    style = str(tag.get("style") or "").replace(" ", "").lower()
    if "display:none" in style:
        return "drop"
    if tag.name == "a":
        words = " ".join(tag.get_text(" ").split())
        if _LINK_WORDS.match(words or "^"):
            return "links"
        # PMC's "[DOI]" button points to the DOI; Wikipedia's "doi" label does not.
        if words.lower() in ("doi", "pmid", "pmc") and any(ids_in_href(href)):
            return "links"
    return None


def item_text(element: Tag) -> Item:
    """The entry's text with back-links, labels and link rows dropped, and its ids."""
    item = Item("", element.sourceline or 0)
    parts: list[str] = []
    # (node, keep text?) pairs; a link row's links are walked for their addresses only.
    stack: list[tuple[object, bool]] = [(element, True)]
    while stack:
        node, keep = stack.pop()
        if node is _GLUE:
            parts.append(_GLUE)
            continue
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            if keep:
                parts.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        kind = _skipped(node) if node is not element else None
        if kind == "drop":
            continue
        if kind == "coins":
            item.coins.append(str(node.get("title") or ""))
            continue
        if node.name == "a":
            _collect_ids(item, str(node.get("href") or ""))
        if node.name in _BLOCK_TAGS:
            parts.append(" ")
        if node.name in _FIELD_TAGS:
            parts.append(_GLUE)
            stack.append((_GLUE, keep))
        stack.extend((child, keep and kind != "links") for child in reversed(node.contents))
    text = _tidy(_GLUED.sub(" ", "".join(parts)).replace(_GLUE, ""))
    lowered = text.lower()
    extras = [f"doi:{doi}" for doi in item.dois if doi not in lowered]
    extras += [f"PMID: {pmid}" for pmid in item.pmids if pmid not in text]
    extras += [f"PMCID: {pmc}" for pmc in item.pmcids if pmc not in text.upper()]
    item.text = " ".join([text, *extras]).strip()
    return item


def _collect_ids(item: Item, href: str) -> None:
    doi, pmid, pmc = ids_in_href(href)
    if doi and doi not in item.dois and not any(doi.startswith(d) for d in item.dois):
        item.dois.append(doi)
    if pmid and pmid not in item.pmids:
        item.pmids.append(pmid)
    if pmc and pmc not in item.pmcids:
        item.pmcids.append(pmc)


def _tidy(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\u00ad", "")
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _EMPTY_BRACKETS.sub(" ", text)
        text = " ".join(text.split())
    text = _LEADING_BACKLINK.sub("", text)
    return text.strip(" |")


def item_entries(element: Tag, start: int) -> list[Entry]:
    """The entries of one list item: usually one; a Wikipedia footnote bundling several
    `cite` elements is one entry per work (each with its COinS fields)."""
    ignored = _marked_ignored(element)
    cites = [
        cite
        for cite in element.find_all("cite")
        if isinstance(cite, Tag) and "citation" in _classes(cite)
    ]
    parts = [element] if len(cites) < 2 else cites
    entries: list[Entry] = []
    for part in parts:
        item = item_text(part)
        if part is not element and isinstance(part.next_sibling, Tag):
            sibling = part.next_sibling
            if "Z3988" in _classes(sibling):
                item.coins.append(str(sibling.get("title") or ""))
        if ignored or _IGNORE_WORDS.search(item.text):
            item.text = _IGNORE_WORDS.sub("", item.text).rstrip(" -–—;,")
            ignored = True
        if not item.text:
            continue
        index = start + len(entries)
        known = next(
            (
                reference
                for kev in item.coins
                if (reference := coins_reference(kev, index, item.text, item.line))
            ),
            None,
        )
        entries.append(Entry(index, item.text, item.line, ignored=ignored, known=known))
    return entries


def _marked_ignored(element: Tag) -> bool:
    before = element.previous_sibling
    while isinstance(before, NavigableString) and not isinstance(before, Comment):
        if before.strip():
            break
        before = before.previous_sibling
    if isinstance(before, Comment) and _IGNORE_COMMENT.match(str(before)):
        return True
    return any(
        isinstance(node, Comment) and _IGNORE_COMMENT.match(str(node))
        for node in element.descendants
    )
