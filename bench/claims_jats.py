"""Citing sentences out of JATS articles read from a git mirror (bench/claims.py's sets).

A body paragraph is flattened to text with each reference citation (`<xref
ref-type="bibr">`) written as "[n]", so that citecheck's own sentence finder
(claims.sentences.citing_context, the one a run uses) cuts the sentence around it.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from citecheck.claims.sentences import citing_context

# Floats inside a paragraph: their text is not the paragraph's sentence.
_SKIPPED = ("table-wrap", "fig", "disp-formula", "supplementary-material")


class Mirror:
    """A bare git mirror made by the `fetch` tool, read at HEAD."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def git(self, *args: str) -> str:
        return subprocess.run(
            ["git", f"--git-dir={self.path}", *args], check=True, capture_output=True, text=True
        ).stdout

    def names(self) -> list[str]:
        return self.git("ls-tree", "-r", "--name-only", "HEAD").splitlines()

    def commit(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def show(self, name: str) -> str:
        return self.git("show", f"HEAD:{name}")

    def read_many(self, names: Iterable[str]) -> Iterator[tuple[str, bytes | None]]:
        """(name, content) of many files through one `git cat-file --batch`."""
        process = subprocess.Popen(
            ["git", f"--git-dir={self.path}", "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert process.stdin is not None and process.stdout is not None
        try:
            for name in names:
                process.stdin.write(f"HEAD:{name}\n".encode())
                process.stdin.flush()
                header = process.stdout.readline().split()
                if header[-1] == b"missing":
                    yield name, None
                    continue
                content = process.stdout.read(int(header[2]))
                process.stdout.read(1)  # the newline after each object
                yield name, content
        finally:
            process.stdin.close()
            process.wait()


def text_of(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _paragraph(p: ET.Element, numbers: dict[str, int]) -> tuple[str, list[tuple[int, str]]]:
    """The paragraph's text with each reference xref as "[n]", and (offset, ref id) of each."""
    parts: list[str] = []
    cites: list[tuple[int, str]] = []

    def walk(node: ET.Element) -> None:
        if node.tag == "xref" and node.get("ref-type") == "bibr":
            for rid in (node.get("rid") or "").split() or [""]:
                cites.append((sum(len(s) for s in parts), rid))
                parts.append(f"[{numbers.get(rid, 0)}]")
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag in _SKIPPED:
                if child.tail:
                    parts.append(child.tail)
                continue
            walk(child)
        if node.tail and node is not p:
            parts.append(node.tail)

    walk(p)
    return "".join(parts), cites


def paragraphs(
    root: ET.Element, numbers: dict[str, int]
) -> list[tuple[str, list[tuple[int, str]]]]:
    """The body's paragraphs: (text with citations as "[n]", [(offset, ref id)])."""
    body = root.find(".//body")
    return [] if body is None else [_paragraph(p, numbers) for p in body.iter("p")]


def body_text(root: ET.Element, numbers: dict[str, int]) -> str:
    """The body as a document reader would give it: paragraphs apart by a blank line."""
    return "\n\n".join(text for text, _ in paragraphs(root, numbers))


def citing_sentences(
    root: ET.Element, numbers: dict[str, int]
) -> list[tuple[str, str, frozenset[str]]]:
    """[(sentence, the one ref id it cites, ref ids cited in its paragraph)]: the body's
    sentences that cite exactly one reference, each (sentence, ref) once."""
    found: dict[tuple[str, str], tuple[str, str, frozenset[str]]] = {}
    for text, cites in paragraphs(root, numbers):
        in_paragraph = frozenset(rid for _, rid in cites)
        for offset, rid in cites:
            start, sentence = citing_context(text, offset)
            cited_here = {r for o, r in cites if start <= o < start + len(sentence)}
            if cited_here == {rid} and re.search(r"[a-z]{4}", sentence):
                found.setdefault((sentence, rid), (sentence, rid, in_paragraph))
    return list(found.values())
