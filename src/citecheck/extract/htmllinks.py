"""Studies a web page cites only as inline links (a health page without a reference list).

A link to PubMed, PMC, doi.org or a journal's /doi/ address names one study by its
identifier; each distinct one becomes an entry of origin "link", with the link's text and
its line, so it is checked by its identifier and reported as a link, not a list entry.
Only links in running text count ("a 2019 trial found..."): a link standing alone in its
block is navigation (a journal page's "Abstract", "References", "Issue 4" links), and so
is a link to the page's own DOI.
"""

from __future__ import annotations

import re

from bs4 import Tag

from citecheck.extract.htmlentry import ids_in_href
from citecheck.model import Entry, Reference

__all__ = ["linked_studies", "own_dois"]


_IN_TEXT = frozenset({"p", "li", "td", "dd", "blockquote", "figcaption", "section", "div"})
# Pages about an article add these to its DOI in their own links.
_DOI_PAGE = re.compile(
    r"/(?:abstract|full|fulltext|pdf|epdf|references|citedby|suppinfo|issuetoc|meta|html"
    r"|figures|tables|info|metrics|supplemental|toc)$",
    re.IGNORECASE,
)
_OWN_DOI = re.compile(
    r"^(?:citation_doi|dc\.identifier|prism\.doi|og:url|bepress_citation_doi)$", re.I
)


def linked_studies(root: Tag, own: set[str]) -> tuple[Entry, ...]:
    """One entry per distinct study linked from running text under `root`, in page
    order; links to the page's `own` DOIs (own_dois) are not studies it cites."""
    seen: set[str] = set(own)
    entries: list[Entry] = []
    for anchor in root.find_all("a", href=True):
        if not isinstance(anchor, Tag) or not _in_running_text(anchor):
            continue
        doi, pmid, pmcid = ids_in_href(str(anchor.get("href") or ""))
        doi = _DOI_PAGE.sub("", doi) if doi else None
        key = doi or pmid or pmcid
        if key is None or key in seen or any(doi and doi.startswith(d + "/") for d in own):
            continue
        seen.add(key)
        address = (
            f"https://doi.org/{doi}"
            if doi
            else f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
            if pmid
            else f"PMCID: {pmcid}"
        )
        words = " ".join(anchor.get_text(" ").split())[:200]
        raw = f"{words} ({address})" if words and key not in words.lower() else address
        index = len(entries) + 1
        line = anchor.sourceline or 0
        known = Reference(index, raw, line, doi=doi, pmid=pmid, origin="link")
        entries.append(Entry(index, raw, line, known=known, origin="link"))
    return tuple(entries)


def own_dois(page: Tag) -> set[str]:
    """The DOIs a page's metadata gives for the page itself."""
    dois = set()
    for meta in page.find_all("meta"):
        name = str(meta.get("name") or meta.get("property") or "") if isinstance(meta, Tag) else ""
        if _OWN_DOI.match(name):
            content = str(meta.get("content") or "")
            doi = ids_in_href(content)[0] or ids_in_href("doi:" + content)[0]
            if doi:
                dois.add(_DOI_PAGE.sub("", doi))
    return dois


def _in_running_text(anchor: Tag) -> bool:
    """Is the link part of a sentence, rather than alone in its block?"""
    words = len(anchor.get_text(" ").split())
    for block in anchor.parents:
        if block.name in _IN_TEXT:
            return len(block.get_text(" ").split()) >= words + 4
    return False
