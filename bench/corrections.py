"""Do the corrected entries citecheck suggests verify? Per citation style, against the fakes.

    python bench/corrections.py

1. Takes the journal articles of the parsing benchmark (bench/data/references.jsonl, each
   labelled with its style) and miscites each one the way the example page miscites
   Berman 2000: a wrong volume and wrong pages (the entry's own text, edited in place).
2. Writes one reference list per style and checks it with citecheck against the local fake
   Crossref and PubMed (tests/fakes): the references found `mismatched` are the ones a
   correction is for; each carries a suggestion, the found record in the list's style.
3. Writes the suggestions as a new list in the same style, checks it again, and counts the
   corrected entries citecheck itself reads back as `verified`.
Prints, per style: miscited entries, mismatched, corrected entries verified (target >= 98%),
and how often the style detected for the list was the labelled one.

Few works of the parsing benchmark are in the fakes' corpus, so a second table does the same
with `--corpus N` journal articles drawn from the corpus itself (tests/fakes, seeded), each
miscited in every style: written by citeproc from a copy of the record with a wrong
volume and wrong pages, which is how a careless author's reference manager would print it.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from citecheck.check import check_paths  # noqa: E402
from citecheck.model import Record, Source, Status  # noqa: E402
from citecheck.settings import Settings  # noqa: E402
from citecheck.suggest import STYLES, detect_style, render  # noqa: E402
from fakes import load_corpus, start_fakes  # noqa: E402  (the tests' local services)

DATA = REPO / "bench" / "data" / "references.jsonl"
# The benchmark's style labels -> the CSL style the detector should name.
EXPECTED = {
    "apa": "apa",
    "vancouver": "vancouver",
    "pmc": "vancouver",
    "ama": "american-medical-association",
    "harvard": "harvard-cite-them-right",
    "ieee": "ieee",
    "chicago-ad": "chicago-author-date",
    "mla": "modern-language-association",
    "example": "apa",
}


def miscite(item: dict[str, object]) -> str | None:
    """The entry with a wrong volume and wrong pages, or None if its text lacks them."""
    text, volume, pages = str(item["text"]), item.get("volume"), item.get("pages")
    if not volume or not pages or not str(volume).isdigit():
        return None
    first = re.match(r"[A-Za-z]?(\d+)", str(pages))
    if not first:
        return None
    wrong_volume = str(int(str(volume)) + 7)
    start = int(first.group(1))
    shift = 113
    edited = re.sub(rf"(?<![\d.]){re.escape(str(volume))}(?![\d])", wrong_volume, text, count=1)
    edited = re.sub(
        rf"(?<![\d.]){start}(?!\d)",
        str(start + shift),
        edited,
        count=1,
    )
    if edited == text or wrong_volume not in edited or str(start + shift) not in edited:
        return None
    return edited


def write_list(folder: Path, name: str, entries: list[str]) -> Path:
    path = folder / f"{name}.txt"
    body = "\n".join(f"{n}. {entry}" for n, entry in enumerate(entries, 1))
    path.write_text(f"A page citing works\n\nReferences\n\n{body}\n", encoding="utf-8")
    return path


def corpus_lists(count: int) -> dict[str, list[str]]:
    """`count` corpus articles, miscited, written in each style."""
    works = [
        w
        for w in load_corpus().works
        if w.in_crossref and w.type == "journal-article" and w.volume and w.pages and w.authors
    ]
    chosen = random.Random(20).sample(works, min(count, len(works)))
    lists: dict[str, list[str]] = defaultdict(list)
    for work in chosen:
        first, _, last = work.pages.partition("-") if work.pages else ("", "", "")
        if not first.isdigit():
            continue
        shift = 113
        pages = (
            f"{int(first) + shift}-{int(last) + shift}"
            if last.isdigit()
            else str(int(first) + shift)
        )
        record = Record(
            Source.CROSSREF,
            authors=tuple(a.medline for a in work.authors),
            title=work.title,
            journal=work.journal,
            journals=(work.journal, work.journal_abbrev),
            year=work.year,
            volume=str(int(work.volume) + 7)
            if work.volume and work.volume.isdigit()
            else work.volume,
            issue=work.issue,
            pages=pages,
        )
        for style in STYLES:
            lists[style].append(render(replace(record), style))
    return lists


def run(
    name: str, lists: dict[str, list[str]], expected: Callable[[str], str], settings: Settings
) -> None:
    print(
        f"{name}\n{'style':<12} {'detected as':<30} {'miscited':>8} {'mismatched':>10} {'corrected verified':>19}"
    )
    total_mismatched = total_verified = 0
    with tempfile.TemporaryDirectory() as folder:
        for style, entries in sorted(lists.items()):
            report = check_paths([str(write_list(Path(folder), style, entries))], settings)
            detected = detect_style(entries)
            verdicts = report.files[0].verdicts
            fixed = [
                v.suggestion for v in verdicts if v.status is Status.MISMATCHED and v.suggestion
            ]
            mismatched = sum(1 for v in verdicts if v.status is Status.MISMATCHED)
            verified = 0
            if fixed:
                again = check_paths(
                    [str(write_list(Path(folder), f"{style}-fixed", fixed))], settings
                )
                verified = sum(1 for v in again.files[0].verdicts if v.status is Status.VERIFIED)
            total_mismatched += mismatched
            total_verified += verified
            want = expected(style)
            mark = "" if detected == want else f" (want {STYLES[want]})"
            share = verified / mismatched if mismatched else float("nan")
            print(
                f"{style:<12} {STYLES[detected] + mark:<30} {len(entries):>8} {mismatched:>10} "
                f"{verified:>8}/{mismatched:<4} {share:>6.1%}"
            )
    print(
        f"{'all':<12} {'':<30} {'':>8} {total_mismatched:>10} {total_verified:>8}/{total_mismatched:<4} "
        f"{total_verified / max(1, total_mismatched):>6.1%}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=int, default=40, help="corpus articles per style")
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    by_style: dict[str, list[str]] = defaultdict(list)
    for item in rows:
        if item["kind"] == "article" and item["style"] in EXPECTED:
            edited = miscite(item)
            if edited:
                by_style[item["style"]].append(edited)
    server, app = start_fakes()
    settings = Settings(
        crossref_url=app.crossref_url, pubmed_url=app.pubmed_url, mailto="bench@example.org"
    )
    try:
        run(
            "parsing benchmark (bench/data/references.jsonl), miscited:",
            by_style,
            EXPECTED.__getitem__,
            settings,
        )
        if args.corpus:
            run(
                f"{args.corpus} corpus articles per style, miscited:",
                corpus_lists(args.corpus),
                str,
                settings,
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
