"""bench/claims.py's set of cited works known by their title alone: PLOS articles.

  * authors' pairs: a sentence of a real open-access article (PLOS, CC BY 4.0, from the
    PMC open-access subset; PLOS/allofplos's starter corpus) that cites exactly one
    reference, with that reference: labelled "not off_topic";
  * re-paired: the same kind of sentence with another reference of the same article,
    not cited in that paragraph: labelled "off_topic";
  * subtle cases labelled by hand (bench/claims/subtle.jsonl): sentences from the same
    articles paired with a reference of the same article that shares the drug, disease
    or organism but not what the sentence claims, or that does support it.
What a cited work is about comes from the citing article's own reference list: the cited
work's title as its authors recorded it (no abstract, no MeSH: as for a Crossref record
without abstract).

Get the mirror (the `fetch` tool): fetch github:PLOS/allofplos
"""

from __future__ import annotations

import json
import random
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from claims_jats import Mirror, body_text, citing_sentences, text_of

from citecheck.model import Source, Subject

DEFAULT_MIRROR = Path("/work/.mirror/PLOS+allofplos/repo")
SUBTLE = Path(__file__).with_name("claims") / "subtle.jsonl"
SEED = 12
PER_ARTICLE = 2  # sentences of each kind taken from one article: many articles, not a few

Sentences = list[tuple[str, str, frozenset[str]]]


@dataclass(frozen=True)
class Pair:
    article: str  # path in the mirror
    sentence: str
    ref_id: str
    title: str
    kind: str  # "authors", "repaired" or "subtle"
    off_topic: bool  # the label
    document: str  # the citing article's body

    @property
    def subject(self) -> Subject:
        return Subject(Source.CROSSREF, title=self.title)


def _titles(root: ET.Element) -> dict[str, str]:
    """ref id -> the cited work's title, for references with a title of 3 words or more."""
    titles = {}
    for ref in root.iter("ref"):
        title = ref.find(".//article-title")
        if ref.get("id") and title is not None and len(text_of(title).split()) >= 3:
            titles[ref.get("id", "")] = text_of(title)
    return titles


def article_sentences(xml: str) -> tuple[dict[str, str], Sentences, str]:
    """(titles by ref id, [(sentence, the one ref id it cites, ref ids of its paragraph)],
    the body's text)."""
    root = ET.fromstring(xml)
    titles = _titles(root)
    numbers = {rid: n for n, rid in enumerate(titles, 1)}
    sentences = [s for s in citing_sentences(root, numbers) if s[1] in titles]
    return titles, sentences, body_text(root, numbers)


def build_set(mirror_path: Path) -> list[Pair]:
    mirror = Mirror(mirror_path)
    names = [
        n
        for n in mirror.names()
        if n.startswith("allofplos/starter_corpus/") and n.endswith(".xml")
    ]
    pairs: list[Pair] = []
    for name in sorted(names):
        titles, sentences, document = article_sentences(mirror.show(name))
        if len(titles) < 5 or not sentences:
            continue
        rng = random.Random(f"{SEED}:{name}")
        chosen = rng.sample(sentences, min(PER_ARTICLE, len(sentences)))
        for sentence, rid, paragraph in chosen:
            pairs.append(Pair(name, sentence, rid, titles[rid], "authors", False, document))
            others = sorted(set(titles) - paragraph)
            if others:
                other = rng.choice(others)
                pairs.append(Pair(name, sentence, other, titles[other], "repaired", True, document))
    return pairs


def subtle_set(mirror_path: Path) -> list[Pair]:
    """The hand-labelled cases: each names its article, the start of the sentence, the
    reference id and the label."""
    mirror = Mirror(mirror_path)
    cache: dict[str, tuple[dict[str, str], Sentences, str]] = {}
    pairs = []
    for line in SUBTLE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        if case["article"] not in cache:
            cache[case["article"]] = article_sentences(mirror.show(case["article"]))
        titles, sentences, document = cache[case["article"]]
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
                document,
            )
        )
    return pairs
