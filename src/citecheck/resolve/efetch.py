"""What cited works are about: PubMed's MeSH headings, substances, keywords, title and
abstract through EFetch, and PubMed's own term mapping through ESearch.

Request shapes follow the E-utilities documentation (NBK25499, EFetch and ESearch;
../shared/SERVICES.md sections 5, 6 and 8): `efetch.fcgi?db=pubmed&id=A,B&retmode=xml`
answers a PubmedArticleSet (pubmed_250101.dtd) with `MedlineCitation/MeshHeadingList/
MeshHeading/{DescriptorName, QualifierName}[@MajorTopicYN]`, `Article/Abstract/
AbstractText[@Label]`, `KeywordList/Keyword` and `ChemicalList/Chemical/NameOfSubstance`
(the shape of a real recorded answer: tests/data/pubmed/efetch-29768149.xml). Calls go
through the PubMed client's paced, retried transport (long id lists by POST) and the
answer store, so they are batched, cached and offline-aware like every other look-up.

`indexed_under` asks ESearch `(A[uid] OR B[uid]) AND <concept>`: PubMed maps the concept
to MeSH and all fields itself (automatic term mapping), and the ids that come back are
the cited works PubMed indexes under it: one call for all the works of a run.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]

from citecheck.model import MeshHeading, Source, Subject
from citecheck.normalize import clean_doi
from citecheck.resolve.crossref import BATCH, CrossrefClient
from citecheck.resolve.errors import ServiceUnavailable, TransientError
from citecheck.resolve.pubmed import SERVICE, PubMedClient
from citecheck.resolve.store import AnswerStore
from citecheck.resolve.transport import Reply

FETCH_BATCH = 200  # PMIDs per EFetch call; NBK25499 advises POST beyond ~200 ids
SEARCH_BATCH = 200  # PMIDs per concept search
MAX_ABSTRACT = 6000  # characters kept: enough to judge a topic, small in the cache


def _text(element: ET.Element | None) -> str:
    """All the text inside an element (abstracts hold <sub>, <i>, <sup> markup)."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def parse_articles(body: bytes) -> dict[str, Subject]:
    """Subjects by PMID from an EFetch PubmedArticleSet; raises TransientError when the
    body is not such a set (a cut answer, an HTML error page)."""
    try:
        # defusedxml: no entity expansion and no external resources (the DOCTYPE PubMed
        # sends names a DTD by URL, which is never loaded).
        root = fromstring(body)
    except (ET.ParseError, DefusedXmlException) as error:
        raise TransientError("answer is not PubMed XML") from error
    if root.tag != "PubmedArticleSet":
        raise TransientError("answer of an unexpected shape (no PubmedArticleSet)")
    subjects: dict[str, Subject] = {}
    for article in root.iter("PubmedArticle"):
        citation = article.find("MedlineCitation")
        if citation is None:
            continue
        pmid = _text(citation.find("PMID"))
        if not pmid:
            continue
        subjects[pmid] = _subject(citation, article, pmid)
    return subjects


def _subject(citation: ET.Element, article: ET.Element, pmid: str) -> Subject:
    parts = []
    for piece in citation.iterfind("Article/Abstract/AbstractText"):
        text = _text(piece)
        label = piece.get("Label")
        parts.append(f"{label.capitalize()}: {text}" if label and text else text)
    abstract = " ".join(p for p in parts if p)[:MAX_ABSTRACT] or None
    mesh = []
    for heading in citation.iterfind("MeshHeadingList/MeshHeading"):
        descriptor = heading.find("DescriptorName")
        if descriptor is None or not _text(descriptor):
            continue
        qualifiers = heading.findall("QualifierName")
        major = descriptor.get("MajorTopicYN") == "Y" or any(
            q.get("MajorTopicYN") == "Y" for q in qualifiers
        )
        mesh.append(
            MeshHeading(
                _text(descriptor),
                major=major,
                qualifiers=tuple(_text(q) for q in qualifiers if _text(q)),
                ui=descriptor.get("UI"),
            )
        )
    keywords = [_text(k) for k in citation.iterfind("KeywordList/Keyword")]
    keywords += [_text(c) for c in citation.iterfind("ChemicalList/Chemical/NameOfSubstance")]
    doi = None
    for node in article.iterfind("PubmedData/ArticleIdList/ArticleId"):
        if node.get("IdType") == "doi":
            doi = clean_doi(_text(node))
    return Subject(
        source=Source.PUBMED,
        title=_text(citation.find("Article/ArticleTitle")).rstrip(".") or None,
        abstract=abstract,
        mesh=tuple(mesh),
        keywords=tuple(dict.fromkeys(k for k in keywords if k)),
        pmid=pmid,
        doi=doi,
    )


def subject_to_dict(subject: Subject) -> dict[str, Any]:
    """A Subject as a cacheable JSON value."""
    return {
        "source": subject.source.value,
        "title": subject.title,
        "abstract": subject.abstract,
        "mesh": [[h.descriptor, h.major, list(h.qualifiers), h.ui] for h in subject.mesh],
        "keywords": list(subject.keywords),
        "pmid": subject.pmid,
        "doi": subject.doi,
    }


def subject_from_dict(data: dict[str, Any]) -> Subject:
    return Subject(
        source=Source(data["source"]),
        title=data.get("title"),
        abstract=data.get("abstract"),
        mesh=tuple(
            MeshHeading(str(d), bool(m), tuple(q), u) for d, m, q, u in data.get("mesh") or []
        ),
        keywords=tuple(data.get("keywords") or ()),
        pmid=data.get("pmid"),
        doi=data.get("doi"),
    )


def _parsed(response: Reply) -> dict[str, Subject]:
    return parse_articles(response.content)


_SAFE_CONCEPT = re.compile(r"[^\w\s'\-]+")


def concept_term(pmids: Sequence[str], concept: str) -> str:
    """`(1[uid] OR 2[uid]) AND "concept"`: the works among `pmids` PubMed indexes under
    `concept`. The concept is left untagged (and unquoted when one word) so that PubMed's
    automatic term mapping translates it to MeSH as well as searching all fields."""
    words = " ".join(_SAFE_CONCEPT.sub(" ", concept).split())
    ids = " OR ".join(f"{pmid}[uid]" for pmid in pmids)
    return f"({ids}) AND {words}"


def _concept_ids(response: Reply) -> list[str]:
    """The ids of an ESearch JSON answer; none when PubMed dropped the concept.

    A phrase PubMed cannot find is dropped and the search goes on without it
    (SERVICES.md section 6): the answer would then list every id of the OR group, as if
    every work were indexed under a concept none of them has.
    """
    try:
        data = response.json()
    except ValueError as error:
        raise TransientError("answer is not JSON") from error
    result = data.get("esearchresult") if isinstance(data, dict) else None
    if not isinstance(result, dict) or "ERROR" in result:
        raise ServiceUnavailable(SERVICE, "search answer of an unexpected shape")
    errors = result.get("errorlist") or {}
    warnings = result.get("warninglist") or {}
    if errors.get("phrasesnotfound") or warnings.get("quotedphrasesnotfound"):
        return []
    ids = result.get("idlist")
    if not isinstance(ids, list):
        raise ServiceUnavailable(SERVICE, "search answer without an id list")
    return [str(i) for i in ids]


_TAG = re.compile(r"<[^>]+>")


def crossref_subject(item: dict[str, Any]) -> Subject:
    """A Crossref work's title, abstract (JATS markup and entities removed) and subject
    areas (Crossref REST API docs, api_format.md: `abstract`, `subject`)."""
    titles = item.get("title") or []
    abstract = html.unescape(_TAG.sub(" ", str(item.get("abstract") or "")))
    abstract = re.sub(r"^\s*Abstract\s+", "", " ".join(abstract.split()))
    return Subject(
        source=Source.CROSSREF,
        title=str(titles[0]) if isinstance(titles, list) and titles else None,
        abstract=abstract[:MAX_ABSTRACT] or None,
        keywords=tuple(str(s) for s in item.get("subject") or [] if s),
        doi=clean_doi(str(item.get("DOI") or "")),
    )


class Topics:
    """EFetch and concept searches for cited works, batched and remembered; Crossref's
    abstracts for works PubMed does not hold."""

    def __init__(
        self, client: PubMedClient, store: AnswerStore, crossref: CrossrefClient | None = None
    ) -> None:
        self._client = client
        self._store = store
        self._crossref = crossref

    def crossref_subjects(self, dois: Sequence[str]) -> dict[str, Subject]:
        """Subjects of works by DOI from Crossref (BATCH a call; cached)."""
        crossref = self._crossref
        wanted = [d for d in dict.fromkeys(d.lower() for d in dois) if "," not in d]
        if crossref is None or not wanted:
            return {}

        def fetch(missing: list[str]) -> dict[str, list[dict[str, Any]]]:
            found: dict[str, list[dict[str, Any]]] = {}
            for start in range(0, len(missing), BATCH):
                batch = missing[start : start + BATCH]
                items = crossref.abstracts(batch)
                for doi in batch:
                    found[doi] = (
                        [subject_to_dict(crossref_subject(items[doi]))] if doi in items else []
                    )
            return found

        answers = self._store.answers("crossref", "about", wanted, fetch)
        return {d: subject_from_dict(v[0]) for d, v in answers.items() if v}

    def subjects(self, pmids: Sequence[str]) -> dict[str, Subject]:
        """Subjects of the PMIDs PubMed knows (FETCH_BATCH per call; cached)."""
        wanted = [p for p in dict.fromkeys(pmids) if p.isdigit()]

        def fetch(missing: list[str]) -> dict[str, list[dict[str, Any]]]:
            found: dict[str, list[dict[str, Any]]] = {}
            for start in range(0, len(missing), FETCH_BATCH):
                batch = missing[start : start + FETCH_BATCH]
                params = {"db": "pubmed", "id": ",".join(batch), "retmode": "xml"}
                subjects = self._client.call("efetch.fcgi", params, _parsed)
                for pmid in batch:
                    found[pmid] = [subject_to_dict(subjects[pmid])] if pmid in subjects else []
            return found

        answers = self._store.answers(SERVICE, "efetch", wanted, fetch)
        return {p: subject_from_dict(v[0]) for p, v in answers.items() if v}

    def indexed_under(self, pmids: Sequence[str], concept: str) -> set[str]:
        """Which of `pmids` PubMed finds under `concept` (MeSH or any field)."""
        wanted = sorted({p for p in pmids if p.isdigit()}, key=int)
        found: set[str] = set()
        for start in range(0, len(wanted), SEARCH_BATCH):
            batch = wanted[start : start + SEARCH_BATCH]
            term = concept_term(batch, concept)

            def search(term: str = term, rows: int = len(batch)) -> list[str]:
                return self._search(term, rows)

            ids = self._store.answer(SERVICE, "concept", term, search)
            found.update(str(i) for i in ids)
        return found & set(wanted)

    def _search(self, term: str, rows: int) -> list[str]:
        params = {"db": "pubmed", "term": term, "retmode": "json", "retmax": str(rows)}
        return self._client.call("esearch.fcgi", params, _concept_ids)


__all__ = [
    "ServiceUnavailable",
    "Topics",
    "concept_term",
    "parse_articles",
    "subject_from_dict",
    "subject_to_dict",
]
