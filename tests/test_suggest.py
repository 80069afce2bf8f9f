"""The corrected reference: the list's style, the found record in it, the corrected copy."""

from __future__ import annotations

import pytest

from citecheck.model import (
    DocumentKind,
    Field,
    Mismatch,
    Record,
    Reference,
    Source,
    Status,
    Verdict,
)
from citecheck.suggest import detect_style, render, with_suggestions
from citecheck.suggest.fix import corrected, unified_diff

BERMAN = Record(
    Source.CROSSREF,
    authors=(
        "Berman RM",
        "Cappiello A",
        "Anand A",
        "Oren DA",
        "Heninger GR",
        "Charney DS",
        "Krystal JH",
    ),
    title="Antidepressant effects of ketamine in depressed patients",
    journal="Biological Psychiatry",
    journals=("Biological Psychiatry", "Biol Psychiatry"),
    year=2000,
    volume="47",
    issue="4",
    pages="351-354",
    doi="10.1016/s0006-3223(99)00230-9",
)
CITED = (
    "Berman, R. M., et al. (2000). “Antidepressant effects of ketamine in depressed patients.” "
    "Archives of General Psychiatry, 57(3), 227-234."
)


@pytest.mark.parametrize(
    ("entry", "style"),
    [
        (CITED, "apa"),
        ("Zarate, C. A., Singh, J. B., & Manji, H. K. (2006). A randomized trial. Archives of General Psychiatry, 63(8), 856-864.", "apa"),
        ("1. Berman RM, Cappiello A, Anand A. Antidepressant effects of ketamine in depressed patients. Biol Psychiatry. 2000;47(4):351-4.", "vancouver"),
        ("Berman RM, Cappiello A, Anand A, et al. Antidepressant effects of ketamine in depressed patients. Biol Psychiatry. 2000;47(4):351-354. doi:10.1016/s0006-3223(99)00230-9", "american-medical-association"),
        ("Berman, R.M. et al. (2000) 'Antidepressant effects of ketamine in depressed patients', Biological Psychiatry, 47(4), pp. 351-354.", "harvard-cite-them-right"),
        ("[1] R. M. Berman et al., “Antidepressant effects of ketamine in depressed patients,” Biol. Psychiatry, vol. 47, no. 4, pp. 351–354, 2000.", "ieee"),
        ("Berman, Robert M., Angela Cappiello, and John H. Krystal. 2000. “Antidepressant Effects of Ketamine in Depressed Patients.” Biological Psychiatry 47 (4): 351–54.", "chicago-author-date"),
        ('Berman, Robert M., et al. "Antidepressant Effects of Ketamine in Depressed Patients." Biological Psychiatry, vol. 47, no. 4, 2000, pp. 351-54.', "modern-language-association"),
    ],
)  # fmt: skip
def test_the_style_of_a_list(entry: str, style: str) -> None:
    assert detect_style([entry, entry]) == style


def test_a_list_without_marks_of_any_style_gets_the_default() -> None:
    assert detect_style(["Some web page, read in June."]) == "apa"


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("apa", "Berman, R. M., Cappiello, A., Anand, A., Oren, D. A., Heninger, G. R., Charney, D. S., & Krystal, J. H. (2000). Antidepressant effects of ketamine in depressed patients. Biological Psychiatry, 47(4), 351–354. https://doi.org/10.1016/s0006-3223(99)00230-9"),
        ("vancouver", "Berman RM, Cappiello A, Anand A, Oren DA, Heninger GR, Charney DS, et al. Antidepressant effects of ketamine in depressed patients. Biol Psychiatry. 2000;47(4):351–4. doi:10.1016/s0006-3223(99)00230-9"),
        ("modern-language-association", "Berman, R. M., et al. “Antidepressant Effects of Ketamine in Depressed Patients.” Biological Psychiatry, vol. 47, no. 4, 2000, pp. 351–54, https://doi.org/10.1016/s0006-3223(99)00230-9."),
    ],
)  # fmt: skip
def test_the_found_record_in_a_style_without_the_list_number(style: str, expected: str) -> None:
    assert render(BERMAN, style) == expected


def _mismatched(raw: str = CITED, line: int = 3) -> Verdict:
    reference = Reference(1, raw, line=line, authors=("Berman RM",), year=2000)
    mismatches = (
        Mismatch(Field.JOURNAL, "Archives of General Psychiatry", "Biological Psychiatry"),
        Mismatch(Field.VOLUME, "57", "47"),
        Mismatch(Field.ISSUE, "3", "4"),
        Mismatch(Field.PAGES, "227-234", "351-354"),
    )
    return Verdict(reference, Status.MISMATCHED, match=BERMAN, mismatches=mismatches)


def test_only_mismatched_references_get_a_suggestion_in_the_lists_style() -> None:
    verified = Verdict(
        Reference(2, "Li, N., et al. (2010). Title. Science, 329(5994), 959-964."),
        Status.VERIFIED,
        match=BERMAN,
    )
    suggested, kept = with_suggestions([_mismatched(), verified])
    assert suggested.suggestion is not None
    assert suggested.suggestion.startswith("Berman, R. M., Cappiello, A.")  # APA, as the list
    assert kept.suggestion is None


def test_a_corrected_text_keeps_the_list_marker_and_replaces_the_wrapped_entry() -> None:
    text = "Intro.\n\nReferences\n\n  • Berman, R. M., et al. (2000). “Antidepressant effects of ketamine\n    in depressed patients.” Archives of General Psychiatry, 57(3), 227-234.\n  • Li, N. (2010).\n"
    [verdict] = with_suggestions([_mismatched(line=5)])
    fixed, count = corrected(text, DocumentKind.TEXT, [verdict])
    assert count == 1
    assert "  • Berman, R. M., Cappiello, A., Anand, A." in fixed
    assert "Archives of General Psychiatry" not in fixed
    assert fixed.endswith("  • Li, N. (2010).\n")
    diff = unified_diff(text, fixed, "page.txt")
    assert diff.startswith("--- page.txt\n+++ page.txt (corrected)\n")


def test_a_corrected_bibtex_entry_changes_only_the_fields_that_disagree() -> None:
    bib = (
        "@article{berman2000,\n  author = {Berman, R. M.},\n  journal = {Archives of General Psychiatry},\n"
        "  volume = {57},\n  number = {3},\n  pages = {227--234},\n  year = {2000}\n}\n\n"
        "@article{li2010,\n  journal = {Science},\n  volume = {329}\n}\n"
    )
    fixed, count = corrected(bib, DocumentKind.BIBTEX, [_mismatched(raw="berman2000", line=1)])
    assert count == 1
    assert "journal = {Biological Psychiatry}" in fixed
    assert "volume = {47}" in fixed and "number = {4}" in fixed and "pages = {351--354}" in fixed
    assert "author = {Berman, R. M.}" in fixed
    assert fixed.endswith("@article{li2010,\n  journal = {Science},\n  volume = {329}\n}\n")
