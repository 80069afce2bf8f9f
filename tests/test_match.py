"""The matcher: which record is the cited work, and which cited fields disagree."""

from __future__ import annotations

import pytest

from citecheck.journals import same_journal
from citecheck.match import judge, same_pages, title_similarity
from citecheck.model import Failure, Field, Lookup, Record, Reference, Source, Status
from citecheck.normalize import clean_doi, family_name, full_pages, page_bounds
from samples import BERMAN_CITED as BERMAN_AS_CITED
from samples import BERMAN_FOUND as BERMAN

# Look-alikes: same venue as the wrong citation; same author, other paper; similar title.
ARCH_GEN_SAME_PAGES = Record(
    source=Source.CROSSREF,
    authors=("Kessler RC",),
    title="Lifetime prevalence of depressive episodes in a community sample",
    journal="Archives of General Psychiatry",
    journals=("Archives of General Psychiatry", "Arch Gen Psychiatry"),
    year=2000,
    volume="57",
    issue="3",
    pages="227-234",
    doi="10.1001/archpsyc.57.3.227",
)
BERMAN_OTHER = Record(
    source=Source.PUBMED,
    authors=("Berman RM", "Narasimhan M"),
    title="Effect of pindolol in hastening response to fluoxetine in depression",
    journal="Biol Psychiatry",
    journals=("Biol Psychiatry",),
    year=1997,
    volume="41",
    pages="954-960",
    pmid="9110099",
)
ORHURHU = Record(
    source=Source.CROSSREF,
    authors=("Orhurhu V", "Orhurhu MS"),
    title="Ketamine infusions for chronic pain: a systematic review and meta-analysis of "
    "randomized controlled trials",
    journal="Anesthesia & Analgesia",
    journals=("Anesthesia & Analgesia", "Anesth Analg"),
    year=2019,
    volume="129",
    issue="1",
    pages="241-254",
    doi="10.1213/ane.0000000000004185",
)

FAVA_AS_CITED = Reference(
    index=2,
    raw="Fava, M., et al. (2019). ...",
    authors=("Fava M",),
    et_al=True,
    title="Ketamine for chronic pain: a systematic review",
    journal="Pain Physician",
    year=2019,
    volume="22",
    issue="4",
    pages="401-408",
)


def lookup(*records: Record, failed: tuple[str, ...] = ()) -> Lookup:
    return Lookup(
        records=records,
        failures=tuple(Failure(name, "HTTP 503 (after 4 tries)") for name in failed),
    )


def test_wrong_journal_is_recognised_and_every_wrong_field_listed() -> None:
    verdict = judge(BERMAN_AS_CITED, lookup(ARCH_GEN_SAME_PAGES, BERMAN_OTHER, BERMAN))
    assert verdict.status is Status.MISMATCHED
    assert verdict.match == BERMAN
    assert [(m.field, m.cited, m.found) for m in verdict.mismatches] == [
        (Field.JOURNAL, "Archives of General Psychiatry", "Biological Psychiatry"),
        (Field.VOLUME, "57", "47"),
        (Field.ISSUE, "3", "4"),
        (Field.PAGES, "227-234", "351-354"),
    ]


def test_venue_alone_does_not_identify_a_work() -> None:
    verdict = judge(BERMAN_AS_CITED, lookup(ARCH_GEN_SAME_PAGES, BERMAN_OTHER))
    assert verdict.status is Status.NOT_FOUND


def test_fabricated_reference_with_a_similar_real_title_is_not_found() -> None:
    verdict = judge(FAVA_AS_CITED, lookup(ORHURHU, BERMAN))
    assert verdict.status is Status.NOT_FOUND
    assert verdict.match is None


def test_nothing_found_while_a_service_failed_is_unverified_not_not_found() -> None:
    verdict = judge(FAVA_AS_CITED, lookup(ORHURHU, failed=("pubmed",)))
    assert verdict.status is Status.UNVERIFIED
    assert any("pubmed" in w for w in verdict.warnings)


def test_found_by_one_service_while_the_other_failed_is_judged_with_a_warning() -> None:
    verdict = judge(BERMAN_AS_CITED, lookup(BERMAN, failed=("crossref",)))
    assert verdict.status is Status.MISMATCHED
    assert any("crossref" in w for w in verdict.warnings)


def cited(**fields: object) -> Reference:
    base: dict[str, object] = {
        "index": 1,
        "raw": "",
        "authors": ("Berman RM",),
        "et_al": True,
        "title": "Antidepressant effects of ketamine in depressed patients",
        "journal": "Biol Psychiatry",
        "year": 2000,
        "volume": "47",
        "issue": "4",
        "pages": "351-4",
    }
    base.update(fields)
    return Reference(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("reference", "status", "fields"),
    [
        (cited(), Status.VERIFIED, []),
        (cited(journal="Biological Psychiatry", pages="351-354"), Status.VERIFIED, []),
        (cited(journal="Biol. Psychiatry"), Status.VERIFIED, []),
        (
            cited(title="Antidepressant Effects of Ketamine in Depressed Patients."),
            Status.VERIFIED,
            [],
        ),
        (
            cited(title="Antidepresant effects of ketamine in depresed patients"),
            Status.VERIFIED,
            [],
        ),
        (cited(year=2001), Status.VERIFIED, []),  # off by one: a warning only
        (cited(year=2003), Status.MISMATCHED, [Field.YEAR]),
        (cited(authors=("Krystal JH",)), Status.MISMATCHED, [Field.AUTHORS]),
        (cited(pages="351-356"), Status.MISMATCHED, [Field.PAGES]),
        (cited(pages="351"), Status.VERIFIED, []),
        (cited(issue=None, volume=None, pages=None), Status.VERIFIED, []),
        (cited(doi="10.1016/S0006-3223(99)00230-9", title=None), Status.VERIFIED, []),
        (
            cited(doi="10.1016/s0006-3223(99)00230-9", title="Ketamine and depression"),
            Status.MISMATCHED,
            [Field.TITLE],
        ),
        (cited(pmid="10686270", authors=("Smith J",)), Status.MISMATCHED, [Field.AUTHORS]),
        # A garbled title, but author, year, journal, volume and page agree.
        (cited(title="Ketamine in depression: an open trial"), Status.MISMATCHED, [Field.TITLE]),
        # Same title and year, another first author: the same work, author wrong.
        (
            cited(authors=("Zarate CA",), journal="Arch Gen Psychiatry"),
            Status.MISMATCHED,
            [Field.AUTHORS, Field.JOURNAL],
        ),
        # Only the author and year agree: not enough to call it the same paper.
        (
            cited(
                title="Ketamine for depression: a review",
                journal="J Affect Disord",
                volume="12",
                issue="1",
                pages="1-9",
            ),
            Status.NOT_FOUND,
            [],
        ),
    ],
)
def test_verdict_rules(reference: Reference, status: Status, fields: list[Field]) -> None:
    verdict = judge(reference, lookup(BERMAN))
    assert (verdict.status, [m.field for m in verdict.mismatches]) == (status, fields)


def test_a_real_doi_on_another_works_citation_identifies_nothing() -> None:
    invented = cited(
        doi="10.1016/s0006-3223(99)00230-9",
        authors=("Fava M",),
        title="Ketamine for chronic pain: a systematic review",
        journal="Pain Physician",
    )
    verdict = judge(invented, lookup(BERMAN))
    assert verdict.status is Status.NOT_FOUND
    assert verdict.warnings[0].startswith("the cited identifier belongs to another work")


def test_off_by_one_year_is_a_warning() -> None:
    verdict = judge(cited(year=2001), lookup(BERMAN))
    assert any(w.startswith("year: cited 2001, found 2000") for w in verdict.warnings)


def test_retracted_record_is_flagged() -> None:
    retracted = Record(**{**BERMAN.__dict__, "retracted": True})
    verdict = judge(cited(), lookup(retracted))
    assert verdict.status is Status.VERIFIED
    assert verdict.retracted


@pytest.mark.parametrize(
    ("cited_name", "names", "same"),
    [
        ("Biol Psychiatry", ["Biological Psychiatry"], True),
        ("Biological Psychiatry", ["Biol Psychiatry"], True),
        ("Arch Gen Psychiatry", ["Biological Psychiatry", "Biol Psychiatry"], False),
        ("Archives of General Psychiatry", ["Biological Psychiatry"], False),
        (
            "Proc Natl Acad Sci U S A",
            ["Proceedings of the National Academy of Sciences of the United States of America"],
            True,
        ),
        ("J Pain", ["The Journal of Pain"], True),
        ("Pain", ["Pain Physician"], False),
        ("Curr Pain Headache Rep", ["Current Pain and Headache Reports"], True),
        ("Anesth Analg", ["Anesthesia & Analgesia"], True),
        ("Neurology", ["Neuroradiology"], False),
        ("J Clin Psychiatry", ["Journal of Clinical Psychopharmacology"], False),
        ("Science", ["Science"], True),
        ("Nature", ["Nature Medicine"], False),
        ("Clin J Pain", ["The Clinical Journal of Pain"], True),
    ],
)
def test_same_journal(cited_name: str, names: list[str], same: bool) -> None:
    assert same_journal(cited_name, names) is same


@pytest.mark.parametrize(
    ("pages", "bounds"),
    [
        ("351-4", ("351", "354")),
        ("351–354", ("351", "354")),
        ("959-64", ("959", "964")),
        ("1234-56", ("1234", "1256")),
        ("S12-5", ("S12", "S15")),
        ("e0123456", ("e0123456", None)),
        ("34", ("34", None)),
        ("", None),
    ],
)
def test_page_bounds(pages: str, bounds: tuple[str, str | None] | None) -> None:
    assert page_bounds(pages) == bounds


@pytest.mark.parametrize(
    ("cited_pages", "found", "same"),
    [
        ("351-4", "351-354", True),
        ("351", "351-354", True),
        ("352-354", "351-354", False),
        ("34", "34", True),
        ("e34", "34", False),
    ],
)
def test_same_pages(cited_pages: str, found: str, same: bool) -> None:
    assert same_pages(cited_pages, found) is same


def test_title_similarity_is_not_fooled_by_a_subset_title() -> None:
    assert (
        title_similarity("Ketamine for chronic pain: a systematic review", ORHURHU.title or "")
        < 0.75
    )


def test_small_helpers() -> None:
    assert full_pages("351-4") == "351-354"
    assert family_name("van der Berg J") == "van der Berg"
    assert clean_doi("https://doi.org/10.1016/S0006-3223(99)00230-9.") == (
        "10.1016/s0006-3223(99)00230-9"
    )


# --- issue 10: titles, authors, venues, identifiers, preprints ---------------------------

VI = Record(
    source=Source.CROSSREF,
    authors=("Blei DM", "Kucukelbir A", "McAuliffe JD"),
    title="Variational Inference: A Review for Statisticians",
    journal="Journal of the American Statistical Association",
    journals=("Journal of the American Statistical Association", "J Am Stat Assoc"),
    year=2017,
    volume="112",
    issue="518",
    pages="859-877",
    doi="10.1080/01621459.2017.1285773",
    kind="journal-article",
)


def vi(**fields: object) -> Reference:
    base: dict[str, object] = {
        "index": 1,
        "raw": "",
        "authors": ("Blei DM", "Kucukelbir A", "McAuliffe JD"),
        "title": "Variational Inference: A Review for Statisticians",
        "journal": "J Am Stat Assoc",
        "year": 2017,
        "volume": "112",
        "issue": "518",
        "pages": "859-77",
    }
    base.update(fields)
    return Reference(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cited_title", "exact"),
    [
        ("Variational Inference: A Review for Statisticians", True),
        ("Variational inference - a review for statisticians.", False),  # no colon: see below
        ("Variational Inference", True),  # subtitle left out (main title is short though)
        ("Variational Reasoning: A Review for Statisticians", False),  # one word changed
        ("Variational Inference: A Review for Statistician", False),  # plural dropped
        ("Variational Inference: A Survey for Statisticians", False),
        ("Variational Infrence: A Review for Statisticians", True),  # typo in a long word
        ("Variational Inference: A Review for Statisticians and Data Scientists", False),
    ],
)
def test_title_exactness(cited_title: str, exact: bool) -> None:
    from citecheck.titles import same_title

    if cited_title == "Variational Inference":
        # A short main title alone does not name the work (fewer than 4 words).
        assert same_title(cited_title, VI.title or "") is False
        return
    if cited_title.startswith("Variational inference - "):
        # The subtitle written after a dash, not a colon: one run of words, the same words.
        assert same_title(cited_title, VI.title or "") is True
        return
    assert same_title(cited_title, VI.title or "") is exact


@pytest.mark.parametrize(
    ("cited", "found", "exact"),
    [
        (
            "Pre-training of Deep Bidirectional Transformers",
            "Pretraining of deep bidirectional transformers",
            True,
        ),
        (
            "Optimisation of neural networks for speech",
            "Optimization of Neural Networks for Speech",
            True,
        ),
        ("The power of quantum neural networks", "Power of Quantum Neural Networks", True),
        (
            "Quantum embedding for machine learning",
            "Quantum embeddings for machine learning",
            False,
        ),
        (
            "Learning to Summarize with Human Feedback",
            "Learning to summarize from human feedback",
            False,
        ),
        ("Scaling laws for GPT-3 models", "Scaling laws for GPT-4 models", False),
        (
            "Antidepressant effects of ketamine in depressed patients",
            "Antidepressant effects of ketamine in depressed patients: an open-label trial",
            True,
        ),
        (
            "Structured fast fourier attention for vision transformers",
            "Structured fast fourier transform attention for vision transformers",
            False,
        ),
    ],
)
def test_same_title_table(cited: str, found: str, exact: bool) -> None:
    from citecheck.titles import same_title

    assert same_title(cited, found) is exact


def test_one_word_title_change_is_identified_and_reported_with_both_titles() -> None:
    verdict = judge(vi(title="Variational Reasoning: A Review for Statisticians"), lookup(VI))
    assert verdict.status is Status.MISMATCHED
    assert [(m.field, m.cited, m.found) for m in verdict.mismatches] == [
        (Field.TITLE, "Variational Reasoning: A Review for Statisticians", VI.title)
    ]


def test_the_raw_string_overrules_a_title_cut_short_by_the_parser() -> None:
    raw = (
        "Blei DM, Kucukelbir A, McAuliffe JD. Variational Inference: A Review for "
        "Statisticians. J Am Stat Assoc. 2017;112(518):859-77."
    )
    verdict = judge(vi(raw=raw, title="Variational Inference"), lookup(VI))
    assert verdict.status is Status.VERIFIED


@pytest.mark.parametrize(
    ("authors", "et_al", "status", "note"),
    [
        (("Blei DM", "Kucukelbir A", "McAuliffe JD"), False, Status.VERIFIED, None),
        (("Blei D", "Kucukelbir A", "McAuliffe J"), False, Status.VERIFIED, None),
        (("Blei DM",), True, Status.VERIFIED, None),
        (("Blei DM", "Kucukelbir A"), False, Status.MISMATCHED, "left out: McAuliffe JD"),
        (
            ("Blei DM", "McAuliffe JD", "Kucukelbir A"),
            False,
            Status.MISMATCHED,
            "the order differs",
        ),
        (
            ("Blei DM", "Kucukelbir A", "Jordan MI"),
            False,
            Status.MISMATCHED,
            "not in the record: Jordan MI; left out: McAuliffe JD",
        ),
        (
            ("Blei DM", "Kucukelbir A", "McAuliffe JD", "Jordan MI"),
            False,
            Status.MISMATCHED,
            "not in the record: Jordan MI",
        ),
        (
            ("Blei DM", "Kucukelbir K", "McAuliffe JD"),
            False,
            Status.MISMATCHED,
            "other initials: Kucukelbir K (record: Kucukelbir A)",
        ),
        (("Bleı DM", "Kucukelbír A", "McAuliffe JD"), False, Status.VERIFIED, None),
        (
            ("Smith J", "Jones K", "Brown L"),
            False,
            Status.MISMATCHED,
            "not in the record: Smith J, Jones K, Brown L; "
            "left out: Blei DM, Kucukelbir A, McAuliffe JD",
        ),
    ],
)
def test_whole_author_list(
    authors: tuple[str, ...], et_al: bool, status: Status, note: str | None
) -> None:
    verdict = judge(vi(authors=authors, et_al=et_al), lookup(VI))
    assert verdict.status is status
    if note is None:
        assert verdict.mismatches == ()
    else:
        assert [m.field for m in verdict.mismatches] == [Field.AUTHORS]
        assert f"authors: {note}" in verdict.warnings


NEURIPS_PAPER = Record(
    source=Source.CROSSREF,
    authors=("Dao T", "Fu D", "Ermon S", "Rudra A", "Ré C"),
    title="FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness",
    journal="Advances in Neural Information Processing Systems 35",
    journals=("Advances in Neural Information Processing Systems 35",),
    year=2022,
    kind="proceedings-article",
    doi="10.5555/neurips.2022.flash",
)
FLASH_PREPRINT = Record(
    source=Source.DATACITE,
    authors=NEURIPS_PAPER.authors,
    title=NEURIPS_PAPER.title,
    journal="arXiv",
    journals=("arXiv",),
    year=2022,
    kind="Preprint",
    doi="10.48550/arxiv.2205.14135",
    relations=(("is-preprint-of", "10.5555/neurips.2022.flash"),),
)


def flash(**fields: object) -> Reference:
    base: dict[str, object] = {
        "index": 1,
        "raw": "",
        "kind": "conference paper",
        "authors": NEURIPS_PAPER.authors,
        "title": NEURIPS_PAPER.title,
        "journal": "NeurIPS",
        "year": 2022,
    }
    base.update(fields)
    return Reference(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cited_name", "names", "same"),
    [
        ("NeurIPS", ("Advances in Neural Information Processing Systems 35",), True),
        ("NIPS", ("Advances in Neural Information Processing Systems",), True),
        ("Advances in Neural Information Processing Systems", ("NeurIPS 2022",), True),
        (
            "Proc. ICML 2021",
            ("Proceedings of the 38th International Conference on Machine Learning",),
            True,
        ),
        ("ICLR", ("International Conference on Learning Representations",), True),
        (
            "CVPR",
            ("2022 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",),
            True,
        ),
        (
            "CVPR",
            (
                "2022 IEEE/CVF Conference on Computer Vision and Pattern Recognition "
                "Workshops (CVPRW)",
            ),
            False,
        ),
        (
            "ICCV",
            ("2022 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",),
            False,
        ),
        ("AAAI", ("Proceedings of the AAAI Conference on Artificial Intelligence", "AAAI"), True),
        (
            "EMNLP",
            (
                "Proceedings of the 2021 Conference on Empirical Methods in Natural "
                "Language Processing",
            ),
            True,
        ),
        (
            "ACL",
            (
                "Proceedings of the 2021 Conference on Empirical Methods in Natural "
                "Language Processing",
            ),
            False,
        ),
        (
            "NAACL",
            (
                "Proceedings of the 2019 Conference of the North American Chapter of the "
                "Association for Computational Linguistics: Human Language Technologies",
            ),
            True,
        ),
        ("ICML", ("Machine Learning",), False),
        ("Mach. Learn.", ("Machine Learning",), True),
        ("J. Mach. Learn. Res.", ("Journal of Machine Learning Research",), True),
        ("Nature", ("Nature Computational Science",), False),
        (
            "Symposium on Neural Scaling Laws",
            ("Advances in Neural Information Processing Systems",),
            False,
        ),
        (
            "Conference on Reward Learning and Alignment",
            ("International Conference on Learning Representations",),
            False,
        ),
        ("Interspeech 2021", ("Interspeech 2021",), True),
        (
            "UAI",
            ("Proceedings of the 37th Conference on Uncertainty in Artificial Intelligence",),
            True,
        ),
    ],
)
def test_same_venue(cited_name: str, names: tuple[str, ...], same: bool) -> None:
    from citecheck.venues import same_venue

    assert same_venue(cited_name, names) is same


def test_conference_paper_cited_by_acronym_is_verified() -> None:
    assert judge(flash(), lookup(NEURIPS_PAPER)).status is Status.VERIFIED


def test_fabricated_venue_is_a_mismatch_naming_the_found_venue() -> None:
    verdict = judge(flash(journal="Symposium on Neural Scaling Laws"), lookup(NEURIPS_PAPER))
    assert [(m.field, m.cited, m.found) for m in verdict.mismatches] == [
        (Field.JOURNAL, "Symposium on Neural Scaling Laws", NEURIPS_PAPER.journal)
    ]


def test_preprint_cited_as_published_is_mismatched_with_venue_preprint() -> None:
    lone = Record(**{**FLASH_PREPRINT.__dict__, "relations": ()})
    verdict = judge(flash(journal="ICML"), lookup(lone))
    assert verdict.status is Status.MISMATCHED
    assert [(m.field, m.found) for m in verdict.mismatches] == [(Field.JOURNAL, "preprint (arXiv)")]


def test_published_version_wins_over_its_preprint_and_a_preprint_doi_is_no_error() -> None:
    verdict = judge(flash(doi="10.48550/arXiv.2205.14135v2"), lookup(FLASH_PREPRINT, NEURIPS_PAPER))
    assert verdict.status is Status.VERIFIED
    assert verdict.match == NEURIPS_PAPER
    assert any("another version" in w for w in verdict.warnings)


def test_preprint_since_published_gets_a_note() -> None:
    verdict = judge(flash(kind="preprint", journal="arXiv"), lookup(FLASH_PREPRINT))
    assert verdict.status is Status.VERIFIED
    assert (
        "this preprint has since been published: doi:10.5555/neurips.2022.flash" in verdict.warnings
    )


def test_a_found_preprint_does_not_settle_a_conference_citation() -> None:
    from citecheck.match import is_settled

    assert not is_settled(flash(), lookup(FLASH_PREPRINT))
    assert is_settled(flash(), lookup(FLASH_PREPRINT, NEURIPS_PAPER))
    assert is_settled(flash(kind="preprint", journal="arXiv"), lookup(FLASH_PREPRINT))


def test_a_cited_doi_that_names_nothing_is_reported() -> None:
    unresolved = Lookup(records=(VI,), unresolved=(Field.DOI,))
    verdict = judge(vi(doi="10.47281/bed.57189"), unresolved)
    assert verdict.status is Status.MISMATCHED
    assert [(m.field, m.cited, m.found) for m in verdict.mismatches] == [
        (Field.DOI, "10.47281/bed.57189", VI.doi)
    ]
    assert "the cited DOI 10.47281/bed.57189 names no record" in verdict.warnings


def test_a_cited_pmid_of_another_work_is_reported_with_the_work_it_names() -> None:
    verdict = judge(vi(pmid="10686270"), lookup(VI, BERMAN))
    assert verdict.status is Status.MISMATCHED
    assert [(m.field, m.cited, m.found) for m in verdict.mismatches] == [
        (Field.PMID, "10686270", "none")
    ]
    assert any(
        w.startswith("the cited PMID names another work: Berman RM") for w in verdict.warnings
    )


def test_a_pmid_that_names_nothing_on_a_real_paper_is_no_longer_silent() -> None:
    verdict = judge(cited(pmid="99999999"), Lookup(records=(BERMAN,), unresolved=(Field.PMID,)))
    assert verdict.status is Status.MISMATCHED
    assert [(m.field, m.cited, m.found) for m in verdict.mismatches] == [
        (Field.PMID, "99999999", "10686270")
    ]


def test_an_unresolved_doi_on_an_unknown_work_is_not_found_and_says_so() -> None:
    verdict = judge(FAVA_AS_CITED, Lookup(unresolved=(Field.DOI,)))
    assert verdict.status is Status.NOT_FOUND
    assert "the cited DOI names no record" in verdict.warnings


# --- issue 11: journal qualifiers, page suffixes ---------------------------------------


@pytest.mark.parametrize(
    ("cited_name", "names"),
    [
        (
            "J Reine Angew Math",
            ["Journal für die reine und angewandte Mathematik (Crelles Journal)"],
        ),
        (
            "Journal für die reine und angewandte Mathematik",
            ["Journal für die reine und angewandte Mathematik (Crelles Journal)"],
        ),
        ("Methods Mol Biol", ["Methods in molecular biology (Clifton, N.J.)"]),
        ("Lancet Infect Dis", ["The Lancet. Infectious diseases"]),
        ("The Lancet Infectious Diseases", ["The Lancet. Infectious diseases"]),
    ],
)
def test_journal_qualifiers_are_the_same_journal(cited_name: str, names: list[str]) -> None:
    assert same_journal(cited_name, names)


@pytest.mark.parametrize(
    ("cited_pages", "found", "same"),
    [
        ("1308-1309.e1", "1308-1309.e1", True),
        ("1308-9", "1308-1309.e1", True),
        ("1308-1309", "1308-1309.e1", True),
        ("1308", "1308-1309.e1", True),
        ("1310-1311", "1308-1309.e1", False),
    ],
)
def test_page_suffixes(cited_pages: str, found: str, same: bool) -> None:
    assert same_pages(cited_pages, found) is same


def test_article_number_against_a_page_range_is_not_compared() -> None:
    record = Record(**{**VI.__dict__, "pages": "e0123456"})
    assert judge(vi(pages="1-12"), lookup(record)).status is Status.VERIFIED


def test_arxiv_doi_versions_are_one_doi() -> None:
    assert clean_doi("10.48550/arXiv.2205.14135v3") == "10.48550/arxiv.2205.14135"
    assert clean_doi("10.1000/abcv2") == "10.1000/abcv2"


def test_a_title_cut_short_is_re_read_and_its_rest_is_not_taken_for_the_venue() -> None:
    record = Record(
        source=Source.CROSSREF,
        authors=("Wang Y", "Liu Q", "Jin C"),
        title="Is RLHF More Difficult than Standard RL? A Theoretical Perspective",
        journal="Advances in Neural Information Processing Systems",
        journals=("Advances in Neural Information Processing Systems",),
        year=2023,
        kind="proceedings-article",
        doi="10.5555/rlhf",
    )
    parsed = Reference(
        index=1,
        raw="Wang Y, Liu Q, Jin C. Is RLHF More Difficult than Standard RL? A Theoretical "
        "Perspective. In: NeurIPS. 2023.",
        kind="conference paper",
        authors=("Wang Y", "Liu Q", "Jin C"),
        title="Is RLHF More Difficult than Standard RL?",
        journal="A Theoretical Perspective. In: NeurIPS",
        year=2023,
    )
    verdict = judge(parsed, lookup(record))
    assert verdict.status is Status.VERIFIED, verdict.mismatches


@pytest.mark.parametrize(
    ("doi", "preprint"),
    [
        ("10.1101/2020.03.01.972026", True),
        ("10.1101/123456", True),
        ("10.1101/gad.1402406", False),  # Genes & Development: Cold Spring Harbor's journal
        ("10.48550/arxiv.2205.14135", True),
        ("10.1016/s0006-3223(99)00230-9", False),
    ],
)
def test_preprint_dois(doi: str, preprint: bool) -> None:
    from citecheck.venues import is_preprint

    assert is_preprint(Record(source=Source.CROSSREF, doi=doi, journal="X")) is preprint


# --- issue 15: the candidate scorer, both views ------------------------------------------

INFLUENZA = Record(
    source=Source.PUBMED,
    authors=("Hoffmann E", "Stech J", "Guan Y", "Webster RG", "Perez DR"),
    title="Universal primer set for the full-length amplification of all influenza A viruses",
    journal="Arch Virol",
    journals=("Arch Virol", "Archives of virology"),
    year=2001,
    volume="146",
    issue="12",
    pages="2275-89",
    pmid="11811679",
    doi="10.1007/s007050170002",
)
INFLUENZA_RAW = (
    "E.J. Hoffmann, Y. Stech, R.G. Guan, D.R. Webster, Universal primer set for the "
    "full-length amplification of all influenza A viruses. Arch. Virol. 119, 2275-2289 (2001)"
)


def test_the_influenza_primer_string_is_identified_and_its_errors_named() -> None:
    from citecheck.model import Entry
    from citecheck.parse import parse_entry

    reference = parse_entry(Entry(1, INFLUENZA_RAW, 1))
    verdict = judge(reference, lookup(INFLUENZA))
    assert verdict.status is Status.MISMATCHED
    assert [m.field for m in verdict.mismatches] == [Field.AUTHORS, Field.VOLUME]


def test_the_raw_string_identifies_a_work_whose_title_the_parser_lost() -> None:
    reference = Reference(
        index=1,
        raw=INFLUENZA_RAW,
        authors=("Hoffmann EJ", "Stech Y", "Guan RG", "Webster DR"),
        year=2001,
        volume="119",
        pages="2275-2289",
    )
    verdict = judge(reference, lookup(INFLUENZA))
    assert verdict.match == INFLUENZA


def test_a_look_alike_same_author_journal_and_year_other_title_is_not_the_work() -> None:
    look_alike = Record(
        **{
            **INFLUENZA.__dict__,
            "title": "Eight-plasmid system for rapid generation of influenza virus vaccines",
            "volume": "147",
            "pages": "1201-9",
            "pmid": "12111111",
            "doi": "10.1007/other",
        }
    )
    reference = Reference(
        index=1,
        raw=INFLUENZA_RAW,
        authors=("Hoffmann EJ", "Stech Y", "Guan RG", "Webster DR"),
        title="Universal primer set for the full-length amplification of all influenza A viruses",
        journal="Arch. Virol",
        year=2001,
        volume="119",
        pages="2275-2289",
    )
    assert judge(reference, lookup(look_alike)).status is Status.NOT_FOUND


def test_a_title_cited_with_other_authors_is_still_the_work() -> None:
    swapped = vi(authors=("Smith J", "Jones K", "Brown L"))
    assert judge(swapped, lookup(VI)).status is Status.MISMATCHED
