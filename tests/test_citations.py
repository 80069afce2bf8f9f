"""check_citations: author-year and numeric in-text citations against the entries."""

from __future__ import annotations

import pytest

from citecheck.citations import check_citations, cited_at, find_citations
from citecheck.model import Reference

REFS = (
    Reference(1, "", authors=("Berman RM",), year=2000),
    Reference(2, "", authors=("Fava M",), year=2019),
    Reference(3, "", authors=("Smith J", "Jones K"), year=2001),
    Reference(4, "", authors=("Smith J",), year=2001),
    Reference(5, "", authors=("van der Maaten L", "Hinton G"), year=2008),
    Reference(6, "", authors=("Müller H",), year=2015),
)


def _doc(body: str) -> str:
    return f"Intro\n\n{body}\n\nReferences\n\n" + "\n".join(
        f"{r.index}. {r.authors[0]}. A title. J Test. {r.year};1:1-2." for r in REFS
    )


@pytest.mark.parametrize(
    ("body", "found", "unresolved", "cited"),
    [
        ("A study by Berman et al. (2000) found it.", 1, (), {1}),
        ("It works (Fava et al., 2019).", 1, (), {2}),
        ("Both (Berman et al., 2000; Fava et al., 2019) agree.", 2, (), {1, 2}),
        ("Smith and Jones (2001) said so.", 1, (), {3}),
        ("As shown (Smith & Jones, 2001a).", 1, (), {3}),
        ("Later (Smith, 2001b) too.", 1, (), {4}),
        ("See (van der Maaten & Hinton, 2008).", 1, (), {5}),
        ("Müller (2015) and Muller (2015).", 2, (), {6}),
        ("(see Fava et al., 2019, p. 3)", 1, (), {2}),
        ("Nobody (Doe et al., 2018) said that.", 1, ("(Doe et al., 2018)",), set()),
        ("Berman et al. (1999) is wrong.", 1, ("Berman et al. (1999)",), set()),
        ("Numbers [1], [2-4] and [1,6].", 6, (), {1, 2, 3, 4, 6}),
        ("Out of range [9].", 1, ("[9]",), set()),
        ("Not citations: [PubMed], (2019), (n = 12), 3 (5%).", 0, (), set()),
        ("Dates: [citation needed] (July 2010), (Sept. 2011), (Spring 2003).", 0, (), set()),
    ],
)
def test_citations(body: str, found: int, unresolved: tuple[str, ...], cited: set[int]) -> None:
    check = check_citations(_doc(body), REFS)
    assert check.found == found
    assert check.unresolved == unresolved
    expected_uncited = tuple(r.index for r in REFS if r.index not in cited) if found else ()
    assert check.uncited == expected_uncited


def test_only_the_text_before_the_reference_list_is_searched() -> None:
    text = _doc("Nothing cited here.") + "\n"
    assert check_citations(text, REFS).found == 0


def test_find_citations_reports_each_year_and_number() -> None:
    got = find_citations("Smith (2001, 2003) and [2-3].")
    assert [(c[1], c[2], c[3]) for c in got] == [
        ("Smith", "2001", None),
        ("Smith", "2003", None),
        ("", None, 2),
        ("", None, 3),
    ]


def test_cited_at_gives_each_resolved_citation_with_its_offset_in_text_order() -> None:
    text = _doc("First [2]. It was found by Berman et al. (2000) (Fava et al., 2019). Nobody [9].")
    got = cited_at(text, REFS)
    assert [index for index, _ in got] == [2, 1, 2]
    assert [text[offset : offset + 6] for _, offset in got] == ["[2]. I", "Berman", "(Fava "]
