"""Read user-named inputs (files, folders, stdin) into Documents of readable text.

Every failure a user can cause (missing file, binary data, empty file, ...) surfaces as
an InputError with a one-line message, so the caller can report it next to the path and
carry on with the other inputs. What one document may cost is bounded (extract/limits.py):
its size, the bytes it unpacks to, its nesting; a FIFO, a device or anything else that is
not a regular file is refused before it is read, so it cannot block the run.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from citecheck.extract.html import read_html
from citecheck.extract.limits import (
    DEFAULT_LIMITS,
    OPTION,
    Limits,
    NestingLimitError,
    SizeLimitError,
    check_html_nesting,
    read_capped,
)
from citecheck.extract.markdown import markdown_to_text
from citecheck.extract.text import BinaryDataError, binary_kind, decode
from citecheck.model import Document, DocumentKind

if TYPE_CHECKING:
    from citecheck.extract.structured import Record

__all__ = ["DEFAULT_LIMITS", "SUPPORTED_EXTENSIONS", "InputError", "Limits", "load"]

SUPPORTED_EXTENSIONS: dict[str, DocumentKind] = {
    ".txt": DocumentKind.TEXT,
    ".text": DocumentKind.TEXT,
    ".md": DocumentKind.MARKDOWN,
    ".markdown": DocumentKind.MARKDOWN,
    ".html": DocumentKind.HTML,
    ".htm": DocumentKind.HTML,
    ".xhtml": DocumentKind.HTML,
    ".pdf": DocumentKind.PDF,
    ".docx": DocumentKind.DOCX,
    ".bib": DocumentKind.BIBTEX,
    ".bibtex": DocumentKind.BIBTEX,
    ".ris": DocumentKind.RIS,
    ".nbib": DocumentKind.NBIB,
    ".medline": DocumentKind.NBIB,
}
# Files people export from word processors that we cannot read: say what to do instead.
_UNSUPPORTED = {
    ".doc": "Word 97-2003 document",
    ".odt": "OpenDocument text",
    ".rtf": "RTF document",
    ".pages": "Pages document",
    ".epub": "EPUB book",
    ".enw": "EndNote tagged export",
    ".xml": "XML export",
}
_BIB_SNIFF = re.compile(
    r"^\s*@(?:article|book|inproceedings|incollection|misc|phdthesis|"
    r"techreport|online|inbook|string|preamble)\s*[{(]",
    re.I | re.M,
)

_HTML_SNIFF = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b"
    r"|<html[\s>]|<body[\s>]",
    re.IGNORECASE | re.DOTALL,
)


class InputError(Exception):
    """An input that cannot be read; str(error) is one short line for the user."""


def load(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read `path` ("-" for standard input) into a Document; raise InputError on failure.

    (The time limit is the caller's: it covers the parsing of the document as well.)"""
    suffix = "" if path == "-" else Path(path).suffix.lower()
    if suffix in _UNSUPPORTED:
        raise InputError(
            f"unsupported file type: {_UNSUPPORTED[suffix]} ({suffix}); save it as PDF, "
            ".docx, HTML or plain text"
        )
    data = _read_stdin(limits) if path == "-" else _read_file(path, limits)
    if not data.strip():
        raise InputError("the file is empty")
    binary = _binary_kind(suffix, data)
    if binary is DocumentKind.PDF:
        return _pdf_document(path, data, limits)
    if binary is not None:
        return _docx_document(path, data, limits)
    try:
        text = decode(data)
    except BinaryDataError as error:
        raise InputError(f"not a text document ({error})") from None
    if not text.strip():
        raise InputError("the file is empty")
    kind = _kind_for(path, text)
    _check_nesting(kind, text, limits)
    if kind is DocumentKind.HTML:
        page = read_html(text)
        if not page.text.strip() and not page.lists:
            raise InputError("no readable text in the HTML")
        return Document(path, page.text, kind, lists=page.lists, links=page.links)
    if kind in (DocumentKind.BIBTEX, DocumentKind.RIS, DocumentKind.NBIB):
        # The exact fields of each record go with its entry (Entry.known).
        from citecheck.extract.structured import entries, render

        records = _records(kind, text)
        return Document(path, render(records), kind, lists=(entries(records),))
    return Document(path=path, text=_convert(kind, text), kind=kind)


def _binary_kind(suffix: str, data: bytes) -> DocumentKind | None:
    from citecheck.extract.docx import is_docx

    if data.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return DocumentKind.PDF
    if is_docx(data):
        return DocumentKind.DOCX
    if suffix in (".pdf", ".docx") and binary_kind(data) is None:
        raise InputError(f"not a {suffix[1:].upper()} file (its content is plain text)")
    return None


def _pdf_document(path: str, data: bytes, limits: Limits) -> Document:
    """The PDF's text, and the reference lists its layout shows (extract/pdf.py)."""
    from citecheck.extract.pdf import PdfError, read_pdf

    try:
        content = read_pdf(data, limits)
    except PdfError as error:
        raise InputError(str(error)) from None
    return Document(path=path, text=content.text, kind=DocumentKind.PDF, lists=content.lists)


def _docx_document(path: str, data: bytes, limits: Limits) -> Document:
    """The Word document's text, and the reference lists its structure shows (its
    numbering, a reference manager's bibliography and citation fields: extract/docx.py)."""
    from citecheck.extract.docx import DocxError, read_docx

    try:
        content = read_docx(data, limits.unpacked_bytes)
    except DocxError as error:
        raise InputError(str(error)) from None
    return Document(path=path, text=content.text, kind=DocumentKind.DOCX, lists=content.lists)


def _convert(kind: DocumentKind, text: str) -> str:
    if kind is DocumentKind.MARKDOWN:
        return markdown_to_text(text)
    return text


def _records(kind: DocumentKind, text: str) -> list[Record]:
    """The records of a BibTeX, RIS or MEDLINE export, or InputError."""
    from citecheck.extract.structured import bibtex_records
    from citecheck.extract.tagged import nbib_records, ris_records

    reader = {
        DocumentKind.BIBTEX: bibtex_records,
        DocumentKind.RIS: ris_records,
        DocumentKind.NBIB: nbib_records,
    }[kind]
    try:
        records = reader(text)
    except Exception as error:  # a parser library failing on odd input
        raise InputError(f"cannot read the {kind.value} file ({type(error).__name__})") from None
    if not records:
        raise InputError(f"no records in the {kind.value} file")
    return records


def _check_nesting(kind: DocumentKind, text: str, limits: Limits) -> None:
    if kind is DocumentKind.HTML:
        try:
            check_html_nesting(text, limits.nesting)
        except NestingLimitError as error:
            raise InputError(str(error)) from None


def _read_stdin(limits: Limits) -> bytes:
    """Standard input up to the size limit: an endless stream stops there."""
    try:
        return read_capped(
            sys.stdin.buffer, limits.file_bytes, "standard input", OPTION["file_bytes"]
        )
    except SizeLimitError as error:
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(f"cannot read standard input: {error.strerror or error}") from None


# What each kind of non-regular file is, for the one-line refusal.
_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _read_file(path: str, limits: Limits) -> bytes:
    """The file's bytes, if it is a regular file within the size limit.

    Opened without blocking and checked on the open descriptor (no window between the
    check and the read): opening a FIFO for reading would otherwise wait for a writer
    forever, and a device such as /dev/zero never ends."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except PermissionError:
        raise InputError("cannot read: permission denied") from None
    except OSError as error:
        raise InputError(f"cannot read: {(error.strerror or str(error)).lower()}") from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise InputError("is a folder, not a file")
        what = next((name for test, name in _NOT_REGULAR if test(mode)), "not a regular file")
        raise InputError(f"not a regular file ({what}): pass its content on standard input (-)")
    with os.fdopen(descriptor, "rb") as handle:
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        try:
            if os.fstat(descriptor).st_size > limits.file_bytes:  # refused before reading
                raise SizeLimitError("the file", limits.file_bytes, OPTION["file_bytes"])
            return read_capped(handle, limits.file_bytes, "the file", OPTION["file_bytes"])
        except SizeLimitError as error:
            raise InputError(str(error)) from None
        except OSError as error:
            raise InputError(f"cannot read: {(error.strerror or str(error)).lower()}") from None


def _kind_for(path: str, text: str) -> DocumentKind:
    kind = None if path == "-" else SUPPORTED_EXTENSIONS.get(Path(path).suffix.lower())
    if kind not in (None, DocumentKind.TEXT):
        return kind
    from citecheck.extract.tagged import NBIB_SNIFF, RIS_SNIFF

    head = text[:4096]
    first = head.lstrip()[:6]
    # PubMed's "PubMed format" and reference managers' RIS often arrive as .txt files.
    if first.startswith("PMID-") and NBIB_SNIFF.match(head.lstrip()):
        return DocumentKind.NBIB
    if first.startswith("TY  -") and RIS_SNIFF.search(head):
        return DocumentKind.RIS
    if kind is DocumentKind.TEXT:
        return kind
    if _HTML_SNIFF.search(head):
        return DocumentKind.HTML
    if _BIB_SNIFF.search(head) and head.count("@") <= head.count("{"):
        return DocumentKind.BIBTEX
    return DocumentKind.TEXT
