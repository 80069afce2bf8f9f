"""The text of a Word (.docx) document: body paragraphs, tables, footnotes and endnotes.

Read with the standard zipfile module and defusedxml (no XML entity tricks). The parts are
inflated in chunks against one budget for the whole document (--max-unpacked-size): a zip
whose header understates a part's size cannot make us inflate more than that budget
(zipfile's own read() inflates up to 1 GiB at a time, whatever the header says). Each
paragraph is a line with a blank line after it; list paragraphs (Word's automatic
numbering or bullets, whose numbers are not in the text) become "- " lines. Field codes
(a reference manager's ADDIN ZOTERO/EndNote/Mendeley instructions) are skipped and the
field results kept, so a bibliography field reads as its formatted entries. Footnotes and
endnotes follow the body under a "Notes" heading when the body has no reference list of
its own. Line numbers are those of the extracted text.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from defusedxml import ElementTree  # type: ignore[import-untyped]

from citecheck.extract.limits import DEFAULT_LIMITS, OPTION, SizeLimitError, read_capped

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


def docx_to_text(data: bytes, max_unpacked: int = DEFAULT_LIMITS.unpacked_bytes) -> str:
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
        for text, listed, heading in _paragraphs(body if body is not None else document):
            if text:
                lines.append(("- " if listed and not heading else "") + text)
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
                text = " ".join(t for t, _, _ in _paragraphs(note) if t)
                if text:
                    notes.append(text)
    if notes and not _has_reference_heading(lines):
        lines += ["Notes", ""] + [f"{n}. {text}" for n, text in enumerate(notes, 1)]
    text = "\n".join(lines).strip()
    if not text:
        raise DocxError("no readable text in the Word document")
    return text + "\n"


def _has_reference_heading(lines: list[str]) -> bool:
    from citecheck.references import is_heading

    return any(is_heading(line) for line in lines)


def _paragraphs(root: Element) -> Iterator[tuple[str, bool, bool]]:
    """(text, is a list item, is a heading) for every paragraph under root, in order."""
    for para in root.iter(f"{_NS}p"):
        props = para.find(f"{_NS}pPr")
        listed = heading = False
        if props is not None:
            listed = props.find(f"{_NS}numPr") is not None
            style = props.find(f"{_NS}pStyle")
            value = (style.get(f"{_NS}val") or "") if style is not None else ""
            heading = value.lower().startswith(("heading", "title"))
            listed = listed or value.lower().startswith("list")
        yield " ".join(_paragraph_text(para).split()), listed, heading


def _paragraph_text(para: Element) -> str:
    parts: list[str] = []
    in_code: list[bool] = []  # one per open field: still in its instruction part?
    for node in para.iter():
        tag = node.tag
        if tag == f"{_NS}fldChar":
            kind = node.get(f"{_NS}fldCharType")
            if kind == "begin":
                in_code.append(True)
            elif kind == "separate" and in_code:
                in_code[-1] = False
            elif kind == "end" and in_code:
                in_code.pop()
        elif tag == f"{_NS}t" and not (in_code and in_code[-1]):
            parts.append(node.text or "")
        elif tag in (f"{_NS}tab", f"{_NS}br", f"{_NS}cr"):
            parts.append(" ")
        elif tag == f"{_NS}noBreakHyphen":
            parts.append("-")
    return "".join(parts)
