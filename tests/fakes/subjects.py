"""What each corpus record is about, for the fake EFetch: MeSH headings, substances, abstract.

The real works of the example page (Berman 2000, Li 2010) have their headings and abstracts
in fixtures/services/subjects.json. The invented records get headings derived from their
titles through TITLE_HEADINGS (real MeSH descriptors with their unique ids), the first
condition and the first intervention named as major topics, and a one-paragraph abstract
that restates the title, so that every record the fake PubMed serves has the shape of a
MEDLINE-indexed one.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from .corpus import Work, words

SUBJECTS_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "services" / "subjects.json"


@dataclass(frozen=True)
class Heading:
    ui: str
    descriptor: str
    qualifiers: tuple[tuple[str, bool], ...] = ()  # (qualifier, major)
    major: bool = False


@dataclass(frozen=True)
class About:
    headings: tuple[Heading, ...]
    abstract: tuple[tuple[str, str], ...]  # (label or "", text)
    substances: tuple[str, ...]


# title word -> (descriptor UI, descriptor, kind): "c" condition, "i" intervention, "o" other.
TITLE_HEADINGS = {
    "pain": ("D059350", "Chronic Pain", "c"),
    "fibromyalgia": ("D005356", "Fibromyalgia", "c"),
    "migraine": ("D008881", "Migraine Disorders", "c"),
    "neuropathic": ("D009437", "Neuralgia", "c"),
    "neuralgia": ("D051474", "Neuralgia, Postherpetic", "c"),
    "depression": ("D003865", "Depressive Disorder, Major", "c"),
    "depressive": ("D003865", "Depressive Disorder, Major", "c"),
    "bipolar": ("D001714", "Bipolar Disorder", "c"),
    "suicidal": ("D059020", "Suicidal Ideation", "c"),
    "post-traumatic": ("D013313", "Stress Disorders, Post-Traumatic", "c"),
    "sickle": ("D000755", "Anemia, Sickle Cell", "c"),
    "cancer": ("D009369", "Neoplasms", "c"),
    "phantom": ("D010591", "Phantom Limb", "c"),
    "spinal": ("D013119", "Spinal Cord Injuries", "c"),
    "sleep": ("D012893", "Sleep Wake Disorders", "c"),
    "ketamine": ("D007649", "Ketamine", "i"),
    "esketamine": ("D007649", "Ketamine", "i"),
    "arketamine": ("D007649", "Ketamine", "i"),
    "buprenorphine": ("D002047", "Buprenorphine", "i"),
    "pregabalin": ("D000069583", "Pregabalin", "i"),
    "magnesium": ("D008278", "Magnesium Sulfate", "i"),
    "memantine": ("D008559", "Memantine", "i"),
    "duloxetine": ("D000068736", "Duloxetine Hydrochloride", "i"),
    "nitrous": ("D009609", "Nitrous Oxide", "i"),
    "lidocaine": ("D008012", "Lidocaine", "i"),
    "psilocybin": ("D011562", "Psilocybin", "i"),
    "dextromethorphan": ("D003915", "Dextromethorphan", "i"),
    "electroconvulsive": ("D004565", "Electroconvulsive Therapy", "i"),
    "transcranial": ("D050781", "Transcranial Magnetic Stimulation", "i"),
    "opioid": ("D000701", "Analgesics, Opioid", "i"),
    "bdnf": ("D019208", "Brain-Derived Neurotrophic Factor", "o"),
    "blood": ("D001794", "Blood Pressure", "o"),
    "quality": ("D011788", "Quality of Life", "o"),
    "cognitive": ("D003071", "Cognition", "o"),
    "connectivity": ("D001931", "Brain Mapping", "o"),
    "adolescents": ("D000293", "Adolescent", "o"),
    "older": ("D000368", "Aged", "o"),
}
QUALIFIER = {"c": ("drug therapy", True), "i": ("therapeutic use", True), "o": ("", False)}


@functools.cache
def _recorded() -> dict[str, About]:
    raw = json.loads(SUBJECTS_PATH.read_text(encoding="utf-8"))["subjects"]
    found = {}
    for pmid, data in raw.items():
        headings = []
        for line in data["mesh"]:
            head, *qualifiers = (part.strip() for part in line.split("|"))
            ui, _, descriptor = head.partition(" ")
            quals = tuple((q.rstrip("*"), q.endswith("*")) for q in qualifiers)
            headings.append(
                Heading(ui, descriptor.rstrip("*"), quals, major=descriptor.endswith("*"))
            )
        found[pmid] = About(
            tuple(headings),
            tuple((label, text) for label, text in data["abstract"]),
            tuple(data.get("substances") or ()),
        )
    return found


def about(work: Work) -> About:
    """The headings, abstract and substances EFetch serves for a record."""
    if work.pmid in _recorded():
        return _recorded()[work.pmid]
    headings: dict[str, Heading] = {}
    majors = {"c": False, "i": False}
    for word in words(work.title.replace("-", " ")) + [w.lower() for w in work.title.split()]:
        entry = TITLE_HEADINGS.get(word)
        if entry is None or entry[0] in headings:
            continue
        ui, descriptor, kind = entry
        qualifier, major = QUALIFIER[kind]
        first = kind in majors and not majors[kind]
        if kind in majors:
            majors[kind] = True
        quals = ((qualifier, major and first),) if qualifier else ()
        headings[ui] = Heading(ui, descriptor, quals)
    headings.setdefault("D006801", Heading("D006801", "Humans"))
    substances = tuple(
        h.descriptor
        for h in headings.values()
        if h.qualifiers and h.qualifiers[0][0] == "therapeutic use"
    )
    abstract = (("", f"{work.title.rstrip('.')}. This work reports on {work.title.lower()}."),)
    return About(tuple(sorted(headings.values(), key=lambda h: h.descriptor)), abstract, substances)


@functools.cache
def subject_words(work: Work) -> frozenset[str]:
    """Every word of the record's headings, substances and abstract: what PubMed's automatic
    term mapping and all-fields search reach besides title, authors and journal."""
    info = about(work)
    text = " ".join(
        [h.descriptor for h in info.headings]
        + [q for h in info.headings for q, _ in h.qualifiers]
        + list(info.substances)
        + [t for _, t in info.abstract]
    )
    return frozenset(words(text))
