"""EFetch of what cited works are about, and PubMed's concept search, against a real
recorded answer and the fake E-utilities."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from citecheck.model import Source
from citecheck.resolve import Resolver, ServiceUnavailable
from citecheck.resolve.efetch import concept_term, parse_articles
from citecheck.resolve.errors import TransientError
from citecheck.settings import Settings, from_environment
from fakes import FakeServices

RECORDED = Path(__file__).parent / "data" / "pubmed" / "efetch-29768149.xml"
BERMAN, LI = "10686270", "20724638"


def settings(**changes: object) -> Settings:
    base = from_environment(mailto="editor@example.org")
    return dataclasses.replace(base, backoff=0.01, **changes)  # type: ignore[arg-type]


def test_a_real_recorded_answer_gives_headings_majors_substances_and_abstract() -> None:
    [subject] = parse_articles(RECORDED.read_bytes()).values()
    assert subject.pmid == "29768149"
    assert subject.doi == "10.1056/nejmoa1715274"
    assert subject.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma"
    headings = {h.descriptor: h for h in subject.mesh}
    assert headings["Asthma"].major  # through its qualifier "drug therapy"
    assert headings["Asthma"].qualifiers == ("drug therapy",)
    assert headings["Asthma"].ui == "D001249"
    assert not headings["Humans"].major
    assert "Budesonide" in subject.keywords
    assert subject.abstract is not None
    assert subject.abstract.startswith("Background: In patients with mild asthma")
    assert "β 2-agonist" in subject.abstract  # the <sub> markup's text is kept


@pytest.mark.parametrize(
    "body",
    [b"<html><body>503</body></html>", b"<PubmedArticleSet><PubmedArticle>", b"{}"],
)
def test_a_body_that_is_not_a_pubmed_article_set_is_a_transient_failure(body: bytes) -> None:
    with pytest.raises(TransientError):
        parse_articles(body)


def test_entities_are_not_expanded() -> None:
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><PubmedArticleSet>&a;</PubmedArticleSet>'
    with pytest.raises(TransientError):
        parse_articles(bomb)


def test_subjects_come_in_one_batched_call_and_then_from_the_cache(
    services: FakeServices,
) -> None:
    resolver = Resolver(settings())
    try:
        found = resolver.topics().subjects([BERMAN, LI, "99999999", BERMAN])
        assert set(found) == {BERMAN, LI}
        berman = found[BERMAN]
        assert berman.source is Source.PUBMED
        majors = {h.descriptor for h in berman.mesh if h.major}
        assert "Depressive Disorder" in majors
        assert berman.abstract and "Hamilton Depression Rating Scale" in berman.abstract
        assert services.calls[("pubmed", "efetch")] == 1
        [call] = services.calls_to("pubmed", "efetch")
        assert call.params["db"] == "pubmed"
        assert call.params["retmode"] == "xml"
        assert call.params["tool"] == "citecheck"
        resolver.topics().subjects([BERMAN])
        assert services.calls[("pubmed", "efetch")] == 1
    finally:
        resolver.close()


def test_every_record_of_the_fake_corpus_has_headings_and_an_abstract(
    services: FakeServices,
) -> None:
    pmids = [w.pmid for w in services.corpus.pubmed if w.pmid][:150]
    resolver = Resolver(settings())
    try:
        found = resolver.topics().subjects(pmids)
    finally:
        resolver.close()
    assert set(found) == set(pmids)
    assert all(s.mesh and s.abstract for s in found.values())


def test_concept_search_names_the_works_pubmed_indexes_under_it(services: FakeServices) -> None:
    resolver = Resolver(settings())
    try:
        topics = resolver.topics()
        assert topics.indexed_under([BERMAN, LI], "synaptogenesis") == {LI}
        assert topics.indexed_under([BERMAN, LI], "depression") == {BERMAN, LI}
        # A concept PubMed cannot find is dropped from the query: that must not read as
        # "every work is indexed under it".
        assert topics.indexed_under([BERMAN, LI], "qwxzyv") == set()
    finally:
        resolver.close()
    [first, *_] = services.calls_to("pubmed", "esearch")
    assert first.params["term"] == f"({BERMAN}[uid] OR {LI}[uid]) AND synaptogenesis"


def test_concept_term_keeps_the_concept_untagged_for_automatic_term_mapping() -> None:
    assert (
        concept_term(["1", "2"], 'pain "intensity"[ti]')
        == "(1[uid] OR 2[uid]) AND pain intensity ti"
    )


def test_a_service_that_is_down_is_unavailable_not_empty(services: FakeServices) -> None:
    services.set_mode("pubmed", "down")
    resolver = Resolver(settings(retries=0))
    try:
        with pytest.raises(ServiceUnavailable):
            resolver.topics().subjects([BERMAN])
    finally:
        resolver.close()


def test_works_pubmed_lacks_are_described_by_crossref_abstract_and_title(
    services: FakeServices,
) -> None:
    only_crossref = [w for w in services.corpus.works if w.in_crossref and not w.in_pubmed]
    work = only_crossref[0]
    assert work.doi is not None
    resolver = Resolver(settings())
    try:
        found = resolver.topics().crossref_subjects([work.doi.upper(), "10.9999/none"])
    finally:
        resolver.close()
    subject = found[work.doi.lower()]
    assert subject.source is Source.CROSSREF
    assert subject.title == work.title
    assert subject.abstract and "<" not in subject.abstract  # JATS markup removed
    assert not subject.abstract.startswith("Abstract")
    [call] = services.calls_to("crossref")
    assert call.params["select"] == "DOI,title,abstract,subject"
