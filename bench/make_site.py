"""Generate a folder of clinic-like web pages whose reference lists mix real, miscited and
fabricated papers, for batch audits, report screenshots and memory benchmarks.

    python bench/make_site.py OUT [--pages 200] [--seed 7]

Run from the repository root. The records come from fixtures/services/records.json (the
corpus the local fake Crossref/PubMed serve), so a run of citecheck against the fake
(`python -m tests.fakes`) gives known answers:

- a pool of references is drawn once: real works cited correctly (some with their DOI),
  real works cited with a wrong journal, volume or pages, the corpus' retracted works,
  and fabricated works (invented titles on ketamine-clinic topics, real-looking authors
  and journals);
- each page cites 3 to 8 of them, drawn with Zipf-like weights, so a few references turn
  up on dozens of pages (the pattern of copied, generated clinic content);
- pages rotate between plain text (APA-like bullets, as the example page), Markdown
  (Vancouver, numbered) and HTML (AMA-like, an <ol>), in a few sub-folders, with an image,
  a style sheet and a hidden folder that a folder walk must pass over.

The same seed gives the same files, byte for byte. `.expected.json` (hidden, so citecheck
skips it) lists each page's references and the status each should get.
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import random
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RECORDS = REPO / "fixtures" / "services" / "records.json"
FOLDERS = ("", "services", "blog", "blog/2023", "conditions", "locations")
CLINICS = ("Harbor", "Summit", "Lakeside", "Northgate", "Cedar", "Riverbend", "Mesa", "Oakview")
CITIES = ("Austin", "Denver", "Tampa", "Phoenix", "Raleigh", "Boise", "Omaha", "Reno", "Tulsa")
CONDITIONS = (
    "chronic pain",
    "fibromyalgia",
    "complex regional pain syndrome",
    "treatment-resistant depression",
    "migraine",
    "neuropathic pain",
    "PTSD",
    "postoperative pain",
)
# Invented titles are assembled from these, then checked against every corpus title.
OPENINGS = (
    "Ketamine infusion outcomes in",
    "Low-dose ketamine for",
    "Esketamine and ketamine compared in",
    "A pragmatic registry of ketamine therapy for",
    "Repeated subanesthetic ketamine infusions in",
    "Long-term safety of outpatient ketamine for",
    "Community clinic experience with ketamine in",
)
CLOSINGS = (
    "a systematic review",
    "a retrospective cohort",
    "results from a multicenter registry",
    "a narrative review",
    "twelve-month follow-up",
    "a propensity-matched analysis",
)
SURNAMES = (
    "Hollis", "Marrow", "Quintero", "Baptiste", "Okafor", "Lindqvist", "Tavares", "Whitcombe",
    "Rahimi", "Castellano", "Pruitt", "Nakamura", "Delacroix", "Abernathy", "Sorensen",
)  # fmt: skip
GIVEN = ("James", "Maria", "D. K.", "Ana", "Peter", "L. M.", "Sarah", "T. J.", "Hana", "R.")


@dataclass(frozen=True)
class Citation:
    """One reference of the pool: what to write, and what citecheck should say."""

    key: str
    expected: str  # verified, mismatched, not_found (retracted works: "retracted")
    authors: tuple[tuple[str, str], ...]  # (family, given)
    year: int
    title: str
    journal: str
    journal_abbrev: str
    volume: str
    issue: str
    pages: str
    doi: str | None = None


def _initials(given: str, dotted: bool) -> str:
    letters = [part[0].upper() for part in given.replace(".", " ").replace("-", " ").split()]
    return " ".join(f"{letter}." for letter in letters) if dotted else "".join(letters)


def apa(c: Citation) -> str:
    names = [f"{family}, {_initials(given, True)}" for family, given in c.authors[:3]]
    who = ", ".join(names) + (", et al." if len(c.authors) > 3 else "")
    issue = f"({c.issue})" if c.issue else ""
    doi = f" https://doi.org/{c.doi}" if c.doi else ""
    return f"{who} ({c.year}). “{c.title}.” {c.journal}, {c.volume}{issue}, {c.pages}.{doi}"


def vancouver(c: Citation) -> str:
    names = [f"{family} {_initials(given, False)}" for family, given in c.authors[:6]]
    who = ", ".join(names) + (", et al" if len(c.authors) > 6 else "")
    issue = f"({c.issue})" if c.issue else ""
    doi = f" doi:{c.doi}" if c.doi else ""
    return f"{who}. {c.title}. {c.journal_abbrev}. {c.year};{c.volume}{issue}:{c.pages}.{doi}"


def ama(c: Citation) -> str:
    names = [f"{family} {_initials(given, False)}" for family, given in c.authors[:3]]
    who = ", ".join(names) + (", et al" if len(c.authors) > 3 else "")
    issue = f"({c.issue})" if c.issue else ""
    doi = f" doi:{c.doi}" if c.doi else ""
    journal = f"<i>{html.escape(c.journal_abbrev)}</i>"
    return f"{who}. {c.title}. {journal}. {c.year};{c.volume}{issue}:{c.pages}.{doi}"


def _from_record(record: dict[str, Any], key: str, expected: str, rng: random.Random) -> Citation:
    authors = tuple((a["family"], a.get("given") or "") for a in record["authors"])
    return Citation(
        key=key,
        expected=expected,
        authors=authors,
        year=int(record["year"]),
        title=str(record["title"]),
        journal=str(record["journal"]),
        journal_abbrev=str(record.get("journal_abbrev") or record["journal"]),
        volume=str(record["volume"] or ""),
        issue=str(record["issue"] or ""),
        pages=str(record["pages"] or record.get("article_number") or ""),
        doi=record["doi"] if record["doi"] and rng.random() < 0.3 else None,
    )


def _miscite(citation: Citation, journals: list[tuple[str, str]], rng: random.Random) -> Citation:
    """The same work, with the details a copied citation typically gets wrong."""
    fields: dict[str, Any] = {"key": "wrong-" + citation.key, "expected": "mismatched", "doi": None}
    what = rng.choice(("journal", "volume", "pages", "journal+volume"))
    if "journal" in what:
        journal, abbrev = rng.choice([j for j in journals if j[0] != citation.journal])
        fields.update(journal=journal, journal_abbrev=abbrev)
    if "volume" in what and citation.volume.isdigit():
        fields["volume"] = str(int(citation.volume) + rng.choice((-3, -1, 2, 5, 10)))
    if what == "pages" or not citation.volume.isdigit():
        start = rng.randint(100, 900)
        fields["pages"] = f"{start}-{start + rng.randint(5, 12)}"
    return replace(citation, **fields)


def _fabricate(
    index: int, journals: list[tuple[str, str]], titles: list[str], rng: random.Random
) -> Citation:
    while True:
        title = f"{rng.choice(OPENINGS)} {rng.choice(CONDITIONS)}: {rng.choice(CLOSINGS)}"
        title = title[0].upper() + title[1:]
        # Never (nearly) a real record's title: it must come out not_found.
        if all(difflib.SequenceMatcher(None, title.lower(), t).ratio() < 0.7 for t in titles):
            break
    journal, abbrev = rng.choice(journals)
    count = rng.randint(2, 6)
    authors = tuple((rng.choice(SURNAMES), rng.choice(GIVEN)) for _ in range(count))
    start = rng.randint(40, 900)
    return Citation(
        key=f"fabricated-{index}",
        expected="not_found",
        authors=authors,
        year=rng.randint(2015, 2024),
        title=title,
        journal=journal,
        journal_abbrev=abbrev,
        volume=str(rng.randint(5, 60)),
        issue=str(rng.randint(1, 12)),
        pages=f"{start}-{start + rng.randint(4, 14)}",
    )


def make_pool(records: list[dict[str, Any]], rng: random.Random) -> list[Citation]:
    articles = [r for r in records if r["title"] and r["authors"] and r["year"]]
    journals = sorted({(r["journal"], r.get("journal_abbrev") or r["journal"]) for r in articles})
    titles = [r["title"].lower() for r in articles]
    plain = [r for r in articles if not r["retracted"] and not r["updates"]]
    chosen = rng.sample(plain, 70)
    pool = [_from_record(r, f"real-{i}", "verified", rng) for i, r in enumerate(chosen[:45])]
    pool += [
        _miscite(_from_record(r, f"real-{45 + i}", "verified", rng), journals, rng)
        for i, r in enumerate(chosen[45:])
    ]
    pool += [
        _from_record(r, f"retracted-{i}", "retracted", rng)
        for i, r in enumerate(a for a in articles if a["retracted"])
    ]
    pool += [_fabricate(i, journals, titles, rng) for i in range(30)]
    rng.shuffle(pool)
    return pool


PROSE = (
    "At {clinic} Ketamine & Wellness in {city}, we offer ketamine infusion therapy for {cond}."
    " Our physicians follow published protocols and monitor every session.",
    "Many patients with {cond} have tried several treatments without lasting relief. Research"
    " over the past two decades suggests ketamine may help some of them.",
    "Ketamine is an NMDA receptor antagonist. Studies describe rapid effects on mood and pain,"
    " often within hours of the first infusion.",
    "A typical course is six infusions over two to three weeks, followed by boosters as needed."
    " Call our {city} office to book a consultation.",
)


def _prose(rng: random.Random, clinic: str, city: str, cond: str) -> list[str]:
    return [p.format(clinic=clinic, city=city, cond=cond) for p in rng.sample(PROSE, 3)]


def render_page(kind: str, title: str, paragraphs: list[str], cites: list[Citation]) -> str:
    if kind == "txt":
        body = "\n\n".join(paragraphs)
        refs = "\n".join(f"  • {apa(c)}" for c in cites)
        return f"{title}\n\n{body}\n\nReferences\n\n{refs}\n\nContact us today.\n"
    if kind == "md":
        body = "\n\n".join(paragraphs)
        refs = "\n".join(f"{i}. {vancouver(c)}" for i, c in enumerate(cites, 1))
        return f"# {title}\n\n{body}\n\n## References\n\n{refs}\n"
    items = "\n".join(f"<li>{ama(c)}</li>" for c in cites)
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n<body>\n"
        f'<nav><a href="/">Home</a> | <a href="/services">Services</a></nav>\n'
        f"<main><article><h1>{html.escape(title)}</h1>\n{body}\n"
        f"<h2>References</h2>\n<ol>\n{items}\n</ol></article></main>\n"
        f"<footer>© {html.escape(title.split(':')[0])}</footer>\n</body></html>\n"
    )


def make_site(out: Path, pages: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    records = json.loads(RECORDS.read_text(encoding="utf-8"))["records"]
    pool = make_pool(records, rng)
    # Zipf-like popularity: the first references of the shuffled pool are copied widely.
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(pool))]
    expected: dict[str, list[dict[str, str]]] = {}
    for number in range(pages):
        kind = ("txt", "md", "html")[number % 3]
        clinic, city, cond = rng.choice(CLINICS), rng.choice(CITIES), rng.choice(CONDITIONS)
        title = f"{clinic} Ketamine Clinic {city}: ketamine for {cond}"
        count = rng.randint(3, 8)
        cites: list[Citation] = []
        while len(cites) < count:
            pick = rng.choices(pool, weights)[0]
            if pick not in cites:
                cites.append(pick)
        folder = FOLDERS[number % len(FOLDERS)]
        slug = f"{cond.replace(' ', '-').lower()}-{city.lower()}-{number:04d}.{kind}"
        path = out / folder / slug
        path.parent.mkdir(parents=True, exist_ok=True)
        text = render_page(kind, title, _prose(rng, clinic, city, cond), cites)
        path.write_text(text, encoding="utf-8")
        relative = path.relative_to(out).as_posix()
        expected[relative] = [{"key": c.key, "expected": c.expected} for c in cites]
    # What a folder walk must pass over.
    (out / "assets").mkdir(exist_ok=True)
    (out / "assets" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(64)))
    (out / "assets" / "site.css").write_text("body{font-family:serif}\n", encoding="utf-8")
    (out / ".cache").mkdir(exist_ok=True)
    (out / ".cache" / "draft.md").write_text("# not published\n", encoding="utf-8")
    manifest = {"seed": seed, "pages": expected}
    (out / ".expected.json").write_text(json.dumps(manifest, indent=1, sort_keys=True), "utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the folder to write (created if needed)")
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    manifest = make_site(args.out, args.pages, args.seed)
    counts: dict[str, int] = {}
    for refs in manifest["pages"].values():
        for ref in refs:
            counts[ref["expected"]] = counts.get(ref["expected"], 0) + 1
    total = sum(counts.values())
    print(f"{args.pages} pages, {total} references in {args.out}: {counts}")


if __name__ == "__main__":
    main()
