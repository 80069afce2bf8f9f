"""Reference lists read from a Word document's structure (extract/docx.py, docxrefs.py).

The documents are written here, reproducing what Word with Zotero, Mendeley or EndNote
writes (field codes as in real manuscripts: a Zotero bibliography field spanning its
paragraphs, CSL-JSON in citation fields, EndNote record XML) and Word's automatic
numbering (w:numPr), whose numbers are not in the text."""

from __future__ import annotations

import io
import json
import zipfile
from xml.sax.saxutils import escape

from citecheck.extract.docx import read_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BERMAN = (
    "Berman RM, Cappiello A, Anand A, et al. Antidepressant effects of ketamine in "
    "depressed patients. Biol Psychiatry. 2000;47(4):351-354."
)
LI = (
    "Li N, Lee B, Liu RJ, et al. mTOR-dependent synapse formation underlies the rapid "
    "antidepressant effects of NMDA antagonists. Science. 2010;329(5994):959-964."
)
BERMAN_CSL = {
    "type": "article-journal",
    "title": "Antidepressant effects of ketamine in depressed patients",
    "container-title": "Biological Psychiatry",
    "author": [{"family": "Berman", "given": "Robert M."}, {"family": "Cappiello", "given": "A"}],
    "issued": {"date-parts": [[2000, 2, 15]]},
    "volume": "47",
    "issue": "4",
    "page": "351-354",
    "DOI": "10.1016/S0006-3223(99)00230-9",
}


def _docx(body: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>',
        )
    return buffer.getvalue()


def _p(text: str, style: str = "", numbered: str = "") -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if numbered:
        props += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numbered}"/></w:numPr>'
    props = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _field(instruction: str, result: str) -> str:
    """A complex field (begin, instruction, separate, result, end) inside one paragraph."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(instruction)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{escape(result)}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_zotero_bibliography_field_with_csl_fields() -> None:
    item = {"id": 7, "uris": ["http://zotero.org/users/1/items/AB"], "itemData": BERMAN_CSL}
    citation = "ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps({"citationItems": [item]})
    bibliography_start = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
        'ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY'
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{escape(BERMAN)}</w:t></w:r></w:p>"
    )
    body = (
        f"<w:p><w:r><w:t>Ketamine helps </w:t></w:r>{_field(citation, '(Berman 2000)')}</w:p>"
        + _p("References", style="Heading1")
        + bibliography_start
        + f"<w:p><w:r><w:t>{escape(LI)}</w:t></w:r>"
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        + _p("Appendix: the drug's history, told at length, is not a reference.")
    )
    reading = read_docx(_docx(body))
    (found,) = reading.lists
    assert [entry.raw for entry in found] == [BERMAN, LI]
    assert found[0].known is not None and found[0].known.doi == "10.1016/s0006-3223(99)00230-9"
    assert found[0].known.journal == "Biological Psychiatry" and found[0].known.year == 2000
    assert found[0].known.authors == ("Berman RM", "Cappiello A")
    assert found[1].known is None  # no citation field names it
    assert "Ketamine helps (Berman 2000)" in reading.text
    assert "ADDIN" not in reading.text
    assert found[0].line == reading.text.split("\n").index(BERMAN) + 1


def test_word_numbering_after_a_reference_heading() -> None:
    body = (
        _p("Intro text citing [1] and [2].")
        + _p("Steps", style="Heading1")
        + _p("Mix the solution.", numbered="3")
        + _p("References", style="Heading1")
        + _p(BERMAN, numbered="5")
        + _p(LI, numbered="5")
        + _p("Figure legends", style="Heading1")
    )
    (found,) = read_docx(_docx(body)).lists
    assert [(entry.index, entry.raw) for entry in found] == [(1, BERMAN), (2, LI)]


def test_a_number_typed_before_a_tab_is_the_entry_number() -> None:
    body = _p("References", style="Heading1") + (
        "<w:p><w:r><w:t>1</w:t></w:r><w:r><w:tab/></w:r>"
        f"<w:r><w:t>{escape(BERMAN)}</w:t></w:r></w:p>"
    )
    assert f"1. {BERMAN}" in read_docx(_docx(body)).text


def test_endnote_citation_fields_give_exact_fields_to_plain_entries() -> None:
    record = (
        "<EndNote><Cite><Author>Berman</Author><Year>2000</Year><RecNum>12</RecNum><record>"
        '<rec-number>12</rec-number><ref-type name="Journal Article">17</ref-type>'
        "<contributors><authors><author>Berman, R. M.</author><author>Cappiello, A.</author>"
        "</authors></contributors><titles><title>Antidepressant effects of ketamine in "
        "depressed patients</title><secondary-title>Biol Psychiatry</secondary-title></titles>"
        "<pages>351-4</pages><volume>47</volume><number>4</number><dates><year>2000</year>"
        "</dates><electronic-resource-num>10.1016/s0006-3223(99)00230-9"
        "</electronic-resource-num></record></Cite></EndNote>"
    )
    body = (
        f"<w:p><w:r><w:t>Ketamine </w:t></w:r>{_field('ADDIN EN.CITE ' + record, '[1]')}</w:p>"
        + _p("References", style="Heading1")
        + _p(f"1. {BERMAN}")
        + _p(f"2. {LI}")
    )
    (found,) = read_docx(_docx(body)).lists
    assert found[0].known is not None and found[0].known.pages == "351-4"
    assert found[0].known.doi == "10.1016/s0006-3223(99)00230-9"
    assert found[1].known is None


def test_plain_paragraphs_are_left_to_the_text_finder() -> None:
    body = _p("References", style="Heading1") + _p(BERMAN) + _p(LI)
    reading = read_docx(_docx(body))
    assert reading.lists == ()
    assert BERMAN in reading.text
