"""The text finder on shapes real documents have: copied Wikipedia lists, several
reference sections, blank lines inside entries, entries holding two works, very long
lists, and inputs that grow (the finder stays linear in its input)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from citecheck.references import TWO_WORKS, find_entries, is_heading

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "ketamine-clinic-pain.txt"
BERMAN = (
    "Berman RM, Cappiello A, Anand A, et al. Antidepressant effects of ketamine in "
    "depressed patients. Biol Psychiatry. 2000;47(4):351-354."
)
LI = (
    "Li N, Lee B, Liu RJ, et al. mTOR-dependent synapse formation underlies the rapid "
    "antidepressant effects of NMDA antagonists. Science. 2010;329(5994):959-964."
)
DUMAN = (
    "Duman, R. S., & Aghajanian, G. K. (2012). Synaptic dysfunction in depression. "
    "Science, 338, 68–72."
)
ZARATE = (
    "Zarate, C. A., Jr., et al. (2006). A randomized trial of an NMDA antagonist. "
    "Archives of General Psychiatry, 63(8), 856–864."
)


def _raws(text: str) -> list[str]:
    return [entry.raw for entry in find_entries(text)]


@pytest.mark.parametrize(
    "line",
    ["References[edit]", "References [edit]", "Citations[edit source]", "References (72)"],
)
def test_headings_with_edit_links_and_counts(line: str) -> None:
    assert is_heading(line)


def test_copied_wikipedia_list_with_backlinks_and_two_sections() -> None:
    text = (
        "Ketamine is a drug.[1]\n\nCitations[edit]\n\n"
        f"^ a b c {BERMAN}\n^ {LI}\n\n"
        f"References[edit]\n\n- ^ a b {DUMAN}\n\nFurther reading[edit]\n\n- {ZARATE}\n"
    )
    assert _raws(text) == [BERMAN, LI, DUMAN]


def test_a_blank_line_inside_a_numbered_entry() -> None:
    head, tail = BERMAN.split(" in depressed ")
    text = f"References\n\n1. {head} in\n\ndepressed {tail}\n2. {LI}\n\nThanks to all.\n"
    assert _raws(text) == [BERMAN, LI]


def test_a_blank_line_inside_an_unnumbered_entry() -> None:
    head, tail = DUMAN.split(" Science, ")
    text = f"References\n\n{head}\n\nScience, {tail}\n\n{ZARATE}\n"
    assert _raws(text) == [DUMAN, ZARATE]


def test_a_paragraph_after_the_list_still_ends_it() -> None:
    text = f"References\n\n1. {BERMAN}\n2. {LI}\n\nWe thank the patients for their time.\n"
    assert _raws(text) == [BERMAN, LI]


def test_five_works_on_one_bullet_are_split() -> None:
    """The example clinic page printed with its bullets lost: one line, five works."""
    listed = [
        line.strip().lstrip("• ").strip()
        for line in FIXTURE.read_text().split("References", 1)[1].splitlines()
        if line.strip().startswith("•")
    ]
    entries = find_entries("References\n\n• " + " ".join(listed) + "\n")
    assert [entry.raw for entry in entries] == listed
    assert [entry.index for entry in entries] == [1, 2, 3, 4, 5]
    assert not any(entry.warnings for entry in entries)


def test_two_works_without_a_plain_boundary_are_flagged() -> None:
    merged = (
        "Berman RM et al. Antidepressant effects of ketamine. doi:10.1016/s0006-3223(99)00230-9 "
        "and mTOR-dependent synapse formation. doi:10.1126/science.1190287"
    )
    entries = find_entries(f"References\n\n1. {merged}\n2. {LI}\n")
    assert [entry.warnings for entry in entries] == [(TWO_WORKS,), ()]
    assert entries[0].raw == merged


def test_a_page_range_ending_in_a_year_like_number_is_not_a_second_work() -> None:
    # Harvard: "pp. 2018-2028. Available at" once read as a second "year. Title".
    entry = (
        "Grady, M.M. (2016) 'Low-dose ketamine infusions for refractory chronic pain', "
        "Clinical Journal of Pain, 32(12), pp. 2018-2028. Available at: "
        "https://doi.org/10.1097/AJP.0000000000000001"
    )
    (found,) = find_entries(f"References\n\n1. {entry}\n")
    assert found.warnings == ()


def test_an_erratum_doi_is_not_a_second_work() -> None:
    entry = f"{BERMAN} doi:10.1016/s0006-3223(99)00230-9. Erratum in: doi:10.1016/x.2001.1"
    (found,) = find_entries(f"References\n\n1. {entry}\n")
    assert found.warnings == ()


def test_lists_past_entry_9999_do_not_merge() -> None:
    numbers = range(9997, 10004)
    text = "References\n\n" + "".join(f"{n}. {BERMAN}\n" for n in numbers)
    assert len(find_entries(text)) == len(numbers)


def _best_of(make: Callable[[int], str], n: int) -> tuple[float, float]:
    """CPU seconds for input n and 2n, best of three, taken in turn, without GC pauses:
    CPU time, not the clock, so that other work on a shared machine does not count."""
    small, large = make(n), make(2 * n)
    best = [float("inf"), float("inf")]
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            for k, text in enumerate((small, large)):
                start = time.process_time()
                find_entries(text)
                best[k] = min(best[k], time.process_time() - start)
    finally:
        gc.enable()
    return best[0], best[1]


def _wrapped_lines(n: int) -> str:
    """One entry hard-wrapped over n lines (the joiner once copied the text per line)."""
    return "References\n\n1. Berman RM, Cappiello A.\n" + "antidepressant effects of\n" * n


def _author_paragraphs(n: int) -> str:
    """Unnumbered author-like lines that never end an entry (once cubic)."""
    return "References\n\n" + "Berman RM, Cappiello A, Anand A, Oren DA, Heninger GR,\n" * n


def _numbered(n: int) -> str:
    return "References\n\n" + "".join(f"{k}. {BERMAN}\n" for k in range(1, n + 1))


def _many_headings(n: int) -> str:
    return "".join(f"References\n\n1. {BERMAN}\n\nSome prose follows here.\n\n" for _ in range(n))


@pytest.mark.parametrize(
    ("make", "n"),
    [(_wrapped_lines, 8000), (_author_paragraphs, 3000), (_numbered, 1500), (_many_headings, 2000)],
)
def test_finding_entries_grows_linearly(make: Callable[[int], str], n: int) -> None:
    small, large = _best_of(make, n)
    assert large < 3.0 * small, (small, large)


@pytest.mark.parametrize(
    "entry",
    [
        # The year inside the DOI is followed by ". PubMed": no second work.
        "Healer J, Crawford S, Ralph S, McFadden G, Cowman AF (2002) Independent translocation "
        "of two micronemal proteins in developing Plasmodium falciparum merozoites. Infect "
        "Immun 70: 5751-5758. doi:10.1128/IAI.70.10.5751-5758.2002. PubMed: 12228305.",
        # A title that ends in a year.
        "Robine JM, Cheung SL, Le Roy S, Van Oyen H, Griffiths C, et al. (2008) Death toll "
        "exceeded 70,000 in Europe during the summer of 2003. Cr Biol 331: 171-175.",
    ],
)
def test_a_year_in_a_doi_or_ending_a_title_is_not_a_second_work(entry: str) -> None:
    (found,) = find_entries(f"References\n\n1. {entry}\n")
    assert found.warnings == () and found.raw == entry


def test_a_doi_repeated_in_a_publisher_link_is_not_a_second_work() -> None:
    # Simple English Wikipedia, "Dengue fever" (2014): the DOI, then the same DOI in the
    # publisher's link with "/full" after it.
    entry = (
        'Teo D, Ng LC, Lam S (April 2009). "Is dengue a threat to the blood supply?". '
        "Transfus Med 19 (2): 66-77. doi: 10.1111/j.1365-3148.2009.00916.x. PMID 19392949. "
        "http://onlinelibrary.wiley.com/doi/10.1111/j.1365-3148.2009.00916.x/full."
    )
    (found,) = find_entries(f"References\n\n1. {entry}\n")
    assert found.warnings == ()


def test_a_report_run_into_the_next_article_is_split() -> None:
    # F1000's PDFs: a report's "2001; 116-129." and the next entry on the same line.
    report = (
        "Hale J, Ross J: Ageing sharks by their vertebrae. In Fish Age Validation (Hale J, "
        "Editor), Final Report 93/109. Fisheries Council, Hobart. 2001; 116–129."
    )
    article = (
        "Nunes NE, Tran PA: Tagging sharks: a review of methods. Environ Biol Fish. "
        "2001; 60(2): 191–223."
    )
    entries = find_entries(f"References\n\n1. {report} {article}\n2. {LI}\n")
    assert [entry.raw for entry in entries][:2] == [report, article]
    assert [entry.index for entry in entries] == [1, 2, 3]


def test_a_split_piece_that_still_holds_two_dois_is_flagged() -> None:
    first = (
        "Abe K, Ito T. Odorant receptors of flies. J Insect Physiol. 2010; 56: 100-10. "
        "doi:10.1000/jip.2010.1 and doi:10.1000/jip.2011.2"
    )
    second = "Ruiz P, Diaz M. A binding protein of the fly. Insect Biochem. 2011; 41: 200-10."
    entries = find_entries(f"References\n\n1. {first} {second}\n")
    assert [entry.raw for entry in entries] == [first, second]
    assert [entry.warnings for entry in entries] == [(TWO_WORKS,), ()]
