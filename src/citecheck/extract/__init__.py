"""Read user-named inputs (files, folders, stdin) into Documents of readable text.

Every failure a user can cause (missing file, binary data, empty file, ...) surfaces as
an InputError with a one-line message, so the caller can report it next to the path and
carry on with the other inputs.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from citecheck.extract.html import read_html
from citecheck.extract.markdown import markdown_to_text
from citecheck.extract.text import BinaryDataError, binary_kind, decode
from citecheck.model import Document, DocumentKind

__all__ = ["SUPPORTED_EXTENSIONS", "InputError", "load"]

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


def load(path: str) -> Document:
    """Read `path` ("-" for standard input) into a Document; raise InputError on failure."""
    suffix = "" if path == "-" else Path(path).suffix.lower()
    if suffix in _UNSUPPORTED:
        raise InputError(
            f"unsupported file type: {_UNSUPPORTED[suffix]} ({suffix}); save it as PDF, "
            ".docx, HTML or plain text"
        )
    data = _read_stdin() if path == "-" else _read_file(path)
    if not data.strip():
        raise InputError("the file is empty")
    binary = _binary_kind(suffix, data)
    if binary is not None:
        return Document(path=path, text=_binary_text(binary, data), kind=binary)
    try:
        text = decode(data)
    except BinaryDataError as error:
        raise InputError(f"not a text document ({error})") from None
    if not text.strip():
        raise InputError("the file is empty")
    kind = _kind_for(path, text)
    if kind is DocumentKind.HTML:
        page = read_html(text)
        if not page.text.strip() and not page.lists:
            raise InputError("no readable text in the HTML")
        return Document(path, page.text, kind, lists=page.lists, links=page.links)
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


def _binary_text(kind: DocumentKind, data: bytes) -> str:
    from citecheck.extract.docx import DocxError, docx_to_text
    from citecheck.extract.pdf import PdfError, pdf_to_text

    try:
        return pdf_to_text(data) if kind is DocumentKind.PDF else docx_to_text(data)
    except (PdfError, DocxError) as error:
        raise InputError(str(error)) from None


def _convert(kind: DocumentKind, text: str) -> str:
    if kind is DocumentKind.MARKDOWN:
        return markdown_to_text(text)
    if kind in (DocumentKind.BIBTEX, DocumentKind.RIS, DocumentKind.NBIB):
        from citecheck.extract.structured import bibtex_records, render
        from citecheck.extract.tagged import nbib_records, ris_records

        reader = {
            DocumentKind.BIBTEX: bibtex_records,
            DocumentKind.RIS: ris_records,
            DocumentKind.NBIB: nbib_records,
        }[kind]
        try:
            records = reader(text)
        except Exception as error:  # a parser library failing on odd input
            raise InputError(
                f"cannot read the {kind.value} file ({type(error).__name__})"
            ) from None
        if not records:
            raise InputError(f"no records in the {kind.value} file")
        return render(records)
    return text


def _read_stdin() -> bytes:
    try:
        return sys.stdin.buffer.read()
    except OSError as error:
        raise InputError(f"cannot read standard input: {error.strerror or error}") from None


def _read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except PermissionError:
        raise InputError("cannot read: permission denied") from None
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise InputError(f"cannot read: {reason}") from None


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
