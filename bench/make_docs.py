"""Write the labelled documents of bench/data/docs/ and their manifest, and the PDF and
DOCX versions of the example page (fixtures/ketamine-clinic-pain.pdf/.docx).

Run from the checkout: python bench/make_docs.py  (needs the `bench` extra: fpdf2 and
python-docx). The manifest lists, per document, a key for every reference it holds (the
first words of the title, or of the entry) so the benchmark can tell which were found.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docs_office
from render import Renderer, apa_name, labelled, vanc_name
from works import ARTICLES, OTHERS, Work

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "data" / "docs"

PROSE = (
    "Chronic pain affects a large share of adults, and many of them do not respond to the "
    "first treatments they are offered. Over the last two decades a series of trials has "
    "examined whether drugs acting on glutamate signalling can help, with mixed results. "
    "This page summarises what is known and what remains uncertain."
)
STEPS = [
    "Preheat the oven to 180 degrees and grease a 20 cm tin.",
    "Beat the butter and sugar together until pale, about 3 minutes.",
    "Add the eggs one at a time, then fold in 200 g of flour.",
    "Bake for 25 to 30 minutes, until a skewer comes out clean.",
]


def key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())[:40]


class Builder:
    def __init__(self) -> None:
        self.rng = random.Random(7)
        self.renderer = Renderer(11)
        self.manifest: dict[str, dict[str, object]] = {}

    def refs(self, n: int, style: str) -> tuple[list[str], list[str]]:
        works = self.rng.sample(ARTICLES, n)
        texts, keys = [], []
        for w in works:
            text, _ = self.renderer.render(w, style)
            text = re.sub(r"^(?:\d+\. |\[7\] |• |12\) |- )", "", text)
            texts.append(text)
            keys.append(key(w.title) if style != "science" else key(text))
        return texts, keys

    def others(self, n: int) -> tuple[list[str], list[str]]:
        picks = self.rng.sample(OTHERS, n)
        texts = [p[3][0] for p in picks]
        return texts, [key(t) for t in texts]

    def add(self, name: str, content: str | bytes, keys: list[str], fmt: str) -> None:
        path = OUT / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        self.manifest[name] = {"format": fmt, "expected": len(keys), "keys": keys}


def wrap(text: str, width: int, hyphenate: bool = False, indent: str = "") -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width and line:
            if hyphenate and len(word) > 9 and word.isalpha() and word.islower():
                cut = len(word) // 2
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return [lines[0]] + [indent + x for x in lines[1:]]


def text_docs(b: Builder) -> None:
    refs, keys = b.refs(6, "vancouver")
    body = "\n".join(f"{i}. {r}" for i, r in enumerate(refs, 1))
    b.add(
        "vancouver-numbered.txt",
        f"Ketamine and pain\n\n{PROSE}\n\nReferences\n\n{body}\n",
        keys,
        "txt",
    )
    refs, keys = b.refs(7, "apa")
    body = "\n\n".join(refs)
    b.add(
        "apa-paragraphs.txt",
        f"{PROSE} (Berman et al., 2000)\n\nReferences\n\n{body}\n",
        keys,
        "txt",
    )
    refs, keys = b.refs(6, "apa")
    body = "\n".join("\n".join(wrap(r, 72, hyphenate=True, indent="    ")) for r in refs)
    b.add("apa-hardwrapped.txt", f"{PROSE}\n\nREFERENCES\n{body}\n", keys, "txt")
    refs, keys = b.refs(8, "ieee")
    body = "\n".join(f"[{i}] {r}" for i, r in enumerate(refs, 1))
    b.add(
        "ieee-brackets.txt",
        f"Introduction\n\n{PROSE} [1], [2]-[4].\n\nReferences\n{body}\n",
        keys,
        "txt",
    )
    refs, keys = b.refs(5, "harvard")
    b.add(
        "harvard-literatur.txt",
        f"Einleitung\n\n{PROSE}\n\nLiteraturverzeichnis\n\n" + "\n".join(refs) + "\n",
        keys,
        "txt",
    )
    refs, keys = b.refs(5, "vancouver")
    body = "\n".join(f"{i}. {r}" for i, r in enumerate(refs, 1))
    b.add(
        "vancouver-references-fr.txt",
        f"Introduction\n\n{PROSE}\n\nRéférences\n\n{body}\n",
        keys,
        "txt",
    )
    refs, keys = b.refs(5, "ama")
    body = "\n".join(f"{i}. {r}" for i, r in enumerate(refs, 1))
    b.add("no-heading-trailing.txt", f"{PROSE}\n\n{PROSE}\n\n{body}\n", keys, "txt")
    refs, keys = b.refs(6, "chicago-nb")
    body = "\n".join(f"{i}. {r}" for i, r in enumerate(refs, 1))
    b.add("chicago-notes.txt", f"{PROSE}\n\nNotes\n\n{body}\n", keys, "txt")
    steps = "\n".join(f"{i}. {s}" for i, s in enumerate(STEPS, 1))
    b.add("recipe-numbered-list.txt", f"Lemon cake\n\n{PROSE}\n\nMethod\n\n{steps}\n", [], "txt")
    refs, keys = b.refs(4, "nature")
    o_refs, o_keys = b.others(3)
    body = "\n".join(f"{i}. {r}" for i, r in enumerate(refs + o_refs, 1))
    b.add("mixed-kinds.txt", f"{PROSE}\n\nReferences\n\n{body}\n", keys + o_keys, "txt")


def md_docs(b: Builder) -> None:
    refs, keys = b.refs(6, "apa")
    body = "\n".join(f"- {r}" for r in refs)
    b.add("bullets.md", f"# Ketamine\n\n{PROSE}\n\n## References\n\n{body}\n", keys, "md")
    refs, keys = b.refs(5, "vancouver")
    notes = "\n".join(f"[^{i}]: {r}" for i, r in enumerate(refs, 1))
    b.add("footnotes.md", f"# Notes on pain\n\n{PROSE}[^1] and more[^2].\n\n{notes}\n", keys, "md")
    refs, keys = b.refs(6, "ama")
    body = "\n".join(f"{i}. {r}" for i, r in enumerate(refs, 1))
    b.add(
        "bibliografia.md", f"# Dolor crónico\n\n{PROSE}\n\n### Bibliografía\n\n{body}\n", keys, "md"
    )
    refs, keys = b.refs(5, "harvard")
    body = "\n".join("\n".join(wrap(f"* {r}", 70, indent="  ")) for r in refs)
    b.add("wrapped-bullets.md", f"{PROSE}\n\n**References**\n\n{body}\n", keys, "md")
    refs, keys = b.refs(4, "apa")
    body = "\n".join(f"- {r}" for r in refs)
    body = body.replace("\n- ", "\n<!-- citecheck: ignore -->\n- ", 1)
    b.add("ignore-marker.md", f"{PROSE}\n\n## References\n\n{body}\n", keys, "md")
    steps = "\n".join(f"{i}. {s}" for i, s in enumerate(STEPS, 1))
    b.add("steps-only.md", f"# Baking\n\n{PROSE}\n\n## Steps\n\n{steps}\n", [], "md")


def html_page(title: str, main: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n"
        '<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/about">About'
        "</a></li></ul></nav>\n<main>\n"
        f"<h1>{title}</h1>\n{main}\n</main>\n"
        "<footer><p>© 2024 Clinic. All rights reserved.</p></footer>\n</body>\n</html>\n"
    )


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def html_docs(b: Builder) -> None:
    refs, keys = b.refs(6, "apa")
    items = "\n".join(f"  <li>{esc(r)}</li>" for r in refs)
    b.add(
        "ordered-list.html",
        html_page("Ketamine", f"<p>{PROSE}</p>\n<h2>References</h2>\n<ol>\n{items}\n</ol>"),
        keys,
        "html",
    )
    refs, keys = b.refs(5, "vancouver")
    paras = "\n".join(f"<p>{esc(r)}</p>" for r in refs)
    b.add(
        "paragraphs-es.html",
        html_page("Dolor", f"<p>{PROSE}</p>\n<h3>Referencias</h3>\n{paras}"),
        keys,
        "html",
    )
    refs, keys = b.refs(6, "wikipedia")
    items = "\n".join(
        f'<li id="cite_note-{i}"><span class="mw-cite-backlink"><a href="#r{i}">^'
        f'</a></span> <span class="reference-text">{esc(r)}</span></li>'
        for i, r in enumerate(refs, 1)
    )
    b.add(
        "wiki-footnotes.html",
        html_page(
            "Esketamine",
            f"<p>{PROSE}<sup>[1]</sup></p>\n"
            f'<h2>References</h2>\n<div class="reflist"><ol class="references">\n{items}\n'
            "</ol></div>",
        ),
        keys,
        "html",
    )
    works = b.rng.sample(ARTICLES, 5)
    items = []
    for w in works:
        if not w.doi:
            continue
        items.append(
            f"<li>{esc(vanc_name(w.authors[0]))} et al. {esc(w.title)}. <i>{w.abbrev}"
            f'</i>. {w.year};{w.volume}:{w.pages}. <a href="https://doi.org/{w.doi}">'
            "CrossRef</a></li>"
        )
    keys = [key(w.title) for w in works if w.doi]
    b.add(
        "doi-links.html",
        html_page(
            "Links", f"<p>{PROSE}</p>\n<h2>Sources</h2>\n<ul>\n" + "\n".join(items) + "\n</ul>"
        ),
        keys,
        "html",
    )
    refs, keys = b.refs(4, "ama")
    items = "\n".join(f"<li>{esc(r)}</li>" for r in refs)
    b.add(
        "superscripts.html",
        html_page(
            "Pain",
            f"<p>{PROSE}<sup>1,3</sup> and "
            f"more<sup>2-4</sup>.</p>\n<h2>References</h2>\n<ol>\n{items}\n</ol>",
        ),
        keys,
        "html",
    )
    refs, keys = b.refs(5, "harvard")
    paras = "\n".join(f"<p>{esc(r)}</p>" for r in refs)
    b.add(
        "literatuur.html",
        html_page("Pijn", f"<p>{PROSE}</p>\n<h2>Literatuur</h2>\n{paras}"),
        keys,
        "html",
    )
    refs, keys = b.refs(5, "mla")
    items = "\n".join(f'<p class="hanging">{esc(r)}</p>' for r in refs)
    b.add(
        "works-cited.html",
        html_page(
            "Essay",
            f'<p>{PROSE}</p>\n<h2>Works Cited</h2>\n<div class="works-cited">\n{items}\n</div>',
        ),
        keys,
        "html",
    )
    steps = "\n".join(f"<li>{s}</li>" for s in STEPS)
    b.add(
        "recipe.html",
        html_page("Cake", f"<p>{PROSE}</p>\n<h2>Method</h2>\n<ol>{steps}</ol>"),
        [],
        "html",
    )


def pdf_docs(b: Builder) -> None:
    refs, keys = b.refs(8, "vancouver")
    b.add(
        "single-column.pdf",
        docs_office.pdf([PROSE, PROSE], "References", [f"{i}. {r}" for i, r in enumerate(refs, 1)]),
        keys,
        "pdf",
    )
    refs, keys = b.refs(10, "apa")
    b.add(
        "two-column.pdf", docs_office.pdf([PROSE] * 3, "References", refs, columns=2), keys, "pdf"
    )
    refs, keys = b.refs(14, "ama")
    b.add(
        "page-break.pdf",
        docs_office.pdf([PROSE] * 7, "References", [f"{i}. {r}" for i, r in enumerate(refs, 1)]),
        keys,
        "pdf",
    )
    refs, keys = b.refs(6, "harvard")
    b.add("harvard-bibliografia.pdf", docs_office.pdf([PROSE], "Bibliografia", refs), keys, "pdf")
    refs, keys = b.refs(9, "ieee")
    b.add(
        "ieee-two-column.pdf",
        docs_office.pdf(
            [PROSE] * 4, "REFERENCES", [f"[{i}] {r}" for i, r in enumerate(refs, 1)], columns=2
        ),
        keys,
        "pdf",
    )


def docx_docs(b: Builder) -> None:
    refs, keys = b.refs(6, "vancouver")
    b.add(
        "numbered.docx",
        docs_office.docx([PROSE], "References", [f"{i}. {r}" for i, r in enumerate(refs, 1)]),
        keys,
        "docx",
    )
    refs, keys = b.refs(6, "apa")
    b.add("apa.docx", docs_office.docx([PROSE, PROSE], "References", refs), keys, "docx")
    refs, keys = b.refs(5, "chicago-nb")
    b.add("footnotes.docx", docs_office.docx([PROSE], None, [], footnotes=refs), keys, "docx")
    refs, keys = b.refs(5, "vancouver")
    b.add("endnotes.docx", docs_office.docx([PROSE], None, [], endnotes=refs), keys, "docx")
    refs, keys = b.refs(6, "ama")
    b.add(
        "zotero-field.docx",
        docs_office.docx([PROSE], "Bibliography", refs, field=True),
        keys,
        "docx",
    )


def structured_docs(b: Builder) -> None:
    for n, (name, fmt) in enumerate(
        (
            ("a.bib", "bib"),
            ("b.bib", "bib"),
            ("c.bib", "bib"),
            ("a.ris", "ris"),
            ("b.ris", "ris"),
            ("c.ris", "ris"),
            ("a.nbib", "nbib"),
            ("b.nbib", "nbib"),
        )
    ):
        works = b.rng.sample(ARTICLES, 4 + n % 3)
        writer = {"bib": docs_office.bibtex, "ris": docs_office.ris, "nbib": docs_office.nbib}[fmt]
        text = writer(works, with_book=(n % 2 == 0))
        keys = [key(w.title) for w in works]
        if n % 2 == 0:
            keys.append(key("Statistical Power Analysis for the Behavioral Sciences"))
        b.add(name, text, keys, fmt)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    b = Builder()
    text_docs(b)
    md_docs(b)
    html_docs(b)
    pdf_docs(b)
    docx_docs(b)
    structured_docs(b)
    rows = labelled()
    with (OUT.parent / "references.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    (OUT.parent / "documents.json").write_text(json.dumps(b.manifest, indent=1) + "\n")
    example = (ROOT / "fixtures" / "ketamine-clinic-pain.txt").read_text(encoding="utf-8")
    paras = [p.strip() for p in example.split("\n\n") if p.strip()]
    at = paras.index("References")
    refs = [r.strip().lstrip("•").strip() for r in paras[at + 1].split("\n")]
    body, tail = paras[:at], paras[at + 2 :]
    (ROOT / "fixtures" / "ketamine-clinic-pain.pdf").write_bytes(
        docs_office.pdf(body, "References", refs, tail=tail)
    )
    (ROOT / "fixtures" / "ketamine-clinic-pain.docx").write_bytes(
        docs_office.docx(body, "References", refs, tail=tail, bullets=True)
    )
    print(f"{len(b.manifest)} documents")
    _ = (apa_name, Work)


if __name__ == "__main__":
    main()
