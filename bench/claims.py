"""Does the claim check tell a sentence citing the wrong work? Precision and recall of
off_topic on real citing sentences, per source of what the cited work is about.

Sets (built at run time from mirrors; nothing fetched is committed; origins and licences
in bench/claims/manifest.json):
  * Europe PMC (claims_epmc.py): open-access articles on rice, wheat, millet and holy
    basil citing each other; the cited work is described by its own Europe PMC record,
    as EFetch would describe it: MeSH headings (major topics, qualifiers), substances,
    keywords, title and abstract for the works MEDLINE indexes ("MeSH + abstract"), title,
    abstract and keywords for the others ("abstract only"). Each sentence with the work
    its authors cited (not off_topic) and re-paired with another corpus work the same
    article cites elsewhere, or else one of its field it does not cite (off_topic). Each
    sentence is also held against the other corpus works of its article's list
    (claims/listed.py). Two stress rows: each list padded to 20 works with uncited works of
    the field, and padded with the right work (the authors') left out of it.
  * PLOS (claims_plos.py): sentences of PLOS articles with the cited work's title alone,
    plus the hand-labelled subtle cases (bench/claims/subtle.jsonl).
Then the example page (fixtures/ketamine-clinic-pain.txt) against the fake services:
Berman's pain claim must be off_topic, Li's synapse-formation claim not.

The judgement is the one a run makes locally (citecheck.claims.judge); a run also asks
PubMed whether it indexes a work under a condition before calling it off_topic (review.py),
which no mirror can answer: that step can only turn off_topic into matches.

Get the mirrors first (the `fetch` tool): fetch github:petermr/tigr2ess and
fetch github:PLOS/allofplos
Run:  python bench/claims.py [--epmc PATH] [--plos PATH] [--show 5]
For the code before a change, run it with another checkout's sources first on the path:
      PYTHONPATH=/path/to/other/src python bench/claims.py
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import claims_epmc
import claims_plos

from citecheck.claims import judge
from citecheck.claims.sentences import strip_citations
from citecheck.model import Subject, Topic

try:  # the citing document's own words weigh the sentence's (claims/weights.py)
    from citecheck.claims.weights import background
except ImportError:  # code from before the weights, for a before/after run
    background = None
try:  # another work of the same list may fit the sentence far better (claims/listed.py)
    from citecheck.claims.listed import Listed, better_listed
except ImportError:  # code from before
    Listed = better_listed = None

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Case:
    source: str
    kind: str  # "authors", "repaired ...", "subtle"
    article: str
    sentence: str
    subject: Subject
    off_topic: bool  # the label
    document: str  # the citing article's body
    others: tuple[Any, ...] = ()  # the other works of its list (listed.Listed)


@dataclass(frozen=True)
class Row:
    case: Case
    topic: Topic
    why: str


_WEIGHED: dict[str, Any] = {}  # each citing article's words, weighed once


def evaluate(cases: Sequence[Case], thresholds: Any = None) -> list[Row]:
    rows = []
    options = {} if thresholds is None else {"thresholds": thresholds}
    for case in cases:
        sentence = strip_citations(case.sentence)
        if background is None:
            judgement = judge(sentence, case.subject, **options)
        else:
            if case.article not in _WEIGHED:
                _WEIGHED[case.article] = background(case.document)
            document = _WEIGHED[case.article]
            judgement = judge(sentence, case.subject, document=document, **options)
            if better_listed is not None and case.others:
                judgement = better_listed(sentence, judgement, case.others, document, **options)
        rows.append(Row(case, judgement.topic, judgement.why))
    return rows


HEADER = (
    f"{'':<34} {'pairs':>5} {'flagged':>7} {'right':>5} {'precision':>9} {'recall':>6} "
    f"{'authors_flagged':>15} {'unknown':>7}"
)


def line(name: str, rows: Sequence[Row]) -> str:
    flagged = [r for r in rows if r.topic is Topic.OFF_TOPIC]
    wanted = [r for r in rows if r.case.off_topic]
    right = [r for r in flagged if r.case.off_topic]
    authors = [r for r in rows if r.case.kind == "authors"]
    alarms = sum(1 for r in authors if r.topic is Topic.OFF_TOPIC)
    # Precision needs both labels in the group (a group of re-paired pairs alone shows recall).
    mixed = wanted and len(wanted) < len(rows)
    precision = f"{len(right) / len(flagged):.3f}" if flagged and mixed else "-"
    recall = f"{len(right) / len(wanted):.3f}" if wanted else "-"
    rate = f"{alarms}/{len(authors)} {alarms / len(authors):.1%}" if authors else "-"
    unknown = sum(1 for r in rows if r.topic is Topic.UNKNOWN)
    return (
        f"{name:<34} {len(rows):>5} {len(flagged):>7} {len(right):>5} {precision:>9} "
        f"{recall:>6} {rate:>15} {unknown:>7}"
    )


def epmc_cases(mirror: Path) -> tuple[list[Case], list[Case], str]:
    """(cases as PubMed would describe the works, the MeSH-indexed ones again without
    their MeSH headings, a description of the set)."""
    pairs = claims_epmc.build_set(mirror)
    cases = []
    stress = []
    for pair in pairs:
        source = "epmc: MeSH + abstract" if pair.cited.subject.mesh else "epmc: abstract only"
        case = Case(
            source,
            pair.kind,
            pair.article,
            pair.sentence,
            pair.cited.subject,
            pair.off_topic,
            pair.document,
            _others(pair.listed, pair.cited),
        )
        cases.append(case)
        padded = _others(pair.listed + pair.padding, pair.cited)
        stress.append(replace(case, source=PADDED, others=padded))
        if pair.off_topic:  # the work the sentence needs is not in the list at all
            absent = _others(pair.listed + pair.padding, pair.cited, pair.true)
            stress.append(replace(case, source=ABSENT, others=absent))
        else:
            stress.append(replace(case, source=ABSENT, others=padded))
    withheld = [
        replace(c, source="epmc: MeSH withheld", subject=replace(c.subject, mesh=()))
        for c in cases
        if c.subject.mesh
    ]
    withheld += stress
    for pair in claims_epmc.subtle_set(mirror):
        alone = Case(
            SUBTLE_ALONE,
            pair.kind,
            pair.article,
            pair.sentence,
            pair.cited.subject,
            pair.off_topic,
            pair.document,
        )
        # The article's list holds the work its authors cited, unless that is the pair's.
        listed = _others(pair.listed, pair.cited)
        withheld += [alone, replace(alone, source=SUBTLE_LISTED, others=listed)]
    commit = claims_epmc.Mirror(mirror).commit()
    articles = len({p.article for p in pairs})
    licences = sorted({p.cited.licence for p in pairs})
    about = (
        f"petermr/tigr2ess@{commit[:12]}: {articles} citing articles, {len(pairs)} pairs, "
        f"{len({p.cited.pmcid for p in pairs})} cited works ({', '.join(licences)})"
    )
    return cases, withheld, about


MAIN = ("epmc: MeSH + abstract", "epmc: abstract only")
PADDED = f"epmc: list padded to {claims_epmc.LIST_SIZE}"
ABSENT = "epmc: padded, right work unlisted"
SUBTLE_ALONE = "epmc: subtle (hand), work alone"
SUBTLE_LISTED = "epmc: subtle (hand), with its list"


def _others(works: Sequence[claims_epmc.Work], *leave: claims_epmc.Work | None) -> tuple[Any, ...]:
    """The list's works as listed.Listed, but those in `leave` (none before listed.py)."""
    if Listed is None:
        return ()
    gone = {w.pmcid for w in leave if w is not None}
    return tuple(
        Listed(f"{w.pmcid} ({(w.subject.title or '')[:60]})", w.subject)
        for w in works
        if w.pmcid not in gone
    )


def plos_cases(mirror: Path) -> tuple[list[Case], list[Case], str]:
    def case(pair: claims_plos.Pair, source: str) -> Case:
        return Case(
            source,
            pair.kind,
            pair.article,
            pair.sentence,
            pair.subject,
            pair.off_topic,
            pair.document,
        )

    pairs = claims_plos.build_set(mirror)
    subtle = claims_plos.subtle_set(mirror)
    commit = claims_plos.Mirror(mirror).commit()
    about = (
        f"PLOS/allofplos@{commit[:12]} starter corpus: {len({p.article for p in pairs})} "
        f"articles, {len(pairs)} pairs, {len(subtle)} subtle (CC BY 4.0)"
    )
    return (
        [case(p, "plos: title only") for p in pairs],
        [case(p, "plos: subtle (hand-labelled)") for p in subtle],
        about,
    )


def example_page() -> tuple[str, str]:
    """Berman's and Li's claims on the example page, against the fake services."""
    sys.path.insert(0, str(REPO / "tests"))
    from citecheck.check import check_paths
    from citecheck.settings import Settings
    from fakes import start_fakes  # the tests' local Crossref and PubMed

    server, app = start_fakes()
    try:
        settings = Settings(
            crossref_url=app.crossref_url, pubmed_url=app.pubmed_url, mailto="bench@example.org"
        )
        report = check_paths([str(REPO / "fixtures" / "ketamine-clinic-pain.txt")], settings)
    finally:
        server.stop()
    topics = {v.reference.authors[0].split()[0]: v.claims for v in report.files[0].verdicts}
    berman, li = (
        "; ".join(f"{c.topic.value}: {c.why}" for c in topics[name]) for name in ("Berman", "Li")
    )
    return berman, li


def _table(rows: Sequence[Row], groups: Sequence[tuple[str, Callable[[Row], bool]]]) -> None:
    print(HEADER)
    for name, keep in groups:
        chosen = [r for r in rows if keep(r)]
        if chosen:
            print(line(name, chosen))


def sweep(cases: Sequence[Case]) -> None:
    """How the coverage threshold was chosen: each value on two halves of the Europe PMC
    set (citing articles split by a hash of their folder), so that a value picked on one
    half is seen on the other."""
    from zlib import crc32

    from citecheck.claims.topic import DEFAULT

    halves = [[c for c in cases if crc32(c.article.encode()) % 2 == h] for h in (0, 1)]
    print(
        f"{'min_coverage':>12}  half A: precision recall authors  |  half B: precision recall authors"
    )
    for value in (0.05, 0.08, 0.10, 0.12, 0.14, 0.15, 0.16, 0.18, 0.20, 0.25):
        thresholds = replace(DEFAULT, min_coverage=value)
        cells = []
        for half in halves:
            rows = evaluate(half, thresholds)
            flagged = [r for r in rows if r.topic is Topic.OFF_TOPIC]
            right = sum(1 for r in flagged if r.case.off_topic)
            wanted = sum(1 for r in rows if r.case.off_topic)
            authors = [r for r in rows if r.case.kind == "authors"]
            alarms = sum(1 for r in authors if r.topic is Topic.OFF_TOPIC)
            cells.append(
                f"{right / max(1, len(flagged)):.3f} {right / wanted:.3f} {alarms / len(authors):6.1%}"
            )
        print(f"{value:>12.2f}  {cells[0]:>33}  |  {cells[1]:>33}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--epmc", type=Path, default=claims_epmc.DEFAULT_MIRROR)
    parser.add_argument("--plos", type=Path, default=claims_plos.DEFAULT_MIRROR)
    parser.add_argument("--show", type=int, default=5, help="off_topic findings to print")
    parser.add_argument("--no-example", action="store_true", help="skip the example page")
    parser.add_argument(
        "--sweep", action="store_true", help="the coverage threshold on two halves of the set"
    )
    args = parser.parse_args()
    for mirror, name in ((args.epmc, "petermr/tigr2ess"), (args.plos, "PLOS/allofplos")):
        if not mirror.exists():
            sys.exit(f"no mirror at {mirror}: fetch github:{name} first")
    epmc, withheld, epmc_about = epmc_cases(args.epmc)
    if args.sweep:
        sweep(epmc)
        return
    plos, subtle, plos_about = plos_cases(args.plos)
    rows = evaluate(epmc + withheld + plos + subtle)
    print(f"set: {epmc_about}")
    print(f"set: {plos_about}")
    print("flagged = judged off_topic; precision and recall of off_topic against the labels")
    _table(
        rows,
        [
            ("epmc: MeSH + abstract", lambda r: r.case.source == "epmc: MeSH + abstract"),
            ("epmc: abstract only", lambda r: r.case.source == "epmc: abstract only"),
            (
                "epmc: all",
                lambda r: r.case.source in MAIN,
            ),
            (
                "  re-paired in the same article",
                lambda r: r.case.source in MAIN and r.case.kind == "repaired (same article)",
            ),
            (
                "  re-paired in the same field",
                lambda r: r.case.source in MAIN and r.case.kind == "repaired (same field)",
            ),
            ("epmc: MeSH works, MeSH withheld", lambda r: r.case.source == "epmc: MeSH withheld"),
            (PADDED, lambda r: r.case.source == PADDED),
            (ABSENT, lambda r: r.case.source == ABSENT),
            (SUBTLE_ALONE, lambda r: r.case.source == SUBTLE_ALONE),
            (SUBTLE_LISTED, lambda r: r.case.source == SUBTLE_LISTED),
            ("plos: title only", lambda r: r.case.source == "plos: title only"),
            (
                "plos: subtle (hand-labelled)",
                lambda r: r.case.source == "plos: subtle (hand-labelled)",
            ),
        ],
    )
    if not args.no_example:
        berman, li = example_page()
        print(f"example page: Berman: {berman}")
        print(f"example page: Li:     {li}")
    found = [
        r for r in rows if r.topic is Topic.OFF_TOPIC and r.case.off_topic and r.case.source in MAIN
    ]
    # A few of each kind of finding: re-paired in the article or the field, and found by
    # the list rule or by the work alone.
    kinds: dict[tuple[str, bool], list[Row]] = {}
    for row in found:
        kinds.setdefault((row.case.kind, "same list" in row.why), []).append(row)
    spread = [row for group in itertools.zip_longest(*kinds.values()) for row in group if row]
    for row in spread[: args.show]:
        subject = row.case.subject
        headings = ", ".join(h.descriptor + ("*" if h.major else "") for h in subject.mesh[:8])
        print(f"\n[{row.case.source}, {row.case.kind}] {row.case.article}")
        print(f"  sentence: {row.case.sentence}")
        print(f"  cited:    {subject.title} (PMID {subject.pmid})")
        if headings:
            print(f"  MeSH:     {headings}")
        print(f"  why:      {row.why}")


if __name__ == "__main__":
    main()
