"""Reference lists read from a web page's DOM rather than from its flattened text.

Where a list is: after a reference heading ("References", "Citations", "Literature
Cited", "References[edit]", "References (72)"), up to the next heading of the same or a
higher level, and in containers whose class or id names a reference list (Wikipedia's
`ol.references`, Springer Nature's `c-article-references`, PMC's and Europe PMC's
`ref-list`, PLOS, Wiley, Taylor & Francis, Elsevier, BMJ/HighWire, MDPI, Frontiers...).
Every such place counts, in page order, so an article with "Citations" and "References"
gives both lists; subheadings inside a references section start new lists.

What an entry is: each item of a top-level `<ol>`/`<ul>` there (lists nested inside an
item are part of it: Elsevier writes each entry as a list of its fields, PLOS its link
row); without lists, each repeated block (Frontiers' `div.References`, paragraphs), with a
block holding only a number joined to the entry after it, and a block holding only links
joined to the entry before it. A list counts only when at least half of its entries look
like references, so menus, "Cited by" and tool rows in the same section do not.

The walks are iterative: a page nested thousands deep is read, not a RecursionError.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import Tag

from citecheck.extract.htmlentry import item_entries
from citecheck.model import Entry
from citecheck.twoworks import guard

__all__ = ["heading_level", "reference_heading", "reference_lists"]

_HEADING = re.compile(r"^h([1-6])$")
# A class or id token naming a reference list ("references", "ref-list", "c-article-
# references", "article-section__references", "html-references_list", "bibliography").
_LIST_TOKEN = re.compile(
    r"(?:^|[-_])(?:references|ref-?list|reflist|refs|bibliography|literature-?cited"
    r"|references-?list|reference-?list|cit-list)(?:[-_]?list|[-_]?\d+|[-_]section)?$",
    re.IGNORECASE,
)
# Decoration around a heading's words: Wikipedia's "[edit]", pilcrows and anchors, counts.
_EDIT = re.compile(
    r"\[\s*edit(?:\s+source)?\s*\]|[¶§#]|\(\s*(?:\d+|subscription\s+required)\s*\)", re.I
)
_MARKER_ONLY = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]?)\s*$")
_LIST_TAGS = ("ol", "ul")
_BLOCKS = frozenset(
    {"p", "div", "section", "li", "dd", "blockquote", "article", "span", "dl", "ol", "ul"}
)


def heading_level(tag: Tag) -> int | None:
    """1-6 for a heading element (h1-h6, role="heading"), else None."""
    found = _HEADING.match(tag.name or "")
    if found:
        return int(found.group(1))
    if str(tag.get("role") or "") == "heading":
        level = str(tag.get("aria-level") or "2")
        return int(level) if level.isdigit() else 2
    return None


def reference_heading(tag: Tag) -> bool:
    """A heading whose words name a reference section, decoration aside."""
    from citecheck.references import is_heading

    words: list[str] = []
    stack: list[object] = [tag]
    while stack:  # the heading's words, without Wikipedia's edit links
        node = stack.pop()
        if isinstance(node, Tag):
            if "editsection" not in " ".join(node.get("class") or []):
                stack.extend(reversed(node.contents))
        elif isinstance(node, str):
            words.append(node)
    return is_heading(" ".join(_EDIT.sub(" ", " ".join(words)).split()))


def reference_lists(root: Tag) -> list[tuple[Entry, ...]]:
    """Every reference list under `root`, in page order; entries numbered 1..n across all."""
    order = {id(tag): n for n, tag in enumerate(root.find_all(True))}
    places: list[tuple[int, list[Tag]]] = []
    runs: dict[int, list[Tag]] = {}  # a class container -> the run of siblings it ends
    for tag in root.find_all(True):
        level = heading_level(tag)
        if level is not None and reference_heading(tag):
            places.append((order[id(tag)], _section(tag, level)))
        elif _names_a_list(tag):
            # Sibling containers of one class (Frontiers' div.References per entry) are
            # one list, not a list per entry.
            before = tag.find_previous_sibling(True)
            run = runs.pop(id(before), None) if isinstance(before, Tag) else None
            if run is not None and before is not None and _same_kind(before, tag):
                run.append(tag)
            else:
                run = [tag]
                places.append((order[id(tag)], run))
            runs[id(tag)] = run
    places.sort(key=lambda place: place[0])
    taken: set[int] = set()
    lists: list[tuple[Entry, ...]] = []
    count = 0
    for _, nodes in places:
        for items in _groups(nodes):
            fresh = [item for item in items if not _within(item, taken)]
            if not fresh:
                continue
            entries = guard(_entries(fresh, count + 1))
            if _accepted(entries):
                taken.update(id(item) for item in fresh)
                lists.append(tuple(entries))
                count += len(entries)
    return lists


def _same_kind(one: Tag, other: Tag) -> bool:
    return one.name == other.name and one.get("class") == other.get("class")


def _within(tag: Tag, taken: set[int]) -> bool:
    """Is `tag`, or an element around it, an entry of a list already read?"""
    node: Tag | None = tag
    while node is not None:
        if id(node) in taken:
            return True
        node = node.parent
    return False


def _names_a_list(tag: Tag) -> bool:
    classes: object = tag.get("class") or []
    tokens = [str(c) for c in classes] if isinstance(classes, list) else str(classes).split()
    tokens.append(str(tag.get("id") or ""))
    return any(_LIST_TOKEN.search(token) for token in tokens if token)


def _section(heading: Tag, level: int) -> list[Tag]:
    """The elements after a heading up to the next heading of its level or higher."""
    node = heading
    # Wikipedia wraps headings (div.mw-heading > h2 + edit links): start from the wrapper.
    while isinstance(node.parent, Tag) and _only_heading(node.parent, node):
        node = node.parent
    nodes: list[Tag] = []
    for sibling in node.next_siblings:
        if not isinstance(sibling, Tag):
            continue
        if _ends_section(sibling, level):
            break
        nodes.append(sibling)
    return nodes


def _only_heading(parent: Tag, heading: Tag) -> bool:
    if parent.name in ("body", "html", "section", "article", "main"):
        return False
    others = [c for c in parent.children if isinstance(c, Tag) and c is not heading]
    return all(c.name in ("span", "a") and len(c.get_text(strip=True)) < 20 for c in others)


def _ends_section(tag: Tag, level: int) -> bool:
    own = heading_level(tag)
    if own is not None:
        return own <= level
    wanted = [f"h{n}" for n in range(1, level + 1)]
    return tag.find(wanted) is not None


def _walk(nodes: list[Tag]) -> Iterator[tuple[str, Tag]]:
    """("heading", tag) and ("list", tag) events in page order; a list's insides are not
    walked (lists in its items belong to the items)."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if heading_level(node) is not None:
            yield "heading", node
            continue
        # Items outside <ol>/<ul> happen too (ScienceDirect hides the rest of its list in
        # a <div> of <li>s until "Show more"): they are a list all the same.
        if sum(1 for c in _kids(node) if c.name == "li") >= (1 if node.name in _LIST_TAGS else 2):
            yield "list", node
            continue
        stack.extend(reversed(_kids(node)))


def _kids(tag: Tag) -> list[Tag]:
    return [child for child in tag.children if isinstance(child, Tag)]


def _groups(nodes: list[Tag]) -> Iterator[list[Tag]]:
    """The entry elements of each list in `nodes`: the items of the top-level lists
    between two headings (a list continued in a second `<ol>` stays one list), rows of
    short tool links left out; without lists, the blocks."""
    group: list[Tag] = []
    found_list = False
    for event, tag in _walk(nodes):
        if event == "heading":
            if group:
                yield group
            group = []
            continue
        items = [c for c in _kids(tag) if c.name == "li"]
        if not all(len(item.get_text(" ").split()) < 5 for item in items):
            found_list = True
            group.extend(items)
    if group:
        yield group
    if not found_list:
        yield _blocks(nodes)


def _blocks(nodes: list[Tag]) -> list[Tag]:
    """Repeated blocks as entries. A wrapper is looked through: a single block, or one
    holding nearly all the text (a toolbar beside it is left out)."""
    blocks = [n for n in nodes if n.name in _BLOCKS and heading_level(n) is None]
    while blocks:
        wrapper = blocks[0]
        if len(blocks) > 1:
            sizes = [len(b.get_text()) for b in blocks]
            if max(sizes) < 0.8 * sum(sizes):
                break
            wrapper = blocks[sizes.index(max(sizes))]
        inner = [k for k in _kids(wrapper) if k.name in _BLOCKS and heading_level(k) is None]
        if not inner:
            break
        blocks = inner
    return blocks


def _entries(items: list[Tag], start: int) -> list[Entry]:
    """Entries of a group; a lone number joins the next block, a link row the previous."""
    entries: list[Entry] = []
    marker = ""
    for item in items:
        found = item_entries(item, start + len(entries))
        if not found:
            continue
        if len(found) == 1 and _MARKER_ONLY.match(found[0].raw):
            marker = found[0].raw
            continue
        if entries and len(found) == 1 and _links_only(found[0].raw) and not marker:
            last = entries[-1]
            raw = f"{last.raw} {found[0].raw}"
            entries[-1] = Entry(last.index, raw, last.line, known=last.known)
            continue
        if marker:
            first = found[0]
            found[0] = Entry(first.index, f"{marker} {first.raw}", first.line, known=first.known)
            marker = ""
        entries.extend(found)
    return entries


def _links_only(text: str) -> bool:
    """What remains of a row of service links: only the ids its addresses carried."""
    return bool(re.fullmatch(r"(?:\s*(?:doi:\S+|PMID: \d+|PMCID: PMC\d+))+\s*", text))


def _accepted(entries: list[Entry]) -> bool:
    from citecheck.references import looks_like_reference

    if not entries:
        return False
    good = sum(1 for e in entries if looks_like_reference(e.raw) or e.known is not None)
    return good >= 1 and good >= 0.5 * len(entries)
