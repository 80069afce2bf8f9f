"""bench/claims.py's set of real cited works with abstracts and MeSH headings: Europe PMC
open-access articles of one field that cite each other.

petermr/tigr2ess (CC BY 4.0; articles as Europe PMC gave them, each with its own licence)
holds four corpora downloaded with getpapers: rice, wheat and millet (crops/*/corpus) and
Ocimum sanctum, holy basil (osanctum-backup, problems/ocimumten_xml). Each article folder
has the JATS full text (fulltext.xml) and Europe PMC's record (eupmc_result.json: title,
abstractText, meshHeadingList with major topics and qualifiers, chemicalList,
keywordList, license). An article citing another article of the corpora (by PMID or DOI
in its reference list) gives a real citing sentence and a cited work described as PubMed
describes it: the record EFetch would give citecheck (MeSH headings and substances for
the works MEDLINE indexes; title, abstract and keywords for all).

Pairs, labelled by construction:
  * authors: a sentence citing exactly one reference, that reference being a corpus
    article: not off_topic;
  * repaired: the same sentence with another corpus article the same citing article
    cites, outside the sentence's paragraph ("same article"); when the article cites no
    other, a corpus article of the same field it does not cite ("same field"): off_topic.
Only articles under a Creative Commons licence are used, citing and cited.
Hand-labelled subtle cases (bench/claims/subtle_epmc.jsonl): an authors' sentence with the
uncited work of its field that shares most of its words, labelled by reading the sentence
and the work's abstract (off_topic: same plant, crop or method, other question; not: the
work is about what the sentence says).

Get the mirror (the `fetch` tool): fetch github:petermr/tigr2ess
"""

from __future__ import annotations

import functools
import json
import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claims_jats import Mirror, body_text, citing_sentences

from citecheck.model import MeshHeading, Source, Subject

DEFAULT_MIRROR = Path("/work/.mirror/petermr+tigr2ess/repo")
# Folder prefix -> field; the holy basil articles come twice more as working copies
# (osanctum200, osanctum-searched), read once.
CORPORA = {
    "crops/rice/corpus/": "rice",
    "crops/wheat/corpus/": "wheat",
    "crops/millet/corpus/": "millet",
    "osanctum-backup/": "holy basil",
    "problems/ocimumten_xml/": "holy basil",
}
SEED = 12
LIST_SIZE = 20
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Work:
    pmcid: str
    field: str
    licence: str
    subject: Subject
    folder: str


@dataclass(frozen=True)
class Pair:
    article: str  # the citing article's folder in the mirror
    sentence: str
    cited: Work
    kind: str  # "authors", "repaired (same article)", "repaired (same field)"
    off_topic: bool  # the label
    document: str  # the citing article's body, whose words a run weighs the sentence's by
    # The article's cited corpus works (its list, as far as the corpus knows it), the one
    # its authors cited for the sentence, and uncited works of its field that make the
    # list LIST_SIZE long (a stress test: a real list holds more works than the corpus).
    listed: tuple[Work, ...] = ()
    true: Work | None = None
    padding: tuple[Work, ...] = ()


def _first(record: dict[str, Any], key: str) -> Any:
    value = record.get(key)
    return value[0] if isinstance(value, list) and value else None


def _mesh(record: dict[str, Any]) -> tuple[MeshHeading, ...]:
    """Europe PMC's meshHeadingList as the MeSH headings EFetch gives: a heading is a
    major topic when its descriptor or one of its qualifiers is starred."""
    headings = []
    for group in record.get("meshHeadingList") or []:
        for heading in group.get("meshHeading") or []:
            name = _first(heading, "descriptorName")
            if not name:
                continue
            qualifiers = [
                q
                for qualifier_list in heading.get("meshQualifierList") or []
                for q in qualifier_list.get("meshQualifier") or []
            ]
            major = _first(heading, "majorTopic_YN") == "Y" or any(
                _first(q, "majorTopic_YN") == "Y" for q in qualifiers
            )
            names = tuple(_first(q, "qualifierName") for q in qualifiers)
            headings.append(MeshHeading(name, major, tuple(n for n in names if n)))
    return tuple(headings)


def _keywords(record: dict[str, Any]) -> tuple[str, ...]:
    """Author keywords and substances, as EFetch's KeywordList and ChemicalList."""
    words = [
        k for group in record.get("keywordList") or [] for k in group.get("keyword") or [] if k
    ]
    words += [
        _first(c, "name")
        for group in record.get("chemicalList") or []
        for c in group.get("chemical") or []
        if _first(c, "name")
    ]
    return tuple(dict.fromkeys(words))


def subject_of(record: dict[str, Any], with_mesh: bool = True) -> Subject:
    abstract = " ".join(_TAG.sub(" ", _first(record, "abstractText") or "").split())
    return Subject(
        Source.PUBMED,
        title=(_first(record, "title") or "").rstrip(".") or None,
        abstract=abstract or None,
        mesh=_mesh(record) if with_mesh else (),
        keywords=_keywords(record),
        pmid=_first(record, "pmid"),
        doi=(_first(record, "doi") or "").lower() or None,
    )


def _folders(mirror: Mirror) -> dict[str, tuple[str, str]]:
    """PMCID -> (folder, field), each article once."""
    chosen: dict[str, tuple[str, str]] = {}
    for name in mirror.names():
        for prefix, field in CORPORA.items():
            if name.startswith(prefix) and name.endswith("/eupmc_result.json"):
                folder = name.rsplit("/", 1)[0]
                chosen.setdefault(folder.rsplit("/", 1)[1], (folder, field))
    return chosen


def load_works(mirror: Mirror) -> dict[str, Work]:
    folders = _folders(mirror)
    works = {}
    paths = [f"{folder}/eupmc_result.json" for folder, _ in folders.values()]
    for path, content in mirror.read_many(paths):
        if content is None:
            continue
        record = json.loads(content)
        folder = path.rsplit("/", 1)[0]
        pmcid = folder.rsplit("/", 1)[1]
        licence = (_first(record, "license") or "").lower()
        subject = subject_of(record)
        if licence.startswith("cc") and subject.abstract:
            works[pmcid] = Work(pmcid, folders[pmcid][1], licence, subject, folder)
    return works


def _cited_works(root: ET.Element, by_id: dict[str, Work]) -> dict[str, Work]:
    """ref id -> the corpus article a reference names by PMID or DOI."""
    cited = {}
    for ref in root.iter("ref"):
        for pub_id in ref.iter("pub-id"):
            kind = pub_id.get("pub-id-type")
            value = (pub_id.text or "").strip().lower()
            work = by_id.get(f"{kind}:{value}")
            if work is not None and ref.get("id"):
                cited[ref.get("id", "")] = work
                break
    return cited


@dataclass(frozen=True)
class Citing:
    work: Work
    cited: dict[str, Work]  # corpus works by ref id
    sentences: list[tuple[str, str, frozenset[str]]]  # single-citation sentences
    document: str  # its body text


def citing_articles(mirror: Mirror, works: dict[str, Work]) -> list[Citing]:
    """Every corpus article that cites another, with the sentences citing one."""
    by_id: dict[str, Work] = {}
    for work in works.values():
        if work.subject.pmid:
            by_id[f"pmid:{work.subject.pmid}"] = work
        if work.subject.doi:
            by_id[f"doi:{work.subject.doi}"] = work
    found = []
    paths = [f"{w.folder}/fulltext.xml" for w in works.values()]
    for path, content in mirror.read_many(paths):
        if content is None:
            continue
        try:
            root = ET.fromstring(content)
        except ET.ParseError:
            continue
        citing = works[path.rsplit("/", 2)[1]]
        cited = {r: w for r, w in _cited_works(root, by_id).items() if w.pmcid != citing.pmcid}
        if not cited:
            continue
        numbers = {ref.get("id", ""): n for n, ref in enumerate(root.iter("ref"), 1)}
        sentences = [s for s in citing_sentences(root, numbers) if s[1] in cited]
        if sentences:
            found.append(Citing(citing, cited, sentences, body_text(root, numbers)))
    return sorted(found, key=lambda c: c.work.pmcid)


SUBTLE = Path(__file__).resolve().parent / "claims" / "subtle_epmc.jsonl"


@functools.cache
def _corpus(mirror_path: Path) -> tuple[dict[str, Work], list[Citing]]:
    """The corpus works by PMCID and the articles citing them (read once per run)."""
    mirror = Mirror(mirror_path)
    works = load_works(mirror)
    return works, citing_articles(mirror, works)


def subtle_set(mirror_path: Path) -> list[Pair]:
    """The hand-labelled cases: each names its article, the start of its sentence, the
    PMCID of the work it is paired with, and the label."""
    works, citings = _corpus(mirror_path)
    by_folder = {c.work.folder: c for c in citings}
    pairs = []
    for line in SUBTLE.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        citing = by_folder[case["article"]]
        sentence, rid, _ = next(
            s for s in citing.sentences if s[0].startswith(case["sentence_starts"])
        )
        listed = tuple(sorted({w.pmcid: w for w in citing.cited.values()}.values(), key=_id))
        work = works[case["cited"]]
        true = citing.cited[rid]
        pairs.append(
            Pair(
                citing.work.folder,
                sentence,
                work,
                "subtle",
                case["off_topic"],
                citing.document,
                listed,
                true,
            )
        )
    return pairs


def build_set(mirror_path: Path) -> list[Pair]:
    works, citings = _corpus(mirror_path)
    by_field: dict[str, list[Work]] = defaultdict(list)
    for work in works.values():
        by_field[work.field].append(work)
    pairs: list[Pair] = []
    for citing in citings:
        rng = random.Random(f"{SEED}:{citing.work.pmcid}")
        by_ref: dict[str, list[tuple[str, frozenset[str]]]] = defaultdict(list)
        for sentence, rid, paragraph in citing.sentences:
            by_ref[rid].append((sentence, paragraph))
        not_cited = [
            w
            for w in by_field[citing.work.field]
            if w.pmcid not in {c.pmcid for c in citing.cited.values()} | {citing.work.pmcid}
        ]
        folder, document = citing.work.folder, citing.document
        listed = tuple(sorted({w.pmcid: w for w in citing.cited.values()}.values(), key=_id))
        for rid in sorted(by_ref):
            sentence, paragraph = rng.choice(by_ref[rid])
            work = citing.cited[rid]
            padder = random.Random(f"{SEED}:{citing.work.pmcid}:{rid}")
            padding = tuple(padder.sample(not_cited, min(len(not_cited), LIST_SIZE - len(listed))))
            pairs.append(
                Pair(folder, sentence, work, "authors", False, document, listed, work, padding)
            )
            others = sorted(
                {
                    w.pmcid: w
                    for r, w in citing.cited.items()
                    if r not in paragraph and w.pmcid != work.pmcid
                }.values(),
                key=lambda w: w.pmcid,
            )
            if others:
                other, kind = rng.choice(others), "repaired (same article)"
            else:
                other, kind = rng.choice(not_cited), "repaired (same field)"
            pairs.append(Pair(folder, sentence, other, kind, True, document, listed, work, padding))
    return pairs


def _id(work: Work) -> str:
    return work.pmcid
