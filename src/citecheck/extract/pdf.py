"""A PDF's text layer and its reference lists, read page by page with PDFium (pypdfium2).

Each page's glyphs (character, position, font size: form objects included, as PDFium
draws them) are put in reading order from their geometry (pdf_layout), the lines of all
pages are read for reference lists (pdf_refs), and the page is let go before the next is
loaded. Limits keep a hostile file from taking the machine: the number of pages, and the
bytes its streams inflate to (counted by pdf_guard before PDFium decodes them). Anything
that goes wrong inside the PDF libraries becomes a PdfError with one line for the user.

Why PDFium and not pdfminer's layout analysis: on a 14-page two-column Elsevier article
pdfminer took 4.3 s (3.3 pages/s) and its text boxes put a reference list's column of
numbers apart from the entries; PDFium gives every glyph's position in 0.3-0.5 s.
Line numbers are those of the extracted text (a PDF has no source lines a user could open).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

from citecheck.extract.limits import DEFAULT_LIMITS, OPTION, Limits, format_size
from citecheck.extract.pdf_guard import StreamBudget, TooMuchDataError, UnreadableStructureError
from citecheck.extract.pdf_layout import Glyph, Line, page_lines
from citecheck.extract.pdf_refs import drop_running_lines, reference_lists
from citecheck.model import Entry

__all__ = ["NO_TEXT_LAYER", "PdfContent", "PdfError", "pdf_to_text", "read_pdf"]

NO_TEXT_LAYER = "no text layer: scanned PDF? run OCR first"


class PdfError(ValueError):
    """The PDF cannot be read (damaged, encrypted, over a limit, or no text layer)."""


@dataclass(frozen=True)
class PdfContent:
    """The text in reading order, and the reference lists found from the layout."""

    text: str
    lists: tuple[tuple[Entry, ...], ...]


def pdf_to_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    return read_pdf(data, limits).text


def read_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS) -> PdfContent:
    """Read the PDF in `data` within `limits` (pages, inflated bytes: extract/limits.py);
    raise PdfError with a one-line reason on failure."""
    try:
        return _read(data, limits)
    except PdfError:
        raise
    except MemoryError:
        raise PdfError("cannot read the PDF: out of memory") from None
    except Exception as error:  # whatever a damaged file makes the libraries raise
        raise PdfError(f"cannot read the PDF ({type(error).__name__})") from None


def _read(data: bytes, limits: Limits) -> PdfContent:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise PdfError(_open_error(str(error))) from None
    try:
        pages = len(document)
        if pages > limits.pages:
            raise PdfError(
                f"too many pages: {pages} (the limit is {limits.pages}; {OPTION['pages']})"
            )
        try:
            budget = StreamBudget(data, limits.unpacked_bytes)
        except UnreadableStructureError as error:
            raise PdfError(f"damaged PDF ({error})") from None
        lines: list[Line] = []
        heights: list[float] = []
        images = 0
        for number in range(pages):
            try:
                budget.check_next_page()
            except TooMuchDataError:
                size = format_size(limits.unpacked_bytes)
                option = OPTION["unpacked_bytes"]
                raise PdfError(
                    f"its streams inflate to more than {size} (the limit; {option})"
                ) from None
            except UnreadableStructureError as error:
                raise PdfError(f"damaged PDF ({error})") from None
            page = document[number]
            try:
                heights.append(page.get_height())
                glyphs, has_image = _glyphs(page)
                images += has_image
                lines.extend(page_lines(glyphs, number))
            finally:
                page.close()
    finally:
        document.close()
    if not any(line.text.strip() for line in lines):
        raise PdfError(NO_TEXT_LAYER if images or pages else "the PDF has no pages")
    lines = drop_running_lines(lines, heights)
    return PdfContent(
        text="\n".join(line.text for line in lines) + "\n", lists=reference_lists(lines)
    )


def _open_error(message: str) -> str:
    if "password" in message.lower() or "security" in message.lower():
        return "encrypted PDF: cannot read its text"
    return "damaged or truncated PDF"


def _glyphs(page: object) -> tuple[list[Glyph], bool]:
    """The page's drawn characters (not PDFium's generated spaces and line breaks), and
    whether it shows an image (to tell a scan from an empty page)."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        handle = textpage.raw
        count = raw.FPDFText_CountChars(handle)
        matrix = raw.FS_MATRIX()
        box = raw.FS_RECTF()
        glyphs: list[Glyph] = []
        for index in range(count):
            raw.FPDFText_GetLooseCharBox(handle, index, box)
            if box.right <= box.left and box.top <= box.bottom:
                # A space or line break PDFium generated: its word break is kept (after
                # "of" the gap alone is too narrow in some fonts).
                if glyphs and raw.FPDFText_GetUnicode(handle, index) == 32:
                    last = glyphs[-1]
                    glyphs.append(Glyph(" ", last.x1, last.x1, last.y, last.size))
                continue
            raw.FPDFText_GetMatrix(handle, index, matrix)
            if abs(matrix.b) > 0.01 * abs(matrix.a) + 1e-6 or matrix.a <= 0:
                continue  # rotated text: a margin stamp, a table's vertical header
            # The effective size: the font size (Tf) scaled by the text and page matrices.
            size = raw.FPDFText_GetFontSize(handle, index) * matrix.a
            code = raw.FPDFText_GetUnicode(handle, index)
            # The loose box's bottom is the baseline less the font's descent: the same
            # for every glyph of a line set in one size, which is what lines are made of.
            glyphs.append(Glyph(_char(code), box.left, box.right, box.bottom, size))
    finally:
        textpage.close()
    has_image = not glyphs and _has_image(page, raw)
    return glyphs, has_image


def _char(code: int) -> str:
    try:
        return chr(code) if code else "\ufffd"
    except (ValueError, OverflowError):
        return "\ufffd"


def _has_image(page: object, raw: object) -> bool:
    handle = page.raw  # type: ignore[attr-defined]
    count = raw.FPDFPage_CountObjects(handle)  # type: ignore[attr-defined]
    image = raw.FPDF_PAGEOBJ_IMAGE  # type: ignore[attr-defined]
    kinds = (raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(handle, i)) for i in range(count))  # type: ignore[attr-defined]
    return any(kind == image for kind in kinds)


_ = ctypes  # pypdfium2.raw is ctypes underneath; structures come from it
