"""Patterns real pages showed (issue 9), exact fields from markup, and re-reading a
reference with a found record as a guide (issue 15)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from citecheck.extract import load
from citecheck.model import Entry, Record, Reference, Source
from citecheck.parse import parse_entry, reparse_with

ISO_DATE = (
    "Smith, J., & Jones, K. (2017-07-01). Sleep and memory consolidation in adolescents. "
    "Journal of Sleep Research, 26(4), 412-420."
)
COMPUTING = (
    "H. Shachnai and J. Turek. Multiresource malleable task scheduling to minimize response "
    "time. Information Processing Letters, 70:47-52, 1999."
)
DBLP = (
    "Hagit Shachnai, John Turek: Multiresource Malleable Task Scheduling to Minimize Response "
    "Time. Inf. Process. Lett. 70(1): 47-52 (1999)"
)
ACL = (
    "Bunescu, R. and Mooney, R. 2005. A shortest path dependency kernel for relation "
    "extraction. Computational Linguistics, 31(1):71-106."
)
E_PAGES = (
    "Gao Y, Zhang L, et al. Liver injury in COVID-19. Clin Gastroenterol Hepatol. "
    "2020;18(7):511e20."
)
E_RANGE = (
    "Kim HJ, Park S. Outcomes of tele-rehabilitation. Arch Phys Med Rehabil. "
    "2019;100(3):511.e1-511.e20."
)
INFLUENZA = (
    "E.J. Hoffmann, Y. Stech, R.G. Guan, D.R. Webster, Universal primer set for the "
    "full-length amplification of all influenza A viruses. Arch. Virol. 119, 2275-2289 (2001)"
)
INFLUENZA_TITLE = (
    "Universal primer set for the full-length amplification of all influenza A viruses"
)

ROWS: list[tuple[str, str, Any]] = [
    (ISO_DATE, "year", 2017),
    (ISO_DATE, "authors", ("Smith J", "Jones K")),
    (ISO_DATE, "title", "Sleep and memory consolidation in adolescents"),
    (ISO_DATE, "journal", "Journal of Sleep Research"),
    (ISO_DATE, "pages", "412-420"),
    (COMPUTING, "authors", ("Shachnai H", "Turek J")),
    (COMPUTING, "title", "Multiresource malleable task scheduling to minimize response time"),
    (COMPUTING, "journal", "Information Processing Letters"),
    (COMPUTING, "volume", "70"),
    (COMPUTING, "pages", "47-52"),
    (COMPUTING, "year", 1999),
    (DBLP, "authors", ("Shachnai H", "Turek J")),
    (DBLP, "journal", "Inf. Process. Lett"),
    (DBLP, "issue", "1"),
    (DBLP, "year", 1999),
    (ACL, "authors", ("Bunescu R", "Mooney R")),
    (ACL, "year", 2005),
    (ACL, "title", "A shortest path dependency kernel for relation extraction"),
    (ACL, "journal", "Computational Linguistics"),
    (ACL, "pages", "71-106"),
    (E_PAGES, "pages", "511e20"),
    (E_PAGES, "volume", "18"),
    (E_RANGE, "pages", "511.e1-511.e20"),
    (INFLUENZA, "title", INFLUENZA_TITLE),
    (INFLUENZA, "authors", ("Hoffmann EJ", "Stech Y", "Guan RG", "Webster DR")),
    (INFLUENZA, "journal", "Arch. Virol"),
    (INFLUENZA, "volume", "119"),
    (INFLUENZA, "year", 2001),
]


@pytest.mark.parametrize(("raw", "name", "expected"), ROWS)
def test_pattern(raw: str, name: str, expected: Any) -> None:
    assert getattr(parse_entry(Entry(1, raw, 1)), name) == expected


# ---- exact fields from the document's markup ---------------------------------------------


def test_known_fields_win_and_the_text_fills_the_rest() -> None:
    raw = "Berman RM, et al. Antidepressant effects of ketamine. Biol Psychiatry. 2000;47:351-4."
    known = Reference(0, "", doi="10.1016/s0006-3223(99)00230-9", authors=("Berman RM", "Anand A"))
    ref = parse_entry(Entry(4, raw, 9, known=known, origin="link", warnings=("two works",)))
    assert ref.doi == "10.1016/s0006-3223(99)00230-9"
    assert ref.authors == ("Berman RM", "Anand A")
    assert ref.et_al is False
    assert (ref.journal, ref.volume, ref.pages) == ("Biol Psychiatry", "47", "351-4")
    assert (ref.index, ref.line, ref.origin, ref.warnings) == (4, 9, "link", ("two works",))


def test_known_kind_counts_unless_it_is_the_default() -> None:
    raw = "Cohen J. Statistical power analysis. 2nd ed. Hillsdale: Erlbaum; 1988."
    assert parse_entry(Entry(1, raw, 1, known=Reference(0, ""))).kind == "book"
    chapter = Reference(0, "", kind="chapter", journal="Handbook")
    assert parse_entry(Entry(1, raw, 1, known=chapter)).kind == "chapter"


# ---- guided re-reading ---------------------------------------------------------------------

RECORD = Record(
    Source.CROSSREF,
    title=INFLUENZA_TITLE,
    journal="Archives of Virology",
    journals=("Archives of Virology", "Arch Virol"),
)


def test_reparse_finds_a_title_read_as_an_author() -> None:
    parsed = parse_entry(Entry(1, INFLUENZA, 1))
    lost = replace(parsed, title=None, journal=None, authors=(*parsed.authors, INFLUENZA_TITLE))
    again = reparse_with(lost, RECORD)
    assert again.title == INFLUENZA_TITLE
    assert again.journal == "Arch. Virol"
    assert again.authors == ("Hoffmann EJ", "Stech Y", "Guan RG", "Webster DR")
    assert (again.volume, again.pages, again.year) == ("119", "2275-2289", 2001)


def test_reparse_cuts_a_title_that_ran_into_the_journal() -> None:
    raw = "Smith J, Jones K. Sleep and memory: a review Journal of Sleep Research. 2017;26:412-20."
    parsed = parse_entry(Entry(1, raw, 1))
    record = Record(Source.CROSSREF, title="Sleep and memory: a review", journal="J Sleep Res",
                    journals=("Journal of Sleep Research",))  # fmt: skip
    again = reparse_with(parsed, record)
    assert (again.title, again.journal) == (
        "Sleep and memory: a review",
        "Journal of Sleep Research",
    )


def test_reparse_keeps_the_cited_wording() -> None:
    """A one-word change is still found where it is written, and kept as cited."""
    raw = "Kingma DP, Welling M. Auto-encoding variational reasoning. ICLR. 2014."
    record = Record(Source.DATACITE, title="Auto-Encoding Variational Bayes")
    again = reparse_with(parse_entry(Entry(1, raw, 1)), record)
    assert again.title == "Auto-encoding variational reasoning"


def test_reparse_leaves_a_reference_alone_when_the_title_is_not_there() -> None:
    parsed = parse_entry(Entry(1, INFLUENZA, 1))
    other = Record(Source.CROSSREF, title="Deep residual learning for image recognition")
    assert reparse_with(parsed, other) == parsed
    assert reparse_with(parsed, Record(Source.CROSSREF)) == parsed


def test_bibtex_fields_reach_the_reference_exactly(tmp_path: Path) -> None:
    """A BibTeX record's fields are carried as Entry.known, not re-read from its rendering."""
    path = tmp_path / "refs.bib"
    path.write_text(
        "@inproceedings{vaswani2017,\n"
        "  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and others},\n"
        "  title = {Attention is All you Need},\n"
        "  booktitle = {Advances in Neural Information Processing Systems 30},\n"
        "  pages = {5998--6008},\n  year = {2017},\n  publisher = {Curran Associates, Inc.},\n"
        "}\n",
        encoding="utf-8",
    )
    document = load(str(path))
    (entry,) = document.lists[0]
    ref = parse_entry(entry)
    assert ref.kind == "conference paper"
    assert ref.journal == "Advances in Neural Information Processing Systems 30"
    assert ref.authors == ("Vaswani A", "Shazeer N", "Parmar N")
    assert ref.et_al is True
    assert (ref.title, ref.year, ref.pages) == ("Attention is All you Need", 2017, "5998-6008")
    assert ref.publisher == "Curran Associates, Inc."
    assert document.text.splitlines()[2].startswith("[1] Vaswani A, Shazeer N, Parmar N.")


QUESTION_TITLE = (
    "Ishida, T., Yamane, I., & Sugiyama, M. (2023). Is the Performance of My Deep Network Too "
    "Good to Be True? A Direct Approach to Estimating the Bayes Error in Binary "
    "Classification. In Conference on Distributed Learning Systems."
)


@pytest.mark.parametrize(
    "venue", ["International Conference on Learning Representations", "Some Other Venue"]
)
def test_a_title_cut_at_its_question_mark_leaves_the_cited_venue(venue: str) -> None:
    """The parser ends the title at "?" and takes the subtitle for the venue; re-read with
    the record, the venue is what follows the whole title, whatever the record's is."""
    record = Record(
        source=Source.CROSSREF,
        title="Is the Performance of My Deep Network Too Good to Be True? A Direct Approach "
        "to Estimating the Bayes Error in Binary Classification",
        journal=venue,
    )
    parsed = parse_entry(Entry(1, QUESTION_TITLE, 1))
    assert parsed.journal != "Conference on Distributed Learning Systems"
    guided = reparse_with(parsed, record)
    assert guided.title == record.title
    assert guided.journal == "Conference on Distributed Learning Systems"
