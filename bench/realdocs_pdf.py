"""The PDFs of the real-document set (bench/realdocs/pdf.json), and their truth.

Each PDF is a public file nobody on the project wrote; the truth is counted independently
of citecheck (bench/realdocs_truth.py writes it):
- where the repository keeps the article's JATS (or BioMed Central) XML beside the PDF,
  every reference of its reference list (realdocs_truth's JATS reader: anchors and, for
  journal articles, the true fields);
- else, for numbered lists, poppler's `pdftotext` (a PDF reader that is not citecheck's)
  reads the text, and the entries are the runs between the labels "1", "2", ... counted in
  sequence after the last reference heading; the count must equal the last label read off
  the rendered page by hand (`count`), or the truth is not written. Lines that recur on
  several pages (running heads) and page numbers are left out of the entries' words.

Needs poppler-utils (`pdftotext`) to write the truth, not to run the benchmark.
Repositories: `fetch github:ContentMine/norma` (Apache-2.0), `fetch github:allenai/papermage`
(Apache-2.0), `fetch github:inspirehep/refextract` (GPL-2.0; the PDFs are arXiv preprints
under their authors' licences), `fetch github:nimh-dsst/osm` (MIT).
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

NORMA = "src/test/resources/org/xmlcml/norma"

# kind, id, repository, path, licence, and the truth: jats=<XML beside it> or count=<N>
SOURCES: list[dict[str, Any]] = []


def _pdf(kind: str, ident: str, repo: str, path: str, licence: str, **truth: Any) -> None:
    SOURCES.append(
        {"kind": kind, "id": ident, "repository": repo, "path": path, "licence": licence, **truth}
    )


# --- biomedical journals, two-column and one-column, with their XML --------------------
for ident, folder in (
    ("bmc-trials-16-1-1", "examples/http_www.trialsjournal.com_content_16_1_1"),
    ("bmc-trials-16-1-2", "examples/http_www.trialsjournal.com_content_16_1_2"),
    ("bmc-trials-16-1-50", "examples/http_www.trialsjournal.com_content_16_1_50"),
    ("bmc-trials-15-1-511", f"{NORMA}/pubstyle/bmc/http_www.trialsjournal.com_content_15_1_511"),
    ("bmc-evolbio-14-70", f"{NORMA}/pubstyle/bmc/1471-2148-14-70"),
    ("pmc-PMC4417228", f"{NORMA}/miscfiles/cproject/PMC4417228"),
    ("pmc-PMC4521097", f"{NORMA}/miscfiles/cproject/PMC4521097"),
    ("rsos-PMC4632522", f"{NORMA}/miscfiles/cproject/PMC4632522"),
    ("f1000-3-190", f"{NORMA}/pubstyle/f1000research/3-190"),
    ("f1000-3-305", f"{NORMA}/pubstyle/f1000research/3-305"),
    ("frontiers-fpsyg-05-01582", f"{NORMA}/pubstyle/frontiers/fpsyg-05-01582"),
    ("mdpi-metabolites-04-00932", f"{NORMA}/pubstyle/mdpi/04-00932"),
    ("plos-pone-0115884", f"{NORMA}/pubstyle/plosone/journal.pone.0115884"),
):
    _pdf(
        "biomed",
        ident,
        "ContentMine/norma",
        f"{folder}/fulltext.pdf",
        "Apache-2.0",
        jats=f"{folder}/fulltext.xml",
    )

# --- numbered lists counted with poppler; count = the last label on the rendered page ---
for ident, path, count in (
    ("hindawi-801626", f"{NORMA}/pubstyle/hindawi/801626/fulltext.pdf", 41),
    ("hindawi-ija-125258", f"{NORMA}/miscfiles/hindawi/ija_2014_125258/fulltext.pdf", 24),
    ("bmc-med-s12916-014-0161-y", "pdftable1/10.1186_s12916-014-0161-y/fulltext.pdf", 77),
    ("elsevier-pain-2014-08-023", "pdftable1/10.1016_j.pain.2014.08.023/fulltext.pdf", 71),
    ("elsevier-pain-2014-09-020", "pdftable1/10.1016_j.pain.2014.09.020/fulltext.pdf", 67),
    ("elsevier-pain-2014-09-033", "pdftable1/10.1016_j.pain.2014.09.033/fulltext.pdf", 41),
    ("tf-ijn-2016-1185421", "pdftable1/10.1080_00207454.2016.1185421/fulltext.pdf", 31),
    ("tf-ijn-2016-1194274", "pdftable1/10.1080_00207454.2016.1194274/fulltext.pdf", 27),
):
    _pdf("biomed", ident, "ContentMine/norma", path, "Apache-2.0", count=count)
for ident, path, count in (
    ("acm-chi-2302.07302", "tests/fixtures/2302.07302v1.pdf", 65),
    ("acm-2203.00130", "tests/fixtures/2203.00130v1.pdf", 111),
    ("acm-2304.02623", "tests/fixtures/2304.02623v1.pdf", 35),
):
    _pdf("computing", ident, "allenai/papermage", path, "Apache-2.0", count=count)
for ident, path, count in (
    ("revtex-2110.02751", "tests/data/2110.02751.pdf", 51),
    ("revtex-2301.05883", "tests/data/2301.05883.pdf", 33),
    ("revtex-2304.10117", "tests/data/2304.10117.pdf", 33),
    ("revtex-1508.05632", "tests/data/1508.05632v2.pdf", 53),
    ("revtex-2503.05372", "tests/data/2503.05372.pdf", 39),
    ("jhep-2503.05621", "tests/data/2503.05621.pdf", 24),
    ("cern-1503.07589", "tests/data/1503.07589v1.pdf", 36),
):
    _pdf(
        "physics", ident, "inspirehep/refextract", path, "GPL-2.0 repo; arXiv preprint", count=count
    )

_HEADING = re.compile(r"^\s*(?:\d+\.?\s*|[IVX]+\.?\s*)?(?:references|bibliography)\s*$", re.I)
_LABEL = re.compile(r"^\s*\[?(\d{1,3})[\].]?(?:\s|$)")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")


def numbered_texts(data: bytes, count: int) -> list[str]:
    """The entries of the last numbered list, as poppler reads the PDF."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "doc.pdf"
        pdf.write_bytes(data)
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
        ).stdout.decode("utf-8")
    lines = [line for line in text.replace("\f", "\n").splitlines() if line.strip()]
    repeated = {line for line, n in Counter(lines).items() if n > 1}
    start = _list_start(lines)
    entries: list[list[str]] = []
    for line in lines[start:]:
        label = _LABEL.match(line)
        if label and int(label.group(1)) == len(entries) + 1 and len(entries) < count:
            entries.append([line[label.end() :]])
        elif entries and line not in repeated and not _PAGE_NUMBER.match(line):
            entries[-1].append(line)
    if len(entries) != count:
        raise ValueError(f"poppler's text gives {len(entries)} entries, the page shows {count}")
    # The last entry runs on into whatever follows the list: keep as many lines as the
    # longest other entry has.
    longest = max((len(parts) for parts in entries[:-1]), default=3)
    entries[-1] = entries[-1][:longest]
    return [_join(parts) for parts in entries]


def _list_start(lines: list[str]) -> int:
    """The line of entry 1: right under a reference heading (the first one so followed:
    later "References" lines are running heads), else the last "[1]" (RevTeX has no
    heading)."""
    for i, line in enumerate(lines):
        if _HEADING.match(line):
            for j in range(i + 1, min(i + 4, len(lines))):
                label = _LABEL.match(lines[j])
                if label and label.group(1) == "1":
                    return j
    bracketed = [i for i, line in enumerate(lines) if line.lstrip().startswith("[1]")]
    if bracketed:
        return bracketed[-1]
    raise ValueError("no entry 1 under a reference heading")


def _join(parts: list[str]) -> str:
    out = parts[0].strip()
    for part in parts[1:]:
        part = part.strip()
        if out.endswith("-") and part[:1].islower():
            out = out[:-1] + part
        else:
            out += " " + part
    return out
