"""The text of a Word (.docx) document, and the reference lists its structure shows.

Read with the standard zipfile module and defusedxml (no XML entity tricks). The parts are
inflated in chunks against one budget for the whole document (--max-unpacked-size): a zip
whose header understates a part's size cannot make us inflate more than that budget
(zipfile's own read() inflates up to 1 GiB at a time, whatever the header says). Each
paragraph is a line with a blank line after it; list paragraphs (Word's automatic
numbering or bullets, whose numbers are not in the text) become "- " lines, and a number
typed before a tab ("1<tab>Smith J...") reads "1. Smith J...". Field codes (a reference
manager's ADDIN ZOTERO/EndNote/Mendeley instructions) are not text, their results are; the
instructions are kept for their exact fields (docxrefs.py), and a bibliography field or a
numbered list after a reference heading is read as the reference list. Footnotes and
endnotes follow the body under a "Notes" heading when the body has no reference list of
its own. Line numbers are those of the extracted text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml import ElementTree  # type: ignore[import-untyped]

from citecheck.extract.docxrefs import (
    BIBLIOGRAPHY_FIELD,
    Para,
    cited_works,
    known_fields,
    word_lists,
)
from citecheck.extract.limits import DEFAULT_LIMITS, OPTION, SizeLimitError, read_capped
from citecheck.model import Entry

_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocxError(ValueError):
    """The file is not a readable Word document."""


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


class _Budget:
    """The bytes the document's parts may still inflate to."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit

    def inflate(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
        """The part's bytes; DocxError past the budget or when the part is damaged."""
        try:
            if info.file_size > self.left:  # the header admits it: no need to inflate
                raise SizeLimitError("the unpacked document", self.limit, OPTION["unpacked_bytes"])
            with archive.open(info) as stream:
                data = read_capped(
                    stream, self.left, "the unpacked document", OPTION["unpacked_bytes"]
                )
        except SizeLimitError as error:
            raise DocxError(str(error)) from None
        except zipfile.BadZipFile as error:  # a part longer than its header says: CRC
            raise DocxError(f"damaged Word document ({error})") from None
        except Exception as error:  # encrypted, an unknown compression, a broken stream
            raise DocxError(f"damaged Word document ({type(error).__name__})") from None
        self.left -= len(data)
        return data


def _read(archive: zipfile.ZipFile, name: str, budget: _Budget) -> Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    data = budget.inflate(archive, info)
    try:
        root: Element = ElementTree.fromstring(data)
    except Exception as error:  # defusedxml raises ParseError or its own errors
        raise DocxError(f"damaged Word document ({type(error).__name__})") from None
    return root


@dataclass(frozen=True)
class DocxReading:
    """The document's text, and the reference lists its structure shows (docxrefs)."""

    text: str
    lists: tuple[tuple[Entry, ...], ...] = ()


def docx_to_text(data: bytes, max_unpacked: int = DEFAULT_LIMITS.unpacked_bytes) -> str:
    return read_docx(data, max_unpacked).text


def read_docx(data: bytes, max_unpacked: int = DEFAULT_LIMITS.unpacked_bytes) -> DocxReading:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DocxError("damaged Word document (not a zip archive)") from None
    budget = _Budget(max_unpacked)
    with archive:
        document = _read(archive, "word/document.xml", budget)
        if document is None:
            raise DocxError("not a Word document (no word/document.xml)")
        body = document.find(f"{_NS}body")
        lines: list[str] = []
        walker = _Walker()
        paras = list(walker.paragraphs(body if body is not None else document))
        for para in paras:
            if para.text:
                listed = para.numbering is not None and not para.heading
                lines.append(("- " if listed else "") + para.text)
                para.line = len(lines)
                lines.append("")
        notes: list[str] = []
        for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            root = _read(archive, part, budget)
            if root is None:
                continue
            for note in root.iter(f"{_NS}{tag}"):
                if note.get(f"{_NS}type") in (
                    "separator",
                    "continuationSeparator",
                    "continuationNotice",
                ):
                    continue
                text = " ".join(p.text for p in _Walker().paragraphs(note) if p.text)
                if text:
                    notes.append(text)
    if notes and not _has_reference_heading(lines):
        lines += ["Notes", ""] + [f"{n}. {text}" for n, text in enumerate(notes, 1)]
    text = "\n".join(lines).strip()
    if not text:
        raise DocxError("no readable text in the Word document")
    return DocxReading(text + "\n", _lists(paras, walker.instructions, text + "\n"))


def _lists(paras: list[Para], instructions: list[str], text: str) -> tuple[tuple[Entry, ...], ...]:
    """The reference lists the document's structure shows, with the exact fields of the
    works its citation fields name; () to leave the text to the text finder."""
    from citecheck.references import find_entries
    from citecheck.twoworks import guard

    works = cited_works(instructions)
    lists: list[tuple[Entry, ...]] = []
    count = 0
    for found in word_lists(paras):
        entries = [Entry(count + n, p.text, p.line) for n, p in enumerate(found, 1)]
        entries = guard(known_fields(entries, works))
        lists.append(tuple(entries))
        count += len(entries)
    if not lists and works:  # plain paragraphs, but fields to trust: the text finder's list
        entries = known_fields(find_entries(text), works)
        lists = [tuple(entries)] if entries else []
    return tuple(lists)


def _has_reference_heading(lines: list[str]) -> bool:
    from citecheck.references import is_heading

    return any(is_heading(line) for line in lines)


class _Walker:
    """The body's paragraphs in order, and the instructions of every field in it.

    Fields (fldChar begin / instrText / separate / end) may span paragraphs: a reference
    manager's bibliography field holds all the list's paragraphs, so the open fields are
    kept across them. Field instructions are not text; their results are."""

    def __init__(self) -> None:
        self.instructions: list[str] = []
        self._open: list[list[str]] = []  # per open field: its instruction pieces...
        self._coding: list[bool] = []  # ...and whether it is still in its instruction

    def paragraphs(self, root: Element) -> Iterator[Para]:
        for para in root.iter(f"{_NS}p"):
            props = para.find(f"{_NS}pPr")
            numbering: str | None = None
            heading = False
            if props is not None:
                number = props.find(f"{_NS}numPr/{_NS}numId")
                style = props.find(f"{_NS}pStyle")
                value = (style.get(f"{_NS}val") or "") if style is not None else ""
                heading = value.lower().startswith(("heading", "title", "rubrik"))
                if number is not None and (number.get(f"{_NS}val") or "0") != "0":
                    numbering = number.get(f"{_NS}val")
                elif value.lower().startswith("list"):
                    numbering = value
            text, bibliography = self._text(para)
            yield Para(text, 0, numbering, heading, bibliography)

    def _text(self, para: Element) -> tuple[str, bool]:
        parts: list[str] = []
        bibliography = self._in_bibliography()
        for node in para.iter():
            tag = node.tag
            if tag == f"{_NS}fldChar":
                self._field_char(node.get(f"{_NS}fldCharType"))
                bibliography = bibliography or self._in_bibliography()
            elif tag == f"{_NS}instrText" and self._open and self._coding[-1]:
                self._open[-1].append(node.text or "")
            elif tag == f"{_NS}fldSimple":
                instruction = node.get(f"{_NS}instr") or ""
                self.instructions.append(instruction)
                bibliography = bibliography or bool(BIBLIOGRAPHY_FIELD.search(instruction))
            elif tag == f"{_NS}t" and not (self._open and self._coding[-1]):
                parts.append(node.text or "")
            elif tag == f"{_NS}tab":
                parts.append("\t")
            elif tag in (f"{_NS}br", f"{_NS}cr"):
                parts.append(" ")
            elif tag == f"{_NS}noBreakHyphen":
                parts.append("-")
        text = "".join(parts)
        # "1<tab>Lisonkova S, ..." : a number typed before a tab is the entry's number.
        text = _TYPED_NUMBER.sub(r"\1. ", text)
        return " ".join(text.split()), bibliography

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._open.append([])
            self._coding.append(True)
        elif kind == "separate" and self._open:
            self._coding[-1] = False
        elif kind == "end" and self._open:
            self.instructions.append("".join(self._open.pop()))
            self._coding.pop()

    def _in_bibliography(self) -> bool:
        return any(
            not coding and BIBLIOGRAPHY_FIELD.search("".join(pieces))
            for pieces, coding in zip(self._open, self._coding, strict=True)
        )


_TYPED_NUMBER = re.compile(r"^\s*(\d{1,4})\.?\t")
