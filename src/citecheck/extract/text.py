"""Turn raw bytes into text, refusing binary data.

Line structure is sacred here: later stages report "line N" to the user, so the text we
return must have exactly the line breaks a user's editor (or `grep -n`) would count.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes


class BinaryDataError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


# Magic numbers of formats people are likely to feed us by mistake; naming the format
# makes the error message actionable ("not a text document (PDF)").
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP/Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip data"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    # The endianness-neutral codecs read the BOM and drop it from the text.
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# C0 controls other than tab/newline/CR/form feed: real text almost never has them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Characters that str.splitlines() treats as line breaks but editors and `grep -n` do
# not count; turning them into spaces keeps both ways of counting lines in agreement.
_ODD_BREAKS = re.compile(r"[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def binary_kind(data: bytes) -> str | None:
    """A short name for a known binary format, "binary data" for other binaries, or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text legitimately contains NUL bytes
    if b"\x00" in data[:65536]:
        return "binary data"
    return None


def decode(data: bytes) -> str:
    """Decode bytes to text with normalised newlines; raise BinaryDataError for binaries."""
    kind = binary_kind(data)
    if kind is not None:
        raise BinaryDataError(kind)
    text = _decode_any(data)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise BinaryDataError("binary data")
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; other exotic separators become spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ODD_BREAKS.sub(" ", text)


def _decode_any(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8. Statistical detection is unreliable on short English texts with a few
    # accented names (it guesses Baltic or Cyrillic code pages), so Windows-1252 is tried
    # first and kept when non-ASCII characters stay rare, as in Western-language text.
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None:
        letters = sum(1 for c in western if c.isalpha())
        if sum(1 for c in western if ord(c) > 127) <= 0.2 * max(letters, 1):
            return western
    best = from_bytes(data).best()
    if best is None:
        raise BinaryDataError("binary data")
    return str(best)
