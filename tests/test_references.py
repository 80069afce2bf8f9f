"""find_entries: section detection, entry splitting, wrapped lines, and non-references."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.extract import load
from citecheck.parse import parse_entry
from citecheck.references import find_entries, is_heading, looks_like_reference

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "ketamine-clinic-pain.txt"

REF_A = (
    "Berman RM, Cappiello A. Antidepressant effects of ketamine. Biol Psychiatry. 2000;47:351-4."
)
REF_B = "Li N, Lee B. mTOR-dependent synapse formation. Science. 2010;329(5994):959-964."
REF_C = "Duman, R. S., & Aghajanian, G. K. (2012). Synaptic dysfunction. Science, 338, 68–72."
PROSE = (
    "Ketamine infusion therapy holds promise for individuals suffering from chronic pain, "
    "offering rapid relief and the potential for long-term management."
)
INTRO = "Intro\n\nSome words about ketamine by Berman et al. (2000) and others.\n\n"


def _raws(text: str) -> list[str]:
    return [entry.raw for entry in find_entries(text)]


# ---- the example page, end to end ------------------------------------------------------

EXAMPLE_EXPECTED = [
    ("Berman RM", 2000, "Archives of General Psychiatry", "57", "3", "227-234"),
    ("Fava M", 2019, "Pain Physician", "22", "4", "401-408"),
    ("Grady MM", 2019, "Current Pain and Headache Reports", "23", "5", "34"),
    ("Krieter H", 2021, "Clinical Journal of Pain", "37", "5", "371-379"),
    ("Li N", 2010, "Science", "329", "5994", "959-964"),
]


def test_example_page_has_five_entries_on_their_lines() -> None:
    entries = find_entries(load(str(FIXTURE)).text)
    assert [(e.index, e.line) for e in entries] == [(1, 43), (2, 44), (3, 45), (4, 46), (5, 47)]


@pytest.mark.parametrize(("position", "expected"), list(enumerate(EXAMPLE_EXPECTED)))
def test_example_page_fields(position: int, expected: tuple[str, int, str, str, str, str]) -> None:
    reference = parse_entry(find_entries(load(str(FIXTURE)).text)[position])
    got = (
        reference.authors[0],
        reference.year,
        reference.journal,
        reference.volume,
        reference.issue,
        reference.pages,
    )
    assert (got, reference.et_al) == (expected, True)


def test_example_page_title_and_closing_paragraph() -> None:
    entries = find_entries(load(str(FIXTURE)).text)
    assert (
        parse_entry(entries[0]).title == "Antidepressant effects of ketamine in depressed patients"
    )
    assert not any("holds promise" in entry.raw for entry in entries)


# ---- headings --------------------------------------------------------------------------

HEADINGS = [
    "References",
    "REFERENCES",
    "References:",
    "Reference list",
    "Reference List:",
    "Sources",
    "Bibliography",
    "Works Cited",
    "Literature Cited",
    "Notes",
    "Citations",
    "## References",
    "# Bibliography #",
    "**References**",
    "7. References",
    "VII. References",
    "  References  ",
]


@pytest.mark.parametrize("heading", HEADINGS)
def test_heading_words(heading: str) -> None:
    text = f"{INTRO}{heading}\n\n1. {REF_A}\n2. {REF_B}\n\n{PROSE}\n"
    assert _raws(text) == [REF_A, REF_B]


@pytest.mark.parametrize(
    "line",
    [
        "Further reading",
        "References to ketamine appear throughout the text",
        "See the references",
        "Notes on dosing and monitoring for patients in clinics",
    ],
)
def test_not_a_heading(line: str) -> None:
    assert not is_heading(line)


def test_further_reading_is_not_a_reference_list() -> None:
    text = f"{INTRO}Further reading\n\n- {REF_A}\n- {REF_B}\n\nThanks for reading.\n"
    assert find_entries(text) == []


def test_further_reading_ends_the_section() -> None:
    text = f"References\n\n- {REF_A}\n- {REF_B}\n\nFurther reading\n\n- {REF_C}\n"
    assert _raws(text) == [REF_A, REF_B]


def test_last_heading_with_references_wins() -> None:
    text = (
        "Contents\n\nIntroduction\n\nReferences\n\nIntroduction\n\n"
        f"{PROSE}\n\nReferences\n\n1. {REF_A}\n2. {REF_B}\n"
    )
    assert _raws(text) == [REF_A, REF_B]


def test_later_heading_without_references_is_skipped() -> None:
    text = f"References\n\n1. {REF_A}\n2. {REF_B}\n\nNotes\n\n1. Thanks to the nurses.\n"
    assert _raws(text) == [REF_A, REF_B]


# ---- entry markers -----------------------------------------------------------------------

MARKERS = ["1. ", "1) ", "[1] ", "(1) ", "• ", "- ", "* ", "– ", "· ", "  • "]


@pytest.mark.parametrize("marker", MARKERS)
def test_marker_styles(marker: str) -> None:
    second = marker.replace("1", "2")
    third = marker.replace("1", "3")
    text = f"{INTRO}References\n\n{marker}{REF_A}\n{second}{REF_B}\n{third}{REF_C}\n\n{PROSE}\n"
    assert _raws(text) == [REF_A, REF_B, REF_C]


def test_entry_lines_and_indexes() -> None:
    text = f"Title\n\nReferences\n\n1. {REF_A}\n\n2. {REF_B}\n"
    assert [(e.index, e.line) for e in find_entries(text)] == [(1, 5), (2, 7)]


def test_unnumbered_one_per_line() -> None:
    text = f"{INTRO}References\n{REF_A}\n{REF_B}\n{REF_C}\n\n{PROSE}\n"
    assert _raws(text) == [REF_A, REF_B, REF_C]


def test_unnumbered_one_per_paragraph_with_wraps() -> None:
    text = (
        "References\n\n"
        "Berman RM, Cappiello A. Antidepressant effects of ketamine\n"
        "in depressed patients. Biol Psychiatry. 2000;47:351-4.\n\n"
        "Li N, Lee B. mTOR-dependent synapse formation underlies the rapid\n"
        "antidepressant effects. Science. 2010;329(5994):959-964.\n\n"
        f"{PROSE}\n"
    )
    assert _raws(text) == [
        "Berman RM, Cappiello A. Antidepressant effects of ketamine in depressed patients. "
        "Biol Psychiatry. 2000;47:351-4.",
        "Li N, Lee B. mTOR-dependent synapse formation underlies the rapid antidepressant "
        "effects. Science. 2010;329(5994):959-964.",
    ]


# ---- hard wraps -----------------------------------------------------------------------

WRAPS = [
    (
        "effects of ketamine in de-\n   pressed patients",
        "effects of ketamine in depressed patients",
    ),
    ("the NMDA-\n   receptor antagonist", "the NMDA-receptor antagonist"),
    ("a meta-\n   analysis of trials", "a meta-analysis of trials"),
    ("2000;47:351-\n   354.", "2000;47:351-354."),
    (
        "https://doi.org/10.1016/S0006-\n   3223(99)00230-9",
        "https://doi.org/10.1016/S0006-3223(99)00230-9",
    ),
    (
        "https://doi.org/10.1016/\n   S0006-3223(99)00230-9",
        "https://doi.org/10.1016/S0006-3223(99)00230-9",
    ),
    ("Cappiello A,\n   Anand A.", "Cappiello A, Anand A."),
]


@pytest.mark.parametrize(("wrapped", "joined"), WRAPS)
def test_hard_wrapped_entries_are_joined(wrapped: str, joined: str) -> None:
    entry = f"Berman RM. Title {wrapped} Biol Psychiatry. 2000;47:351-4."
    text = f"References\n\n1. {entry}\n2. {REF_B}\n"
    assert _raws(text)[0] == f"Berman RM. Title {joined} Biol Psychiatry. 2000;47:351-4."


def test_wrapped_numbered_entry_with_number_like_line() -> None:
    text = f"References\n\n1. Berman RM. Title. Biol Psychiatry. 2000;\n47. Extra.\n2. {REF_B}\n"
    assert len(find_entries(text)) == 2


# ---- no heading ----------------------------------------------------------------------------


def test_trailing_list_without_heading() -> None:
    text = f"{INTRO}{PROSE}\n\n1. {REF_A}\n2. {REF_B}\n3. {REF_C}\n"
    assert _raws(text) == [REF_A, REF_B, REF_C]


def test_single_trailing_reference_without_heading_is_not_enough() -> None:
    assert find_entries(f"{INTRO}{PROSE}\n\n1. {REF_A}\n") == []


NOT_REFERENCES = [
    "",
    "Just one line.",
    f"{INTRO}{PROSE}\n",
    # An ordinary numbered list of prose.
    "How to prepare\n\n1. Eat a light meal (2 hours before).\n2. Bring a friend to drive.\n"
    "3. In 2010 we opened; 2019, we moved.\n",
    # Prose numbered list mentioning studies.
    "Benefits\n\n1. A study by Berman et al. (2000) found relief.\n"
    "2. Research by Li et al. (2010) showed synapse growth.\n",
    # A heading word followed by prose only.
    f"Sources\n\n{PROSE}\n",
    # A menu at the end.
    f"{PROSE}\n\n- Home\n- About us\n- Contact\n",
]


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_no_reference_section(text: str) -> None:
    assert find_entries(text) == []


LIKE = [
    REF_A,
    REF_B,
    REF_C,
    "American Psychiatric Association. (2013). Diagnostic and statistical manual.",
    "Smith J. A title. doi:10.1000/xyz",
    "Some report. PMID: 12345",
    "Berman, R. M. et al. Title. Biol. Psychiatry 47, 351–354 (2000).",
]
UNLIKE = [
    PROSE,
    "A study by Berman et al. (2000) found that patients improved.",
    "Take the medication with food.",
    "However, the 2019 results were mixed.",
]


@pytest.mark.parametrize("text", LIKE)
def test_looks_like_reference(text: str) -> None:
    assert looks_like_reference(text)


@pytest.mark.parametrize("text", UNLIKE)
def test_does_not_look_like_reference(text: str) -> None:
    assert not looks_like_reference(text)


# ---- shapes copied from real sources ----------------------------------------------------

SHAPES = [
    (
        "wikipedia",
        "Text.\n\nReferences\n"
        '1. ^ Berman RM, Cappiello A, Anand A (2000). "Antidepressant effects". Biological '
        "Psychiatry. 47 (4): 351–354. doi:10.1016/S0006-3223(99)00230-9. PMID 10686270.\n"
        '2. ^ a b Li N, Lee B (2010). "mTOR-dependent synapse formation". Science. 329 (5994): '
        "959–964.\n",
        [(4, "Berman RM, Cappiello A"), (5, "Li N, Lee B (2010)")],
    ),
    (
        "markdown footnotes",
        f"Text[^1].\n\n## References\n\n[^1]: {REF_A}\n[^2]: {REF_B}\n",
        [(5, REF_A[:20]), (6, REF_B[:20])],
    ),
    (
        "pdf wraps with a page footer",
        "Text\n\nReferences\n"
        "1. Berman RM, Cappiello A, Anand A, et al. Antidepressant\n"
        "effects of ketamine. Biol Psychiatry. 2000;47(4):351-4.\n"
        "Page 12 of 12\n"
        "2. Li N, Lee B, Liu RJ, et al. mTOR-dependent synapse formation\n"
        "underlies the rapid effects. Science. 2010;329(5994):959-64.\n",
        [(4, "Berman RM, Cappiello A"), (7, "Li N, Lee B, Liu RJ")],
    ),
    (
        "APA hanging indent",
        "Text.\n\nREFERENCES\n\n"
        "Berman, R. M., Cappiello, A., Anand, A., Oren, D. A., Heninger, G. R.,\n"
        "    & Krystal, J. H. (2000). Antidepressant effects of ketamine in depressed\n"
        "    patients. Biological Psychiatry, 47(4), 351–354.\n"
        "Li, N., Lee, B., Liu, R.-J., Banasr, M., Dwyer, J. M., Iwata, M., Li, X.-Y.,\n"
        "    Aghajanian, G., & Duman, R. S. (2010). mTOR-dependent synapse formation.\n"
        "    Science, 329(5994), 959–964.\n",
        [(5, "Berman, R. M., Cappiello"), (8, "Li, N., Lee, B., Liu")],
    ),
    (
        "web sources",
        "Text\n\nSources:\n"
        "Mayo Clinic. Ketamine for depression. https://www.mayoclinic.org/ketamine\n"
        "National Institute of Mental Health. Depression. https://www.nimh.nih.gov/depression\n"
        f"{REF_A}\n",
        [(4, "Mayo Clinic"), (5, "National Institute"), (6, "Berman RM")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [s[1:] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_real_world_shapes(text: str, expected: list[tuple[int, str]]) -> None:
    got = [(e.line, e.raw) for e in find_entries(text)]
    # Compare each entry's start with the expected prefix; extra entries show up as (line, "").
    prefixes = [prefix for _, prefix in expected] + [""] * (len(got) - len(expected))
    trimmed = [(line, raw[: len(p)]) for (line, raw), p in zip(got, prefixes, strict=False)]
    assert trimmed == expected


# ---- headings in other languages, ignore markers, hanging indents --------------------


@pytest.mark.parametrize(
    "heading",
    ["Références", "Literatur", "Literaturverzeichnis", "Referencias", "Bibliografía",
     "Bibliografia", "Literatuur", "## Referências", "**Bibliographie**", "7. Literatur"],
)  # fmt: skip
def test_european_headings(heading: str) -> None:
    assert is_heading(heading)
    assert _raws(f"{INTRO}{heading}\n\n1. {REF_A}\n2. {REF_B}\n") == [REF_A, REF_B]


@pytest.mark.parametrize(
    ("text", "ignored"),
    [
        (f"References\n\n1. {REF_A} <!-- citecheck: ignore -->\n2. {REF_B}\n", [True, False]),
        (f"References\n\n1. {REF_A}\n<!-- citecheck: ignore -->\n2. {REF_B}\n", [False, True]),
        (f"References\n\n- {REF_A}\n- {REF_B} citecheck: ignore\n", [False, True]),
        (f"References\n\n- {REF_A}\n- {REF_B}\n", [False, False]),
    ],
)
def test_ignore_markers(text: str, ignored: list[bool]) -> None:
    entries = find_entries(INTRO + text)
    assert [e.ignored for e in entries] == ignored
    assert [e.raw for e in entries] == [REF_A, REF_B]


def test_hanging_indent_entries_ending_in_dois() -> None:
    text = (
        "References\n"
        "Spitzer, R. L., Kroenke, K., & Löwe, B. (2006). A brief measure for assessing\n"
        "    generalized anxiety disorder. Archives of Internal Medicine, 166(10), 1092-1097.\n"
        "    doi:10.1001/archinte.166.10.1092\n"
        "Laemmli, U. K. (1970). Cleavage of structural proteins during the assembly of the\n"
        "    head of bacteriophage T4. Nature, 227(5259), 680–685.\n"
    )
    raws = _raws(INTRO + text)
    assert len(raws) == 2 and raws[1].startswith("Laemmli")


def test_numbered_list_of_ordinary_text_is_not_a_reference_list() -> None:
    steps = "\n".join(
        f"{n}. {s}"
        for n, s in enumerate(
            ["Preheat the oven to 180 degrees.", "Beat the butter and sugar, about 3 minutes.",
             "Fold in 200 g of flour.", "Bake for 25 to 30 minutes."], 1
        )
    )  # fmt: skip
    assert find_entries(f"{INTRO}Method\n\n{steps}\n") == []


def test_chicago_entries_of_one_author_with_journal_only() -> None:
    """Chicago author-date cites a sole author as "Family, Given." and a clinic page often
    gives only the journal: such a list was not found at all."""
    text = (
        "References\n\n"
        "1. Moreau, Renée. 2005. “Safety and Tolerability of Esketamine in Older Adults.” "
        "American Journal of Psychiatry.\n"
        "2. Janssen, Lars F.. 2010. “Efficacy of Magnesium Sulfate in Chronic Migraine.” "
        "The Clinical Journal of Pain.\n"
        "3. Liu, Pierre, Maurizio Fava, and Amara Demir, et al. 2013. “Dose-response of "
        "Magnesium Sulfate in Chronic Postsurgical Pain.” Pain Medicine.\n"
    )
    entries = find_entries(text)
    assert [e.raw.split(",")[0] for e in entries] == ["Moreau", "Janssen", "Liu"]


def test_acl_author_year_entries_with_full_given_names() -> None:
    """The ACL Anthology's style: full given names, the year as its own sentence, a venue
    without volume or pages. Such a list was not found at all."""
    text = (
        "References\n\n"
        "1. Rui Liu. 2022. Communication-efficient Distributed Learning for Large Batch "
        "Optimization. In Proceedings of ICML.\n\n"
        "2. He Wang, Yunfeng Diao, Zichang Tan, and Guodong Guo. 2021. ROCK: Causal "
        "Inference Principles for Reasoning about Commonsense Causality. In Proceedings of "
        "ICLR.\n\n"
        "3. Anonymous Authors. 2023. Semantic uncertainty estimation in large language "
        "models. arXiv.\n"
    )
    assert [e.raw.split(".")[0] for e in find_entries(INTRO + text)] == [
        "Rui Liu",
        "He Wang, Yunfeng Diao, Zichang Tan, and Guodong Guo",
        "Anonymous Authors",
    ]


def test_a_sentence_with_a_year_is_not_an_acl_entry() -> None:
    assert not looks_like_reference("The trial ended early in the spring. 2021 was a hard year.")


def test_an_entry_opening_with_an_elided_particle_is_its_own_entry() -> None:
    """APA, one paragraph each: "d'Amore, F." opens an entry; read as the wrap of the one
    before, the two were merged."""
    text = (
        "References\n\n"
        "Yang, K., & Zhang, J. (2021). Capturing Omni-Range Context for Omnidirectional "
        "Segmentation. In CVPR.\n\n"
        "d'Amore, F., Mitropolsky, D., & Crescenzi, P. (2021). Explanations for Monotonic "
        "Classifiers. In ICML.\n\n"
        "Chen, L., & Bruna, J. (2021). On Graph Neural Networks versus Graph-Augmented MLPs. "
        "In NeurIPS.\n"
    )
    assert [e.raw.split(",")[0] for e in find_entries(INTRO + text)] == ["Yang", "d'Amore", "Chen"]
