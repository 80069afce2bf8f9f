"""Does the claim check tell a sentence citing the wrong work? Precision and recall of
off_topic on real citing sentences.

The set (built at run time; nothing fetched is committed):
  * authors' pairs: a sentence of a real open-access article (PLOS, CC BY 4.0, from the
    PMC open-access subset; PLOS/allofplos's starter corpus) that cites exactly one
    reference, with that reference: labelled "not off_topic";
  * re-paired: the same kind of sentence with another reference of the same article,
    not cited in that paragraph: labelled "off_topic";
  * subtle cases labelled by hand (bench/claims/subtle.jsonl): sentences from the same
    articles paired with a reference of the same article that shares the drug, disease
    or organism but not what the sentence claims, or that does support it.
What a cited work is about comes from the citing article's own reference list: the cited
work's title as its authors recorded it (real data, but only the title: the mirrors that
could be fetched here hold no abstract or MeSH for these works, so this measures the
check on a work described by its title, as for a Crossref record without abstract).

Then the example page (fixtures/ketamine-clinic-pain.txt) against the fake services:
Berman's pain claim must be off_topic, Li's synapse-formation claim not.

Get the mirror first (the `fetch` tool): fetch github:PLOS/allofplos
Run:  python bench/claims.py [--mirror /work/.mirror/PLOS+allofplos/repo] [--show 5]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from citecheck.claims import judge
from citecheck.claims.sentences import citing_context, strip_citations
from citecheck.model import Source, Subject, Topic

REPO = Path(__file__).resolve().parents[1]
DEFAULT_MIRROR = Path("/work/.mirror/PLOS+allofplos/repo")
SUBTLE = Path(__file__).with_name("claims") / "subtle.jsonl"
SEED = 12
PER_ARTICLE = 2  # sentences of each kind taken from one article: many articles, not a few
XLINK = "{http://www.w3.org/1999/xlink}"


@dataclass(frozen=True)
class Pair:
    article: str  # path in the mirror
    sentence: str
    ref_id: str
    title: str
    kind: str  # "authors", "repaired" or "subtle"
    off_topic: bool  # the label


def _git(mirror: Path, *args: str) -> str:
    return subprocess.run(
        ["git", f"--git-dir={mirror}", *args], check=True, capture_output=True, text=True
    ).stdout


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _references(root: ET.Element) -> dict[str, str]:
    """ref id -> the cited work's title, for journal articles with a title."""
    titles = {}
    for ref in root.iter("ref"):
        title = ref.find(".//article-title")
        if ref.get("id") and title is not None and len(_text(title).split()) >= 3:
            titles[ref.get("id", "")] = _text(title)
    return titles


def _paragraph(p: ET.Element, numbers: dict[str, int]) -> tuple[str, list[tuple[int, str]]]:
    """The paragraph's text with each reference xref as "[n]", and (offset, ref id) of each."""
    parts: list[str] = []
    cites: list[tuple[int, str]] = []

    def walk(node: ET.Element) -> None:
        if node.tag == "xref" and node.get("ref-type") == "bibr":
            rid = (node.get("rid") or "").split()[0] if node.get("rid") else ""
            cites.append((sum(len(s) for s in parts), rid))
            parts.append(f"[{numbers.get(rid, 0)}]")
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag in ("table-wrap", "fig", "disp-formula"):
                if child.tail:
                    parts.append(child.tail)
                continue
            walk(child)
        if node.tail and node is not p:
            parts.append(node.tail)

    walk(p)
    return "".join(parts), cites


def article_sentences(xml: str) -> tuple[dict[str, str], list[tuple[str, str, set[str]]]]:
    """(titles by ref id, [(sentence, the one ref id it cites, ref ids of its paragraph)])."""
    root = ET.fromstring(xml)
    titles = _references(root)
    numbers = {rid: n for n, rid in enumerate(titles, 1)}
    body = root.find(".//body")
    found: list[tuple[str, str, set[str]]] = []
    if body is None:
        return titles, found
    for p in body.iter("p"):
        text, cites = _paragraph(p, numbers)
        in_paragraph = {rid for _, rid in cites}
        for offset, rid in cites:
            start, sentence = citing_context(text, offset)
            cited_here = {r for o, r in cites if start <= o < start + len(sentence)}
            if cited_here == {rid} and rid in titles and re.search(r"[a-z]{4}", sentence):
                found.append((sentence, rid, in_paragraph))
    unique = {(sentence, rid): (sentence, rid, paragraph) for sentence, rid, paragraph in found}
    return titles, list(unique.values())


def build_set(mirror: Path) -> list[Pair]:
    names = [
        n
        for n in _git(mirror, "ls-tree", "-r", "--name-only", "HEAD").split()
        if n.startswith("allofplos/starter_corpus/") and n.endswith(".xml")
    ]
    pairs: list[Pair] = []
    for name in sorted(names):
        titles, sentences = article_sentences(_git(mirror, "show", f"HEAD:{name}"))
        if len(titles) < 5 or not sentences:
            continue
        rng = random.Random(f"{SEED}:{name}")
        chosen = rng.sample(sentences, min(PER_ARTICLE, len(sentences)))
        for sentence, rid, paragraph in chosen:
            pairs.append(Pair(name, sentence, rid, titles[rid], "authors", False))
            others = sorted(set(titles) - paragraph)
            if others:
                other = rng.choice(others)
                pairs.append(Pair(name, sentence, other, titles[other], "repaired", True))
    return pairs


def subtle_set(mirror: Path) -> list[Pair]:
    """The hand-labelled cases: each names its article, the start of the sentence, the
    reference id and the label."""
    if not SUBTLE.exists():
        return []
    cache: dict[str, tuple[dict[str, str], list[tuple[str, str, set[str]]]]] = {}
    pairs = []
    for line in SUBTLE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        if case["article"] not in cache:
            cache[case["article"]] = article_sentences(
                _git(mirror, "show", f"HEAD:{case['article']}")
            )
        titles, sentences = cache[case["article"]]
        sentence = next((s for s, _, _ in sentences if s.startswith(case["sentence_starts"])), None)
        if sentence is None or case["ref"] not in titles:
            print(
                f"subtle case not found: {case['article']} {case['sentence_starts']!r}",
                file=sys.stderr,
            )
            continue
        pairs.append(
            Pair(
                case["article"],
                sentence,
                case["ref"],
                titles[case["ref"]],
                "subtle",
                case["off_topic"],
            )
        )
    return pairs


def evaluate(pairs: list[Pair]) -> list[tuple[Pair, Topic, str]]:
    results = []
    for pair in pairs:
        judgement = judge(
            strip_citations(pair.sentence), Subject(Source.CROSSREF, title=pair.title)
        )
        results.append((pair, judgement.topic, judgement.why))
    return results


def _report(name: str, rows: list[tuple[Pair, Topic, str]]) -> None:
    flagged = [r for r in rows if r[1] is Topic.OFF_TOPIC]
    wanted = [r for r in rows if r[0].off_topic]
    true = [r for r in flagged if r[0].off_topic]
    unknown = sum(1 for r in rows if r[1] is Topic.UNKNOWN)
    precision = len(true) / len(flagged) if flagged else float("nan")
    recall = len(true) / len(wanted) if wanted else float("nan")
    print(
        f"{name:<26} {len(rows):>5} {len(flagged):>9} {len(true):>6} "
        f"{precision:>10.3f} {recall:>7.3f} {unknown:>8}"
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
    return tuple(  # type: ignore[return-value]
        f"{c.topic.value}: {c.why}" for name in ("Berman", "Li") for c in topics[name]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    parser.add_argument("--show", type=int, default=5, help="off_topic findings to print")
    args = parser.parse_args()
    if not args.mirror.exists():
        sys.exit(f"no mirror at {args.mirror}: fetch github:PLOS/allofplos first")
    pairs = build_set(args.mirror)
    subtle = subtle_set(args.mirror)
    rows = evaluate(pairs + subtle)
    commit = _git(args.mirror, "rev-parse", "HEAD").strip()
    articles = len({p.article for p in pairs})
    print(
        f"set: PLOS/allofplos@{commit[:12]} starter corpus, {articles} articles, {len(pairs)} pairs, {len(subtle)} subtle"
    )
    print(
        f"{'':<26} {'pairs':>5} {'off_topic':>9} {'right':>6} {'precision':>10} {'recall':>7} {'unknown':>8}"
    )
    authors = [r for r in rows if r[0].kind == "authors"]
    repaired = [r for r in rows if r[0].kind == "repaired"]
    _report("authors' + re-paired", authors + repaired)
    _report("subtle (hand-labelled)", [r for r in rows if r[0].kind == "subtle"])
    _report("all", rows)
    false_alarms = sum(1 for r in authors if r[1] is Topic.OFF_TOPIC)
    print(
        f"off_topic on the authors' own citations: {false_alarms}/{len(authors)} "
        f"({false_alarms / max(1, len(authors)):.1%})"
    )
    berman, li = example_page()
    print(f"example page: Berman: {berman}")
    print(f"example page: Li:     {li}")
    shown = [r for r in rows if r[1] is Topic.OFF_TOPIC and r[0].off_topic][: args.show]
    for pair, _, why in shown:
        print(
            f"\n[{pair.kind}] {pair.article.rsplit('/', 1)[-1]}\n  sentence: {pair.sentence}\n  cited:    {pair.title}\n  why:      {why}"
        )


if __name__ == "__main__":
    main()
