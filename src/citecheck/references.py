"""Find a document's reference list and split it into entries.

Works on plain lines. A section starts at a reference heading ("References", "Works
Cited", ...) and ends at the next heading-like line or at prose that does not look like a
reference. Without a heading, a numbered/bulleted list of references at the end of the
document is taken. Every decision leans towards "not a reference": an ordinary list or
paragraph wrongly taken as a reference would be reported as a fabricated citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.extract.source import source_line
from citecheck.linejoin import join_lines
from citecheck.model import Entry
from citecheck.twoworks import TWO_WORKS, guard

__all__ = ["TWO_WORKS", "find_entries", "is_heading", "looks_like_reference"]

_UC = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĢĪĶŁĽŃŇŌŐŒŘŚŞŠŢŤŪŮŰŽŹŻ"
_NAME = rf"[{_UC}][\w'’\-]+"
# "van der Berg", and an elided "d'Amore" / "l'Hôte" (no space after the particle).
_PARTICLES = (
    r"(?:(?:van|von|de|der|den|da|das|dos|di|du|del|della|la|le|ter|ten|al|el)\s+"
    r"|[dl]['’](?=[A-ZÀ-Þ]))"
)

_REF_WORDS = (
    r"references?(?:\s+(?:list|cited|and\s+notes))?|reference\s+list|sources(?:\s+cited)?|"
    r"bibliography|works\s+cited|literature\s+cited|cited\s+literature|"
    r"notes(?:\s+and\s+references)?|citations|endnotes|footnotes|"
    # French, German, Spanish, Portuguese, Italian, Dutch, Scandinavian, Polish, Czech.
    r"r[ée]f[ée]rences(?:\s+bibliographiques)?|bibliographie|notes\s+et\s+r[ée]f[ée]rences|"
    r"literatur(?:verzeichnis|angaben|liste)?|quellen(?:verzeichnis|angaben)?|"
    r"referencias(?:\s+bibliogr[áa]ficas)?|bibliograf[íi]a|fuentes|notas|"
    r"refer[êe]ncias(?:\s+bibliogr[áa]ficas)?|riferimenti(?:\s+bibliografici)?|note|"
    r"literatuur(?:lijst)?|referenties|bronnen(?:lijst)?|litteratur(?:liste|förteckning)?|"
    r"referanser|referencer|källor|kilder|literatura|bibliografie|piśmiennictwo"
)
_OTHER_WORDS = (
    r"further\s+reading|additional\s+reading|see\s+also|external\s+links|appendix\b.*|"
    r"acknowledge?ments?|about\s+the\s+authors?|author\s+contributions|funding|"
    r"conflicts?\s+of\s+interests?|competing\s+interests|disclosures?|"
    r"supplementa(?:ry|l)\b.*|related\s+(?:posts|articles)|share\s+this.*|comments?|"
    r"leave\s+a\s+(?:reply|comment)|tags|contact(?:\s+us)?|table\s+of\s+contents|contents"
)
# Decoration a heading may carry: markdown #'s and bold, numbering ("7.", "VII."), colon.
_HEAD_PRE = r"^\s{0,3}(?:#{1,6}\s*)?(?:[*_]{1,2})?(?:(?:\d{1,2}|[IVXL]{1,5})[.)]?\s+)?"
# ...and after it: Wikipedia's "[edit]" link, a count ("References (72)"), a colon.
_HEAD_POST = (
    r"(?:\s*\[\s*edit(?:\s+source)?\s*\]|\s*\(\d{1,4}\))?"
    r"(?:[*_]{1,2})?\s*:?\s*(?:[*_]{1,2})?\s*#*\s*$"
)
_REF_HEADING = re.compile(rf"{_HEAD_PRE}(?:{_REF_WORDS}){_HEAD_POST}", re.IGNORECASE)
_OTHER_HEADING = re.compile(rf"{_HEAD_PRE}(?:{_OTHER_WORDS}){_HEAD_POST}", re.IGNORECASE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")

_MARKER = re.compile(
    r"^\s*(?:\[(?P<b>\d{1,5})\]|\((?P<p>\d{1,5})\)|(?P<n>\d{1,5})(?P<nd>[.)])(?=\s|$)"
    r"|\[\^(?P<f>\w{1,20})\]:|(?P<u>[•·▪◦‣●■►➢])|(?P<d>[-*–—+])(?=\s))\s*"
)
# A number alone before an entry, as manuscripts type it ("1 Lisonkova S, Razaz N. ..."):
# a marker only where the next entry carries the next number.
_BARE_NUMBER = re.compile(rf"^\s*(\d{{1,5}})\s+(?=[A-ZÀ-Þ]|{_PARTICLES})")
# Wikipedia's back-links in copied reference lists: "^ a b Berman RM ...", "↑ Berman",
# after a list marker when there is one ("- ^ a b Berman", "1. ^ Berman").
_BACKLINK = re.compile(r"^\^\s*(?:[a-z]\s+){0,30}")
_LINE_BACKLINK = re.compile(
    r"^(\s*(?:[-*•]\s+|\[?\d{1,5}[.)\]]\s+)?)[\^↑]\s*(?:[a-z]\s+){0,30}(?=\S)"
)
# Running page footers of converted PDFs ("12", "Page 12 of 14") inside a list.
_PAGE_FOOTER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)

_YEAR = r"(?:19|20)\d{2}[a-z]?"
_FEATURES = {
    "year": re.compile(
        rf"\(\s*{_YEAR}(?:[,;][^)]{{0,30}})?\s*\)|[.;,:]\s*{_YEAR}(?=[\s.;:,)]|$)"
        rf"|\b{_YEAR}\s*[;:]\s*\d"
    ),
    "id": re.compile(r"\b10\.\d{4,9}/\S+|\bPMID:?\s*\d+|\bdoi:", re.IGNORECASE),
    "volpages": re.compile(
        r"\b\d+\s*\(\s*[\w\s-]{1,15}\)\s*[:,]\s*[A-Za-z]?\d+"
        r"|\b\d+\s*:\s*[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?"
        r"|\bpp?\.\s*\d+|\bvol\.\s*\d+|\b\d+,\s*[A-Za-z]?\d+\s*[-–]\s*\d+"
    ),
    "author": re.compile(
        rf"^{_PARTICLES}*(?:Ó\s+)?{_NAME}(?:\s{_NAME})?,\s*(?:[{_UC}]\.|[{_UC}]{{1,2}}[,\s]"
        # "Family, Given," or, for a sole author in Chicago, "Family, Given." / "Given F.."
        rf"|[{_UC}][^\W\d_]+(?:\s[{_UC}]\.)?[,.])"
        rf"|^{_PARTICLES}*{_NAME}(?:\s{_NAME}){{0,2}}\s+[{_UC}]{{1,3}}(?:,|\.|\s+et\s+al|$)"
        rf"|^(?:[{_UC}]\.\s?-?){{1,3}}\s*{_NAME}"
    ),
}
# "American Psychiatric Association. (2013)." - a name-like prefix, then a year; also
# the ACL Anthology's and natbib's author-year style, full given names and the year as
# its own sentence ("Rui Liu and Ke Xue. 2022. Title. In Proceedings of ICML.").
_PREFIX_YEAR = re.compile(
    rf"^([{_UC}][^()]{{1,150}}?)(?:\(\s*{_YEAR}\s*\)[.,]|(?<=\.)\s{_YEAR}\.\s)"
)
_NAME_LIST_WORDS = frozenset(
    {"et", "al", "al.", "and", "&", "van", "von", "der", "den", "de", "da", "del", "di", "du",
     "la", "le", "the", "of", "for", "y", "e"}
)  # fmt: skip
_AUTHOR_START_LINE = re.compile(
    rf"^{_PARTICLES}*{_NAME}(?:\s{_NAME})?(?:,\s*[{_UC}]\.|\s+[{_UC}]{{1,3}}[,.])"
)
_IGNORE_MARK = re.compile(
    r"<!--\s*citecheck\s*:\s*ignore\s*-->|\[?\(?\bcitecheck\s*:\s*ignore\b\)?\]?", re.IGNORECASE
)
_IGNORE_LINE = re.compile(
    r"^\s*(?:<!--\s*citecheck\s*:\s*ignore\s*-->|%\s*citecheck\s*:\s*ignore)\s*$", re.IGNORECASE
)
_ENDS_ENTRY = re.compile(
    r"(?:[.)\]]|\b10\.\d{4,9}/\S+|https?://\S+|\bPMID:?\s*\d+\.?|\d[A-Za-z]?|\bet\s+al\.?)$"
)
_CONTINUATION = re.compile(r"^(?:[a-z(]|doi\b|DOI\b|https?://|PMID|PMCID|10\.\d|\d)")
_URL = re.compile(r"https?://\S+|www\.\S+")


def is_heading(line: str) -> bool:
    """True for a line that is a reference-section heading on its own."""
    return len(line) <= 60 and bool(_REF_HEADING.match(line))


def looks_like_reference(text: str) -> bool:
    """Whether one entry's text has the shape of a bibliographic reference."""
    text = text.strip()
    if not text or len(text) > 2000:
        return False
    has = {name: bool(pattern.search(text)) for name, pattern in _FEATURES.items()}
    if has["id"]:
        return True
    author = has["author"] or _name_prefix_before_year(text)
    return (has["year"] and (author or has["volpages"])) or (author and has["volpages"])


def _name_prefix_before_year(text: str) -> bool:
    match = _PREFIX_YEAR.match(text)
    if not match:
        return False
    words = match.group(1).split()
    return not any(w[0].islower() and w.lower() not in _NAME_LIST_WORDS for w in words)


@dataclass
class _Item:
    """An entry being collected: its lines, joined on demand (and only once per change)."""

    line: int  # 0-based index of the entry's first line
    parts: list[str] = field(default_factory=list)
    size: int = 0  # characters so far
    _joined: str | None = None

    def add(self, part: str) -> None:
        self.parts.append(part)
        self.size += len(part) + 1
        self._joined = None

    @property
    def text(self) -> str:
        if self._joined is None:
            self._joined = join_lines(self.parts)
        return self._joined

    def looks_like_reference(self) -> bool:
        # looks_like_reference refuses anything over 2,000 characters: asking it about a
        # growing run of lines must not cost a join of the whole run at every line.
        return self.size <= 2100 and looks_like_reference(self.text)


def _item(line: int, first: str) -> _Item:
    item = _Item(line)
    item.add(first)
    return item


def find_entries(text: str) -> list[Entry]:
    """The entries of the document's reference list, or [] if it has none.

    An entry marked `citecheck: ignore` (an HTML/Markdown comment on the entry or alone on
    the line before it, or the plain words at its end) has `ignored` set and the marker
    removed. `line` is the entry's line in the source file when the text carries a map
    back to it (HTML, BibTeX, RIS, nbib), else its line in the text.
    """
    lines = text.split("\n")
    flagged: set[int] = set()
    for i, line in enumerate(lines):
        if _IGNORE_LINE.match(line):
            lines[i] = ""
            following = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
            if following is not None:
                flagged.add(following)
    items = section_items(lines)
    entries = []
    for n, item in enumerate(items, 1):
        raw = _BACKLINK.sub("", " ".join(item.text.split()))
        ignored = item.line in flagged or bool(_IGNORE_MARK.search(raw))
        raw = " ".join(_IGNORE_MARK.sub(" ", raw).split()).rstrip(" -–—;,") if ignored else raw
        entries.append(Entry(n, raw, source_line(text, item.line + 1), ignored))
    return guard(entries)


def section_start(text: str) -> int | None:
    """The 0-based line where the reference list's first entry starts, or None."""
    items = section_items(text.split("\n"))
    return items[0].line if items else None


def section_items(lines: list[str]) -> list[_Item]:
    """The entries of every reference section, in order ("Notes" and "References" both
    count when both read as references); without a heading, a trailing list."""
    lines = [
        _LINE_BACKLINK.sub(r"\1", line) if "^" in line or "↑" in line else line for line in lines
    ]
    items: list[_Item] = []
    for start in (i for i, line in enumerate(lines) if is_heading(line)):
        candidate = _collect(lines, start + 1)
        if _accept(candidate, minimum=1, share=0.5):
            items.extend(candidate)
    return items or _trailing_list(lines)


def _accept(items: list[_Item], minimum: int, share: float) -> bool:
    if len(items) < minimum:
        return False
    good = sum(1 for item in items if item.looks_like_reference())
    # Web sources (a name, a title and a URL) count towards the share, but at least one
    # entry must be a real bibliographic reference.
    links = sum(1 for item in items if _short_link(item.text))
    return good >= 1 and max(good, links) >= share * len(items)


def _marker_key(match: re.Match[str]) -> str:
    if match.group("b"):
        return "[]"
    if match.group("p"):
        return "()"
    if match.group("n"):
        return "n" + match.group("nd")
    if match.group("f"):
        return "footnote"
    return "bullet"


def _marker_number(match: re.Match[str]) -> int | None:
    digits = match.group("b") or match.group("p") or match.group("n")
    return int(digits) if digits else None


def _marker_at(line: str, key: str) -> tuple[int | None, int] | None:
    """(number, where the entry's text starts) when `line` starts an entry of a list
    marked `key`, else None."""
    if key == "bare":
        bare = _BARE_NUMBER.match(line)
        return (int(bare.group(1)), bare.end()) if bare else None
    marker = _MARKER.match(line)
    if marker and _marker_key(marker) == key:
        return _marker_number(marker), marker.end()
    return None


def _bare_numbered(lines: list[str], i: int) -> bool:
    """Does a list of bare numbers start at line i (its next entry numbered one more)?"""
    first = _BARE_NUMBER.match(lines[i])
    if not first or int(first.group(1)) > 5:
        return False
    for k in range(i + 1, min(len(lines), i + 12)):
        following = _BARE_NUMBER.match(lines[k])
        if following:
            return int(following.group(1)) == int(first.group(1)) + 1
    return False


def _ends_section(line: str) -> bool:
    return bool(_REF_HEADING.match(line) or _OTHER_HEADING.match(line) or _MD_HEADING.match(line))


def _collect(lines: list[str], start: int) -> list[_Item]:
    """Entries from line `start` on, until the section visibly ends."""
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines):
        return []
    first = _MARKER.match(lines[i])
    if first and first.end() < len(lines[i].rstrip()):
        items, _ = _collect_marked(lines, i, _marker_key(first))
    elif _bare_numbered(lines, i):
        items, _ = _collect_marked(lines, i, "bare")
    else:
        items = _collect_unmarked(lines, i)
    # Share buttons, "Back to top" and the like trailing a list are not entries.
    while (
        items
        and len(items[-1].text.split()) < 8
        and not items[-1].looks_like_reference()
        and not _URL.search(items[-1].text)  # a web source given by its address alone
    ):
        items.pop()
    return items


def _collect_marked(lines: list[str], i: int, key: str) -> tuple[list[_Item], int]:
    """The list starting at line i, and the index of the first line after it."""
    items: list[_Item] = []
    number: int | None = None
    blank_before = False
    for j in range(i, len(lines)):
        stripped = lines[j].strip()
        if not stripped:
            blank_before = True
            continue
        marker = _marker_at(lines[j], key)
        if marker is not None:
            found, end = marker
            # A wrapped line can begin with "12." - only a plausible next number counts.
            if found is None or number is None or number < found <= number + 5:
                number = found
                items.append(_item(j, lines[j][end:]))
                blank_before = False
                continue
        if _PAGE_FOOTER.match(stripped):
            continue
        if _ends_section(stripped):
            return items, j  # a heading: the section is over
        if (
            blank_before
            and not _CONTINUATION.match(stripped)
            and not _resumes(lines, j, key, number)
        ):
            return items, j  # a paragraph after the list: the section is over
        items[-1].add(stripped)  # a wrapped line, or the rest of an entry after a blank line
        blank_before = False
    return items, len(lines)


def _resumes(lines: list[str], j: int, key: str, number: int | None) -> bool:
    """After a blank line inside a list: is line j the rest of the entry before it? Yes
    when it is short and the list goes on right after it with the next marker."""
    fragment = lines[j].strip()
    if len(fragment) > 300 or not (len(fragment) <= 60 or _tail_of_reference(fragment)):
        return False
    seen = 0
    for k in range(j + 1, min(len(lines), j + 12)):
        stripped = lines[k].strip()
        if not stripped:
            continue
        marker = _marker_at(lines[k], key)
        if marker is not None:
            found = marker[0]
            return found is None or number is None or found == number + 1
        seen += 1
        if seen > 3 or _ends_section(stripped):
            return False
    return False


def _collect_unmarked(lines: list[str], i: int) -> list[_Item]:
    """One entry per paragraph, or per line when each line starts a new reference."""
    items: list[_Item] = []
    j = i
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        if _ends_section(lines[j].strip()) or _MARKER.match(lines[j]):
            break
        paragraph: list[_Item] = [_item(j, lines[j].strip())]
        indent = _indent(lines[j])
        j += 1
        while j < len(lines) and lines[j].strip():
            line = lines[j].strip()
            if _ends_section(line):
                break
            previous = paragraph[-1]
            if _PAGE_FOOTER.match(line):
                pass
            elif _indent(lines[j]) <= indent and _starts_new_entry(previous, line):
                paragraph.append(_item(j, line))
                indent = _indent(lines[j])
            else:
                previous.add(line)  # a hard wrap (or a hanging indent)
            j += 1
        keep = [p for p in paragraph if p.looks_like_reference() or _short_link(p.text)]
        if len(keep) < len(paragraph):
            if items and len(paragraph) == 1 and _entry_follows(lines, j, paragraph[0]):
                for part in paragraph[0].parts:  # the rest of an entry, after a blank line
                    items[-1].add(part)
                continue
            items.extend(keep)
            break  # prose: the section is over
        items.extend(paragraph)
        if j < len(lines) and lines[j].strip():
            break  # stopped at a heading
    return items


def _tail_of_reference(text: str) -> bool:
    """Does `text` hold what ends a reference (a year, volume and pages, an identifier)?"""
    return any(_FEATURES[name].search(text) for name in ("year", "id", "volpages"))


def _entry_follows(lines: list[str], j: int, fragment: _Item) -> bool:
    """Is `fragment` (a short paragraph that is not a reference) the end of the entry
    before it, cut off by a blank line? Yes when another entry starts right after it."""
    if fragment.size > 300 or not _tail_of_reference(fragment.text):
        return False
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j < len(lines) and bool(_AUTHOR_START_LINE.match(lines[j].strip()))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _starts_new_entry(previous: _Item, line: str) -> bool:
    """In an unmarked list, whether `line` begins a new entry rather than wrapping one."""
    last = previous.parts[-1]
    if _URL.search(last.rsplit(None, 1)[-1]) and line[:1].isupper():
        return True  # web sources, one per line, each ending in its URL
    return (
        bool(_AUTHOR_START_LINE.match(line))
        and bool(_ENDS_ENTRY.search(last))
        and previous.looks_like_reference()
    )


def _short_link(text: str) -> bool:
    """A web source ("Clinic name. Title. https://...") is an entry though it has no year."""
    return len(text) < 300 and bool(_URL.search(text))


def _trailing_list(lines: list[str]) -> list[_Item]:
    """Without a heading: the document's last list, if it is a list of references."""
    runs: list[tuple[list[_Item], bool]] = []
    i = 0
    while i < len(lines):
        marker = _MARKER.match(lines[i]) if lines[i].strip() else None
        if marker and marker.end() < len(lines[i].rstrip()):
            items, end = _collect_marked(lines, i, _marker_key(marker))
            runs.append((items, _under_other_heading(lines, i)))
            i = max(end, i + 1)
        else:
            i += 1
    for items, under_other in reversed(runs):
        if all(len(item.text.split()) < 6 for item in items):
            continue  # a menu or a row of links, not the decisive list
        # "Further reading" lists real works, but they are not the document's citations.
        return items if not under_other and _accept(items, minimum=2, share=0.8) else []
    return []


def _under_other_heading(lines: list[str], start: int) -> bool:
    for line in reversed(lines[:start]):
        if line.strip():
            return bool(_OTHER_HEADING.match(line.strip()))
    return False
