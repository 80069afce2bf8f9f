"""The resolvers against the local fake services: request shapes, answers, failures."""

from __future__ import annotations

import dataclasses
import time

import pytest
from pytest_httpserver import HTTPServer

from citecheck.match import is_settled
from citecheck.model import Field, Reference, Source
from citecheck.resolve import Resolver, ServiceUnavailable
from citecheck.resolve.crossref import CrossrefService
from citecheck.resolve.http import Caller, Pacer
from citecheck.settings import Settings, from_environment
from fakes import FakeServices
from samples import BERMAN_CITED
from samples import LI_CITED as LI


def settings(**changes: object) -> Settings:
    """Settings from the test environment (pointing at the fake), with quick retries."""
    base = from_environment(mailto="editor@example.org")
    return dataclasses.replace(base, backoff=0.01, **changes)  # type: ignore[arg-type]


def test_cited_doi_is_looked_up_in_a_crossref_batch_and_settles_it(
    services: FakeServices,
) -> None:
    reference = dataclasses.replace(LI, doi="10.1126/science.1190287")
    [lookup] = Resolver(settings()).resolve_all([reference], settled=is_settled)
    assert not lookup.failures
    assert [r.doi for r in lookup.records] == ["10.1126/science.1190287"]
    assert lookup.records[0].journal == "Science"
    assert lookup.records[0].pages == "959-964"
    [call] = services.requests  # settled by Crossref: PubMed is not asked
    assert call.service == "crossref"
    assert call.endpoint == "works"
    assert call.params["filter"] == "doi:10.1126/science.1190287"
    assert "DOI" in call.params["select"].split(",")
    assert "citecheck/" in call.user_agent
    assert "mailto:editor@example.org" in call.user_agent


def test_many_dois_take_one_call_per_fifty(services: FakeServices) -> None:
    dois = [w.doi.lower() for w in services.corpus.works if w.doi and w.in_crossref][:60]
    references = [
        Reference(index=i, raw=f"cited as {doi}", doi=doi) for i, doi in enumerate(dois, 1)
    ]
    lookups = Resolver(settings()).resolve_all(references, settled=is_settled)
    assert [lookup.records[0].doi for lookup in lookups] == dois
    assert [len(c.params["filter"].split(",")) for c in services.requests] == [50, 10]


def test_pmids_are_summarised_in_one_call(services: FakeServices) -> None:
    pmids = [w.pmid for w in services.corpus.works if w.pmid][:30]
    references = [Reference(index=i, raw=f"PMID {p}", pmid=p) for i, p in enumerate(pmids, 1)]
    lookups = Resolver(settings()).resolve_all(references, settled=is_settled)
    assert [lookup.records[0].pmid for lookup in lookups] == pmids
    assert [c.endpoint for c in services.requests] == ["esummary"]


def test_venue_citations_go_to_ecitmatch_in_one_batch(services: FakeServices) -> None:
    berman_as_cited = dataclasses.replace(BERMAN_CITED, index=2)
    li, berman = Resolver(settings()).resolve_all([LI, berman_as_cited], settled=is_settled)
    assert "20724638" in {r.pmid for r in li.records}
    assert "10686270" in {r.pmid for r in berman.records}  # found by its title afterwards
    [citmatch] = services.calls_to("pubmed", "ecitmatch")
    lines = citmatch.params["bdata"].split("\r")
    assert lines[0] == "Science|2010|329|959|li n|0|"
    assert lines[1] == "Archives of General Psychiatry|2000|57|227|berman rm|1|"
    # Li was settled by ECitMatch; Berman's venue is wrong, so only Berman is searched.
    assert len(services.calls_to("pubmed", "esearch")) == 1
    assert not services.calls_to("crossref")


def test_identical_references_are_resolved_once(services: FakeServices) -> None:
    copies = [dataclasses.replace(LI, index=i) for i in range(1, 6)]
    lookups = Resolver(settings()).resolve_all(copies, settled=is_settled)
    assert len({lookup.records for lookup in lookups}) == 1
    assert services.total_calls() == 2  # ECitMatch and ESummary, for all five


def test_lookup_asks_everything_and_merges_the_pmid(services: FakeServices) -> None:
    reference = dataclasses.replace(LI, doi="10.1126/science.1190287")
    lookup = Resolver(settings()).lookup(reference)
    crossref = [r for r in lookup.records if r.source is Source.CROSSREF]
    assert crossref[0].doi == "10.1126/science.1190287"
    assert crossref[0].pmid == "20724638"  # from PubMed's record with the same DOI
    # PubMed is searched by the title (the DOI may be the citation's mistake).
    assert services.calls_to("pubmed", "esearch")[0].params["term"].startswith("mtor[ti] AND")
    bibliographic = services.calls_to("crossref", "works")[-1].params["query.bibliographic"]
    assert bibliographic.startswith("Li, N., et al. (2010)")
    for call in services.calls_to("pubmed"):
        assert call.params["tool"] == "citecheck"
        assert call.params["email"] == "editor@example.org"
        assert call.params["db"] == "pubmed"


def test_unknown_doi_falls_back_to_searches(services: FakeServices) -> None:
    reference = dataclasses.replace(LI, doi="10.9999/no.such.doi")
    [lookup] = Resolver(settings()).resolve_all([reference], settled=is_settled)
    assert not lookup.failures
    assert "10.1126/science.1190287" in {r.doi for r in lookup.records}
    assert lookup.unresolved == (Field.DOI,)  # neither Crossref nor DataCite holds it
    [datacite] = services.calls_to("datacite")
    assert datacite.params["ids"] == "10.9999/no.such.doi"
    search = services.calls_to("pubmed", "esearch")[-1]
    assert search.params["term"].startswith("mtor[ti] AND dependent[ti]")
    assert int(search.params["retmax"]) == 5
    assert not services.calls_to("crossref", "works")[1:]  # PubMed identified it
    assert services.total_calls() <= 4


def test_title_search_on_pubmed_reads_summaries(services: FakeServices) -> None:
    reference = dataclasses.replace(LI, pages=None)  # no venue: no ECitMatch
    [lookup] = Resolver(settings()).resolve_all([reference], settled=is_settled)
    assert "20724638" in {r.pmid for r in lookup.records}
    term = services.calls_to("pubmed", "esearch")[0].params["term"]
    assert term.startswith("mtor[ti] AND dependent[ti] AND synapse[ti]")
    summary = services.calls_to("pubmed", "esummary")[0]
    assert summary.params["retmode"] == "json"
    assert not services.calls_to("crossref")  # settled by PubMed


def test_api_key_is_sent_to_ncbi_and_never_shown(
    services: FakeServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NCBI_API_KEY", "secret-key-123")
    services.set_mode("pubmed", "down")
    lookup = Resolver(settings(retries=0)).lookup(LI)
    assert services.calls_to("pubmed")[0].params["api_key"] == "secret-key-123"
    assert lookup.failures
    assert all("secret-key-123" not in str(f) for f in lookup.failures)
    assert "secret-key-123" not in repr(settings())


def test_a_flaky_service_is_retried_until_it_answers(services: FakeServices) -> None:
    services.set_mode("crossref", "flaky:2")
    lookup = Resolver(settings(retries=3)).lookup(LI)
    assert not lookup.failures
    assert services.total_calls("crossref") == 3


def test_retry_after_is_honoured_on_429(services: FakeServices) -> None:
    services.set_mode("pubmed", "rate_limited")
    started = time.monotonic()
    lookup = Resolver(settings(retries=1)).lookup(LI)
    assert time.monotonic() - started >= 1.0  # the fake says Retry-After: 1
    assert [f.service for f in lookup.failures] == ["pubmed"]
    assert "429" in lookup.failures[0].reason


@pytest.mark.parametrize("mode", ["down", "rate_limited", "garbage", "wrong_shape"])
@pytest.mark.parametrize("service", ["crossref", "pubmed"])
def test_every_failure_becomes_unavailable_never_empty(
    services: FakeServices, service: str, mode: str
) -> None:
    services.set_mode(service, mode)
    lookup = Resolver(settings(retries=0, max_retry_after=0.0)).lookup(LI)
    assert [f.service for f in lookup.failures] == [service]
    other = "pubmed" if service == "crossref" else "crossref"
    assert any(r.source.value == other or r.pmid for r in lookup.records)


def test_a_service_that_failed_is_not_asked_again_in_the_same_run(services: FakeServices) -> None:
    services.set_mode("crossref", "down")
    other = dataclasses.replace(LI, raw="another citation", title="Another title here")
    lookups = Resolver(settings(retries=1)).resolve_all([LI, other])
    assert services.total_calls("crossref") == 2  # one call and one retry, then never again
    assert all(f.service == "crossref" for lookup in lookups for f in lookup.failures)


def test_a_timeout_is_a_failure(services: FakeServices) -> None:
    services.set_mode("crossref", "slow:2")
    lookup = Resolver(settings(retries=0, timeout=0.3)).lookup(LI)
    assert [f.service for f in lookup.failures] == ["crossref"]


def test_nothing_listening_is_a_failure_not_an_empty_answer() -> None:
    lookup = Resolver(settings(retries=0)).lookup(LI)  # env points at 127.0.0.1:9
    assert {f.service for f in lookup.failures} == {"crossref", "pubmed"}
    assert lookup.records == ()


def test_answers_are_cached_and_offline_mode_uses_only_the_cache(services: FakeServices) -> None:
    first = Resolver(settings()).lookup(LI)
    calls = services.total_calls()
    again = Resolver(settings()).lookup(LI)
    assert services.total_calls() == calls
    assert again.records == first.records
    offline = Resolver(settings(offline=True)).lookup(LI)
    assert offline.records == first.records
    other = dataclasses.replace(LI, raw="Somebody (2020). Unseen.", title="An unseen title")
    missing = Resolver(settings(offline=True)).lookup(other)
    assert {f.service for f in missing.failures} == {"crossref", "pubmed"}
    assert all("offline" in f.reason for f in missing.failures)
    assert services.total_calls() == calls


def test_failures_are_not_cached(services: FakeServices) -> None:
    services.set_mode("crossref", "down")
    Resolver(settings(retries=0)).lookup(LI)
    services.set_mode("crossref", "ok")
    lookup = Resolver(settings(retries=0)).lookup(LI)
    assert not lookup.failures


def test_no_cache_reads_and_writes_nothing(services: FakeServices) -> None:
    Resolver(settings(cache_dir=None)).lookup(LI)
    calls = services.total_calls()
    Resolver(settings(cache_dir=None)).lookup(LI)
    assert services.total_calls() == 2 * calls


def test_service_unavailable_names_the_service() -> None:
    failure = ServiceUnavailable("crossref", "HTTP 503 (after 4 tries)")
    assert str(failure) == "crossref: HTTP 503 (after 4 tries)"


def test_answers_are_cached_per_server(services: FakeServices) -> None:
    """A test double's answers must never stand in for the real service's."""
    Resolver(settings()).lookup(LI)
    calls = services.total_calls()
    elsewhere = settings(crossref_url="http://127.0.0.1:9", pubmed_url="http://127.0.0.1:9")
    lookup = Resolver(dataclasses.replace(elsewhere, offline=True)).lookup(LI)
    assert lookup.records == ()
    assert {f.service for f in lookup.failures} == {"crossref", "pubmed"}
    assert services.total_calls() == calls


def test_a_cited_identifier_that_names_nothing_is_unresolved(services: FakeServices) -> None:
    """A wrong DOI or PMID must reach the matcher: the record a cited identifier names is
    among the candidates, and one that names nothing is in Lookup.unresolved."""
    berman = services.corpus.find(pmid="10686270")
    assert berman is not None and berman.doi
    borrowed = dataclasses.replace(LI, doi=berman.doi.lower(), pmid="99999999")
    [lookup] = Resolver(settings()).resolve_all([borrowed], settled=is_settled)
    assert lookup.unresolved == (Field.PMID,)  # PubMed says it names nothing
    assert berman.doi.lower() in {r.doi for r in lookup.records}  # what the DOI names
    # The cited work itself is still looked for (and found) by its other fields.
    assert "10.1126/science.1190287" in {r.doi for r in lookup.records}


def test_an_identifier_that_could_not_be_asked_about_is_not_unresolved(
    services: FakeServices,
) -> None:
    services.set_mode("pubmed", "down")
    reference = dataclasses.replace(LI, pmid="20724638")
    [lookup] = Resolver(settings(retries=0)).resolve_all([reference], settled=is_settled)
    assert lookup.unresolved == ()
    assert "pubmed" in {f.service for f in lookup.failures}


@pytest.mark.parametrize(
    ("body", "content_type", "found"),
    [
        ("Resource not found.", "text/plain", True),  # Crossref's own: no such DOI
        ("<html><body><h1>404 Not Found</h1>nginx</body></html>", "text/html", False),
    ],
)
def test_only_crossrefs_own_404_says_no_such_doi(
    httpserver: HTTPServer, body: str, content_type: str, found: bool
) -> None:
    # A DOI with a comma is asked alone, at /works/{doi}, where Crossref answers an unknown
    # DOI with a 404; a wrong base URL's 404 must not read as that.
    doi = "10.1000/a,b"
    httpserver.expect_request("/works/10.1000/a,b").respond_with_data(
        body, status=404, content_type=content_type
    )
    service = CrossrefService(
        settings(crossref_url=httpserver.url_for("")),
        Caller("crossref", Pacer(100.0), retries=0, backoff=0.01, max_retry_after=1.0),
    )
    if found:
        assert service.identify("doi", [doi]) == {doi: []}
    else:
        with pytest.raises(ServiceUnavailable, match="HTTP 404"):
            service.identify("doi", [doi])
