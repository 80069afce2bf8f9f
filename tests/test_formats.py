"""PDF, DOCX, BibTeX, RIS and nbib inputs: format choice, entries, fields and lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.citations import check_citations
from citecheck.extract import InputError, load
from citecheck.model import DocumentKind, Reference
from citecheck.parse import parse_entry
from citecheck.references import find_entries
from citecheck.walk import walk

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DOCS = ROOT / "bench" / "data" / "docs"


def _refs(path: Path | str) -> list[Reference]:
    return [parse_entry(e) for e in find_entries(load(str(path)).text)]


def _fields(ref: Reference) -> tuple[object, ...]:
    return (ref.authors[0], ref.year, ref.title, ref.journal, ref.volume, ref.issue, ref.pages)


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_example_page_in_pdf_and_docx_matches_the_text(suffix: str) -> None:
    text = _refs(FIXTURES / "ketamine-clinic-pain.txt")
    other = _refs(FIXTURES / f"ketamine-clinic-pain{suffix}")
    assert [_fields(r) for r in other] == [_fields(r) for r in text]
    assert len(other) == 5 and all(r.et_al and r.kind == "article" for r in other)


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_example_page_citations_in_every_format(suffix: str) -> None:
    document = load(str(FIXTURES / f"ketamine-clinic-pain{suffix}"))
    references = [parse_entry(e) for e in find_entries(document.text)]
    check = check_citations(document.text, references)
    assert (check.found, check.unresolved, check.uncited) == (5, (), ())


@pytest.mark.parametrize(
    ("name", "kind", "count"),
    [
        ("single-column.pdf", DocumentKind.PDF, 8),
        ("two-column.pdf", DocumentKind.PDF, 10),
        ("ieee-two-column.pdf", DocumentKind.PDF, 9),
        ("page-break.pdf", DocumentKind.PDF, 14),
        ("numbered.docx", DocumentKind.DOCX, 6),
        ("footnotes.docx", DocumentKind.DOCX, 5),
        ("endnotes.docx", DocumentKind.DOCX, 5),
        ("zotero-field.docx", DocumentKind.DOCX, 6),
        ("a.bib", DocumentKind.BIBTEX, 5),
        ("a.ris", DocumentKind.RIS, 4),
        ("a.nbib", DocumentKind.NBIB, 5),
    ],
)
def test_document_entry_counts(name: str, kind: DocumentKind, count: int) -> None:
    document = load(str(DOCS / name))
    assert document.kind is kind
    assert len(find_entries(document.text)) == count


def test_two_column_pdf_reads_left_column_first() -> None:
    raws = [e.raw for e in find_entries(load(str(DOCS / "two-column.pdf")).text)]
    assert raws[0].startswith("Kessler, R. C.") and "Survey Replication" in raws[0]


def test_zotero_field_codes_are_not_text() -> None:
    text = load(str(DOCS / "zotero-field.docx")).text
    assert "ZOTERO" not in text and "CSL_CITATION" not in text


BIB = """% my library
@article{berman2000,
  author = {Berman, Robert M. and Cappiello, Angela and Anand, Amit},
  title = {Antidepressant effects of ketamine in depressed patients},
  journal = {Biological Psychiatry},
  year = {2000}, volume = {47}, number = {4}, pages = {351--354},
  doi = {10.1016/S0006-3223(99)00230-9}
}

@book{cohen1988,
  author = {Cohen, Jacob},
  title = {Statistical Power Analysis for the Behavioral Sciences},
  publisher = {Lawrence Erlbaum Associates}, address = {Hillsdale, NJ}, year = 1988
}
@phdthesis{nash1950, author = {John F. Nash}, title = {Non-cooperative games},
  school = {Princeton University}, year = {1950}, note = {citecheck: ignore}}
@article{m\\"uller, author = {M{\\"u}ller, Hans}, title = {A title}, journal = {Nature},
  year = {2001}, volume = {1}, pages = {1--2}}
"""

RIS = """TY  - JOUR
AU  - Li, Nanxin
AU  - Lee, Boyoung
TI  - mTOR-dependent synapse formation underlies the rapid antidepressant effects of NMDA
      antagonists
T2  - Science
PY  - 2010
VL  - 329
IS  - 5994
SP  - 959
EP  - 964
DO  - 10.1126/science.1190287
ER  -

TY  - CHAP
AU  - Higgins, Julian P. T.
TI  - Selecting studies and collecting data
T2  - Cochrane Handbook for Systematic Reviews of Interventions
A2  - Green, S.
PY  - 2008
PB  - Wiley-Blackwell
ER  -
"""

NBIB = """PMID- 10686270
OWN - NLM
DP  - 2000 Feb 15
TI  - Antidepressant effects of ketamine in depressed patients.
PG  - 351-4
AU  - Berman RM
AU  - Cappiello A
PT  - Journal Article
TA  - Biol Psychiatry
VI  - 47
IP  - 4
AID - 10.1016/s0006-3223(99)00230-9 [doi]
"""


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "lib.bib",
            BIB,
            [
                (2, "article", "Berman RM", 2000, "Biological Psychiatry", "351-354", False),
                (10, "book", "Cohen J", 1988, None, None, False),
                (15, "thesis", "Nash JF", 1950, None, None, True),
                (17, "article", "Müller H", 2001, "Nature", "1-2", False),
            ],
        ),
        (
            "export.ris",
            RIS,
            [
                (1, "article", "Li N", 2010, "Science", "959-964", False),
                (15, "chapter", "Higgins JPT", 2008, None, None, False),
            ],
        ),
        (
            "pubmed.txt",
            NBIB,
            [(1, "article", "Berman RM", 2000, "Biol Psychiatry", "351-4", False)],
        ),
    ],
)
def test_structured_exports(
    tmp_path: Path, name: str, content: str, expected: list[tuple[object, ...]]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    entries = find_entries(load(str(path)).text)
    got = []
    for entry in entries:
        ref = parse_entry(entry)
        journal = ref.journal if ref.kind == "article" else None
        pages = ref.pages if ref.kind == "article" else None
        got.append((entry.line, ref.kind, ref.authors[0], ref.year, journal, pages, entry.ignored))
    assert got == expected


def test_bibtex_keeps_doi_and_title(tmp_path: Path) -> None:
    path = tmp_path / "x.bib"
    path.write_text(BIB, encoding="utf-8")
    ref = parse_entry(find_entries(load(str(path)).text)[0])
    assert ref.doi == "10.1016/s0006-3223(99)00230-9"
    assert ref.title == "Antidepressant effects of ketamine in depressed patients"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "unsupported file type"),
        ("notes.odt", b"PK\x03\x04rest", "unsupported file type"),
        ("fake.pdf", b"just words, no PDF here\n", "not a PDF file"),
        ("broken.pdf", b"%PDF-1.4\n%garbage", "PDF"),
        ("broken.docx", b"PK\x03\x04garbage", "not a text document"),
        ("empty.bib", b"% nothing here\n", "no records"),
    ],
)
def test_unsupported_or_damaged(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        load(str(path))
    assert "\n" not in str(caught.value)


def test_sniffs_formats_without_extension(tmp_path: Path) -> None:
    for name, content, kind in (
        ("a", (DOCS / "single-column.pdf").read_bytes(), DocumentKind.PDF),
        ("b", (DOCS / "numbered.docx").read_bytes(), DocumentKind.DOCX),
        ("c", BIB.encode(), DocumentKind.BIBTEX),
        ("d", RIS.encode(), DocumentKind.RIS),
        ("e", NBIB.encode(), DocumentKind.NBIB),
    ):
        path = tmp_path / name
        path.write_bytes(content)
        assert load(str(path)).kind is kind


def test_discover_finds_the_new_formats(tmp_path: Path) -> None:
    for name in ("a.pdf", "b.docx", "c.bib", "d.ris", "e.nbib", "f.doc"):
        (tmp_path / name).write_bytes(b"x")
    files = walk([str(tmp_path)]).files
    assert sorted(Path(f).name for f in files) == ["a.pdf", "b.docx", "c.bib", "d.ris", "e.nbib"]


def test_html_lines_are_source_lines() -> None:
    path = DOCS / "ordered-list.html"
    source = path.read_text(encoding="utf-8").split("\n")
    entries = find_entries(load(str(path)).text)
    assert entries
    for entry in entries:
        assert source[entry.line - 1].lstrip().startswith("<li>" + entry.raw[:8])


def test_html_ignore_comment_and_superscripts(tmp_path: Path) -> None:
    page = (
        "<html><body><main><p>Ketamine helps.<sup>1</sup> Area 3 m<sup>2</sup>.</p>\n"
        "<h2>References</h2>\n<ol>\n"
        "<li>Li N, Lee B. mTOR-dependent synapse formation. Science. 2010;329(5994):959-964."
        "</li>\n<!-- citecheck: ignore -->\n"
        "<li>Berman RM, Cappiello A. Antidepressant effects of ketamine. Biol Psychiatry. "
        "2000;47(4):351-4.</li>\n</ol></main></body></html>\n"
    )
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    document = load(str(path))
    assert "helps.[1]" in document.text and "m2" in document.text
    entries = find_entries(document.text)
    assert [(e.line, e.ignored) for e in entries] == [(4, False), (6, True)]
    assert "citecheck" not in entries[1].raw
    check = check_citations(document.text, [parse_entry(e) for e in entries])
    assert (check.found, check.unresolved, check.uncited) == (1, (), (2,))
