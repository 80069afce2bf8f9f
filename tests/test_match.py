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
