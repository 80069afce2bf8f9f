"""Count the truth for bench/realdocs.py, independently of citecheck (it imports none of it).

Writes bench/realdocs/html.json, docx.json and pdf.json from the documents listed in
SOURCES below and in bench/realdocs_pdf.py, read from the snapshots the `fetch` tool brings to /work/.mirror (see
bench/realdocs.py for how to get them). For each document the truth is:

- where a repository keeps the article's JATS XML next to the page (ContentMine/norma's
  fulltext.xml), every `ref` of its `ref-list`s: one entry each, with an anchor (the first
  author's family name, the year and up to six title words) and, for journal articles,
  the fields (authors, year, title, journal, volume, issue, pages, DOI);
- else the entries a CSS selector picks out of the page, the selector chosen by reading
  the page's markup and its count checked against the page's own numbering (a Wikipedia
  footnote that bundles several `cite` elements counts one entry per work); their
  anchors are made the same way from each entry's text; on Wikipedia pages the journal
  fields come from the COinS span the page writes after each citation;
- for pages without a reference list: no lists, and the studies they link to inline,
  counted by reading the page.

Run:  python bench/realdocs_truth.py [--mirror /work/.mirror]
"""

from __future__ import annotations

import argparse
import io
import json
import posixpath
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from bs4 import BeautifulSoup, Tag
from defusedxml import ElementTree  # type: ignore[import-untyped]
from realdocs_pdf import SOURCES as PDF_SOURCES
from realdocs_pdf import numbered_texts

HERE = Path(__file__).resolve().parent
OUT = HERE / "realdocs"
NORMA = "src/test/resources/org/xmlcml/norma/pubstyle"

# kind, id, repository, path, licence, truth: {"jats": path} | {"select": [css, ...]} |
# {"none": True, "links": n} | {"docx_paragraphs": style-or-"numbered"}
SOURCES: list[dict[str, Any]] = []


def _add(kind: str, ident: str, repo: str, path: str, licence: str, **truth: Any) -> None:
    SOURCES.append(
        {"kind": kind, "id": ident, "repository": repo, "path": path, "licence": licence, **truth}
    )


# --- journal article pages with a JATS companion (ContentMine/norma, Apache-2.0) -------
for name in ("16_1_1", "16_1_2", "16_1_50"):
    base = f"examples/http_www.trialsjournal.com_content_{name}"
    _add(
        "journal",
        f"bmc-trials-{name}",
        "ContentMine/norma",
        f"{base}/fulltext.html",
        "Apache-2.0",
        jats=f"{base}/fulltext.xml",
    )
for ident, folder in (
    ("bmc-trials-15-1-511", "bmc/http_www.trialsjournal.com_content_15_1_511"),
    ("bmc-evolbio-14-70", "bmc/1471-2148-14-70"),
    ("elife-e04407", "elife/e04407"),
    ("f1000-3-190", "f1000research/3-190"),
    ("f1000-3-305", "f1000research/3-305"),
    ("frontiers-fpsyg-05-01582", "frontiers/fpsyg-05-01582"),
    ("mdpi-metabolites-04-00932", "mdpi/04-00932"),
    ("peerj-727", "peerj/727"),
    ("pensoft-4478", "pensoft/4478"),
    ("plos-pone-0111303", "plosone/journal.pone.0111303"),
    ("plos-pone-0113556", "plosone/journal.pone.0113556"),
    ("plos-pone-0115884", "plosone/journal.pone.0115884"),
):
    _add(
        "journal",
        ident,
        "ContentMine/norma",
        f"{NORMA}/{folder}/fulltext.html",
        "Apache-2.0",
        jats=f"{NORMA}/{folder}/fulltext.xml",
    )
_add(
    "journal",
    "hindawi-247835",
    "ContentMine/norma",
    f"{NORMA}/hindawi/247835/fulltext.html",
    "Apache-2.0",
    jats="src/test/resources/org/xmlcml/norma/regressiondemos/ctrees_OLD/hindawi/247835/fulltext.xml",
)

# --- journal article pages counted from the page (selector read off the markup) --------
for ident, folder, select in (
    ("hindawi-507405", "hindawi/507405", "div.xml-content ol > li"),
    ("hindawi-801626", "../miscfiles/hindawi/801626", "div.xml-content ol > li"),
    ("acs-jo402790x", "acs/acsopen/jo402790x", "ol#references > li"),
    ("aip-1.4945450", "aip/ccby/1.4945450", "div.refcontainer"),
    ("apa-arc0000029", "apa/ccby/arc0000029", "div.refList div.citText"),
    ("bmj-i2607", "bmj/ccnc/bmj.i2607", "div.ref-list ol.cit-list > li"),
    ("elsevier-S1055790314003601", "elsevier/ccnc/1-s2.0-S1055790314003601-main", "li[data-t=r]"),
    ("iop-224009", "iop/oa/224009", "ul[data-toolbar-content=references] > li"),
    ("oup-aobpla-plv005", "oup/ccby/aobpla.plv005", "div.ref-list ol.cit-list > li"),
    ("rs-rsos-160123", "rs/ccby/rsos.160123", "div.ref-list ol.cit-list > li"),
    ("sage-2325967116646534", "sage/ccnc/2325967116646534", "div.ref-list ol.cit-list > li"),
    (
        "springer-s40643-016-0099-3",
        "springer/ccby/s40643-016-0099-3",
        "ol.BibliographyWrapper > li",
    ),
    ("tf-20550308.2015.1135230", "tf/ccby/20550308.2015.1135230", "ul.references > li"),
):
    _add(
        "journal",
        ident,
        "ContentMine/norma",
        posixpath.normpath(f"{NORMA}/{folder}/fulltext.html"),
        "Apache-2.0",
        select=[select],
    )

META = "packages/metascraper-citation/test/fixtures"
for ident, page, select in (
    ("pmc-PMC3531190", "pmc.ncbi.nlm.nih.gov-articles-PMC3531190.html", "ul.ref-list > li"),
    (
        "nature-s41586-021-03819-2",
        "www.nature.com-articles-s41586-021-03819-2.html",
        "ol.c-article-references > li",
    ),
    (
        "frontiers-fpsyg-2014-00781",
        "www.frontiersin.org-journals-psychology-articles-10.3389-fpsyg.2014.00781-full.html",
        "ul.References > li",
    ),
    (
        "plos-pone-0000001",
        "journals.plos.org-plosone-article-id-10.1371-journal.pone.0000001.html",
        "ol.references > li",
    ),
    (
        "sciencedirect-S2352485522001888",
        "www.sciencedirect.com-science-article-abs-pii-S2352485522001888.html",
        "li.bib-reference",
    ),
):
    _add("journal", ident, "microlinkhq/metascraper", f"{META}/{page}", "MIT", select=[select])
PAPIS = "tests/downloaders/resources"
for ident, page, select in (
    ("aps-physrevx-12-041027", "APS_PhysRevX.12.041027.html", "ol.references > li"),
    ("sciencedirect-S0009261497040141", "ScienceDirect_S0009261497040141.html", "li.bib-reference"),
    ("sciencedirect-S2210271X18305656", "ScienceDirect_S2210271X18305656.html", "li.bib-reference"),
    ("springer-BF02727953", "SpringerLink_BF02727953.html", "li.c-article-references__item"),
    (
        "springer-s10924-010-0192-1",
        "SpringerLink_s10924_010_0192_1.html",
        "li.c-article-references__item",
    ),
    ("peerj-fallback", "Fallback_peerj.html", "section#references ul.ref-list > li"),
):
    _add("journal", ident, "papis/papis", f"{PAPIS}/{page}", "GPL-3.0", select=[select])

# --- Wikipedia (CC BY-SA) --------------------------------------------------------------
_add(
    "wikipedia",
    "wikipedia-net-zero-emissions",
    "petermr/amilib",
    "test/resources/wikipedia/Net_zero_emissions.html",
    "Apache-2.0 (page CC BY-SA 4.0)",
    select=["div.reflist ol.references > li"],
    split_cites=True,
)
_add(
    "wikipedia",
    "wikipedia-nyctanthes",
    "petermr/amilib",
    "test/resources/wikipedia/parijat.html",
    "Apache-2.0 (page CC BY-SA 4.0)",
    select=["div.reflist ol.references > li"],
    split_cites=True,
)
_add(
    "wikipedia",
    "wikipedia-dog-parsoid",
    "wikimedia/mediawiki-services-mobileapps",
    "test/fixtures/Dog.html",
    "Apache-2.0 (page CC BY-SA 3.0)",
    select=["ol.mw-references:not([data-mw-group]) > li", "h2#Bibliography ~ ul > li"],
    split_cites=True,
)
_add(
    "wikipedia",
    "wikipedia-cat-mobile",
    "wikimedia/mediawiki-services-mobileapps",
    "test/fixtures/parse_contents_en.html",
    "Apache-2.0 (page CC BY-SA 4.0)",
    select=["div.reflist:not(.reflist-lower-alpha) ol.references > li"],
    split_cites=True,
)

# Medical articles, saved by a focused crawler as training pages (VIDA-NYU/ache, Apache-2.0).
ACHE = "config/sample_training_data"
_add(
    "wikipedia",
    "wikipedia-viral-hemorrhagic-fever",
    "VIDA-NYU/ache",
    f"{ACHE}/positive/http%3A%2F%2Fen.wikipedia.org%2Fwiki%2FViral_hemorrhagic_fever",
    "Apache-2.0 (page CC BY-SA 3.0)",
    select=["div.reflist ol.references > li"],
    split_cites=True,
)
# Simple English Wikipedia's "Dengue fever" (2014) writes no COinS: the fields of its
# journal notes were read by hand off the page (note number - 1: "family|year|title|journal|
# volume|first page|DOI", as printed).
_add(
    "wikipedia",
    "wikipedia-simple-dengue-fever",
    "VIDA-NYU/ache",
    f"{ACHE}/negative/http%3A%2F%2Fsimple.wikipedia.org%2Fwiki%2FDengue",
    "Apache-2.0 (page CC BY-SA 3.0)",
    select=["div.reflist ol.references > li", "div.refbegin > ul > li"],
    hand_fields={
        0: "Whitehorn|2010|Dengue|Br. Med. Bull.|95|161|10.1093/bmb/ldq019",
        2: "Reiter|2010|Yellow fever and dengue: a threat to Europe?|Euro Surveil|15|19509|",
        4: "Ranjit|2010|Dengue hemorrhagic fever and shock syndromes|"
        "Pediatr. Crit. Care Med.|12|90|10.1097/PCC.0b013e3181e911a7",
        5: "Varatharaj|2010|"
        "Encephalitis in the clinical spectrum of dengue infection|Neurol. India|58|585|10.4103/0028-3886.68655",
        6: "Chen|2010|Dengue and chikungunya infections in travelers|"
        "Curr. Opin. Infect. Dis.|23|438|10.1097/QCO.0b013e32833c1d16",
        15: "Wilder-Smith|2009|"
        "Threat of Dengue to Blood Safety in Dengue-Endemic Countries|Emerg. Infect. Dis.|15|8|10.3201/eid1501.071097",
        17: "Teo|2009|Is dengue a threat to the blood supply?|"
        "Transfus Med|19|66|10.1111/j.1365-3148.2009.00916.x",
        19: "Guzman|2010|Dengue: a continuing global threat|"
        "Nat. Rev. Microbiol.|8|S7|10.1038/nrmicro2460",
        20: "Martina|2009|Dengue Virus Pathogenesis: an Integrated View|"
        "Clin. Microbiol. Rev.|22|564|10.1128/CMR.00035-09",
        32: "Gubler|1998|Dengue and Dengue Hemorrhagic Fever|Clin. Microbiol. Rev.|11|480|",
        33: "Henchal|1990|The dengue viruses|Clin. Microbiol. Rev.|3|376|10.1128/CMR.3.4.376",
        40: "Webster|2009|Progress towards a dengue vaccine|"
        "Lancet Infect Dis|9|678|10.1016/S1473-3099(09)70254-3",
        41: "Sampath|2009|"
        "Molecular targets for flavivirus drug discovery|Antiviral Res.|81|6|10.1016/j.antiviral.2008.08.004",
        42: "Noble|2010|"
        "Strategies for development of Dengue virus inhibitors|Antiviral Res.|85|450|10.1016/j.antiviral.2009.12.011",
    },
)

# --- pages without a reference list (news: postlight/parser, Apache-2.0 or MIT) --------
for page in (
    "www.nytimes.com.html",
    "www.cnn.com.html",
    "www.theguardian.com.html",
    "www.npr.org.html",
    "www.reuters.com.html",
    "www.washingtonpost.com.html",
    "www.theatlantic.com.html",
    "www.vox.com.html",
    "www.wired.com.html",
    "www.nbcnews.com.html",
    "www.latimes.com.html",
    "www.bloomberg.com.html",
    "www.huffingtonpost.com.html",
    "www.newyorker.com.html",
    "www.cbc.ca.html",
    "www.slate.com.html",
):
    _add(
        "news",
        page.removesuffix(".html"),
        "postlight/parser",
        f"fixtures/{page}",
        "Apache-2.0 OR MIT",
        none=True,
        links=0,
    )
# A page without a list that cites a study by an inline link (counted by reading it).
_add(
    "health",
    "www.msn.com",
    "postlight/parser",
    "fixtures/www.msn.com.html",
    "Apache-2.0 OR MIT",
    none=True,
    links=1,
)
# A science news page with a short list of its sources ("Quellen").
_add(
    "news",
    "www.spektrum.de",
    "postlight/parser",
    "fixtures/www.spektrum.de.html",
    "Apache-2.0 OR MIT",
    select=["div.addition__references > p"],
)


# --- Word manuscripts -----------------------------------------------------------------
for ident, repo, path, licence, docx in (
    (
        "dalman-level-of-care-zotero",
        "AntonDalman/level-hospital-care-ofi",
        "slutversion.Dalman.Anton(2).docx",
        "none stated",
        "style:Litteraturfrteckning",
    ),
    (
        "dalman-level-of-care-pandoc",
        "AntonDalman/level-hospital-care-ofi",
        "manuscript.docx",
        "none stated",
        "style:Bibliography",
    ),
    (
        "skog-shock-ofi",
        "CarlSkog/patients-in-shock-ofi",
        "manuscript.docx",
        "none stated",
        "style:Bibliography",
    ),
    (
        "khalili-audit-filters",
        "Aqrabuamelu/audit-filters-ofi-performance",
        "manuscript.docx",
        "none stated",
        "style:Bibliography",
    ),
    (
        "khalili-audit-filters-project",
        "Aqrabuamelu/audit-filters-ofi-performance",
        "Project.docx",
        "none stated",
        "style:Bibliography",
    ),
    (
        "nabhan-hellp",
        "ashrafnabhan/hellp_manuscript",
        "manuscript.docx",
        "none stated",
        "after:References",
    ),
    (
        "ckd-mortality-endnote",
        "EpiNephStats/ckdmortailty",
        "manuscript.docx",
        "none stated",
        "after:References",
    ),
    (
        "pandoc-zotero-citations",
        "jgm/pandoc",
        "test/docx/zotero_citations.docx",
        "GPL-2.0",
        "after:Reference list",
    ),
    (
        "pandoc-mendeley-citations",
        "jgm/pandoc",
        "test/docx/mendeley_citations.docx",
        "GPL-2.0",
        "after:References",
    ),
):
    _add("manuscript", ident, repo, path, licence, docx=docx)


# --- truth from JATS -------------------------------------------------------------------
def _norm_tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.findall(r"[a-z0-9]+", text)


def _anchor(family: str, year: str, title: str) -> str:
    """A provisional anchor (the final one is made by _finish_anchors)."""
    words = [w for w in _norm_tokens(title) if len(w) >= 3]
    return " ".join([*_norm_tokens(family)[:3], "|", *words])


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(node: Any) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def _first(node: Any, *names: str) -> Any:
    for element in node.iter():
        if _local(element.tag) in names:
            return element
    return None


def _jats_refs(xml: bytes) -> list[list[dict[str, Any]]]:
    xml = re.sub(rb"<!DOCTYPE[^>]*>", b"", xml, count=1)
    xml = re.sub(rb"&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)\w+;", b" ", xml)
    root = ElementTree.fromstring(xml)
    lists = []
    for ref_list in root.iter():
        if _local(ref_list.tag) != "ref-list":
            continue
        refs = [r for r in ref_list if _local(r.tag) == "ref"]
        if refs:
            lists.append(_finish_anchors([_jats_ref(r) for r in refs], refs))
    if not lists:  # BioMed Central's own article XML: <refgrp><bibl> (not the <bibl> of
        # the article itself in its front matter)
        for group in (g for g in root.iter() if _local(g.tag) == "refgrp"):
            bibls = [b for b in group if _local(b.tag) == "bibl"]
            lists.append(_finish_anchors([_bmc_ref(b) for b in bibls], bibls))
    return lists


def _finish_anchors(entries: list[dict[str, Any]], nodes: list[Any]) -> list[dict[str, Any]]:
    """Anchors from the markup's fields: the first author's family name and up to six title
    words that no other entry's title has (the year is left out: pages and their XML do
    not always agree on it). Entries whose markup gave too little (a group author with a
    note) get one from their words, as entries read off a page do."""
    titles = [entry["anchor"].split("|", 1)[-1].split() for entry in entries]
    seen_in: dict[str, int] = {}
    for words in titles:
        for word in set(words):
            seen_in[word] = seen_in.get(word, 0) + 1
    fallback = _text_anchors([_spaced_text(node) for node in nodes])
    for entry, words, (text_anchor, strong) in zip(entries, titles, fallback, strict=True):
        family = entry["anchor"].split("|", 1)[0].split()
        rare: list[str] = []
        for most in (1, 2, 3):
            rare += [w for w in words if seen_in[w] == most and w not in rare]
            if len(rare) >= 3:
                break
        rare = [w for w in words if w in rare][:6]  # in title order
        if len(family) + len(rare) >= 3:
            entry["anchor"] = " ".join([*family, *rare])
            strong = any(seen_in[w] == 1 for w in rare)
        else:
            entry["anchor"] = text_anchor
        if not strong:
            entry["weak"] = 1
    return entries


# Identifiers many renderings leave out (a PDF often prints no DOI or PMID): no anchor word.
_NOT_PRINTED = {"pub-id", "ext-link", "uri", "object-id", "pubid", "comment"}


def _spaced_text(node: Any) -> str:
    """A reference's words without its identifiers, a space between elements (an
    element-citation has none between its elements: "Bielsky</surname><given-names>IF")."""
    words: list[str] = []

    def walk(element: Any) -> None:
        if _local(str(element.tag)) in _NOT_PRINTED:
            return
        words.append(element.text or "")
        for child in element:
            walk(child)
            words.append(child.tail or "")

    walk(node)
    return " ".join(" ".join(words).split())


def _bmc_ref(bibl: Any) -> dict[str, Any]:
    surname = _text(_first(bibl, "snm")) or _text(_first(bibl, "cnm"))
    year = _text(_first(bibl, "pubdate"))[:4]
    title = _text(_first(bibl, "title")) or _text(_first(bibl, "source"))
    entry: dict[str, Any] = {"anchor": _anchor(surname, year, title)}
    journal, volume = _text(_first(bibl, "source")), _text(_first(bibl, "volume"))
    if _first(bibl, "title") is not None and journal and volume:
        fpage, lpage = _text(_first(bibl, "fpage")), _text(_first(bibl, "lpage"))
        doi = next(
            (
                _text(e).lower()
                for e in bibl.iter()
                if _local(e.tag) == "pubid" and e.get("idtype") == "doi"
            ),
            "",
        )
        entry["fields"] = {
            "author": surname,
            "year": int(year) if year.isdigit() else None,
            "title": _text(_first(bibl, "title")).rstrip("."),
            "journal": journal,
            "volume": volume,
            "pages": (f"{fpage}-{lpage}" if lpage else fpage) or None,
            "doi": doi or None,
        }
    return entry


def _jats_ref(ref: Any) -> dict[str, Any]:
    citation = _first(ref, "element-citation", "mixed-citation", "citation", "nlm-citation")
    citation = citation if citation is not None else ref
    surname = _text(_first(citation, "surname")) or _text(_first(citation, "collab"))
    year = re.search(r"\d{4}", _text(_first(citation, "year")) or _text(citation))
    title = (
        _text(_first(citation, "article-title"))
        or _text(_first(citation, "chapter-title"))
        or _text(_first(citation, "source"))
    )
    year_text = year.group(0) if year else ""
    if not title:  # an untagged citation: the words after its year
        after = _text(citation).split(year_text, 1)[-1] if year_text else _text(citation)
        title = after
    entry: dict[str, Any] = {"anchor": _anchor(surname, year_text, title)}
    kind = citation.get("publication-type") or citation.get("citation-type") or ""
    journal = _text(_first(citation, "source"))
    article_title = _text(_first(citation, "article-title"))
    numbered = _first(citation, "volume") is not None or _first(citation, "fpage") is not None
    if kind in ("journal", "") and article_title and journal and numbered:
        fpage, lpage = _text(_first(citation, "fpage")), _text(_first(citation, "lpage"))
        doi = next(
            (
                _text(e).lower()
                for e in citation.iter()
                if _local(e.tag) == "pub-id" and e.get("pub-id-type") == "doi"
            ),
            "",
        )
        entry["fields"] = {
            "author": surname,
            "year": int(year_text) if year_text else None,
            "title": article_title.rstrip("."),
            "journal": journal,
            "volume": _text(_first(citation, "volume")) or None,
            "pages": (f"{fpage}-{lpage}" if lpage else fpage)
            or _text(_first(citation, "elocation-id"))
            or None,
            "doi": doi or None,
        }
    return entry


# --- truth from the page ---------------------------------------------------------------
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d[a-z]?$")


_SERVICE_LINK = re.compile(
    r"^\W*(?:cross\s*ref(?: full text)?|pub\s*med(?: abstract| central(?: full text)?)?|google"
    r"\s+scholar|medline|web of science|article|cas|ads|abstract|(?:free )?full text|publisher"
    r" full text|pmc free article|view article|find this article online|openurl|ncbi"
    r"|pubmed/ncbi|isi|scopus|chemport|\[[^\]]*\])\W*$",
    re.IGNORECASE,
)


def _text_anchors(texts: list[str]) -> list[tuple[str, bool]]:
    """An anchor per entry: its first word (the first author's family name, or the first
    word of the title when there is no author), its year, and up to six of its rarest
    words in the document (words no other entry has; if fewer than three, words at most
    two or three entries have), in the order they appear; and whether it is strong (has a
    word no other entry has, so that no other entry can hold it)."""
    words = [_norm_tokens(re.sub(r"^[\s\^↑↵]*(?:[a-z]{1,2}\s+)*", "", text)) for text in texts]
    seen_in: dict[str, int] = {}
    for entry in words:
        for word in set(entry):
            seen_in[word] = seen_in.get(word, 0) + 1
    anchors = []
    for entry in words:
        family = next((t for t in entry if t.isalpha() and len(t) >= 2), "")
        year = next((t[:4] for t in entry if _YEAR.match(t)), "")
        rare: list[str] = []
        for most in (1, 2, 3):  # the rarest words first, more common ones only if needed
            rare += [t for t in entry if seen_in[t] == most and len(t) >= 3 and t not in rare]
            if len(rare) >= 3:
                break
        rare = [t for t in dict.fromkeys(rare) if t not in (family, year)][:6]
        anchor = [t for t in [family, year, *rare] if t]
        if len(anchor) < 3:  # too few words to tell it apart: all its words
            anchor = list(dict.fromkeys(t for t in entry if len(t) >= 2))
        anchors.append((" ".join(anchor), any(seen_in.get(t) == 1 for t in anchor)))
    return anchors


def _coins_fields(element: Tag) -> dict[str, Any] | None:
    span = element.find("span", class_="Z3988")
    if not isinstance(span, Tag):
        return None
    fields = dict(parse_qsl(str(span.get("title") or "")))
    if fields.get("rft.genre") != "article" or not fields.get("rft.atitle"):
        return None
    year = re.search(r"\d{4}", fields.get("rft.date", ""))
    doi = next(
        (
            v[9:].lower()
            for k, v in parse_qsl(str(span.get("title")))
            if k == "rft_id" and v.startswith("info:doi/")
        ),
        None,
    )
    # Old pages put the whole list in the last name ("Acuna-Soto R, Romero LC, Maguire
    # JH"): the first author's family name is before the first comma, without initials.
    first = (fields.get("rft.aulast") or "").split(",")[0].strip()
    if "," in (fields.get("rft.aulast") or ""):
        first = re.sub(r"\s+[A-Z]{1,3}$", "", first)
    return {
        "author": first,
        "year": int(year.group(0)) if year else None,
        "title": fields["rft.atitle"],
        "journal": fields.get("rft.jtitle"),
        "volume": fields.get("rft.volume"),
        "pages": fields.get("rft.pages") or fields.get("rft.spage"),
        "doi": doi,
    }


def _page_refs(markup: bytes, selectors: list[str], split: bool) -> list[list[dict[str, Any]]]:
    soup = BeautifulSoup(markup, "html.parser")
    hidden = (  # back-links, and what a browser does not show
        ".mw-cite-backlink, .mw-linkback-text, a[rel='mw:referencedBy'],"
        " [style*='display:none'], [style*='display: none']"
    )
    for span in soup.select(hidden):
        span.decompose()
    for tag in soup.find_all(True):  # labels: "1.", "Smith et al., 2008a"
        if (
            not tag.decomposed
            and any(str(c).lower().endswith("label") for c in tag.get("class") or [])
            and len(tag.get_text()) < 40
        ):
            tag.decompose()
    for link in soup.find_all("a"):  # buttons to other services are not the citation
        if isinstance(link, Tag) and _SERVICE_LINK.match(link.get_text(" ")):
            link.decompose()
    groups: list[list[tuple[Tag, dict[str, Any] | None]]] = []
    for selector in selectors:
        parts: list[tuple[Tag, dict[str, Any] | None]] = []
        for element in soup.select(selector):
            cites = element.select("cite.citation") if split else []
            if len(cites) > 1:
                parts.extend((cite, _coins_fields(_coins_holder(cite))) for cite in cites)
            else:
                parts.append((element, _coins_fields(element)))
        groups.append(parts)
    # Rare words are rare in the whole document, not in one of its lists.
    anchors = iter(_text_anchors([part.get_text(" ") for group in groups for part, _ in group]))
    lists = []
    for group in groups:
        entries = []
        for _, fields in group:
            anchor, strong = next(anchors)
            entry: dict[str, Any] = {"anchor": anchor}
            if not strong:
                entry["weak"] = 1
            if fields:
                entry["fields"] = fields
            entries.append(entry)
        if entries:
            lists.append(entries)
    return lists


def _coins_holder(cite: Tag) -> Tag:
    wrapper = BeautifulSoup("<span></span>", "html.parser").span
    assert wrapper is not None
    sibling = cite.find_next_sibling()
    if isinstance(sibling, Tag) and "Z3988" in (sibling.get("class") or []):
        wrapper.append(BeautifulSoup(str(sibling), "html.parser"))
    return wrapper


def _git(mirror: Path, repo: str, *args: str) -> bytes:
    folder = mirror / repo.replace("/", "+") / "repo"
    return subprocess.run(
        ["git", f"--git-dir={folder}", *args], check=True, capture_output=True
    ).stdout


def build(mirror: Path) -> dict[str, list[dict[str, Any]]]:
    manifests: dict[str, list[dict[str, Any]]] = {"html": [], "docx": [], "pdf": []}
    for source in [*SOURCES, *PDF_SOURCES]:
        repo, path = source["repository"], source["path"]
        commit = _git(mirror, repo, "rev-parse", "HEAD").decode().strip()
        data = _git(mirror, repo, "show", f"{commit}:{path}")
        if "jats" in source:
            lists = _jats_refs(_git(mirror, repo, "show", f"{commit}:{source['jats']}"))
            how = f"JATS companion {source['jats']}"
        elif "select" in source:
            lists = _page_refs(data, source["select"], source.get("split_cites", False))
            how = f"page entries selected by {source['select']} (checked against its numbering)"
            for n, row in source.get("hand_fields", {}).items():
                values = row.split("|")
                fields = dict(
                    zip(
                        ("author", "year", "title", "journal", "volume", "pages", "doi"),
                        values,
                        strict=True,
                    )
                )
                lists[0][n]["fields"] = {**fields, "year": int(values[1]), "doi": values[6] or None}
            if "hand_fields" in source:
                how += "; journal fields read by hand"
        elif "docx" in source:
            lists = _docx_refs(data, source["docx"])
            how = f"paragraphs of the Word file ({source['docx']}), CSL fields for journals"
        elif "count" in source:
            texts = numbered_texts(data, source["count"])
            lists = [[_weak_or_strong(anchor) for anchor in _text_anchors(texts)]]
            how = f"poppler's text split at the labels 1-{source['count']} (bench/realdocs_pdf.py)"
        else:
            lists = []
            how = "read by hand: no reference list"
        suffix = path.rsplit(".", 1)[-1]
        manifests[suffix if suffix in ("docx", "pdf") else "html"].append(
            {
                "id": source["id"],
                "kind": source["kind"],
                "repository": repo,
                "path": path,
                "commit": commit,
                "licence": source["licence"],
                "truth_source": how,
                "lists": [{"count": len(entries), "entries": entries} for entries in lists],
                "links": source.get("links", 0),
            }
        )
    return manifests


def _weak_or_strong(anchor: tuple[str, bool]) -> dict[str, Any]:
    words, strong = anchor
    return {"anchor": words} if strong else {"anchor": words, "weak": 1}


def _docx_refs(data: bytes, how: str) -> list[list[dict[str, Any]]]:
    """The paragraphs of one style ("style:Bibliography"), or those after a heading
    paragraph ("after:References", up to the next heading or the end), as entries; the
    fields of journal articles come from the CSL-JSON of the document's citation fields
    (Zotero, Mendeley), matched to an entry by its first author, year and title."""
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    mode, _, value = how.partition(":")
    texts: list[str] = []
    after = False
    for para in root.iter(f"{ns}p"):
        props = para.find(f"{ns}pPr")
        style_node = props.find(f"{ns}pStyle") if props is not None else None
        style = style_node.get(f"{ns}val") or "" if style_node is not None else ""
        text = " ".join("".join(t.text or "" for t in para.iter(f"{ns}t")).split())
        if mode == "style" and style == value and text:
            texts.append(text)
        elif mode == "after":
            if text == value:
                after, texts = True, []
            elif after and style.lower().startswith(("heading", "rubrik")):
                after = False
            elif after and text:
                texts.append(text)
    numbered = re.compile(r"^\s*(?:\[\d+\]|\d+[.)]?\s)")
    if texts and numbered.match(texts[0]):  # numbered by hand: the list ends with its numbers
        end = next((n for n, t in enumerate(texts) if not numbered.match(t)), len(texts))
        texts = texts[:end]
    if not texts:
        return []
    fields = _csl_fields(root, ns)
    entries = []
    for text, (anchor, strong) in zip(texts, _text_anchors(texts), strict=True):
        entry: dict[str, Any] = {"anchor": anchor}
        if not strong:
            entry["weak"] = 1
        words = set(_norm_tokens(text))
        match = next(
            (
                f
                for f in fields
                if f["author"].lower() in words
                and str(f["year"]) in words
                and set(_norm_tokens(f["title"])[:4]) <= words
            ),
            None,
        )
        if match:
            entry["fields"] = match
        entries.append(entry)
    return [entries]


def _csl_fields(root: Any, ns: str) -> list[dict[str, Any]]:
    """Journal articles named by the document's CSL citation fields, as truth fields."""
    instruction = "".join(t.text or "" for t in root.iter(f"{ns}instrText"))
    found = []
    for match in re.finditer(r'"itemData"\s*:\s*', instruction):
        try:
            item, _ = json.JSONDecoder().raw_decode(instruction, match.end())
        except ValueError:
            continue
        authors = item.get("author") or [{}]
        issued = (item.get("issued") or {}).get("date-parts") or [[None]]
        if item.get("type") != "article-journal" or not item.get("title"):
            continue
        found.append(
            {
                "author": _norm_tokens(authors[0].get("family", ""))[-1:][0]
                if authors[0].get("family")
                else "",
                "year": issued[0][0],
                "title": item["title"],
                "journal": item.get("container-title"),
                "volume": item.get("volume"),
                "pages": item.get("page"),
                "doi": (item.get("DOI") or "").lower() or None,
            }
        )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    manifests = build(args.mirror)
    OUT.mkdir(exist_ok=True)
    for kind, documents in manifests.items():
        if documents:
            path = OUT / f"{kind}.json"
            payload = {"type": kind, "documents": documents}
            path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n")
            print(f"{path}: {len(documents)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
