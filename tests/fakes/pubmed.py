"""Fake NCBI E-utilities for db=pubmed: esearch, esummary (JSON), efetch (XML), ecitmatch.

Shapes follow NBK25499 (E-utilities in-depth parameters) and the notes in
/work/shared/SERVICES.md sections 5-9: counts as strings in ESearch JSON, `result.uids` plus
one object per uid in ESummary JSON (DOI inside `articleids`, MEDLINE short pages), the
500-UID JSON limit message, PubmedArticleSet XML after the PubMed DTD (pubmed_250101.dtd),
and ECitMatch's echo-the-line-and-append-the-answer text format.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from werkzeug.wrappers import Request, Response

from .corpus import MONTHS, Corpus, Work, fold, squash
from .recorded import pubmed_summaries
from .subjects import Heading, about
from .terms import Searcher, name_matches

JSON_TYPE = "application/json; charset=UTF-8"
MAX_JSON_UIDS = 500  # SERVICES.md section 7
PUBTYPE_UI = {
    "Journal Article": "D016428",
    "Retracted Publication": "D016441",
    "Review": "D016454",
    "Randomized Controlled Trial": "D016449",
    "Meta-Analysis": "D017418",
    "Systematic Review": "D000078182",
}


def _json(body: Any) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), content_type=JSON_TYPE)


def ids_param(request: Request) -> list[str]:
    """`id=1,2,3` from the query string or a POSTed form (E-utilities accept both)."""
    raw = ",".join(request.values.getlist("id"))
    return [i.strip() for i in raw.split(",") if i.strip()]


def pubtypes(w: Work) -> list[str]:
    """Publication types guessed from the title, plus "Retracted Publication"."""
    title = w.title.lower()
    types = [] if w.pubmed_doctype else ["Journal Article"]
    if "randomized" in title or "randomised" in title:
        types.append("Randomized Controlled Trial")
    if "meta-analysis" in title:
        types.append("Meta-Analysis")
    if "systematic review" in title:
        types.append("Systematic Review")
    elif "review" in title:
        types.append("Review")
    if w.retracted:
        types.append("Retracted Publication")
    return types


def pubmed_title(w: Work) -> str:
    """PubMed ends every ArticleTitle with a period; Crossref does not."""
    return w.title if w.title.endswith((".", "?", "!")) else w.title + "."


def summary(w: Work) -> dict[str, Any]:
    """One ESummary (version 0.3 JSON) document summary.

    A Bookshelf book or chapter (NBK25499: PubMed also indexes NCBI Bookshelf) carries its
    book in `booktitle`/`bookname`, its publisher in `publishername`, `doctype` "book" or
    "chapter", and no journal (the exact Bookshelf field values are unconfirmed here).
    """
    assert w.pmid is not None
    if w.pubmed_doctype:
        return {**_summary(w), **_book_fields(w)}
    return _summary(w)


def _book_fields(w: Work) -> dict[str, Any]:
    return {
        "source": "",
        "fulljournalname": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "issn": "",
        "doctype": w.pubmed_doctype,
        "booktitle": w.journal,
        "bookname": w.journal,
        "publishername": w.publisher,
        "publisherlocation": "Treasure Island (FL)",
        "medium": "Internet",
        "chapter": w.title if w.pubmed_doctype == "chapter" else "",
    }


def _summary(w: Work) -> dict[str, Any]:
    assert w.pmid is not None
    names = [a.medline for a in w.authors]
    ids = [{"idtype": "pubmed", "idtypen": 1, "value": w.pmid}]
    if w.doi:
        ids.append({"idtype": "doi", "idtypen": 3, "value": w.doi})
    ids += [{"idtype": t, "idtypen": 8, "value": w.pmid} for t in ("rid", "eid")]
    pubdate = f"{w.year} {MONTHS[w.month - 1]}"
    return {
        "uid": w.pmid,
        "pubdate": pubdate,
        "epubdate": pubdate if w.article_number else "",
        "source": w.journal_abbrev,
        "authors": [{"name": n, "authtype": "Author", "clusterid": ""} for n in names],
        "lastauthor": names[-1] if names else "",
        "title": pubmed_title(w),
        "sorttitle": squash(w.title),
        "volume": w.volume or "",
        "issue": w.issue or "",
        "pages": w.medline_pages,
        "lang": ["eng"],
        "nlmuniqueid": str(sum(map(ord, w.journal)) * 7919 % 9_000_000 + 1_000_000),
        "issn": w.issn,
        "essn": "",
        "pubtype": pubtypes(w),
        "recordstatus": "PubMed - indexed for MEDLINE",
        "pubstatus": "4",
        "articleids": ids,
        "history": [{"pubstatus": "pubmed", "date": f"{w.year}/{w.month:02d}/01 00:00"}],
        "references": [],
        "attributes": ["Has Abstract"],
        "pmcrefcount": "",
        "fulljournalname": w.journal,
        "elocationid": f"doi: {w.doi}" if w.doi else "",
        "doctype": "citation",
        "srccontriblist": [],
        "booktitle": "",
        "medium": "",
        "edition": "",
        "publisherlocation": "",
        "publishername": "",
        "srcdate": "",
        "reportnumber": "",
        "availablefromurl": "",
        "locationlabel": "",
        "doccontriblist": [],
        "docdate": "",
        "bookname": "",
        "chapter": "",
        "sortpubdate": f"{w.year}/{w.month:02d}/01 00:00",
        "sortfirstauthor": names[0] if names else "",
        "vernaculartitle": "",
    }


class PubMedFake:
    """The E-utility endpoints over one corpus (only records with `in_pubmed`)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def esearch(self, request: Request) -> Response:
        term = request.values.get("term", "")
        if not term.strip():
            return _esearch_error("Empty term and query_key - nothing todo")
        searcher = Searcher(self.corpus)
        found = searcher.run(term)
        # Newest first, as PubMed lists; the fake has no finer notion of relevance.
        found.sort(key=lambda w: (w.year, w.month, int(w.pmid or 0)), reverse=True)
        try:
            retmax = int(request.values.get("retmax", 20))
            retstart = int(request.values.get("retstart", 0))
        except ValueError:
            # Real ESearch reports bad parameters inside a 200 answer, not as an HTTP error.
            return _esearch_error("Invalid retmax or retstart")
        page = found[retstart : retstart + retmax]
        out = searcher.outcome
        result: dict[str, Any] = {
            "count": str(len(found)),
            "retmax": str(len(page)),
            "retstart": str(retstart),
            "idlist": [w.pmid for w in page],
            "translationset": [],
            "querytranslation": " AND ".join(out.translation),
        }
        if out.phrases_not_found or out.fields_not_found:
            result["errorlist"] = {
                "phrasesnotfound": out.phrases_not_found,
                "fieldsnotfound": out.fields_not_found,
            }
        if out.quoted_not_found or out.ignored or not found:
            result["warninglist"] = {
                "phrasesignored": out.ignored,
                "quotedphrasesnotfound": out.quoted_not_found,
                "outputmessages": [] if found else ["No items found."],
            }
        return _json({"header": _header("esearch"), "esearchresult": result})

    def esummary(self, request: Request) -> Response:
        ids = ids_param(request)
        if len(ids) > MAX_JSON_UIDS:
            msg = (
                "Too many UIDs in request. Maximum number of UIDs is"
                f" {MAX_JSON_UIDS} for JSON format output."
            )
            return _json({"header": _header("esummary"), "error": msg})
        result: dict[str, Any] = {"uids": ids}
        for pmid in ids:
            work = self.corpus.by_pmid(pmid)
            result[pmid] = (
                pubmed_summaries().get(pmid)
                or (summary(work) if work else None)
                or {"uid": pmid, "error": "cannot get document summary"}
            )
        return _json({"header": _header("esummary"), "result": result})

    def efetch(self, request: Request) -> Response:
        articles = ET.Element("PubmedArticleSet")
        for pmid in ids_param(request):
            work = self.corpus.by_pmid(pmid)
            if work is not None:
                articles.append(article_xml(work))
        ET.indent(articles)
        body = (
            '<?xml version="1.0" ?>\n'
            '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
            '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
            + ET.tostring(articles, encoding="unicode")
            + "\n"
        )
        return Response(body, content_type="text/xml; charset=UTF-8")

    def ecitmatch(self, request: Request) -> Response:
        bdata = request.values.get("bdata", "")
        lines = [
            ln for ln in bdata.replace("\r\n", "\r").replace("\n", "\r").split("\r") if ln.strip()
        ]
        answers = []
        for line in lines:
            echo = line if line.endswith("|") else line + "|"
            answers.append(echo + self._citmatch(echo))
        return Response("\n".join(answers) + "\n", content_type="text/plain; charset=UTF-8")

    def _citmatch(self, line: str) -> str:
        """journal|year|volume|first_page|author|key|: the given fields must agree.

        The author narrows the candidates only when someone matches it: real ECitMatch
        weighs journal/volume/page and has been seen answering a PMID whose author disagrees
        (pubmed-mcp-server#35), so a client must check what it gets back.
        """
        journal, year, volume, page, author = ([*line.split("|"), "", "", "", "", ""])[:5]
        candidates = [
            w
            for w in self.corpus.pubmed
            if (not journal.strip() or squash(journal) in w.journals)
            and (not year.strip() or str(w.year) == year.strip())
            and (not volume.strip() or (w.volume or "") == volume.strip())
            and (not page.strip() or fold(w.first_page or "") == fold(page.strip()))
        ]
        if author.strip():
            by_author = [w for w in candidates if any(name_matches(author, a) for a in w.authors)]
            candidates = by_author or candidates
        if len(candidates) == 1 and journal.strip():
            return candidates[0].pmid or "NOT_FOUND"
        return "AMBIGUOUS" if len(candidates) > 1 and journal.strip() else "NOT_FOUND"


def _header(kind: str) -> dict[str, str]:
    return {"type": kind, "version": "0.3"}


def _esearch_error(message: str) -> Response:
    """ESearch's in-band error: HTTP 200, `esearchresult.ERROR`."""
    return _json({"header": _header("esearch"), "esearchresult": {"ERROR": message}})


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def article_xml(w: Work) -> ET.Element:
    """One PubmedArticle (MedlineCitation + PubmedData), after pubmed_250101.dtd."""
    assert w.pmid is not None
    root = ET.Element("PubmedArticle")
    cit = _sub(root, "MedlineCitation", Status="MEDLINE", Owner="NLM")
    _sub(cit, "PMID", w.pmid, Version="1")
    art = _sub(cit, "Article", PubModel="Electronic" if w.article_number else "Print")
    journal = _sub(art, "Journal")
    _sub(journal, "ISSN", w.issn, IssnType="Print")
    issue = _sub(journal, "JournalIssue", CitedMedium="Internet" if w.article_number else "Print")
    if w.volume:
        _sub(issue, "Volume", w.volume)
    if w.issue:
        _sub(issue, "Issue", w.issue)
    date = _sub(issue, "PubDate")
    _sub(date, "Year", str(w.year))
    _sub(date, "Month", MONTHS[w.month - 1])
    _sub(journal, "Title", w.journal)
    _sub(journal, "ISOAbbreviation", w.journal_abbrev)
    _sub(art, "ArticleTitle", pubmed_title(w))
    pagination = _sub(art, "Pagination")
    if w.pages:
        first, _, last = w.pages.partition("-")
        _sub(pagination, "StartPage", first)
        if last:
            _sub(pagination, "EndPage", last)
    _sub(pagination, "MedlinePgn", w.medline_pages)
    if w.doi:
        _sub(art, "ELocationID", w.doi, EIdType="doi", ValidYN="Y")
    if w.article_number:
        _sub(art, "ELocationID", w.article_number, EIdType="pii", ValidYN="Y")
    info_about = about(w)
    abstract = _sub(art, "Abstract")
    for label, text in info_about.abstract:
        _sub(abstract, "AbstractText", text, **({"Label": label} if label else {}))
    authors = _sub(art, "AuthorList", CompleteYN="Y")
    for a in w.authors:
        person = _sub(authors, "Author", ValidYN="Y")
        _sub(person, "LastName", a.family)
        _sub(person, "ForeName", a.given)
        _sub(person, "Initials", a.initials)
    _sub(art, "Language", "eng")
    types = _sub(art, "PublicationTypeList")
    for t in pubtypes(w):
        _sub(types, "PublicationType", t, UI=PUBTYPE_UI[t])
    info = _sub(cit, "MedlineJournalInfo")
    _sub(info, "MedlineTA", w.journal_abbrev)
    _sub(info, "ISSNLinking", w.issn)
    if info_about.substances:
        chemicals = _sub(cit, "ChemicalList")
        for name in info_about.substances:
            chemical = _sub(chemicals, "Chemical")
            _sub(chemical, "RegistryNumber", "0")
            _sub(chemical, "NameOfSubstance", name)
    _sub(cit, "CitationSubset", "IM")
    if w.updates:
        comments = _sub(cit, "CommentsCorrectionsList")
        for u in w.updates:
            if u.get("source") == "retraction-watch":
                continue  # a database entry, not a published notice PubMed would link
            kind = "RetractionIn" if u["type"] == "retraction" else "ErratumIn"
            y, m = u["date"][0], u["date"][1]
            link = _sub(comments, "CommentsCorrections", RefType=kind)
            _sub(link, "RefSource", f"{w.journal_abbrev}. {y} {MONTHS[m - 1]}. doi: {u['doi']}")
    _mesh_xml(cit, info_about.headings)
    data = _sub(root, "PubmedData")
    _sub(data, "PublicationStatus", "epublish" if w.article_number else "ppublish")
    ids = _sub(data, "ArticleIdList")
    _sub(ids, "ArticleId", w.pmid, IdType="pubmed")
    if w.doi:
        _sub(ids, "ArticleId", w.doi, IdType="doi")
    return root


def _mesh_xml(citation: ET.Element, headings: tuple[Heading, ...]) -> None:
    """MeshHeadingList as in a real answer (tests/data/pubmed/efetch-29768149.xml)."""
    if not headings:
        return
    listing = _sub(citation, "MeshHeadingList")
    for h in headings:
        heading = _sub(listing, "MeshHeading")
        _sub(heading, "DescriptorName", h.descriptor, MajorTopicYN="Y" if h.major else "N", UI=h.ui)
        for qualifier, major in h.qualifiers:
            _sub(heading, "QualifierName", qualifier, MajorTopicYN="Y" if major else "N")
