"""A tiny PDF writer for tests: text placed at exact positions, so a test states the
layout it reproduces (a column of numbers apart from the entries, two columns, text
inside a form object, a page that is only an image, a stream that inflates hugely).

Text is set in Helvetica (one of the 14 fonts every PDF reader has) with WinAnsi
encoding, so "•" and accented letters work.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

A4 = (595.0, 842.0)


@dataclass
class Page:
    """Text items (x, y, size, text) drawn directly, and others drawn inside a form."""

    text: list[tuple[float, float, float, str]] = field(default_factory=list)
    in_form: list[tuple[float, float, float, str]] = field(default_factory=list)
    image: bool = False
    extra_stream: bytes | None = None  # raw Flate data appended to the page's content


def lines(
    x: float, top: float, size: float, texts: list[str], leading: float = 1.2
) -> list[tuple[float, float, float, str]]:
    """Consecutive lines at one left edge, from `top` down."""
    return [(x, top - i * size * leading, size, t) for i, t in enumerate(texts)]


def _show(items: list[tuple[float, float, float, str]]) -> bytes:
    out = bytearray()
    for x, y, size, text in items:
        raw = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(")
        raw = raw.replace(b")", b"\\)")
        out += b"BT /F1 %.2f Tf %.2f %.2f Td (" % (size, x, y) + raw + b") Tj ET\n"
    return bytes(out)


def build(pages: list[Page], size: tuple[float, float] = A4) -> bytes:
    """The PDF file holding `pages`."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree (filled in below)
    font = len(objects) + 1
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for page in pages:
        resources = b"/Font << /F1 %d 0 R >>" % font
        content = _show(page.text)
        xobjects = b""
        if page.in_form:
            form = _show(page.in_form)
            head = b"<< /Type /XObject /Subtype /Form /BBox [0 0 %d %d] " % (
                int(size[0]),
                int(size[1]),
            )
            objects.append(
                head
                + b"/Resources << /Font << /F1 %d 0 R >> >> /Length %d >>\nstream\n"
                % (font, len(form))
                + form
                + b"\nendstream"
            )
            xobjects += b"/Fm%d %d 0 R " % (len(objects), len(objects))
            content += b"q /Fm%d Do Q\n" % len(objects)
        if page.image:
            pixels = zlib.compress(bytes(range(256)) * 64)
            objects.append(
                b"<< /Type /XObject /Subtype /Image /Width 128 /Height 128 "
                b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
                b"/Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
            )
            xobjects += b"/Im%d %d 0 R " % (len(objects), len(objects))
            content += b"q 500 0 0 700 40 80 cm /Im%d Do Q\n" % len(objects)
        if xobjects:
            resources += b" /XObject << " + xobjects + b">>"
        packed = zlib.compress(content)
        streams = [packed] + ([page.extra_stream] if page.extra_stream is not None else [])
        refs = []
        for data in streams:
            objects.append(
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data)
                + data
                + b"\nendstream"
            )
            refs.append(b"%d 0 R" % len(objects))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] " % (int(size[0]), int(size[1]))
            + b"/Resources << %s >> /Contents [%s] >>" % (resources, b" ".join(refs))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def inflating_to(size: int) -> bytes:
    """Flate data that inflates to `size` bytes of spaces (a decompression bomb when big)."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [packer.compress(chunk) for _ in range(size >> 20)]
    parts.append(packer.compress(b" " * (size & ((1 << 20) - 1))))
    parts.append(packer.flush())
    return b"".join(parts)
