"""Strip Markdown markup line by line, never adding or removing a line.

Line N of the result is line N of the file, so reported line numbers stay true. Only
markup that would disturb reference parsing is removed: heading markers, emphasis,
inline code ticks, link/image syntax and blockquote markers. List markers stay, because
the reference finder uses them to split entries.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s{0,3}(?:=+|-{3,}|\*{3,}|_{3,}|(?:[-*_]\s+){3,})\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
# URLs (DOIs in particular) may contain one level of balanced parentheses.
_URL_BODY = r"(?:[^()\s]|\([^()\s]*\))+"
_IMAGE = re.compile(r"!\[([^\]]*)\]\(" + _URL_BODY + r"(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\]]+)\]\((" + _URL_BODY + r")(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"(?<![\w*])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![\w*])")
_STRONG_U = re.compile(r"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])")
_EM = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_U = re.compile(r"(?<![\w_\\])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def markdown_to_text(text: str) -> str:
    """Plain text with the same number of lines as `text`."""
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        out.append(line if in_fence else strip_line(line))
    return "\n".join(out)


def strip_line(line: str) -> str:
    """One line without Markdown markup (see the module docstring)."""
    if _RULE.match(line):
        return ""
    heading = _HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _QUOTE.sub("", line)
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(_link_text, line)
    line = _REF_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    # Emphasis markers are removed outside URLs only: DOIs and URLs contain underscores.
    pieces: list[str] = []
    last = 0
    for url in _URL.finditer(line):
        pieces.append(_strip_emphasis(line[last : url.start()]))
        pieces.append(url.group(0))
        last = url.end()
    pieces.append(_strip_emphasis(line[last:]))
    return "".join(pieces)


def _link_text(match: re.Match[str]) -> str:
    label, url = match.group(1), match.group(2)
    if url.rstrip("/") in label or url.startswith("#"):
        return label
    return f"{label} {url}"


def _strip_emphasis(text: str) -> str:
    for pattern in (_STRONG, _STRONG_U, _EM, _EM_U):
        text = pattern.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)
