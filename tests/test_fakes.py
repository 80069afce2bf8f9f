"""Tests of the fake services themselves (tests/fakes) and of the corpus they serve.

Plain `requests` against the running fake: if these shapes drift from the real services'
documented ones, every client test built on the fake would be testing fiction.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import requests

try:
    from fakes import FakeServices, load_corpus
except ImportError:
    from tests.fakes import FakeServices, load_corpus  # type: ignore[no-redef,import-not-found,unused-ignore]

REPO = Path(__file__).resolve().parents[1]
RECORDS = REPO / "fixtures" / "services" / "records.json"
BERMAN_DOI, BERMAN_PMID = "10.1016/s0006-3223(99)00230-9", "10686270"
LI_DOI, LI_PMID = "10.1126/science.1190287", "20724638"
DECOY_PMID = "10711908"  # Arch Gen Psychiatry 2000;57(3):227-234, not Berman's paper
FABRICATED = [
    ("Fava", 2019, "Ketamine for chronic pain: a systematic review."),
    ("Grady", 2019, "Ketamine infusion for the treatment of chronic pain: A review."),
    ("Krieter", 2021, "Ketamine in chronic pain management: A comprehensive review."),
]


def esearch(services: FakeServices, term: str, **extra: str) -> dict[str, Any]:
    params = {"db": "pubmed", "term": term, "retmode": "json", "retmax": "50", **extra}
    r = requests.get(f"{services.pubmed_url}/esearch.fcgi", params=params, timeout=5)
    assert r.status_code == 200
    result: dict[str, Any] = r.json()["esearchresult"]
    return result


def ecitmatch(services: FakeServices, *lines: str) -> list[str]:
    # requests would percent-encode "\r" as %0D, exactly what the docs ask for.
    params = {"db": "pubmed", "retmode": "xml", "bdata": "\r".join(lines)}
    r = requests.get(f"{services.pubmed_url}/ecitmatch.cgi", params=params, timeout=5)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/plain")
    return r.text.splitlines()


# --- the corpus -------------------------------------------------------------------------


def test_corpus_holds_the_two_real_anchor_papers_exactly() -> None:
    corpus = load_corpus()
    li, berman = corpus.by_doi(LI_DOI), corpus.by_pmid(BERMAN_PMID)
    assert li is not None and berman is not None
    assert li.pmid == LI_PMID and berman.doi == BERMAN_DOI
    assert [a.medline for a in li.authors] == [
        "Li N", "Lee B", "Liu RJ", "Banasr M", "Dwyer JM", "Iwata M", "Li XY", "Aghajanian G",
        "Duman RS",
    ]  # fmt: skip
    assert (li.journal, li.year, li.volume, li.issue, li.pages) == (
        "Science",
        2010,
        "329",
        "5994",
        "959-964",
    )
    assert li.title == (
        "mTOR-dependent synapse formation underlies the rapid antidepressant effects of NMDA "
        "antagonists"
    )
    assert [a.medline for a in berman.authors] == [
        "Berman RM", "Cappiello A", "Anand A", "Oren DA", "Heninger GR", "Charney DS", "Krystal JH",
    ]  # fmt: skip
    assert berman.title == "Antidepressant effects of ketamine in depressed patients"
    assert (berman.journal, berman.journal_abbrev, berman.year) == (
        "Biological Psychiatry",
        "Biol Psychiatry",
        2000,
    )
    assert (berman.volume, berman.issue, berman.pages) == ("47", "4", "351-354")


def test_corpus_size_variety_and_uniqueness() -> None:
    raw = RECORDS.read_bytes()
    assert len(raw) < 1_000_000
    works = load_corpus().works
    assert len(works) >= 300
    dois = [w.doi.lower() for w in works if w.doi]
    pmids = [w.pmid for w in works if w.pmid]
    assert len(dois) == len(set(dois)) and len(pmids) == len(set(pmids))
    assert all(w.in_crossref or w.in_pubmed or w.in_datacite for w in works)
    assert sum(w.in_crossref and not w.in_pubmed for w in works) >= 5
    assert sum(w.in_pubmed and not w.in_crossref for w in works) >= 5
    assert sum(bool(w.article_number) and not w.pages for w in works) >= 3
    assert sum(w.retracted for w in works) >= 2
    assert any(u["type"] == "correction" for w in works for u in w.updates)
    assert any(not a.family.isascii() for w in works for a in w.authors)


def test_no_record_is_one_of_the_fabricated_citations() -> None:
    for w in load_corpus().works:
        for family, year, title in FABRICATED:
            ratio = difflib.SequenceMatcher(None, w.title.lower(), title.lower()).ratio()
            same = w.authors[0].family == family or w.year == year
            assert not (ratio >= 0.75 and same), (w.title, title)


def test_corpus_has_the_lookalikes_a_matcher_must_resist() -> None:
    works = load_corpus().works
    decoy = [w for w in works if (w.journal_abbrev, w.year, w.volume, w.pages)
             == ("Arch Gen Psychiatry", 2000, "57", "227-234")]  # fmt: skip
    assert len(decoy) == 1 and decoy[0].authors[0].family != "Berman"
    assert "ketamine" not in decoy[0].title.lower()
    firsts = {(w.authors[0].family, w.title) for w in works}
    for family in ("Berman", "Krystal", "Li", "Duman", "Fava", "Grady", "Krieter"):
        assert sum(f == family for f, _ in firsts) >= 2, family
    titles = [w.title for w in works]
    assert sum(t.startswith("Antidepressant effects of ketamine in") for t in titles) >= 3
    assert "Ketamine for chronic pain: risks and benefits" in titles
    orhurhu = [w for w in works if w.title.startswith("Ketamine infusions for chronic pain: a sys")]
    assert orhurhu and orhurhu[0].year == 2019


def test_the_generator_is_deterministic_and_matches_the_committed_file() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_records", RECORDS.with_name("make_records.py")
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first, second = module.build(), module.build()
    assert first == second
    assert json.loads(RECORDS.read_text(encoding="utf-8"))["records"] == first


# --- the fixtures -----------------------------------------------------------------------


def test_without_the_fake_the_services_point_nowhere() -> None:
    assert os.environ["CITECHECK_CROSSREF_URL"] == "http://127.0.0.1:9"
    assert os.environ["CITECHECK_PUBMED_URL"] == "http://127.0.0.1:9"
    assert "NCBI_API_KEY" not in os.environ and "CITECHECK_MAILTO" not in os.environ
    with pytest.raises(requests.ConnectionError):
        requests.get(os.environ["CITECHECK_CROSSREF_URL"] + "/works/10.1/x", timeout=2)


def test_services_fixture_sets_the_environment(services: FakeServices) -> None:
    assert os.environ["CITECHECK_CROSSREF_URL"] == services.crossref_url
    assert os.environ["CITECHECK_PUBMED_URL"] == services.pubmed_url
    assert services.crossref_url.startswith("http://127.0.0.1:")
    assert services.total_calls() == 0


def test_example_path(example_path: Path) -> None:
    assert "Berman, R. M., et al. (2000)" in example_path.read_text(encoding="utf-8")


# --- Crossref ---------------------------------------------------------------------------


def test_crossref_work_by_doi(services: FakeServices) -> None:
    # Percent-encoded and upper-cased: matched case-insensitively, as Crossref does.
    r = requests.get(f"{services.crossref_url}/works/10.1016%2FS0006-3223(99)00230-9", timeout=5)
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/json")
    assert r.headers["x-rate-limit-interval"] == "1s" and r.headers["x-rate-limit-limit"]
    body = r.json()
    assert {k: body[k] for k in ("status", "message-type", "message-version")} == {
        "status": "ok", "message-type": "work", "message-version": "1.0.0"
    }  # fmt: skip
    work = body["message"]
    assert work["DOI"] == BERMAN_DOI and work["type"] == "journal-article"
    assert work["title"] == ["Antidepressant effects of ketamine in depressed patients"]
    assert work["container-title"] == ["Biological Psychiatry"]
    assert work["short-container-title"] == ["Biol Psychiatry"]
    assert work["author"][0] == {
        "given": "Robert M.", "family": "Berman", "sequence": "first", "affiliation": []
    }  # fmt: skip
    assert work["author"][1]["sequence"] == "additional"
    assert work["issued"] == {"date-parts": [[2000, 2]]}
    assert (work["volume"], work["issue"], work["page"]) == ("47", "4", "351-354")
    assert work["ISSN"] == ["0006-3223"] and isinstance(work["score"], float)
    assert "updated-by" not in work


def test_crossref_unknown_doi_is_a_plain_404(services: FakeServices) -> None:
    r = requests.get(f"{services.crossref_url}/works/10.9999/not-a-doi", timeout=5)
    assert (r.status_code, r.text) == (404, "Resource not found.")
    assert r.headers["Content-Type"].startswith("text/plain")
    # A PubMed-only record's DOI (registered elsewhere) is not in Crossref either.
    elsewhere = next(w for w in load_corpus().works if w.doi and not w.in_crossref)
    r = requests.get(f"{services.crossref_url}/works/{elsewhere.doi}", timeout=5)
    assert r.status_code == 404


def test_crossref_polite_pool_is_reported_in_the_headers(services: FakeServices) -> None:
    url = f"{services.crossref_url}/works/{LI_DOI}"
    public = requests.get(url, timeout=5).headers
    polite = requests.get(url, params={"mailto": "a@b.org"}, timeout=5).headers
    assert int(polite["x-rate-limit-limit"]) > int(public["x-rate-limit-limit"])
    assert polite["x-api-pool"] == "polite-array"


def test_crossref_retraction_and_correction_notices(services: FakeServices) -> None:
    for w in load_corpus().crossref:
        if not w.updates:
            continue
        work = requests.get(f"{services.crossref_url}/works/{w.doi}", timeout=5).json()["message"]
        kinds = {u["type"] for u in work["updated-by"]}
        assert kinds == {u["type"] for u in w.updates}
        for u in work["updated-by"]:
            assert set(u) >= {"DOI", "type", "label", "source", "updated"}
            assert u["updated"]["date-parts"][0][0] >= w.year


def test_crossref_article_number_instead_of_pages(services: FakeServices) -> None:
    w = next(w for w in load_corpus().crossref if w.article_number)
    work = requests.get(f"{services.crossref_url}/works/{w.doi}", timeout=5).json()["message"]
    assert work["article-number"] == w.article_number and "page" not in work


def test_crossref_bibliographic_query_ranks_the_cited_work_first(services: FakeServices) -> None:
    citation = (
        "Berman RM, Cappiello A, Anand A, et al. Antidepressant effects of ketamine in depressed "
        "patients. Biol Psychiatry. 2000;47(4):351-354."
    )
    params = {"query.bibliographic": citation, "rows": "5"}
    r = requests.get(f"{services.crossref_url}/works", params=params, timeout=5)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    body = r.json()
    assert body["status"] == "ok" and body["message-type"] == "work-list"
    message = body["message"]
    assert set(message) >= {"facets", "total-results", "items", "items-per-page", "query"}
    assert message["query"] == {"start-index": 0, "search-terms": citation}
    assert message["items-per-page"] == 5 and len(message["items"]) == 5
    assert message["items"][0]["DOI"] == BERMAN_DOI
    scores = [item["score"] for item in message["items"]]
    assert scores == sorted(scores, reverse=True) and all(isinstance(s, float) for s in scores)


def test_crossref_query_weighs_the_title_over_a_wrong_venue(services: FakeServices) -> None:
    # The example page's Berman entry: right title and authors, wrong journal/volume/pages.
    citation = (
        "Berman, R. M., et al. (2000). Antidepressant effects of ketamine in depressed patients. "
        "Archives of General Psychiatry, 57(3), 227-234."
    )
    params = {"query.bibliographic": citation, "rows": "20"}
    items = requests.get(f"{services.crossref_url}/works", params=params, timeout=5).json()
    dois = [i["DOI"] for i in items["message"]["items"]]
    assert dois[0] == BERMAN_DOI
    assert "10.1001/archpsyc.57.3.227" in dois  # the decoy at that venue is a candidate too


def test_crossref_query_returns_poor_matches_too(services: FakeServices) -> None:
    # The fabricated Fava citation: no such work, yet Crossref still returns a top list.
    citation = "Fava M 2019 Ketamine for chronic pain: a systematic review. Pain Physician 22(4)"
    params = {"query.bibliographic": citation, "rows": "3"}
    items = requests.get(f"{services.crossref_url}/works", params=params, timeout=5).json()
    items = items["message"]["items"]
    assert len(items) == 3
    assert all(not (i["author"][0]["family"] == "Fava" and i["issued"]["date-parts"][0][0] == 2019)
               for i in items)  # fmt: skip


def test_crossref_doi_filter_batch_and_select(services: FakeServices) -> None:
    params = {
        "filter": f"doi:{LI_DOI.upper()},doi:{BERMAN_DOI},doi:10.9999/missing",
        "rows": "10",
        "select": "DOI,title",
    }
    message = requests.get(f"{services.crossref_url}/works", params=params, timeout=5).json()
    items = message["message"]["items"]
    assert {i["DOI"] for i in items} == {LI_DOI, BERMAN_DOI}
    assert all(set(i) == {"DOI", "title"} for i in items)


def test_crossref_rejects_bad_parameters(services: FakeServices) -> None:
    url = f"{services.crossref_url}/works"
    assert requests.get(url, params={"rows": "5000"}, timeout=5).status_code == 400
    bad_filter = requests.get(url, params={"filter": "nonsense:1"}, timeout=5)
    assert bad_filter.status_code == 400
    assert bad_filter.json()["message-type"] == "validation-failure"


# --- E-utilities ------------------------------------------------------------------------


def test_esearch_shape_and_and_semantics(services: FakeServices) -> None:
    result = esearch(services, "ketamine[ti] AND berman rm[1au] AND 2000[dp]")
    assert result["count"] == "1" and result["idlist"] == [BERMAN_PMID]
    assert (result["retmax"], result["retstart"]) == ("1", "0")
    assert result["translationset"] == [] and isinstance(result["querytranslation"], str)
    assert "errorlist" not in result
    # One more clause that fails: nothing (AND), reported as strings.
    none = esearch(services, "(ketamine[ti]) AND (li n[1au]) AND (2000[dp])")
    assert none["count"] == "0" and none["idlist"] == []
    # Any author, initials as a prefix, title words in any case/punctuation.
    assert (
        BERMAN_PMID in esearch(services, "Krystal J[au] AND DEPRESSED[ti] AND 2000[dp]")["idlist"]
    )
    assert esearch(services, f"{BERMAN_DOI.upper()}[doi]")["idlist"] == [BERMAN_PMID]
    li = esearch(services, "mTOR-dependent[ti] AND synapse[ti] AND Li N[1au]")
    assert li["idlist"] == [LI_PMID]


def test_esearch_drops_unknown_title_words_and_says_so(services: FakeServices) -> None:
    plain = esearch(services, "ketamine[ti] AND depressed[ti] AND patients[ti]")
    padded = esearch(services, "ketamine[ti] AND depressed[ti] AND patients[ti] AND flurbotz[ti]")
    assert padded["idlist"] == plain["idlist"] and plain["idlist"]
    assert padded["errorlist"]["phrasesnotfound"] == ["flurbotz"]


def test_esearch_finds_none_of_the_fabricated_citations(services: FakeServices) -> None:
    for family, year, title in FABRICATED:
        words = " AND ".join(f"{w}[ti]" for w in title.replace(":", " ").rstrip(".").split())
        result = esearch(services, f"{words} AND {family}[1au] AND {year}[dp]")
        assert result["count"] == "0" and result["idlist"] == [], title


def test_esearch_other_tags_phrases_and_unknown_fields(services: FakeServices) -> None:
    venue = "biol psychiatry[ta] AND 47[vi] AND 351[pg]"
    assert esearch(services, venue)["idlist"] == [BERMAN_PMID]
    assert esearch(services, "Biological Psychiatry[journal] AND 4[ip] AND 2000[dp]")["idlist"]
    phrase = esearch(services, '"antidepressant effects of ketamine in depressed patients"[ti]')
    assert BERMAN_PMID in phrase["idlist"]
    missing = esearch(services, '"ketamine in chronic pain management"[ti]')
    assert missing["count"] == "0"
    assert missing["warninglist"]["quotedphrasesnotfound"] == [
        "ketamine in chronic pain management"
    ]
    unknown = esearch(services, "berman[nosuchfield] AND 2000[dp] AND 47[vi]")
    assert unknown["errorlist"]["fieldsnotfound"] == ["nosuchfield"]
    assert BERMAN_PMID in unknown["idlist"]  # searched untagged, like PubMed
    assert esearch(services, "1998:2001[dp] AND berman[1au]")["count"] != "0"


def test_esearch_post_and_empty_term(services: FakeServices) -> None:
    data = {"db": "pubmed", "term": "berman rm[1au]", "retmode": "json"}
    r = requests.post(f"{services.pubmed_url}/esearch.fcgi", data=data, timeout=5)
    assert BERMAN_PMID in r.json()["esearchresult"]["idlist"]
    empty = requests.get(f"{services.pubmed_url}/esearch.fcgi", params={"db": "pubmed"}, timeout=5)
    assert "ERROR" in empty.json()["esearchresult"]
    bad = esearch(services, "ketamine[ti]", retmax="lots")
    assert "ERROR" in bad


def test_esummary_shape(services: FakeServices) -> None:
    params = {"db": "pubmed", "id": f"{BERMAN_PMID},{LI_PMID},99999999", "retmode": "json"}
    r = requests.get(f"{services.pubmed_url}/esummary.fcgi", params=params, timeout=5)
    body = r.json()
    assert body["header"] == {"type": "esummary", "version": "0.3"}
    result = body["result"]
    assert result["uids"] == [BERMAN_PMID, LI_PMID, "99999999"]
    doc = result[BERMAN_PMID]
    assert doc["uid"] == BERMAN_PMID and doc["pubdate"].startswith("2000 ")
    assert (doc["source"], doc["fulljournalname"]) == ("Biol Psychiatry", "Biological Psychiatry")
    assert doc["title"] == "Antidepressant effects of ketamine in depressed patients."
    assert (doc["volume"], doc["issue"], doc["pages"]) == ("47", "4", "351-4")
    assert doc["authors"][0] == {"name": "Berman RM", "authtype": "Author", "clusterid": ""}
    assert (doc["sortfirstauthor"], doc["lastauthor"]) == ("Berman RM", "Krystal JH")
    assert {"idtype": "doi", "idtypen": 3, "value": BERMAN_DOI} in doc["articleids"]
    assert {"idtype": "pubmed", "idtypen": 1, "value": BERMAN_PMID} in doc["articleids"]
    assert doc["pubtype"] == ["Journal Article"]
    assert set(doc) >= {"epubdate", "elocationid", "issn", "essn", "lang", "recordstatus",
                        "pubstatus", "sortpubdate"}  # fmt: skip
    assert result[LI_PMID]["pages"] == "959-64"
    assert result["99999999"] == {"uid": "99999999", "error": "cannot get document summary"}


def test_esummary_retracted_post_and_too_many(services: FakeServices) -> None:
    retracted = [w.pmid for w in load_corpus().pubmed if w.retracted]
    data = {"db": "pubmed", "id": ",".join(p for p in retracted if p), "retmode": "json"}
    body = requests.post(f"{services.pubmed_url}/esummary.fcgi", data=data, timeout=5).json()
    for pmid in retracted:
        assert "Retracted Publication" in body["result"][pmid]["pubtype"]
    many = {"db": "pubmed", "retmode": "json", "id": ",".join(str(i) for i in range(1, 502))}
    r = requests.post(f"{services.pubmed_url}/esummary.fcgi", data=many, timeout=5)
    assert r.status_code == 200 and "Too many UIDs" in r.json()["error"]


def test_efetch_pubmed_article_xml(services: FakeServices) -> None:
    retracted = next(w for w in load_corpus().pubmed if w.retracted)
    params = {"db": "pubmed", "id": f"{BERMAN_PMID},{retracted.pmid}", "retmode": "xml"}
    r = requests.get(f"{services.pubmed_url}/efetch.fcgi", params=params, timeout=5)
    root = ET.fromstring(r.content)
    assert root.tag == "PubmedArticleSet" and len(root) == 2
    art = root.find("PubmedArticle/MedlineCitation/Article")
    assert art is not None
    assert art.findtext("Journal/JournalIssue/Volume") == "47"
    assert art.findtext("Journal/JournalIssue/Issue") == "4"
    assert art.findtext("Journal/JournalIssue/PubDate/Year") == "2000"
    assert art.findtext("Journal/ISOAbbreviation") == "Biol Psychiatry"
    assert art.findtext("Journal/Title") == "Biological Psychiatry"
    assert art.findtext("Pagination/MedlinePgn") == "351-4"
    assert art.findtext("ELocationID[@EIdType='doi']") == BERMAN_DOI
    first = art.find("AuthorList/Author")
    assert first is not None
    assert [first.findtext(t) for t in ("LastName", "ForeName", "Initials")] == [
        "Berman", "Robert M.", "RM"
    ]  # fmt: skip
    ids = root.findall("PubmedArticle/PubmedData/ArticleIdList/ArticleId")
    assert {(i.get("IdType"), i.text) for i in ids} >= {
        ("pubmed", BERMAN_PMID),
        ("doi", BERMAN_DOI),
    }
    types = [t.text for t in root[1].iter("PublicationType")]
    assert "Retracted Publication" in types
    assert root[1].find(".//CommentsCorrections[@RefType='RetractionIn']") is not None


def test_ecitmatch_lines(services: FakeServices) -> None:
    lines = ecitmatch(
        services,
        "biol psychiatry|2000|47|351|berman rm|k1|",
        "Biological Psychiatry|2000|47|351|Berman RM|k2|",
        "pain physician|2019|22|401|fava m|k3|",
        "clin j pain|2021|37|371|krieter h|k4|",
        "biol psychiatry|2000||||k5|",
        "science|2010|329|959|li n|k6|",
    )
    assert lines == [
        f"biol psychiatry|2000|47|351|berman rm|k1|{BERMAN_PMID}",
        f"Biological Psychiatry|2000|47|351|Berman RM|k2|{BERMAN_PMID}",
        "pain physician|2019|22|401|fava m|k3|NOT_FOUND",
        "clin j pain|2021|37|371|krieter h|k4|NOT_FOUND",
        "biol psychiatry|2000||||k5|AMBIGUOUS",
        f"science|2010|329|959|li n|k6|{LI_PMID}",
    ]


def test_ecitmatch_trusts_the_venue_over_the_author_like_the_real_one(
    services: FakeServices,
) -> None:
    # The example page's wrong venue for Berman resolves to the decoy paper there: a client
    # must check the answer (author, title) before believing it.
    (line,) = ecitmatch(services, "arch gen psychiatry|2000|57|227|berman rm|k|")
    assert line.endswith(f"|{DECOY_PMID}")


# --- modes ------------------------------------------------------------------------------


def test_down_mode(services: FakeServices) -> None:
    services.set_mode("crossref", "down")
    r = requests.get(f"{services.crossref_url}/works/{LI_DOI}", timeout=5)
    assert r.status_code == 503 and r.headers["Content-Type"].startswith("text/html")
    assert r.headers["x-rate-limit-limit"]  # Crossref's headers come on every answer
    # The other service is unaffected.
    assert esearch(services, "berman rm[1au]")["idlist"]


def test_rate_limited_mode(services: FakeServices) -> None:
    services.set_mode("pubmed", "rate_limited")
    services.set_mode("crossref", "rate_limited")
    r = requests.get(f"{services.pubmed_url}/esearch.fcgi", params={"term": "x"}, timeout=5)
    assert (r.status_code, r.headers["Retry-After"]) == (429, "1")
    assert r.json()["error"] == "API rate limit exceeded"
    r = requests.get(f"{services.crossref_url}/works/{LI_DOI}", timeout=5)
    assert (r.status_code, r.headers["Retry-After"]) == (429, "1")


def test_flaky_mode_fails_n_times_then_answers(services: FakeServices) -> None:
    services.set_mode("crossref", "flaky:2")
    url = f"{services.crossref_url}/works/{LI_DOI}"
    codes = [requests.get(url, timeout=5).status_code for _ in range(4)]
    assert codes == [503, 503, 200, 200]
    assert services.calls[("crossref", "works_doi")] == 4


def test_garbage_mode_breaks_parsers(services: FakeServices) -> None:
    services.set_mode("crossref", "garbage")
    services.set_mode("pubmed", "garbage")
    r = requests.get(f"{services.crossref_url}/works/{LI_DOI}", timeout=5)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    with pytest.raises(ValueError):
        r.json()
    params = {"db": "pubmed", "id": LI_PMID, "retmode": "json"}
    r = requests.get(f"{services.pubmed_url}/esummary.fcgi", params=params, timeout=5)
    with pytest.raises(ValueError):
        r.json()
    r = requests.get(f"{services.pubmed_url}/ecitmatch.cgi", params={"bdata": "x|"}, timeout=5)
    assert r.status_code == 200 and "<html>" in r.text


def test_slow_mode_delays(services: FakeServices) -> None:
    services.set_mode("pubmed", "slow:0.3")
    start = time.monotonic()
    esearch(services, "berman rm[1au]")
    assert time.monotonic() - start >= 0.3
    with pytest.raises(requests.Timeout):
        requests.get(f"{services.pubmed_url}/esearch.fcgi", params={"term": "x"}, timeout=0.1)


def test_unknown_modes_and_services_are_refused(services: FakeServices) -> None:
    with pytest.raises(ValueError):
        services.set_mode("crossref", "sometimes")
    with pytest.raises(ValueError):
        services.set_mode("scopus", "down")
    with pytest.raises(ValueError):
        services.set_mode("pubmed", "flaky")


# --- counting and recording -------------------------------------------------------------


def test_calls_are_counted_and_recorded(services: FakeServices) -> None:
    headers = {"User-Agent": "citecheck/0.1.0 (mailto:dev@example.org)"}
    requests.get(f"{services.crossref_url}/works/{LI_DOI}", headers=headers, timeout=5)
    requests.get(
        f"{services.crossref_url}/works/10.9999/x", params={"mailto": "a@b.org"}, timeout=5
    )
    requests.get(
        f"{services.crossref_url}/works", params={"query.bibliographic": "ketamine"}, timeout=5
    )
    params = {"db": "pubmed", "id": LI_PMID, "retmode": "json", "tool": "citecheck",
              "email": "dev@example.org", "api_key": "k123"}  # fmt: skip
    requests.get(f"{services.pubmed_url}/esummary.fcgi", params=params, timeout=5)
    requests.post(
        f"{services.pubmed_url}/esearch.fcgi", data={"term": "x", "tool": "citecheck"}, timeout=5
    )

    assert services.calls[("crossref", "works_doi")] == 2
    assert services.calls[("crossref", "works")] == 1
    assert services.calls[("pubmed", "esummary")] == 1
    assert services.calls[("pubmed", "esearch")] == 1
    assert services.total_calls() == 5
    assert (services.total_calls("crossref"), services.total_calls("pubmed")) == (3, 2)

    first = services.requests[0]
    assert (first.service, first.endpoint, first.method) == ("crossref", "works_doi", "GET")
    assert "citecheck" in first.user_agent
    assert services.requests[1].params["mailto"] == "a@b.org"
    summary = services.calls_to("pubmed", "esummary")[0]
    assert {k: summary.params[k] for k in ("tool", "email", "api_key")} == {
        "tool": "citecheck", "email": "dev@example.org", "api_key": "k123"
    }  # fmt: skip
    assert services.calls_to("pubmed", "esearch")[0].params["tool"] == "citecheck"

    services.reset()
    assert services.total_calls() == 0 and services.requests == []


def test_counts_include_failed_calls(services: FakeServices) -> None:
    services.set_mode("pubmed", "down")
    for _ in range(3):
        requests.get(f"{services.pubmed_url}/esearch.fcgi", params={"term": "x"}, timeout=5)
    assert services.calls[("pubmed", "esearch")] == 3 and services.total_calls("pubmed") == 3


def test_unknown_paths_are_404(services: FakeServices) -> None:
    assert requests.get(f"{services.crossref_url}/members/78", timeout=5).status_code == 404
    assert requests.get(f"{services.pubmed_url}/elink.fcgi", timeout=5).status_code == 404


# --- the standalone server --------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_standalone_server() -> None:
    port = _free_port()
    cmd = [sys.executable, "-m", "tests.fakes", "--port", str(port), "--pubmed-mode", "down"]
    proc = subprocess.Popen(
        cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().strip() for _ in range(2)]
        base = f"http://127.0.0.1:{port}"
        assert lines == [
            f"CITECHECK_CROSSREF_URL={base}/crossref",
            f"CITECHECK_PUBMED_URL={base}/eutils",
        ]
        assert requests.get(f"{base}/crossref/works/{LI_DOI}", timeout=5).status_code == 200
        assert (
            requests.get(f"{base}/eutils/esearch.fcgi", params={"term": "x"}, timeout=5).status_code
            == 503
        )
        counts = requests.get(f"{base}/_calls", timeout=5).json()
        assert counts["crossref/works_doi"] == 1 and counts["pubmed"] == 1
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# --- other kinds and DataCite -------------------------------------------------------------


def test_crossref_serves_other_kinds_with_isbns_and_relations(services: FakeServices) -> None:
    r = requests.get(
        f"{services.crossref_url}/works",
        params={"filter": "type:posted-content", "select": "DOI,type,relation,ISBN"},
        timeout=5,
    )
    [preprint] = r.json()["message"]["items"]
    assert preprint["type"] == "posted-content"
    [link] = preprint["relation"]["is-preprint-of"]
    assert link == {"id-type": "doi", "id": "10.1016/j.jpain.2022.01.004", "asserted-by": "subject"}
    chapter = requests.get(
        f"{services.crossref_url}/works/10.1007/978-3-030-12345-6_4", timeout=5
    ).json()["message"]
    assert chapter["type"] == "book-chapter"
    assert chapter["container-title"] == ["Ketamine in Pain Medicine: Mechanisms and Practice"]
    assert chapter["ISBN"] == ["9783030123449", "9783030123456"]


def test_pubmed_summarises_a_bookshelf_chapter(services: FakeServices) -> None:
    r = requests.get(
        f"{services.pubmed_url}/esummary.fcgi",
        params={"db": "pubmed", "id": "29262999", "retmode": "json"},
        timeout=5,
    )
    doc = r.json()["result"]["29262999"]
    assert (doc["doctype"], doc["booktitle"], doc["fulljournalname"]) == (
        "chapter",
        "StatPearls",
        "",
    )
    assert doc["publishername"] == "StatPearls Publishing"


def test_datacite_one_doi_many_dois_and_a_search(services: FakeServices) -> None:
    base = services.datacite_url
    one = requests.get(f"{base}/dois/10.48550/arXiv.1706.03762", timeout=5)
    assert one.headers["Content-Type"].startswith("application/vnd.api+json")
    attributes = one.json()["data"]["attributes"]
    assert attributes["titles"] == [{"title": "Attention Is All You Need"}]
    assert attributes["types"]["resourceTypeGeneral"] == "Preprint"
    assert attributes["creators"][0]["familyName"] == "Vaswani"
    missing = requests.get(f"{base}/dois/10.48550/arxiv.9999.99999", timeout=5)
    assert missing.status_code == 404 and missing.json()["errors"][0]["status"] == "404"
    ids = "10.48550/arxiv.1706.03762,10.5281/zenodo.7654321,10.9999/none"
    many = requests.get(f"{base}/dois", params={"ids": ids, "page[size]": "3"}, timeout=5)
    assert {d["id"] for d in many.json()["data"]} == {
        "10.48550/arxiv.1706.03762",
        "10.5281/zenodo.7654321",
    }
    found = requests.get(
        f"{base}/dois",
        params={"query": "deep residual learning image recognition", "sort": "relevance"},
        timeout=5,
    ).json()
    assert found["data"][0]["id"] == "10.48550/arxiv.1512.03385"
    assert found["meta"]["total"] >= 1
    assert services.calls_to("datacite", "dois_doi") and services.calls_to("datacite", "dois")
