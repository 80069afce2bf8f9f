"""The corrected reference: a found record in the document's own citation style (issue 12).

styles.py tells the style of a reference list, render.py writes a record in it (citeproc-py
with the official CSL styles), fix.py writes a corrected copy of a document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from citecheck.model import Status, Verdict
from citecheck.suggest.render import render
from citecheck.suggest.styles import STYLES, detect_style

__all__ = ["STYLES", "detect_style", "render", "with_suggestions"]


def with_suggestions(verdicts: Sequence[Verdict]) -> tuple[Verdict, ...]:
    """The verdicts of one document, each mismatched one with its suggestion: the found
    record written in the style of the document's own list."""
    wanted = [v for v in verdicts if v.status is Status.MISMATCHED and v.match is not None]
    if not wanted:
        return tuple(verdicts)
    style = detect_style([v.reference.raw for v in verdicts if v.reference.origin == "list"])
    suggested = {}
    for verdict in wanted:
        assert verdict.match is not None
        try:
            suggested[id(verdict)] = render(verdict.match, style)
        except Exception:  # a CSL processor's failure costs the suggestion, not the report
            continue
    return tuple(
        replace(v, suggestion=suggested[id(v)]) if id(v) in suggested else v for v in verdicts
    )
