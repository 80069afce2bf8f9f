"""check.py takes the reference lists a reader found from structure, and its linked studies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck import check
from citecheck.check import _parse, _Parsed, _unchecked, check_paths
from citecheck.model import Document, DocumentKind, Entry, Status
from citecheck.references import TWO_WORKS
from citecheck.report.json import render
from citecheck.report.problems import who
from citecheck.settings import from_environment

BERMAN = (
    "Berman RM, Cappiello A, Anand A, et al. Antidepressant effects of ketamine in "
    "depressed patients. Biol Psychiatry. 2000;47(4):351-354."
)
LI = (
    "Li N, Lee B, Liu RJ, et al. mTOR-dependent synapse formation underlies the rapid "
    "antidepressant effects of NMDA antagonists. Science. 2010;329(5994):959-964."
)
TEXT = "Ketamine works [1]. So does the synapse story [2].\n\nReferences\n\nnot a list at all\n"


def _load(document: Document) -> object:
    return lambda path, *limits: document


def test_structured_lists_are_used_instead_of_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    lists = ((Entry(1, BERMAN, 4),), (Entry(2, LI, 9),))
    monkeypatch.setattr(check, "load", _load(Document("p.html", TEXT, DocumentKind.HTML, lists)))
    parsed = _parse("p.html")
    assert isinstance(parsed, _Parsed)
    assert [reference.index for _, reference in parsed.items] == [1, 2]
    assert parsed.items[1][1].journal == "Science"
    assert parsed.citations.found == 2 and not parsed.citations.unresolved


def test_text_finder_without_structured_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    text = f"Intro [1].\n\nReferences\n\n1. {BERMAN}\n"
    monkeypatch.setattr(check, "load", _load(Document("p.txt", text, DocumentKind.TEXT)))
    parsed = _parse("p.txt")
    assert isinstance(parsed, _Parsed)
    assert [reference.raw for _, reference in parsed.items] == [BERMAN]


def test_linked_studies_are_labelled_links(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = "a 2000 study (https://doi.org/10.1016/s0006-3223(99)00230-9)"
    link = Entry(1, raw, 12, origin="link")
    text = "Ketamine helps, says a 2000 study."
    document = Document("health.html", text, DocumentKind.HTML, links=(link,))
    monkeypatch.setattr(check, "load", _load(document))
    parsed = _parse("health.html")
    assert isinstance(parsed, _Parsed)
    ((_, reference),) = parsed.items
    assert reference.origin == "link" and reference.doi == "10.1016/s0006-3223(99)00230-9"
    assert who(reference).startswith("link: ")
    assert parsed.citations is None  # links are not a list the text cites


def test_an_entry_holding_two_works_is_never_looked_up() -> None:
    entry = Entry(1, f"{BERMAN} {LI}", 3, warnings=(TWO_WORKS,))
    reference = check._reference(entry)
    assert TWO_WORKS in reference.warnings
    verdict = _unchecked(entry, reference, check.Options())
    assert verdict is not None and verdict.status is Status.SKIPPED
    assert verdict.warnings == (TWO_WORKS,)


def test_two_works_skipped_end_to_end(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<p>stand-in</p>")
    entry = Entry(1, f"{BERMAN} {LI}", 3, warnings=(TWO_WORKS,))
    document = Document(str(page), TEXT, DocumentKind.HTML, ((entry,),))
    monkeypatch.setattr(check, "load", _load(document))
    report = check_paths([str(page)], from_environment())
    (reference,) = json.loads(render(report))["files"][0]["references"]
    assert reference["status"] == "skipped" and reference["origin"] == "list"
