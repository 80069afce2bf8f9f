"""The text layer of a PDF (pdfminer.six), in reading order, one text box per paragraph.

Two-column pages are read column by column: pdfminer's layout analysis finds the text
boxes; a page whose boxes fall clearly on either side of its middle is read left column
first. Running page numbers are dropped and pages are joined without a blank line, so an
entry that continues over a page break stays one entry. Line numbers are those of the
extracted text (a PDF has no source lines a user could open).
"""

from __future__ import annotations

import io
import re

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)


class PdfError(ValueError):
    """The PDF cannot be read (damaged, encrypted, or no text layer)."""


def pdf_to_text(data: bytes) -> str:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pages = list(extract_pages(io.BytesIO(data), laparams=LAParams()))
    except PDFSyntaxError:
        raise PdfError("damaged PDF") from None
    except Exception as error:  # pdfminer raises many kinds on odd files
        name = type(error).__name__
        if "Encrypt" in name or "Password" in name:
            raise PdfError("encrypted PDF: cannot read its text") from None
        if name in ("PSEOF", "EOFError"):
            raise PdfError("damaged or truncated PDF") from None
        raise PdfError(f"cannot read the PDF ({name})") from None
    out: list[str] = []
    for page in pages:
        width = page.width
        boxes = [
            (box.x0, box.x1, box.y1, box.get_text())
            for box in page
            if isinstance(box, LTTextContainer) and box.get_text().strip()
        ]
        boxes = [b for b in boxes if not _PAGE_NUMBER.match(b[3])]
        left = [b for b in boxes if b[1] <= width * 0.55]
        right = [b for b in boxes if b[0] >= width * 0.45]
        if left and right and len(left) + len(right) == len(boxes):
            ordered = sorted(left, key=lambda b: -b[2]) + sorted(right, key=lambda b: -b[2])
        else:
            ordered = sorted(boxes, key=lambda b: (-round(b[2]), b[0]))
        page_lines: list[str] = []
        for _x0, _x1, _y, text in ordered:
            lines = [" ".join(line.split()) for line in text.splitlines()]
            page_lines.extend(line for line in lines if line)
            page_lines.append("")
        while page_lines and not page_lines[-1]:
            page_lines.pop()
        if out and page_lines:
            # Continue the last paragraph when the page's first line does not start anew.
            out.extend(page_lines)
        else:
            out.extend(page_lines)
    text = "\n".join(out).strip()
    if not text:
        raise PdfError("the PDF has no text layer (a scan?)")
    return text + "\n"
