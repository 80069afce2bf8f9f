"""The look-up strategy against the local fakes: works searched once, every kind looked up,
DataCite for arXiv and Zenodo, summaries in batches, the raw string always searched."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from citecheck.check import NOT_INDEXED_REASONS, check_paths
from citecheck.match import is_settled
from citecheck.model import Field, Lookup, Reference, Source, Status
from citecheck.resolve import Resolver
from citecheck.resolve.backlog import Backlog
from citecheck.resolve.query import identifiable, pubmed_term, title_runs
from citecheck.resolve.works import work_key
from citecheck.settings import Settings, from_environment
from fakes import FakeServices
from fakes.corpus import Work
from samples import BERMAN_CITED
from samples import LI_CITED as LI

ATTENTION = Reference(
    index=1,
    raw="Vaswani A, Shazeer N, Parmar N, et al. Attention is all you need. arXiv:1706.03762, 2017.",
    kind="preprint",
    authors=("Vaswani A", "Shazeer N", "Parmar N"),
    et_al=True,
    title="Attention is all you need",
    year=2017,
)


def settings(**changes: object) -> Settings:
    base = from_environment(mailto="editor@example.org")
    return dataclasses.replace(base, backoff=0.01, **changes)  # type: ignore[arg-type]


def resolve(*references: Reference, **changes: object) -> list[Lookup]:
    return list(Resolver(settings(**changes)).resolve_all(references, settled=is_settled))


# --- DataCite ------------------------------------------------------------------------------


def test_an_arxiv_preprint_is_identified_at_datacite(services: FakeServices) -> None:
    [lookup] = Resolver(settings()).resolve_all([ATTENTION], settled=is_settled)
    [record] = lookup.records
    assert (record.source, record.doi) == (Source.DATACITE, "10.48550/arxiv.1706.03762")
    assert (record.kind, record.journal, record.year) == ("Preprint", "arXiv", 2017)
    assert record.authors[:2] == ("Vaswani A", "Shazeer N")
    [call] = services.requests  # identified by its arXiv id: nothing else asked
    assert call.service == "datacite" and call.path == "/datacite/dois"
    assert call.params["ids"] == "10.48550/arxiv.1706.03762"
    assert call.params["mailto"] == "editor@example.org"
    assert "mailto:editor@example.org" in call.user_agent


def test_a_zenodo_doi_goes_to_datacite_and_a_doi_crossref_lacks_too(
    services: FakeServices,
) -> None:
    zenodo = Reference(index=1, raw="Registry data. Zenodo.", doi="10.5281/zenodo.7654321")
    elsewhere = Reference(index=2, raw="Somebody. Some work.", doi="10.9999/unknown.1")
    dataset, unknown = Resolver(settings()).resolve_all([zenodo, elsewhere], settled=is_settled)
    assert [r.kind for r in dataset.records] == ["Dataset"]
    assert dataset.records[0].publisher == "Zenodo"
    assert unknown.unresolved == (Field.DOI,)  # neither registry holds it
    [batch] = services.calls_to("crossref", "works")[:1]
    assert batch.params["filter"] == "doi:10.9999/unknown.1"  # the Zenodo DOI is not asked
    asked = [c.params["ids"] for c in services.calls_to("datacite")]
    assert "10.5281/zenodo.7654321" in asked[0] and "10.9999/unknown.1" in ",".join(asked)


@pytest.mark.parametrize("mode", ["down", "garbage", "wrong_shape", "rate_limited"])
def test_datacite_failing_leaves_the_preprint_unverified_never_not_found(
    services: FakeServices, mode: str
) -> None:
    services.set_mode("datacite", mode)
    [lookup] = resolve(ATTENTION, retries=0, max_retry_after=0.0)
    assert "datacite" in {f.service for f in lookup.failures}
    assert lookup.unresolved == ()


# --- every kind ----------------------------------------------------------------------------


def test_a_preprint_found_at_crossref_carries_its_published_version(
    services: FakeServices,
) -> None:
    preprint = Reference(
        index=1,
        raw="Haddad R, Whitfield C, Moreno L. Repeated ketamine infusions for chronic "
        "neuropathic pain: an open-label cohort. medRxiv. 2021.",
        kind="preprint",
        authors=("Haddad R", "Whitfield C", "Moreno L"),
        title="Repeated ketamine infusions for chronic neuropathic pain: an open-label cohort",
        journal="medRxiv",
        year=2021,
    )
    [lookup] = resolve(preprint)
    found = {r.doi: r for r in lookup.records}
    posted = found["10.1101/2021.04.12.21255307"]
    assert posted.kind == "posted-content"
    assert ("is-preprint-of", "10.1016/j.jpain.2022.01.004") in posted.relations
    assert (
        services.calls_to("crossref", "works")[0]
        .params["query.bibliographic"]
        .startswith("Haddad R")
    )
    assert not services.calls_to("pubmed", "esearch")  # a preprint: its registry first


def test_a_book_chapter_comes_with_its_book_and_isbns(services: FakeServices) -> None:
    chapter = Reference(
        index=1,
        raw="Nakagawa R. NMDA receptor antagonism and central sensitisation. In: Albrecht S, "
        "Nakagawa R, editors. Ketamine in Pain Medicine: Mechanisms and Practice. Cham: "
        "Springer; 2019. p. 45-67.",
        kind="chapter",
        authors=("Nakagawa R",),
        title="NMDA receptor antagonism and central sensitisation",
        journal="Ketamine in Pain Medicine: Mechanisms and Practice",
        year=2019,
        pages="45-67",
    )
    [lookup] = resolve(chapter)
    record = next(r for r in lookup.records if r.doi == "10.1007/978-3-030-12345-6_4")
    assert record.kind == "book-chapter"
    assert record.journal == "Ketamine in Pain Medicine: Mechanisms and Practice"
    assert record.isbns == ("9783030123449", "9783030123456")
    assert record.publisher == "Springer International Publishing"


def test_a_bookshelf_chapter_is_found_on_pubmed(services: FakeServices) -> None:
    statpearls = Reference(
        index=1,
        raw="Rosen SB, Gupta V, Palacios JL. Ketamine. In: StatPearls [Internet]. Treasure "
        "Island (FL): StatPearls Publishing; 2023.",
        kind="chapter",
        authors=("Rosen SB", "Gupta V", "Palacios JL"),
        title="Ketamine",
        journal="StatPearls",
        year=2023,
        pmid="29262999",
    )
    [lookup] = resolve(statpearls)
    [record] = lookup.records
    assert (record.pmid, record.kind, record.journal) == ("29262999", "chapter", "StatPearls")
    assert record.publisher == "StatPearls Publishing"


# --- fewer calls ---------------------------------------------------------------------------


def _styles(reference: Reference) -> list[Reference]:
    """The same citation as three styles write it (the fields a parser reads from each)."""
    vancouver = dataclasses.replace(
        reference,
        raw="Li N, Lee B, Liu RJ, et al. mTOR-dependent synapse formation underlies the rapid "
        "antidepressant effects of NMDA antagonists. Science. 2010.",
        volume=None,
        issue=None,
        pages=None,
    )
    mla = dataclasses.replace(
        vancouver,
        raw="Li, Nanxin, et al. “mTOR-Dependent Synapse Formation Underlies the Rapid "
        "Antidepressant Effects of NMDA Antagonists.” Science, 2010.",
        title="mTOR-Dependent Synapse Formation Underlies the Rapid Antidepressant Effects of "
        "NMDA Antagonists",
    )
    return [vancouver, mla, dataclasses.replace(mla, index=7)]


def test_one_work_in_many_styles_is_searched_once(services: FakeServices) -> None:
    copies = _styles(LI)
    assert len({work_key(r) for r in copies}) == 1
    lookups = resolve(*copies)
    assert all("20724638" in {r.pmid for r in lookup.records} for lookup in lookups)
    assert len(services.calls_to("pubmed", "esearch")) == 1
    assert not services.calls_to("crossref")  # PubMed identified it: Crossref not asked


# A fabricated citation (ECitMatch finds nothing at its journal, volume and page).
FAVA = Reference(
    index=9,
    raw="Fava G, Albrecht J. Ketamine for chronic pain: a systematic review. Pain Med. "
    "2019;20(4):123-130.",
    authors=("Fava G", "Albrecht J"),
    title="Ketamine for chronic pain: a systematic review",
    journal="Pain Med",
    year=2019,
    volume="20",
    issue="4",
    pages="123-130",
)


def test_a_fabricated_citation_copied_on_many_pages_is_searched_once(
    services: FakeServices,
) -> None:
    pages = [dataclasses.replace(FAVA, index=i) for i in range(1, 9)]
    lookups = resolve(*pages)
    assert len({lookup.records for lookup in lookups}) == 1
    assert len(services.calls_to("pubmed", "esearch")) == 1
    assert len(services.calls_to("crossref", "works")) == 1
    assert len(services.calls_to("pubmed", "ecitmatch")) == 1


def cited_without_ids(services: FakeServices, count: int) -> tuple[list[Work], list[Reference]]:
    """`count` PubMed works of the fakes, each cited by first author, title and year only
    (so each is searched)."""
    works = [w for w in services.corpus.pubmed if w.authors and len(w.title.split()) > 4][:count]
    references = [
        Reference(
            index=i,
            raw=f"{w.authors[0].family} {w.authors[0].initials}. {w.title}. {w.year}.",
            authors=(f"{w.authors[0].family} {w.authors[0].initials}",),
            title=w.title,
            year=w.year,
        )
        for i, w in enumerate(works, 1)
    ]
    return works, references


def test_summaries_of_many_searches_are_read_in_one_call(services: FakeServices) -> None:
    works, references = cited_without_ids(services, 6)
    lookups = resolve(*references)
    for work, lookup in zip(works, lookups, strict=True):
        assert work.pmid in {r.pmid for r in lookup.records}
    assert len(services.calls_to("pubmed", "esearch")) == 6
    [summaries] = services.calls_to("pubmed", "esummary")
    assert len(summaries.params["id"].split(",")) >= 6


def test_each_waves_summaries_come_before_the_next_waves_searches(
    services: FakeServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Queued together, a wave's summaries lost PubMed's turns to the next wave's searches,
    # and the works PubMed left unsettled reached Crossref a wave late.
    monkeypatch.setattr("citecheck.resolve.search.WAVE_SECONDS", 0.5)  # waves of 2 at 3/s
    _, references = cited_without_ids(services, 6)
    resolve(*references)
    order = [c.endpoint for c in services.requests if c.endpoint in ("esearch", "esummary")]
    assert order == ["esearch", "esearch", "esummary"] * 3


def test_a_parsed_title_is_not_needed_to_search(services: FakeServices) -> None:
    lost = dataclasses.replace(BERMAN_CITED, title=None, journal=None, volume=None, pages=None)
    [lookup] = resolve(lost)
    assert "10686270" in {r.pmid for r in lookup.records}
    term = services.calls_to("pubmed", "esearch")[0].params["term"]
    assert term.startswith("antidepressant[ti] AND effects[ti] AND ketamine[ti]")


# --- what the raw string gives ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "run"),
    [
        (
            "E.J. Hoffmann, Y. Stech, R.G. Guan, D.R. Webster, Universal primer set for the "
            "full-length amplification of all influenza A viruses. Arch. Virol. 119, "
            "2275-2289 (2001)",
            "Universal primer set for the full-length amplification of all influenza A viruses",
        ),
        (
            "Vaswani A, et al. Attention Is All You Need. arXiv:1706.03762.",
            "Attention Is All You Need",
        ),
        (
            "Berman, Robert M., et al. “Antidepressant Effects of Ketamine in Depressed "
            "Patients.” Biological Psychiatry, vol. 47, no. 4, 2000, pp. 351-354.",
            "Antidepressant Effects of Ketamine in Depressed Patients",
        ),
        ("Berman RM, Cappiello A, Anand A, Oren DA. Biol Psychiatry. 2000;47:351.", None),
        ("Smith J. JAMA. 2019;321:1-10.", None),
    ],
)
def test_title_runs_of_raw_strings(raw: str, run: str | None) -> None:
    runs = title_runs(raw)
    assert (runs[0] if runs else None) == run


def test_too_little_to_identify_is_decided_by_the_raw_string() -> None:
    assert not identifiable(Reference(index=1, raw="Smith J, et al. JAMA. 2019."))
    assert identifiable(Reference(index=1, raw="Smith J. JAMA. 2019. doi:10.1001/jama.2019.1"))
    unparsed = Reference(index=1, raw="Hoffmann E, Universal primer set for influenza A viruses.")
    assert unparsed.title is None and identifiable(unparsed)
    assert pubmed_term(unparsed) == (
        "universal[ti] AND primer[ti] AND set[ti] AND influenza[ti] AND viruses[ti]"
    )


def test_only_what_no_service_indexes_is_skipped(services: FakeServices, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Ketamine and pain\n\nReferences\n\n"
        "1. Texas Pain Society. Ketamine clinics in Texas. Available from: "
        "https://example.org/ketamine [accessed 2023 Jan 5].\n"
        "2. Nakagawa R. NMDA receptor antagonism and central sensitisation. In: Albrecht S, "
        "Nakagawa R, editors. Ketamine in Pain Medicine: Mechanisms and Practice. Cham: "
        "Springer; 2019. p. 45-67.\n"
        "3. Vaswani A, Shazeer N, Parmar N, et al. Attention is all you need. arXiv:1706.03762. "
        "2017.\n",
        encoding="utf-8",
    )
    web, chapter, preprint = check_paths([str(page)], settings()).files[0].verdicts
    assert web.status is Status.SKIPPED
    assert web.warnings == (NOT_INDEXED_REASONS["web page"],)
    assert chapter.status is not Status.SKIPPED and preprint.status is not Status.SKIPPED
    assert preprint.match is not None and preprint.match.doi == "10.48550/arxiv.1706.03762"


def test_a_short_parsed_title_with_authors_and_year_is_identifiable() -> None:
    """Three title words are too few to trust as a raw run, but the parser delimited them
    (quotes) and the authors and year stand beside them: a search finds the work."""
    raw = 'H. Wu and B. Esmaeili, "Conjugate Energy-Based Models," in Proc. UAI, 2021.'
    short = Reference(
        index=1, raw=raw, title="Conjugate Energy-Based Models", authors=("Wu H",), year=2021
    )
    assert not title_runs(raw) and identifiable(short)
    assert not identifiable(dataclasses.replace(short, year=None))
    # "WL meet VC": one word a search can use
    assert not identifiable(dataclasses.replace(short, title="WL meet VC"))


# Berman's paper miscited where ECitMatch finds nothing (the fakes hold a look-alike at
# 57(3):227, as the real Archives might).
BERMAN_ELSEWHERE = dataclasses.replace(
    BERMAN_CITED, raw=BERMAN_CITED.raw.replace("57(3)", "58(3)"), volume="58"
)


def test_crossref_searches_ahead_what_pubmed_will_likely_not_find(
    services: FakeServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ECitMatch matched neither the miscited Berman nor the fabricated citation: Crossref,
    # idle, searches them while PubMed searches the others.
    monkeypatch.setattr("citecheck.resolve.search.WAVE_SECONDS", 0.5)  # waves of 2 at 3/s
    found, cited = cited_without_ids(services, 6)
    others = [i for i, work in enumerate(found) if "depressed" not in work.title][:4]
    works, references = [found[i] for i in others], [cited[i] for i in others]
    lookups = resolve(*references, BERMAN_ELSEWHERE, FAVA)
    for work, lookup in zip(works, lookups[:4], strict=True):
        assert work.pmid in {r.pmid for r in lookup.records}
    assert "10.1016/s0006-3223(99)00230-9" in {r.doi for r in lookups[4].records}
    searched = [c.params["query.bibliographic"] for c in services.calls_to("crossref", "works")]
    assert searched == [FAVA.raw, BERMAN_ELSEWHERE.raw]  # from the back; none of PubMed's finds
    terms = [c.params["term"] for c in services.calls_to("pubmed", "esearch")]
    assert len(terms) == 5 and not any("depressed[ti]" in t for t in terms)  # Berman spared
    last_search = services.calls_to("pubmed", "esearch")[-1].at
    assert all(c.at < last_search for c in services.calls_to("crossref"))

    # Run again on the same cache: Berman's answer is Crossref's alone, and is used as such,
    # first thing (not left to Crossref's idle turns, which PubMed might beat to it).
    services.reset()
    monkeypatch.setattr(Backlog, "take_last", lambda *_: None)
    again = resolve(*references, BERMAN_ELSEWHERE, FAVA)
    assert services.total_calls() == 0
    assert [set(lookup.records) for lookup in again] == [set(lookup.records) for lookup in lookups]
