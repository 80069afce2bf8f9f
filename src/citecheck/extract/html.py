"""Reduce a saved web page to the text of its main content, one block per line.

The reference finder works on lines, so the important job here is layout: block elements
become separate lines, list items become "- " lines (so entries stay apart), and page
chrome (menus, cookie banners, footers) is removed so it cannot be mistaken for content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from bs4 import BeautifulSoup, Tag
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    PageElement,
    ProcessingInstruction,
)

from citecheck.extract.htmlentry import GLUE
from citecheck.extract.htmllinks import linked_studies, own_dois
from citecheck.extract.htmlmeta import metadata_records
from citecheck.extract.htmlrefs import reference_heading, reference_lists
from citecheck.extract.source import SourceText, from_lines
from citecheck.extract.structured import render as render_records
from citecheck.model import Entry

# Elements whose content is never article text.
_DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
        "template", "iframe", "svg", "canvas", "button", "select", "head", "object",
        "embed", "dialog", "menu",
    }
)  # fmt: skip
_DROP_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog"}
)
# class/id fragments that mark navigation chrome. "nav" must start a word so that
# e.g. "canvas" or "unavailable" are not hit.
_CHROME = re.compile(r"(?:^|[-_\s])nav|menu|footer|sidebar|cookie|breadcrumb", re.IGNORECASE)
# Never drop these because of a class name: they are the content itself.
_CONTENT_TAGS = frozenset({"main", "article", "body", "html"})

# Blocks separated by a blank line.
_PARA_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "blockquote", "ul", "ol", "dl",
        "table", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
        "address", "details", "summary", "center", "hr", "fieldset",
    }
)  # fmt: skip
# Blocks that start a new line but need no blank line around them.
_LINE_BLOCKS = frozenset({"li", "tr", "dd", "dt", "caption", "thead", "tbody", "tfoot"})
_CELLS = frozenset({"td", "th"})

_DOI_HREF = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)", re.IGNORECASE)
_PUBMED_HREF = re.compile(r"(?:ncbi\.nlm\.nih\.gov/pubmed|pubmed\.ncbi\.nlm\.nih\.gov)/(\d+)")
_IGNORE = re.compile(r"^\s*citecheck\s*:\s*ignore\s*$", re.IGNORECASE)
_SUP_CITE = re.compile(r"^\[?\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\]?$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00]")


def is_heading(line: str) -> bool:
    from citecheck.references import is_heading as reference_heading

    return reference_heading(line)


@dataclass(frozen=True)
class HtmlReading:
    """A page's text (with its map to source lines), the reference lists read from its
    DOM, and, on a page without any list, the studies it links to inline."""

    text: SourceText
    lists: tuple[tuple[Entry, ...], ...] = ()
    links: tuple[Entry, ...] = ()


_BROKEN_SECTION = re.compile(r"<!\[(?![A-Za-z])")


def html_to_text(markup: str) -> str:
    """The readable main-content text of an HTML document ("" if there is none)."""
    return read_html(markup).text


def read_html(markup: str) -> HtmlReading:
    """Read a page: its main-content text, its reference lists, its linked studies.

    A page whose text holds no reference list but whose metadata declares references
    (citation_reference tags, JSON-LD `citation`) gets them appended to the text as a
    list, for the text finder."""
    # html.parser rejects the whole page on a marked section that names nothing ("<![1]"):
    # such a "<![" is text. (Word's "<![if !supportLists]>" names one and is kept.)
    soup = BeautifulSoup(_BROKEN_SECTION.sub("&lt;![", markup), "html.parser")
    declared = metadata_records(soup)  # before the chrome (scripts, <head>) is dropped
    own = own_dois(soup)
    for node in soup.find_all(string=lambda s: isinstance(s, Comment | Declaration | CData)):
        if isinstance(node, Comment) and _IGNORE.match(str(node)):
            continue
        # A comment may be all that separates two fields a template wrote: leave a mark
        # there (reference entries turn it into a space where words would touch).
        node.replace_with(NavigableString(GLUE))
    _drop_chrome(soup)
    body = soup.body if isinstance(soup.body, Tag) else soup
    lists = tuple(reference_lists(body))
    root = _content_root(soup)
    writer = _Writer()
    writer.render(root)
    text = writer.text()
    from citecheck.references import section_start  # (references imports extract)

    if declared and not lists and section_start(text) is None:
        listed = render_records(declared)
        pairs = [*zip(text.split("\n"), text.source_lines, strict=False), ("", 0)]
        pairs += zip(listed.rstrip("\n").split("\n"), listed.source_lines, strict=False)
        return HtmlReading(from_lines(pairs))
    if lists or section_start(text) is not None:
        return HtmlReading(text, lists)
    return HtmlReading(text, links=linked_studies(root, own))


def _attr_text(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if value is None:
        return ""
    return " ".join(value) if isinstance(value, list) else str(value)


def _chrome_kind(tag: Tag) -> str | None:
    """How sure we are that `tag` is page chrome, or None when it is not chrome.

    "certain": chrome by element or visibility; "hinted": only its role/class/id say so.
    """
    if tag.name in _DROP_TAGS:
        return "certain"
    if tag.name in _CONTENT_TAGS:
        return None
    if tag.has_attr("hidden") or _attr_text(tag, "aria-hidden").lower() == "true":
        return "certain"
    style = _attr_text(tag, "style").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return "certain"
    if _attr_text(tag, "role").lower() in _DROP_ROLES:
        return "hinted"
    if _CHROME.search(_attr_text(tag, "class") + " " + _attr_text(tag, "id")):
        return "hinted"
    return None


def _holds_reference_list(tag: Tag) -> bool:
    """Journal sites sometimes put the reference list in an <aside> or <footer>: keep it."""
    return any(
        isinstance(heading, Tag) and reference_heading(heading)
        for heading in tag.find_all(re.compile(r"^h[1-6]$"))
    )


def _drop_chrome(soup: BeautifulSoup) -> None:
    body = soup.body if isinstance(soup.body, Tag) else soup
    total = _text_len(body)
    # Collect first, then remove: decomposing while iterating find_all is unreliable.
    doomed = [
        (tag, kind)
        for tag in soup.find_all(True)
        if isinstance(tag, Tag)
        and tag.name not in ("html", "body")
        and (kind := _chrome_kind(tag)) is not None
    ]
    for tag, kind in doomed:
        if tag.decomposed:
            continue
        # A class such as "page-with-sidebar" on a wrapper (or an ASP.NET <form> around
        # the whole page) must not wipe out the content.
        if (kind == "hinted" or tag.name == "form") and total and _text_len(tag) > 0.5 * total:
            continue
        if tag.name in ("aside", "footer", "section", "div") and _holds_reference_list(tag):
            continue
        tag.decompose()


def _text_len(tag: Tag) -> int:
    return len(_SPACES.sub("", tag.get_text()))


def _content_root(soup: BeautifulSoup) -> Tag:
    """<main> (or a lone <article>) when it holds most of the page's text, else the body."""
    body = soup.body if isinstance(soup.body, Tag) else soup
    total = _text_len(body)
    candidates: list[Tag] = []
    main = soup.find("main") or soup.find(role="main")
    if isinstance(main, Tag):
        candidates.append(main)
    articles = [a for a in soup.find_all("article") if isinstance(a, Tag)]
    if len(articles) == 1:
        candidates.append(articles[0])
    for candidate in candidates:
        if total and _text_len(candidate) >= 0.5 * total:
            return candidate
    return body


class _Writer:
    """Accumulates inline text into lines; blocks flush the current line.

    Every line remembers the source line its first text came from (`origins`), so that
    the reference finder can report an entry's line in the HTML file.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origins: list[int] = []
        self.cursor = 0  # source line of the last element opened
        self.origin = 0  # source line of the current line's first text
        self.highest = 0  # the last source line of an element opened so far
        self.current: list[str] = []
        # A list item's "- " waits for the item's first text, so that <li><p>..</p></li>
        # still yields one "- ..." line rather than a lone dash.
        self.prefix = ""

    def write(self, text: str, line: int = 0) -> None:
        if not self.origin and text.strip():
            self.origin = line or self.cursor
        self.current.append(text)

    def newline(self) -> None:
        line = _SPACES.sub(" ", _ZERO_WIDTH.sub("", "".join(self.current))).strip()
        self.current = []
        if line:
            self.lines.append(self.prefix + line)
            self.origins.append(self.origin)
            self.prefix = ""
        self.origin = 0

    def blank(self) -> None:
        self.newline()
        if self.lines and self.lines[-1] != "" and not self.prefix:
            self.lines.append("")
            self.origins.append(0)

    def render(self, root: Tag) -> None:
        """Write `root`'s content; an explicit stack, so any nesting depth is fine."""
        stack: list[tuple[PageElement, bool]] = [(c, False) for c in reversed(root.contents)]
        while stack:
            node, leaving = stack.pop()
            if not isinstance(node, Tag):
                self._render_string(node)
            elif leaving:
                self._close(node)
            elif self._open(node):
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.contents))
            elif node.sourceline:
                self.cursor = max(self.cursor, _end_line(node))

    def _render_string(self, node: PageElement) -> None:
        if isinstance(node, Comment) and _IGNORE.match(str(node)):
            self.write(" <!-- citecheck: ignore --> ")
        elif isinstance(node, NavigableString) and not isinstance(
            node, Comment | Doctype | Declaration | ProcessingInstruction
        ):
            raw = str(node)
            lead = len(raw) - len(raw.lstrip())
            line = self.cursor + raw[:lead].count("\n") if self.cursor else 0
            self.write(raw.replace("\n", " ").replace("\r", " "), line)

    def _open(self, tag: Tag) -> bool:
        """Start a tag; False when its content is written already (or never)."""
        name = tag.name
        if tag.sourceline:
            self.cursor = tag.sourceline
            self.highest = max(self.highest, tag.sourceline)
        if name == "sup" and self._superscript(tag):
            return False
        if name == "br":
            self.newline()
            return False
        if name == "pre":
            self.blank()
            for line in tag.get_text().splitlines():
                self.write(line)
                self.newline()
            self.blank()
            return False
        if name == "img":
            self.write(_attr_text(tag, "alt"))
            return False
        if name in _PARA_BLOCKS:
            self.blank()
        elif name in _LINE_BLOCKS:
            self.newline()
            if name == "li":
                self.prefix = "- "
        elif name in _CELLS:
            self.write(" ")
        return True

    def _close(self, tag: Tag) -> None:
        name = tag.name
        if name in _PARA_BLOCKS:
            self.blank()
        elif name in _LINE_BLOCKS:
            self.newline()
            self.prefix = ""
        elif name in _CELLS:
            self.write(" ")
        elif name == "a":
            self._keep_identifier(tag)
        if tag.sourceline:
            self.cursor = max(self.cursor, self.highest)

    def _superscript(self, tag: Tag) -> bool:
        """Numeric superscripts are citations: written as "[1,3]" for the citation check."""
        text = tag.get_text().strip()
        if not _SUP_CITE.match(text):
            return False
        before = "".join(self.current).rstrip()
        if re.search(r"(?:^|[\s/(])(?:[kcmµ]?m|[kmµ]?g|s|cm|mm|km|ft|in|x|e|n|r|10)$", before):
            return False  # m², 10³, x²: not citations
        self.write(f"[{text.strip('[]')}]")
        return True

    def _keep_identifier(self, tag: Tag) -> None:
        """Links often hide the DOI/PMID behind text like "CrossRef"; keep it in the text."""
        href = unquote(_attr_text(tag, "href")).strip()
        text = tag.get_text().lower()
        doi = _DOI_HREF.search(href)
        if doi:
            if doi.group(1).lower() not in text:
                self.write(f" https://doi.org/{doi.group(1)} ")
            return
        pmid = _PUBMED_HREF.search(href)
        if pmid and pmid.group(1) not in text:
            self.write(f" PMID: {pmid.group(1)} ")

    def text(self) -> SourceText:
        self.newline()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
            self.origins.pop()
        return from_lines(list(zip(self.lines, self.origins, strict=True)))


def _end_line(tag: Tag) -> int:
    """The source line where `tag`'s last descendant element starts (a lower bound)."""
    last = tag.sourceline or 0
    for child in tag.find_all(True):
        if isinstance(child, Tag) and child.sourceline and child.sourceline > last:
            last = child.sourceline
    return last
