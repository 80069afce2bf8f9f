"""Join the hard-wrapped lines of one entry back into its text.

Linear in the input: the pieces are joined once at the end, and only the output's last
word (at most its last 200 characters) is looked at for each new line (the former
joiner looked at all the text so far on every line: 80,000 wrapped lines took 55 s).
"""

from __future__ import annotations

__all__ = ["join_lines"]

# Hyphenated prefixes that stay hyphenated when a line break falls after them.
_KEEP_HYPHEN = frozenset(
    {"self", "non", "well", "cross", "long", "short", "high", "low", "double", "single",
     "open", "dose", "meta", "placebo", "treatment", "time", "age", "sex", "evidence",
     "co", "pre", "post", "anti", "multi", "inter", "intra", "semi", "sub", "follow"}
)  # fmt: skip


def join_lines(parts: list[str]) -> str:
    """Join hard-wrapped lines, undoing hyphenation only where it split a word."""
    pieces: list[str] = []
    last = ""  # the last word of the output so far
    for part in parts:
        nxt = part.strip()
        if not nxt:
            continue
        if not pieces:
            pieces.append(nxt)
            last = _last_word(nxt, "")
        elif last.endswith(("-", "–")) and len(last) > 1:
            stem = last[:-1]
            if (
                stem.isalpha()
                and stem[-1].islower()
                and nxt[0].islower()
                and stem.lower().rsplit("-", 1)[-1] not in _KEEP_HYPHEN
                and "/" not in last
            ):
                pieces[-1] = pieces[-1][:-1]  # "phar-" + "macology"
                last = stem
            pieces.append(nxt)  # else "NMDA-receptor", "351-" + "354", DOIs
            last = _last_word(nxt, last)
        elif last.endswith("/") and ("/" in last[:-1] or last.startswith("10.")):
            pieces.append(nxt)  # a URL or DOI broken after a slash
            last = _last_word(nxt, last)
        else:
            pieces.append(" " + nxt)
            last = _last_word(nxt, "")
    return "".join(pieces)


def _last_word(piece: str, before: str) -> str:
    """The output's last word once `piece` is added right after the word `before`."""
    words = piece.rsplit(None, 1)
    word = words[-1] if len(words) == 2 else before + piece
    return word[-200:]
