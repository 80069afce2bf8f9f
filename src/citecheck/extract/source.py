"""Text that remembers where its lines came from.

Extractors that reshape a file (HTML, BibTeX, RIS, nbib) return a SourceText: a str whose
`source_lines[i]` is the 1-based line of the source file that text line i+1 came from (0
when unknown). Everything that treats it as a str keeps working; the reference finder
reads `source_lines` to report an entry's line in the file rather than in the text.
"""

from __future__ import annotations

from collections.abc import Sequence


class SourceText(str):
    """A str with a per-line map back to the source file's lines."""

    source_lines: tuple[int, ...]

    def __new__(cls, text: str, source_lines: Sequence[int]) -> SourceText:
        self = super().__new__(cls, text)
        self.source_lines = tuple(source_lines)
        return self


def source_line(text: str, line: int) -> int:
    """The source-file line of 1-based text line `line` (itself when there is no map)."""
    lines: tuple[int, ...] | None = getattr(text, "source_lines", None)
    if not lines:
        return line
    # A line with no known origin takes the nearest known one before it.
    for k in range(min(line, len(lines)) - 1, -1, -1):
        if lines[k] > 0:
            return lines[k]
    return line


def from_lines(pairs: Sequence[tuple[str, int]]) -> SourceText:
    """Join (line, source line) pairs into a SourceText ending in a newline."""
    text = "\n".join(line for line, _ in pairs)
    return SourceText(text + ("\n" if pairs else ""), [n for _, n in pairs])
