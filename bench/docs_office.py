"""Writers for the binary and structured labelled documents: PDF (fpdf2, one or two
columns, running page numbers), DOCX (hand-made OOXML: list paragraphs, footnotes,
endnotes, a reference manager's bibliography field), BibTeX, RIS and MEDLINE/nbib.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from works import Work

_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def pdf(
    body: list[str],
    heading: str | None,
    refs: list[str],
    columns: int = 1,
    tail: list[str] | None = None,
) -> bytes:
    from fpdf import FPDF

    doc = FPDF(format="A4")
    doc.set_auto_page_break(True, margin=20)
    if _FONT.exists():
        doc.add_font("serif", "", str(_FONT))
        doc.add_font("serif", "B", str(_FONT.with_name("DejaVuSerif-Bold.ttf")))
        family = "serif"
    else:  # pragma: no cover - core fonts are Latin-1 only
        family = "Times"
    doc.set_font(family, size=10)
    doc.set_title("Labelled document")

    def footer() -> None:
        doc.set_y(-12)
        doc.set_font(family, size=8)
        doc.cell(0, 5, str(doc.page_no()), align="C")
        doc.set_font(family, size=10)

    doc.footer = footer  # type: ignore[method-assign]
    doc.add_page()
    with doc.text_columns(ncols=columns, gutter=8, text_align="LEFT") as cols:
        for para in body:
            cols.write(text=para)
            cols.ln()
            cols.ln()
        if heading:
            doc.set_font(family, "B", size=11)
            cols.write(text=heading)
            cols.ln()
            doc.set_font(family, size=10)
        for ref in refs:
            cols.write(text=ref)
            cols.ln()
        for para in tail or []:
            cols.ln()
            cols.write(text=para)
            cols.ln()
    return bytes(doc.output())


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, style: str | None = None, listed: bool = False, runs: str = "") -> str:
    ppr = ""
    if style or listed:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
        if listed:
            ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        ppr += "</w:pPr>"
    # Split the text over two runs, as Word does after any edit.
    half = len(text) // 2
    return f"<w:p>{ppr}{_run(text[:half])}{_run(text[half:])}{runs}</w:p>"


def docx(
    body: list[str],
    heading: str | None,
    refs: list[str],
    *,
    tail: list[str] | None = None,
    footnotes: list[str] | None = None,
    endnotes: list[str] | None = None,
    field: bool = False,
    bullets: bool = False,
) -> bytes:
    paras: list[str] = []
    for k, text in enumerate(body):
        marks = ""
        if k == 0:
            for n in range(1, len(footnotes or []) + 1):
                marks += f'<w:r><w:footnoteReference w:id="{n}"/></w:r>'
            for n in range(1, len(endnotes or []) + 1):
                marks += f'<w:r><w:endnoteReference w:id="{n}"/></w:r>'
            if field:
                marks += (
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
                    'xml:space="preserve"> ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":'
                    '"a1","properties":{"formattedCitation":"(1)"}} </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                    + _run(" (1)")
                    + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                )
        paras.append(_para(text, runs=marks))
    if heading:
        paras.append(_para(heading, style="Heading1"))
    for k, ref in enumerate(refs):
        runs = ""
        if field and k == 0:
            paras.append(
                '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
                'xml:space="preserve"> ADDIN ZOTERO_BIBL {"uncited":[]} CSL_BIBLIOGRAPHY '
                '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                + _run(ref)
                + "</w:p>"
            )
            continue
        if field and k == len(refs) - 1:
            runs = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        paras.append(_para(ref, listed=bullets, runs=runs))
    for text in tail or []:
        paras.append(_para(text))
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {_W} {_R}>'
        f"<w:body>{''.join(paras)}<w:sectPr/></w:body></w:document>"
    )
    files = {
        "word/document.xml": document,
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ),
    }
    rels = []
    overrides = [
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxml'
        'formats-officedocument.wordprocessingml.document.main+xml"/>'
    ]
    for kind, notes in (("footnote", footnotes), ("endnote", endnotes)):
        if not notes:
            continue
        items = "".join(
            f'<w:{kind} w:id="{n}">{_para(text)}</w:{kind}>' for n, text in enumerate(notes, 1)
        )
        sep = f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        files[f"word/{kind}s.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><w:{kind}s {_W}>{sep}{items}</w:{kind}s>'
        )
        rels.append(
            f'<Relationship Id="rId{kind}" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/{kind}s" Target="{kind}s.xml"/>'
        )
        overrides.append(
            f'<Override PartName="/word/{kind}s.xml" ContentType="application/vnd.'
            f'openxmlformats-officedocument.wordprocessingml.{kind}s+xml"/>'
        )
    files["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
        f'formats.org/package/2006/relationships">{"".join(rels)}</Relationships>'
    )
    files["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        f'"application/xml"/>{"".join(overrides)}</Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in (
            "[Content_Types].xml",
            "_rels/.rels",
            *sorted(k for k in files if k.startswith("word/")),
        ):
            archive.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), files[name])
    return buffer.getvalue()


def _names(w: Work) -> list[tuple[str, str]]:
    out = []
    for a in w.authors:
        family, _, given = a.partition(",")
        out.append((family.strip(), given.strip()))
    return out


def bibtex(works: list[Work], with_book: bool) -> str:
    out = ["% Exported from a reference manager", ""]
    for w in works:
        key = _names(w)[0][0].replace(" ", "") + str(w.year)
        authors = " and ".join(
            f"{f}, {g}" if " " not in f else f"{{{f}}}, {g}" for f, g in _names(w)
        )
        fields = [
            f"  author = {{{authors}}}",
            f"  title = {{{{{w.title}}}}}",
            f"  journal = {{{w.journal}}}",
            f"  year = {{{w.year}}}",
            f"  volume = {{{w.volume}}}",
        ]
        if w.issue:
            fields.append(f"  number = {{{w.issue}}}")
        fields.append(f"  pages = {{{w.pages.replace('-', '--')}}}")
        if w.doi:
            fields.append(f"  doi = {{{w.doi}}}")
        if w.pmid:
            fields.append(f"  pmid = {{{w.pmid}}}")
        out.append("@article{" + key + ",\n" + ",\n".join(fields) + "\n}\n")
    if with_book:
        out.append(
            "@book{cohen1988,\n  author = {Cohen, Jacob},\n  title = {Statistical Power "
            "Analysis for the Behavioral Sciences},\n  edition = {2},\n  publisher = "
            "{Lawrence Erlbaum Associates},\n  address = {Hillsdale, NJ},\n  year = 1988\n}\n"
        )
    return "\n".join(out)


def ris(works: list[Work], with_book: bool) -> str:
    out = []
    for w in works:
        lines = ["TY  - JOUR"]
        lines += [f"AU  - {f}, {g}" for f, g in _names(w)]
        lines += [
            f"TI  - {w.title}",
            f"T2  - {w.journal}",
            f"J2  - {w.abbrev}",
            f"PY  - {w.year}",
            f"VL  - {w.volume}",
        ]
        if w.issue:
            lines.append(f"IS  - {w.issue}")
        first, _, last = w.pages.partition("-")
        lines.append(f"SP  - {first}")
        if last:
            lines.append(f"EP  - {last}")
        if w.doi:
            lines.append(f"DO  - {w.doi}")
        lines.append("ER  - ")
        out.append("\n".join(lines))
    if with_book:
        out.append(
            "TY  - BOOK\nAU  - Cohen, Jacob\nTI  - Statistical Power Analysis for the "
            "Behavioral Sciences\nPY  - 1988\nPB  - Lawrence Erlbaum Associates\nCY  - "
            "Hillsdale, NJ\nET  - 2\nER  - "
        )
    return "\n\n".join(out) + "\n"


def nbib(works: list[Work], with_book: bool) -> str:
    out = []
    for w in works:
        lines = [f"PMID- {w.pmid or '0'}", "OWN - NLM", "STAT- MEDLINE"]
        lines += [f"DP  - {w.year}{' ' + w.month if w.month else ''}"]
        title = w.title + "."
        first, rest = title[:70], title[70:]
        lines.append(f"TI  - {first}")
        while rest:
            lines.append(f"      {rest[:70]}")
            rest = rest[70:]
        lines.append(f"PG  - {w.pages}")
        for f, g in _names(w):
            inits = "".join(p[0] for p in g.replace("-", " ").replace(".", " ").split())
            lines += [f"FAU - {f}, {g}", f"AU  - {f} {inits}"]
        lines += [
            "LA  - eng",
            "PT  - Journal Article",
            f"TA  - {w.abbrev}",
            f"JT  - {w.journal}",
            f"VI  - {w.volume}",
        ]
        if w.issue:
            lines.append(f"IP  - {w.issue}")
        if w.doi:
            lines.append(f"AID - {w.doi} [doi]")
            lines.append(f"LID - {w.doi} [doi]")
        lines.append(
            f"SO  - {w.abbrev}. {w.year};{w.volume}"
            f"{'(' + w.issue + ')' if w.issue else ''}:{w.pages}."
        )
        out.append("\n".join(lines))
    if with_book:
        out.append(
            "PMID- 0\nOWN - NLM\nDP  - 1988\nTI  - Statistical Power Analysis for the "
            "Behavioral Sciences.\nFAU - Cohen, Jacob\nAU  - Cohen J\nPT  - Book\n"
            "PB  - Lawrence Erlbaum Associates"
        )
    return "\n\n".join(out) + "\n"
