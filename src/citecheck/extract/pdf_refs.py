"""Reference lists from a PDF's lines in reading order, split by their layout.

A list starts at a reference heading ("References", "Bibliography", ... as references.py
knows them) and ends at the next heading (a known other section, or a line set larger
than the entries). Its entries start where the layout says so, in this order of trust:
numbers in sequence ("1.", "[2]", "(3)"), bullets, a hanging indent (first line at the
column's margin, the rest indented), a first-line indent, extra space between entries;
with none of these, a line that starts like an author after a line that ended an entry.
Running heads and page numbers are dropped first, so a list reads on over page and column
breaks.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from statistics import median

from citecheck.extract.pdf_layout import Line
from citecheck.model import Entry
from citecheck.references import is_heading, looks_like_reference
from citecheck.twoworks import guard

_NUMBER = re.compile(
    r"^(?:\[(?P<b>\d{1,4})\]|\((?P<p>\d{1,4})\)|(?P<n>\d{1,4})(?P<d>[.)]?))(?=\s|$)"
)
_BULLET = re.compile(r"^[•·▪◦‣●■►○–-](?=\s)")
_OTHER_HEADING = re.compile(
    r"^(?:(?:\d{1,2}|[IVX]{1,4}|[A-Z])[.)]?\s+)?(?:appendi(?:x|ces)\b.*|supplementa(?:ry|l)\b.*|"
    r"acknowledge?ments?|funding|author\s+contributions?|competing\s+interests|"
    r"conflicts?\s+of\s+interests?|declarations?|abbreviations|figures?(?:\s+legends)?|"
    r"tables?|figure\s+legends|tables\s+and\s+figures|publisher.s\s+note|"
    r"about\s+the\s+authors?|biograph(?:y|ies)|author\s+biograph(?:y|ies)|"
    r"(?:submit|ready\s+to\s+submit)\b.*|data\s+availability.*|ethics\b.*|"
    r"consent\s+for\s+publication|availability\s+of\s+data.*)\s*:?$",
    re.IGNORECASE,
)
_LINK_LINE = re.compile(
    r"^(?:(?:publisher\s+full\s+text|reference\s+source|pubmed\s+abstract|free\s+full\s+text|"
    r"pubmed\s+central(?:\s+full\s+text)?|google\s+scholar|cross\s*ref|full\s+text|pubmed|"
    r"medline|web\s+of\s+science|article|cas|publisher\s+site)\s*\|?\s*)+$",
    re.IGNORECASE,
)
_RUN_IN_HEADING = re.compile(
    r"^(?:conflicts?\s+of\s+interests?|competing\s+interests|funding|acknowledge?ments?|"
    r"author\s+contributions?|data\s+availability|ethics\s+statement)(?:\s+statement)?:\s",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[ivxlc\d]{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_AUTHOR_START = re.compile(
    r"^(?:(?:van|von|de|der|den|da|di|du|del|la|le|ter|ten|al|el)\s+)*"
    r"[A-ZÀ-Ý][\w'’\-]+(?:\s[A-ZÀ-Ý][\w'’\-]+)?"
    r"(?:,\s*(?:[A-Z]\.|[A-Z][a-z]+)|\s+[A-Z]{1,3}[,.]|\s+[A-Z]\.)"
)
_ENDS_ENTRY = re.compile(r"(?:[.)\]]|\b10\.\d{4,9}/\S+|https?://\S+|\d)$")
_DATED = re.compile(r"\b(?:1[6-9]|20)\d\d[a-z]?\b|\b10\.\d{4,9}/|arXiv:|https?://")
_DOI_OR_URL_TAIL = re.compile(r"(?:\b10\.\d{4,9}/\S*|https?://\S*|www\.\S*)$")


def drop_running_lines(lines: list[Line], heights: list[float]) -> list[Line]:
    """Without running heads, running feet and page numbers (repeated near page edges)."""
    edge = {i for i, line in enumerate(lines) if _near_edge(line, heights[line.page])}
    pages: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        pages.setdefault(line.page, []).append(i)
    for on_page in pages.values():  # and the two top and bottom lines of wide margins
        by_height = sorted(on_page, key=lambda i: -lines[i].y)
        edge.update(by_height[:2] + by_height[-2:])
    # The same words at the same height on another page: a running head or foot.
    keys = Counter((_masked(lines[i].text), round(lines[i].y / 4)) for i in edge)
    kept = []
    for i, line in enumerate(lines):
        key = (_masked(line.text), round(line.y / 4))
        if i in edge and (keys[key] >= 2 or _PAGE_NUMBER.match(line.text)):
            continue
        kept.append(line)
    return kept


def _near_edge(line: Line, height: float) -> bool:
    return line.y > height * 0.9 or line.y < height * 0.1


def _masked(text: str) -> str:
    """A running head without its page number: "12 References" = "References 13"."""
    return " ".join(re.sub(r"\d+", " ", text.lower()).split())


def reference_lists(lines: list[Line]) -> tuple[tuple[Entry, ...], ...]:
    """Every reference list under a reference heading, each split into its entries."""
    lists: list[tuple[Entry, ...]] = []
    words = _vocabulary(lines)
    i = 0
    while i < len(lines):
        if not is_heading(lines[i].text):
            i += 1
            continue
        end = _section_end(lines, i + 1)
        entries = _entries(lines, i + 1, end, words)
        if entries and _mostly_references(entries):
            lists.append(tuple(entries))
        i = max(end, i + 1)
    if not lists:
        trailing = _trailing_numbered(lines, words)
        if trailing:
            lists.append(trailing)
    return tuple(lists)


def _trailing_numbered(lines: list[Line], words: frozenset[str]) -> tuple[Entry, ...]:
    """Without a heading (RevTeX, some preprints): the last list numbered from 1 whose
    entries are references."""
    for i in range(len(lines) - 1, -1, -1):
        match = _NUMBER.match(lines[i].text)
        if match and int(match.group("b") or match.group("p") or match.group("n")) == 1:
            end = _section_end(lines, i + 1)
            entries = _entries(lines, i, end, words)
            if len(entries) >= 3 and _mostly_references(entries, share=0.7):
                return tuple(entries)
    return ()


def _section_end(lines: list[Line], start: int) -> int:
    body = lines[start : start + 40]
    if not body:
        return start
    size = median(line.size for line in body)
    for i in range(start, len(lines)):
        text = lines[i].text.strip()
        if is_heading(text) or (len(text) <= 60 and _OTHER_HEADING.match(text)):
            return i
        if _RUN_IN_HEADING.match(text):
            return i  # "Conflict of Interest Statement: The authors declare ..."
        if lines[i].size > size * 1.12 and _heading_like(text):
            return i  # a larger heading: the next section
    return len(lines)


def _heading_like(text: str) -> bool:
    """Short, capitalised or numbered, not a sentence broken at its end."""
    return (
        len(text) <= 60
        and not _NUMBER.match(text)
        and text[:1].isupper() | text[:1].isdigit()
        and not text.endswith(("-", ",", ";", "."))
    )


def _entries(lines: list[Line], start: int, end: int, words: frozenset[str]) -> list[Entry]:
    section = [i for i in range(start, end) if lines[i].text.strip()]
    if not section:
        return []
    size = median(lines[i].size for i in section)
    # Text in another size is not the list's (a parallel column of the page, a caption).
    section = [i for i in section if size * 0.7 <= lines[i].size <= size * 1.12]
    # Link lines after each entry ("Publisher Full Text", "PubMed Abstract"): dropped,
    # and where there is one after most entries, each ends its entry.
    after_link = {n for n, i in enumerate(section) if n and _LINK_LINE.match(lines[i - 1].text)}
    kept = [i for i in section if not _LINK_LINE.match(lines[i].text)]
    if len(kept) < len(section):
        after_link = {
            kept.index(i) for i in kept if i - 1 in section and _LINK_LINE.match(lines[i - 1].text)
        }
        section = kept
    starts, labelled = _starts(lines, section, size)
    if not labelled and len(after_link) >= 2:
        starts = sorted({0} | {n for n in after_link if n < len(section)})
    stop = _last_entry_end(lines, section, starts[-1], size) if labelled else len(section)
    entries: list[Entry] = []
    for n, first in enumerate(starts):
        last = starts[n + 1] if n + 1 < len(starts) else stop
        parts = [lines[i].text for i in section[first:last]]
        raw = _strip_label(join_lines(parts, words))
        if raw:
            entries.append(Entry(len(entries) + 1, raw, section[first] + 1))
    # An entry holding two works (a label the layout lost) is split where plain, else
    # flagged so that it is never looked up: the guard every reader uses.
    return guard(entries)


def _starts(lines: list[Line], section: list[int], size: float) -> tuple[list[int], bool]:
    """Positions in `section` where entries begin, by the most telling layout cue, and
    whether that cue was a label (a number or a bullet)."""
    texts = [lines[i].text for i in section]
    for finder in (_numbered, _bulleted):
        found = finder(texts)
        if found:
            return found, True
    rows = [lines[i] for i in section]
    for layout in (_hanging, _spaced):
        found = layout(rows, size)
        if found:
            return found, False
    return _by_wording(texts), False


def _last_entry_end(lines: list[Line], section: list[int], first: int, size: float) -> int:
    """Where the last labelled entry ends: at a paragraph gap, or at a line that starts
    left of its label (the page's text going on after the list)."""
    steps = [
        lines[a].y - lines[b].y
        for a, b in pairwise(section)
        if (lines[a].page, lines[a].block) == (lines[b].page, lines[b].block)
        and lines[a].y > lines[b].y
    ]
    usual = median(steps) if steps else size * 1.2
    label = lines[section[first]]
    for n in range(first + 1, len(section)):
        line, above = lines[section[n]], lines[section[n - 1]]
        same_block = (line.page, line.block) == (above.page, above.block)
        if same_block and above.y - line.y > usual * 1.45:
            return n  # a gap wider than the list's own line spacing
        if same_block and line.x0 < label.x0 - 0.3 * size:
            return n
    return len(section)


def _numbered(texts: list[str]) -> list[int]:
    """Lines that carry the next number of one labelling style, in sequence."""
    best: list[int] = []
    for style in ("b", "p", "n."):
        found: list[int] = []
        expected: int | None = None
        for i, text in enumerate(texts):
            match = _NUMBER.match(text)
            if not match or _style(match) != style:
                continue
            number = int(match.group(style[0]))
            if (expected is None and number <= 3) or number == expected:
                found.append(i)
                expected = number + 1
        if len(found) > len(best):
            best = found
    if len(best) < 3 or (best[0] != 0 and len(best) < 0.5 * len(texts) / 4):
        return []
    return [0, *best] if best[0] != 0 else best


def _style(match: re.Match[str]) -> str:
    if match.group("b"):
        return "b"
    if match.group("p"):
        return "p"
    return "n."


def _bulleted(texts: list[str]) -> list[int]:
    found = [i for i, text in enumerate(texts) if _BULLET.match(text)]
    if len(found) < 2:
        return []
    return [0, *found] if found[0] != 0 else found


def _hanging(rows: list[Line], size: float) -> list[int]:
    """First lines at the column's margin and the rest indented, or the other way round."""
    margins = _margins(rows)
    at_margin = [abs(row.x0 - margins[(row.page, row.block)]) < 0.35 * size for row in rows]
    indented = len(rows) - sum(at_margin)
    if indented < 0.2 * len(rows) or sum(at_margin) < 2:
        return []
    if at_margin[0]:
        return [i for i, flag in enumerate(at_margin) if flag]
    firsts = [i for i, flag in enumerate(at_margin) if not flag]
    return firsts if len(firsts) >= 2 else []


def _margins(rows: list[Line]) -> dict[tuple[int, int], float]:
    margins: dict[tuple[int, int], float] = {}
    for row in rows:
        key = (row.page, row.block)
        margins[key] = min(margins.get(key, row.x0), row.x0)
    return margins


def _spaced(rows: list[Line], size: float) -> list[int]:
    """Entries set apart by more space than the lines within them."""
    steps = [
        (i, rows[i - 1].y - rows[i].y)
        for i in range(1, len(rows))
        if (rows[i].page, rows[i].block) == (rows[i - 1].page, rows[i - 1].block)
    ]
    if len(steps) < 4:
        return []
    usual = min(median(step for _, step in steps), size * 1.6)
    wide = {i for i, step in steps if step > usual + 0.35 * size}
    if len(wide) < 2 or len(wide) > 0.7 * len(steps):
        return []
    breaks = {0} | wide
    for i in range(1, len(rows)):  # a new page or column keeps the entry unless it ended
        moved = (rows[i].page, rows[i].block) != (rows[i - 1].page, rows[i - 1].block)
        ended = _ENDS_ENTRY.search(rows[i - 1].text) and _AUTHOR_START.match(rows[i].text)
        if moved and ended:
            breaks.add(i)
    return sorted(breaks)


def _by_wording(texts: list[str]) -> list[int]:
    """No layout cue: an author-like start after a line that ended an entry."""
    starts = [0]
    for i in range(1, len(texts)):
        if _ENDS_ENTRY.search(texts[i - 1].rstrip()) and _AUTHOR_START.match(texts[i]):
            starts.append(i)
    return starts


def _strip_label(text: str) -> str:
    match = _NUMBER.match(text) or _BULLET.match(text)
    return text[match.end() :].strip() if match else text.strip()


def _mostly_references(entries: list[Entry], share: float = 0.5) -> bool:
    """Most entries have the shape of a reference (or at least a year or an identifier:
    "Riaz Ahmad and Muhammad Tanvir Afzal. 2018. Cad: ..." under a References heading)."""
    cited = sum(1 for e in entries if looks_like_reference(e.raw) or _DATED.search(e.raw))
    return cited >= max(1, share * len(entries))


_KEEP_HYPHEN = frozenset(
    {"self", "non", "well", "cross", "long", "short", "high", "low", "co", "pre", "post",
     "anti", "multi", "inter", "intra", "semi", "sub", "follow", "meta", "time", "dose"}
)  # fmt: skip


def _vocabulary(lines: list[Line]) -> frozenset[str]:
    """The document's words (lower case, hyphenated ones whole), leaving out the pieces of
    words a hyphen breaks at a line end: what join_lines asks whether a word exists."""
    words: set[str] = set()
    broken = False
    for line in lines:
        found = _WORD.findall(line.text.lower())
        if broken and found:
            found = found[1:]
        broken = line.text.rstrip().endswith("-")
        if broken and found:
            found = found[:-1]
        words.update(found)
    return frozenset(words)


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _keeps_hyphen(stem: str, following: str, words: frozenset[str]) -> bool:
    """Whether "stem-" at a line end and "following" on the next line are the two words of
    a compound ("odorant-binding", "computer-triggered") rather than one word broken in
    two ("phar-macology"): by the document's own words. A word it uses whole is one word;
    a compound it writes elsewhere, or two words it uses alone (each of four letters or
    more), are a compound."""
    stem, following = stem.lower(), following.lower()
    if not following or f"{stem}{following}" in words:
        return False
    if f"{stem}-{following}" in words:
        return True
    return min(len(stem), len(following)) >= 4 and stem in words and following in words


def join_lines(parts: list[str], words: frozenset[str] = frozenset()) -> str:
    """Lines of one entry as one string: words split by a hyphen at a line end are joined
    (unless the document's `words` show a compound), and so are DOIs and URLs broken over
    two lines."""
    out = parts[0].strip()
    for part in parts[1:]:
        nxt = part.strip()
        if not nxt:
            continue
        last = out.rsplit(None, 1)[-1] if out else ""
        if out.endswith("-") and len(last) > 1:
            stem = last[:-1].rsplit("-", 1)[-1]
            split_word = stem.isalpha() and stem[-1].islower() and nxt[0].islower()
            following = _WORD.match(nxt.lower())
            compound = _keeps_hyphen(stem, following.group(0) if following else "", words)
            if split_word and stem.lower() not in _KEEP_HYPHEN and not compound:
                out = out[:-1] + nxt  # "phar-" + "macology"
            else:
                out += nxt  # "NMDA-" + "receptor", "351-" + "354"
        elif _DOI_OR_URL_TAIL.search(last) and _continues_link(last, nxt):
            out += nxt
        else:
            out += " " + nxt
    return out


def _continues_link(last: str, nxt: str) -> bool:
    """Whether the next line's first word carries on a DOI or URL cut at the line end."""
    if last.endswith(("/", "-", "_", "=", "?", "&")):
        return True
    return bool(re.match(r"^[a-z0-9][\w.\-/]*$", nxt.split(None, 1)[0])) and not re.match(
        r"^(?:19|20)\d\d\b", nxt
    )
