"""How many bytes reading a PDF's text will decompress, counted before anything is decoded.

PDFium decodes a page's content stream, its form objects and its fonts whole in memory:
one stream that inflates to 1 GiB took 2.1 GB (issue 11). Before PDFium loads a page, the
streams that page needs for its text are inflated here in small chunks that are counted
and thrown away, so memory stays flat; past the limit the file is refused. Images are not
counted: reading text never decodes them.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any

_CHUNK = 1 << 20


class TooMuchDataError(ValueError):
    """The PDF's streams decompress to more than the limit."""


class UnreadableStructureError(ValueError):
    """pdfminer could not read the PDF's object structure."""


class StreamBudget:
    """Walks each page's content, form objects and fonts once, counting inflated bytes."""

    def __init__(self, data: bytes, limit: int) -> None:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        self.limit = limit
        self.used = 0
        self._seen: set[int] = set()
        try:
            document = PDFDocument(PDFParser(io.BytesIO(data)))
            self._pages: Iterator[Any] = iter(PDFPage.create_pages(document))
        except Exception as error:  # pdfminer raises many kinds on odd files
            raise UnreadableStructureError(type(error).__name__) from None

    def check_next_page(self) -> None:
        """Count the next page's streams; raise TooMuchDataError past the limit."""
        from pdfminer.pdftypes import PDFStream

        try:
            page = next(self._pages, None)
            if page is None:
                return
            for stream in _list(page.contents):
                if isinstance(stream, PDFStream):
                    self._count(stream)
            self._resources(page.resources, depth=0)
        except TooMuchDataError:
            raise
        except Exception as error:
            raise UnreadableStructureError(type(error).__name__) from None

    def _resources(self, resources: object, depth: int) -> None:
        from pdfminer.pdftypes import PDFStream, dict_value

        resources = dict_value(resources)
        if depth > 12 or not resources:
            return  # form objects nested deeper than any real document
        for xobject in _values(resources.get("XObject")):
            form = isinstance(xobject, PDFStream) and _name(xobject.attrs.get("Subtype")) == "Form"
            if form and self._count(xobject):
                self._resources(xobject.attrs.get("Resources"), depth + 1)
        for font in _values(resources.get("Font")):
            self._font(dict_value(font), depth)

    def _font(self, font: dict[str, Any], depth: int) -> None:
        from pdfminer.pdftypes import PDFStream, dict_value, resolve1

        streams = [resolve1(font.get("ToUnicode"))]
        for descendant in _list(font.get("DescendantFonts")):
            font_descriptor = dict_value(dict_value(descendant).get("FontDescriptor"))
            streams.extend(resolve1(font_descriptor.get(k)) for k in _FONT_FILES)
        descriptor = dict_value(font.get("FontDescriptor"))
        streams.extend(resolve1(descriptor.get(k)) for k in _FONT_FILES)
        streams.extend(_values(font.get("CharProcs")))  # Type 3 glyph procedures
        for stream in streams:
            if isinstance(stream, PDFStream):
                self._count(stream)
        if font.get("Resources") is not None:
            self._resources(font.get("Resources"), depth + 1)

    def _count(self, stream: Any) -> bool:
        """Add the stream's inflated size once; False if it was already counted."""
        key = stream.objid if stream.objid is not None else id(stream)
        if key in self._seen:
            return False
        self._seen.add(key)
        data = stream.rawdata if stream.rawdata is not None else stream.data or b""
        if stream.decipher and stream.rawdata is not None:
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        filters = stream.get_filters()
        first = _name(filters[0][0]) if filters else ""
        if first in ("FlateDecode", "Fl"):
            self._inflate(data)
        else:
            self._add(len(data))
        return True

    def _inflate(self, data: bytes) -> None:
        inflater = zlib.decompressobj()
        pending = data
        try:
            while not inflater.eof:
                out = inflater.decompress(pending, _CHUNK)
                self._add(len(out))
                tail = inflater.unconsumed_tail
                if not out and (not tail or tail == pending):
                    break  # all input used, or no progress on a damaged stream
                pending = inflater.unconsumed_tail
        except zlib.error:
            return  # a damaged stream: PDFium reads what it can, as pdfminer did

    def _add(self, size: int) -> None:
        self.used += size
        if self.used > self.limit:
            raise TooMuchDataError(self.limit)


_FONT_FILES = ("FontFile", "FontFile2", "FontFile3")


def _name(value: object) -> str:
    from pdfminer.psparser import PSLiteral

    name = value.name if isinstance(value, PSLiteral) else value
    if isinstance(name, bytes):
        return name.decode("latin-1")
    return str(name or "")


def _values(value: object) -> list[Any]:
    from pdfminer.pdftypes import dict_value, resolve1

    return [resolve1(v) for v in dict_value(value).values()] if value is not None else []


def _list(value: object) -> list[Any]:
    from pdfminer.pdftypes import resolve1

    resolved = resolve1(value)
    return [resolve1(v) for v in resolved] if isinstance(resolved, list) else []
