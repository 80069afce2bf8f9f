"""A PDF page's glyphs -> its text lines in reading order, from geometry alone.

No text boxes from a layout engine: glyphs (character, position, size) are grouped into
line pieces by baseline and by the horizontal gaps between them; columns are the vertical
strips of white space ("gutters") that narrow pieces leave free, except a strip that only
has number or bullet labels on its left (the "1.", "2." column of a reference list), which
keeps the labels on the lines they belong to; pieces that cross a gutter (titles, headers,
full-width figures) split the page into bands, each read column by column.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from statistics import median
from typing import NamedTuple

# A line piece breaks where the white space between two glyphs is wider than this many
# font sizes; word spaces are ~0.25-0.6 em, column gutters >= ~1 em.
_PIECE_GAP = 0.85
# A gutter is at least this wide (in the page's usual font size) and has at least
# this many narrow pieces on each side.
_GUTTER_MIN = 0.8
_GUTTER_SIDE = 3
# Pieces wider than this share of the page's text width are not column lines.
_NARROW = 0.62
# A word space is wider than this share of the font size.
_SPACE = 0.12
# Glyphs are on one line when their baselines differ by less than this share of the size
# (pieces of one line), or when no wider gap separates them from the next glyph up (rows).
_SAME_LINE = 0.4
_ROW_GAP = 0.3
# White space across the whole page this many font sizes high separates bands.
_BLANK_ROW = 1.6

LABEL = re.compile(r"^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]?|[•·▪◦‣●■►○–-])$")
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "\x02": "-"}
)
# Spacing accents that LaTeX and some typesetters draw as glyphs of their own over the
# letter ("M¨uller"): they become combining marks on the letter they sit over.
_ACCENTS = {
    "¨": "\u0308",
    "´": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    "˜": "\u0303",
    "~": "\u0303",
    "ˇ": "\u030c",
    "˚": "\u030a",
    "¸": "\u0327",
    "˘": "\u0306",
    "¯": "\u0304",
    "˝": "\u030b",
    "˙": "\u0307",
}


class Glyph(NamedTuple):
    """One drawn character: left and right edge, baseline, font size (PDF points)."""

    char: str
    x0: float
    x1: float
    y: float
    size: float


@dataclass(frozen=True)
class Line:
    """One text line as read: its left and right edge, baseline, usual font size, the
    0-based page and the column block it sits in (numbered in reading order per page)."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    page: int
    block: int


class _Piece(NamedTuple):
    glyphs: list[Glyph]
    x0: float
    x1: float
    y: float
    size: float
    text: str


def page_lines(glyphs: list[Glyph], page: int) -> list[Line]:
    """The page's lines in reading order (columns left to right within each band)."""
    glyphs = [g for g in glyphs if g.size > 0 and (g.char == " " or not g.char.isspace())]
    if not any(g.char != " " for g in glyphs):
        return []
    pieces = _pieces(glyphs)
    lines: list[Line] = []
    for number, block in enumerate(_blocks(pieces)):
        lines.extend(_block_lines(block, page, number))
    return lines


def _pieces(glyphs: list[Glyph]) -> list[_Piece]:
    """Glyphs grouped by baseline, then cut where the gap between neighbours is wide."""
    size = median(g.size for g in glyphs)
    glyphs.sort(key=lambda g: -g.y)
    pieces: list[_Piece] = []
    start = 0
    for i in range(1, len(glyphs) + 1):
        # Chained, not anchored on the row's first glyph: two columns whose baselines
        # differ by a little become one row that the gutter then cuts, and a bracket
        # whose font descends lower stays on its line.
        if i == len(glyphs) or glyphs[i - 1].y - glyphs[i].y > _ROW_GAP * size:
            row = sorted(glyphs[start:i], key=lambda g: g.x0)
            cut = 0
            ink: Glyph | None = None  # the last glyph that is not a space
            for j in range(len(row) + 1):
                wide = j < len(row) and ink is not None and row[j].char != " "
                if j == len(row) or (
                    wide and row[j].x0 - ink.x1 > _PIECE_GAP * max(row[j].size, ink.size)  # type: ignore[union-attr]
                ):
                    piece = list(row[cut:j])
                    while piece and piece[0].char == " ":
                        piece.pop(0)
                    while piece and piece[-1].char == " ":
                        piece.pop()
                    if piece:
                        pieces.append(_piece(piece))
                    cut = j
                if j < len(row) and row[j].char != " ":
                    ink = row[j]
            start = i
    return pieces


def _piece(glyphs: list[Glyph]) -> _Piece:
    size = median(g.size for g in glyphs)
    y = median(g.y for g in glyphs if g.size >= size * 0.8)
    return _Piece(glyphs, glyphs[0].x0, max(g.x1 for g in glyphs), y, size, _text(glyphs))


def _text(glyphs: list[Glyph]) -> str:
    """The glyphs' text, with spaces where the gaps are word spaces."""
    out: list[str] = []
    previous: Glyph | None = None
    spaced = False  # a space glyph since the previous letter
    for glyph in glyphs:
        char = glyph.char
        if char == " ":
            spaced = previous is not None
            continue
        if previous is not None:
            gap = glyph.x0 - previous.x1
            if char in _ACCENTS and gap < 0:
                out.append(_ACCENTS[char])  # over the letter before it
                continue
            if previous.char in _ACCENTS and out and out[-1] == previous.char:
                over = glyph.x0 - previous.x0 < (previous.x1 - previous.x0) * 0.9
                if over and previous.x1 > glyph.x0:
                    out[-1] = char + _ACCENTS[previous.char]  # "¨" drawn before the "u"
                    previous = glyph
                    continue
            if spaced or gap > _SPACE * max(glyph.size, previous.size):
                out.append(" ")
        out.append(char)
        previous = glyph
        spaced = False
    return unicodedata.normalize("NFC", "".join(out).translate(_LIGATURES))


def _blocks(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces in reading order, grouped by column within bands between spanning pieces."""
    gutters = _gutters(pieces)
    if not gutters:
        return [pieces]
    middles = [(start + end) / 2 for start, end in gutters]
    spanning: list[_Piece] = []
    columns: list[tuple[int, _Piece]] = []
    for piece in pieces:
        left = bisect.bisect_right(middles, piece.x0 + 1)
        right = bisect.bisect_left(middles, piece.x1 - 1)
        if left == right:
            columns.append((left, piece))
        else:
            spanning.append(piece)  # crosses the middle of a gutter
    # Bands end at spanning pieces, and at white space across the whole page (the
    # References of a page whose top half is two other sections side by side).
    marks: list[tuple[float, _Piece | None]] = sorted(
        [(-p.y, p) for p in spanning] + [(-y, None) for y in _blank_rows(pieces)],
        key=lambda mark: mark[0],
    )
    tops = [top for top, _ in marks]
    bands: dict[tuple[int, int], list[_Piece]] = {}
    for column, piece in columns:
        band = bisect.bisect_left(tops, -piece.y)
        bands.setdefault((band, column), []).append(piece)
    blocks: list[list[_Piece]] = []
    run: list[_Piece] = []  # spanning pieces one after another (a title, an abstract)
    for band in range(len(marks) + 1):
        for column in range(len(gutters) + 1):
            if (band, column) in bands:
                if run:
                    blocks.append(run)
                    run = []
                blocks.append(bands[(band, column)])
        if band < len(marks) and marks[band][1] is not None:
            run.append(marks[band][1])  # type: ignore[arg-type]
    if run:
        blocks.append(run)
    return blocks


def _blank_rows(pieces: list[_Piece]) -> list[float]:
    """Heights of white bands across the page taller than _BLANK_ROW font sizes."""
    size = median(p.size for p in pieces)
    spans = sorted(((p.y + 0.8 * p.size, p.y - 0.25 * p.size) for p in pieces), reverse=True)
    found: list[float] = []
    low = spans[0][1]
    for top, bottom in spans[1:]:
        if low - top > _BLANK_ROW * size:
            found.append((low + top) / 2)
        low = min(low, bottom)
    return found


def _gutters(pieces: list[_Piece]) -> list[tuple[float, float]]:
    """Vertical strips free of narrow pieces with enough of them on either side."""
    left_edge = min(p.x0 for p in pieces)
    right_edge = max(p.x1 for p in pieces)
    width = right_edge - left_edge
    if width <= 0:
        return []
    size = median(p.size for p in pieces)
    narrow = [p for p in pieces if p.x1 - p.x0 < width * _NARROW]
    if len(narrow) < 2 * _GUTTER_SIDE:
        return []
    # How many narrow pieces cover each point across the page: a gutter may be crossed
    # by a few (a centred page number, author names, a caption set across both columns).
    counts = [0] * (int(width) + 3)
    for p in narrow:
        counts[int(p.x0 - left_edge)] += 1
        counts[int(p.x1 - left_edge) + 1] -= 1
    for x in range(1, len(counts)):
        counts[x] += counts[x - 1]
    loose = max(2, len(narrow) // 10)
    gutters: list[tuple[float, float, int]] = []
    x = 0
    while x < len(counts):
        if counts[x] > loose:
            x += 1
            continue
        end = x
        while end < len(counts) and counts[end] <= loose:
            end += 1
        ceiling = min(counts[x:end]) + 2
        best = _longest_run(counts, x, end, ceiling)
        if best[1] - best[0] >= _GUTTER_MIN * size:
            crossing = max(counts[best[0] : best[1]])
            gutters.append((left_edge + best[0], left_edge + best[1], crossing))
        x = end
    found: list[tuple[float, float]] = []
    for start, stop, crossing in gutters:
        if _real_gutter((start, stop), crossing, narrow, found):
            found.append((start, stop))
    return found


def _longest_run(counts: list[int], start: int, end: int, ceiling: int) -> tuple[int, int]:
    """The widest stretch of [start, end) where at most `ceiling` pieces cross."""
    best = (start, start)
    x = start
    while x < end:
        if counts[x] > ceiling:
            x += 1
            continue
        stop = x
        while stop < end and counts[stop] <= ceiling:
            stop += 1
        if stop - x > best[1] - best[0]:
            best = (x, stop)
        x = stop
    return best


def _real_gutter(
    gutter: tuple[float, float],
    crossing: int,
    narrow: list[_Piece],
    found: list[tuple[float, float]],
) -> bool:
    """Text on both sides, few pieces across, and not only number or bullet labels on
    its left (the column of "1.", "2." beside a reference list)."""
    start, end = gutter
    before = found[-1][1] if found else float("-inf")
    left = [p for p in narrow if before <= (p.x0 + p.x1) / 2 <= start]
    right = [p for p in narrow if (p.x0 + p.x1) / 2 >= end]
    if len(left) < _GUTTER_SIDE or len(right) < _GUTTER_SIDE:
        return False
    if crossing > max(3, 0.25 * min(len(left), len(right))):
        return False
    labels = sum(1 for p in left if LABEL.match(p.text))
    return labels < 0.8 * len(left)


def _block_lines(block: list[_Piece], page: int, number: int) -> list[Line]:
    """A block's pieces joined into lines: same baseline, left to right."""
    block = sorted(block, key=lambda p: -p.y)
    lines: list[Line] = []
    start = 0
    for i in range(1, len(block) + 1):
        anchor = block[start]
        if i == len(block) or anchor.y - block[i].y > _SAME_LINE * anchor.size:
            row = sorted(block[start:i], key=lambda p: p.x0)
            text = " ".join(p.text for p in row)
            words = [p.size for p in row if LABEL.match(p.text) is None]
            size = max(words or [p.size for p in row])
            lines.append(
                Line(text, row[0].x0, max(p.x1 for p in row), anchor.y, size, page, number)
            )
            start = i
    return lines
