"""The world of real works behind HALLMARK's public development split, for the local fakes.

HALLMARK (github.com/rpatrik96/hallmark, MIT licence) labels BibTeX entries of machine-
learning papers VALID or HALLUCINATED (14 kinds). Only `data/v1.0/dev_public.jsonl` is
used here; the test splits are kept apart. The entries are read from a `fetch`ed mirror
at run time (`fetch github:rpatrik96/hallmark`), never committed.

A checker needs the services to hold every real work, as the real ones do. The entries
give the real work's fields in three ways, used in this order:
1. a VALID entry is the real work, as cited;
2. a hallucinated entry's explanation often names the real value ("original: '...'",
   "Real paper published at ICLR 2019", "Authors don't match CrossRef: ... vs '...'");
3. otherwise the kind says what was changed (HALLMARK's generator changes one thing per
   kind: the venue for wrong_venue, the year for future_date, the authors for
   swapped_authors ...) and the `subtests` flags say which cited fields are true
   (title_exists, authors_match, venue_correct, doi_resolves).
A value the entry does not give (the real authors behind swapped or placeholder authors,
the real venue behind a wrong one, the title of the work a borrowed DOI names) is made up
here, deterministically, from word lists that share nothing with the entries: the work
then differs from the citation exactly where HALLMARK says it does.

Works are served the way the services index them: a paper with a DOI of a publisher
(10.1109 CVPR, 10.1609 AAAI, 10.18653 ACL ...) by Crossref with its proceedings' full name;
an arXiv DOI (10.48550) by DataCite as a preprint; a paper of a venue without DOIs
(NeurIPS, ICML, ICLR proceedings) by Crossref under Crossref's test prefix 10.5555, so that
every real work is held somewhere, as the issue's measurement did.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pylatexenc.latex2text import LatexNodes2Text

MIRROR = Path("/work/.mirror/rpatrik96+hallmark/repo")
SPLIT = "data/v1.0/dev_public.jsonl"
TEST_PREFIX = "10.5555"  # Crossref's prefix for examples and tests
_LATEX = LatexNodes2Text()


def load_entries(mirror: Path = MIRROR) -> list[dict[str, Any]]:
    """The dev_public entries, read from the mirror's newest commit."""
    text = subprocess.run(
        ["git", "--git-dir", str(mirror), "show", f"HEAD:{SPLIT}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def commit(mirror: Path = MIRROR) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(mirror), "rev-parse", "HEAD"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def plain(text: str) -> str:
    """LaTeX accents and braces to text: 'Micha{\\"e}l' -> 'Michaël', '{PaLM}' -> 'PaLM'.

    A few entries carry HTML entities from their scraping ("d&apos;Amore"): decoded, as a
    document and a service would write the name."""
    text = html.unescape(text)
    if "\\" not in text and "{" not in text:
        return " ".join(text.split())
    return " ".join(_LATEX.latex_to_text(text).split())


@dataclass(frozen=True)
class Person:
    given: str
    family: str


PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "du"}


def person(name: str) -> Person:
    """'Jan-Willem van de Meent' -> given 'Jan-Willem', family 'van de Meent';
    'Tay, Yi' -> given 'Yi', family 'Tay'."""
    name = plain(name)
    if "," in name:
        family, _, given = name.partition(",")
        return Person(given.strip(), family.strip())
    parts = name.split()
    if len(parts) == 1:
        return Person("", parts[0])
    cut = len(parts) - 1
    while cut > 1 and parts[cut - 1].lower() in PARTICLES:
        cut -= 1
    return Person(" ".join(parts[:cut]), " ".join(parts[cut:]))


def people(authors: str) -> tuple[list[Person], bool]:
    """BibTeX 'A and B and others' -> the people, and whether the list was cut ('others')."""
    names = [n.strip() for n in re.split(r"\s+and\s+", authors.strip()) if n.strip()]
    cut = bool(names) and names[-1].lower() == "others"
    return [person(n) for n in names if n.lower() != "others"], cut


@dataclass(frozen=True)
class Work:
    """One real work as a service holds it."""

    title: str
    authors: tuple[Person, ...]
    year: int
    venue: str | None  # the acronym or journal name the world's venue table expands
    doi: str
    registry: str  # "crossref" or "datacite"
    kind: str  # Crossref type, or "preprint" for DataCite
    relations: tuple[tuple[str, str], ...] = ()
    origin: str = ""  # which entry (bibtex_key) and rule made it, for the report


@dataclass
class World:
    works: list[Work] = field(default_factory=list)
    by_title: dict[str, Work] = field(default_factory=dict)  # "registry:title" -> work
    by_doi: dict[str, Work] = field(default_factory=dict)
    # For each entry (bibtex_key), the DOIs of the real work it cites (its published and
    # preprint versions); none for a work that does not exist.
    truth: dict[str, set[str]] = field(default_factory=dict)

    def add(self, work: Work) -> Work:
        """Keep the first work per title and per DOI (VALID entries come first); a
        preprint and its published version share a title, one on each service."""
        key = f"{work.registry}:{_key(work.title)}"
        if key in self.by_title:
            return self.by_title[key]
        if work.doi.lower() in self.by_doi:
            return self.by_doi[work.doi.lower()]
        self.works.append(work)
        self.by_title[key] = work
        self.by_doi[work.doi.lower()] = work
        return work


def _key(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", plain(title).lower())


def _hash(*parts: object) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:12], 16)


# Names and title words for values the entries do not give; none occurs in HALLMARK.
GIVEN = (
    "Ainhoa Bertil Cosmin Darja Eero Fenna Gudrun Halvard Ines Joost Kaito Liesel Mattias "
    "Nadezhda Oskari Paulina Quirin Rasmus Signe Tiago Ulla Vesna Wendell Xaver Ylva Zdenek"
).split()
FAMILY = (
    "Aaltonen Brodersen Csonka Dalgaard Eklund Furtado Gjerde Hrabal Isaksen Jovanovski "
    "Kettunen Lindahl Mikkelsen Nyberg Ottesen Pajari Quaresma Rautio Sandvik Tveit "
    "Uusitalo Valkama Westergaard Ximenes Ylinen Zeidler"
).split()
TITLE_A = (
    "Provable Amortized Decoupled Equivariant Frugal Graded Layered Monotone Nested "
    "Orthogonal Resampled Stratified Tempered Unrolled Warm-Started"
).split()
TITLE_B = (
    "Kernel Estimators|Message Passing|Policy Iteration|Score Matching|Token Pruning|"
    "Contrastive Objectives|Mixture Models|Sketching Schemes|Low-Rank Adapters|Belief Propagation"
).split("|")
TITLE_C = (
    "Sparse Regression|Remote Sensing Imagery|Protein Docking|Tabular Benchmarks|"
    "Traffic Forecasting|Speech Enhancement|Point Cloud Registration|Causal Discovery|"
    "Document Layout Analysis|Weather Nowcasting"
).split("|")


def made_up_people(seed: object, count: int) -> tuple[Person, ...]:
    h = _hash("people", seed)
    return tuple(
        Person(GIVEN[(h >> (3 * i)) % len(GIVEN)], FAMILY[(h // (i + 7)) % len(FAMILY)])
        for i in range(max(1, count))
    )


def made_up_title(seed: object) -> str:
    h = _hash("title", seed)
    a, b, c = TITLE_A[h % len(TITLE_A)], TITLE_B[(h >> 8) % 10], TITLE_C[(h >> 16) % 10]
    return f"{a} {b} for {c}"


# Venues the services would give a work whose DOI has this prefix (publisher facts).
DOI_VENUES = (
    (r"^10\.1109/cvpr", "CVPR"),
    (r"^10\.1109/iccv", "ICCV"),
    (r"^10\.1109/icra", "ICRA"),
    (r"^10\.1609/aaai", "AAAI"),
    (r"^10\.24963/ijcai", "IJCAI"),
    (r"^10\.18653/v1/n\d|naacl", "NAACL"),
    (r"^10\.18653/v1/d\d|emnlp", "EMNLP"),
    (r"^10\.18653/v1/", "ACL"),
    (r"^10\.1038/s41534", "npj Quantum Information"),
    (r"^10\.1038/s41467", "Nature Communications"),
    (r"^10\.1007/s10994", "Mach. Learn."),
)
CONFERENCES = ("NeurIPS", "ICML", "ICLR", "AAAI", "IJCAI", "UAI", "AISTATS", "COLT")


def doi_venue(doi: str | None) -> str | None:
    for pattern, venue in DOI_VENUES:
        if doi and re.search(pattern, doi.lower()):
            return venue
    return None


def other_venue(cited: str | None, seed: object) -> str:
    choices = [v for v in CONFERENCES if v != cited]
    return choices[_hash("venue", seed) % len(choices)]


def is_arxiv(doi: str | None) -> bool:
    return bool(doi) and doi.lower().startswith("10.48550/")  # type: ignore[union-attr]


def arxiv_doi(doi: str) -> str:
    """DataCite registers arXiv DOIs without the version: 10.48550/arxiv.2602.12196."""
    return re.sub(r"v\d+$", "", doi.lower())


def test_doi(seed: object) -> str:
    return f"{TEST_PREFIX}/hallmark.{_hash('doi', seed) % 10**8:08d}"


def preprint_doi(seed: object) -> str:
    n = _hash("arxiv", seed)
    return f"10.48550/arxiv.{19 + n % 5}{1 + (n >> 4) % 12:02d}.{n % 99991:05d}"


# --- what a service calls each venue (publishers' and proceedings' own names) -----------

ORDINAL = {1: "st", 2: "nd", 3: "rd"}


def _nth(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else ORDINAL.get(n % 10, "th")
    return f"{n}{suffix}"


# acronym -> (container title for a year, short title, Crossref type). Sources: the
# proceedings' own title pages (IEEE Xplore, AAAI, ACL Anthology, PMLR, NeurIPS, ACM DL).
def container(venue: str, year: int) -> tuple[str, str, str]:
    conference = "proceedings-article"
    table: dict[str, tuple[str, str, str]] = {
        "CVPR": (
            f"{year} IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
            "",
            conference,
        ),
        "ICCV": (
            f"{year} IEEE/CVF International Conference on Computer Vision (ICCV)",
            "",
            conference,
        ),
        "ICRA": (
            f"{year} International Conference on Robotics and Automation (ICRA)",
            "",
            conference,
        ),
        "AAAI": (
            "Proceedings of the AAAI Conference on Artificial Intelligence",
            "AAAI",
            "journal-article",
        ),
        "IJCAI": (
            f"Proceedings of the {_nth(year - 1991)} International Joint Conference on "
            "Artificial Intelligence",
            "",
            conference,
        ),
        "ACL": (
            f"Proceedings of the {_nth(year - 1962)} Annual Meeting of the Association for "
            "Computational Linguistics (Volume 1: Long Papers)",
            "",
            conference,
        ),
        "NAACL": (
            f"Proceedings of the {year} Conference of the North American Chapter of the "
            "Association for Computational Linguistics: Human Language Technologies",
            "",
            conference,
        ),
        "EMNLP": (
            f"Proceedings of the {year} Conference on Empirical Methods in Natural Language "
            "Processing",
            "",
            conference,
        ),
        "NeurIPS": ("Advances in Neural Information Processing Systems", "", conference),
        "ICML": (
            f"Proceedings of the {_nth(year - 1983)} International Conference on Machine Learning",
            "",
            conference,
        ),
        "ICLR": ("International Conference on Learning Representations", "", conference),
        "AISTATS": (
            f"Proceedings of The {_nth(year - 1997)} International Conference on Artificial "
            "Intelligence and Statistics",
            "",
            conference,
        ),
        "UAI": (
            f"Proceedings of the {_nth(year - 1984)} Conference on Uncertainty in Artificial "
            "Intelligence",
            "",
            conference,
        ),
        "COLT": (
            f"Proceedings of {_nth(year - 1987)} Conference on Learning Theory",
            "",
            conference,
        ),
        "KDD": (
            f"Proceedings of the {_nth(year - 1994)} ACM SIGKDD Conference on Knowledge "
            "Discovery and Data Mining",
            "",
            conference,
        ),
        "WWW": (f"Proceedings of the ACM Web Conference {year}", "", conference),
        "SIGIR": (
            f"Proceedings of the {_nth(year - 1977)} International ACM SIGIR Conference on "
            "Research and Development in Information Retrieval",
            "",
            conference,
        ),
        "ECCV": (f"Computer Vision – ECCV {year}", "", "book-chapter"),
        "SysML": ("Proceedings of Machine Learning and Systems", "", conference),
        "Mach. Learn.": ("Machine Learning", "Mach Learn", "journal-article"),
        "J. Mach. Learn. Res.": (
            "Journal of Machine Learning Research",
            "J Mach Learn Res",
            "journal-article",
        ),
        "JMLR": ("Journal of Machine Learning Research", "J Mach Learn Res", "journal-article"),
        "Trans. Mach. Learn. Res.": (
            "Transactions on Machine Learning Research",
            "",
            "journal-article",
        ),
        "TACL": (
            "Transactions of the Association for Computational Linguistics",
            "Trans Assoc Comput Linguist",
            "journal-article",
        ),
    }
    if venue in table:
        return table[venue]
    return venue, "", "journal-article"  # a journal, by the name cited


# --- what each entry tells of the real work ---------------------------------------------

_ORIGINAL = (
    r"\(original: '(.+)'\)",
    r"from the real '(.+?)'",
    r"the real \d{4} paper is '(.+?)'",
)
_PUBLISHED = re.compile(
    r"(?:published|appeared) (?:at|in) (?:the )?([A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*)"
    r"(?: in)?,? \(?((?:19|20)\d\d)\)?"
)
# "rather than the actual submission year, 2016", "(arXiv, posted 2018)", "an arXiv
# preprint (2020)", "an arXiv preprint from March 2023": the year the work really has.
_REAL_YEAR = re.compile(
    r"actual \w+ year,? ((?:19|20)\d\d)|posted ((?:19|20)\d\d)"
    r"|preprint \(((?:19|20)\d\d)\)|preprint from \w+ ((?:19|20)\d\d)"
)
_OTHER_AUTHORS = re.compile(r"Authors don't match CrossRef: '(.+?)' vs '(.+?)'")
_OTHER_TITLE = re.compile(r"DOI resolves to a different real .*?\('(.+?)'\)")
_BORROWED = re.compile(
    r"resolves to an unrelated|belongs to an unrelated|DOI resolves to a different"
    r"|DOI resolves to \"|actually belongs to|does not resolve to this work"
)
_PREPRINT_ONLY = re.compile(r"never (?:published|appeared)|is an arXiv preprint|Preprint \(arXiv")
_REDUCED = re.compile(r"(\d+) authors reduced to (\d+)")


def _families(names: str) -> set[str]:
    found, _ = people(names.replace(" vs ", " and "))
    return {re.sub(r"[^a-z]", "", plain(p.family).lower()) for p in found}


@dataclass(frozen=True)
class Cited:
    """An entry's fields, plain text."""

    key: str
    kind: str | None  # hallucination type, None for VALID
    title: str
    authors: tuple[Person, ...]
    year: int
    venue: str | None
    doi: str | None
    explanation: str
    published: int  # the year of HALLMARK's publication_date
    subtests: dict[str, Any]

    @classmethod
    def of(cls, entry: dict[str, Any]) -> Cited:
        f = entry["fields"]
        authors, _ = people(f.get("author", ""))
        year = f.get("year", "")
        venue = f.get("booktitle") or f.get("journal")
        return cls(
            key=entry["bibtex_key"],
            kind=entry.get("hallucination_type"),
            title=plain(f.get("title", "")),
            authors=tuple(authors),
            year=int(year) if str(year).isdigit() else 0,
            venue=plain(venue) if venue else None,
            doi=f["doi"].strip().lower() if f.get("doi") else None,
            explanation=entry.get("explanation") or "",
            published=int((entry.get("publication_date") or "0")[:4] or 0),
            subtests=entry.get("subtests") or {},
        )

    def says(self, test: str) -> bool | None:
        value = self.subtests.get(test)
        return None if value is None else bool(value)


def _preprint_venue(venue: str | None) -> bool:
    return bool(venue) and venue.lower().startswith("arxiv")  # type: ignore[union-attr]


def _publish(
    world: World,
    c: Cited,
    title: str,
    authors: tuple[Person, ...],
    year: int,
    venue: str | None,
    doi: str | None,
    rule: str,
    preprint: bool,
) -> set[str]:
    """The real work: a preprint on DataCite, or a published paper (plus its arXiv preprint
    when the citation gives an arXiv DOI). Returns the DOIs of its versions."""
    arxiv = arxiv_doi(doi) if doi and is_arxiv(doi) else None
    if preprint or _preprint_venue(venue) or (arxiv and not venue):
        only = world.add(
            Work(
                title,
                authors,
                year,
                "arXiv",
                arxiv or preprint_doi(c.key),
                "datacite",
                "preprint",
                origin=f"{c.key}: {rule}, preprint",
            )
        )
        return {only.doi}
    venue = venue or doi_venue(doi) or other_venue(None, c.key)
    published_doi = doi if doi and not arxiv else test_doi(c.key)
    kind = container(venue, year)[2]
    work = world.add(
        Work(
            title, authors, year, venue, published_doi, "crossref", kind, origin=f"{c.key}: {rule}"
        )
    )
    versions = {work.doi}
    if arxiv or c.kind == "arxiv_version_mismatch":
        preprint_work = world.add(
            Work(
                title,
                authors,
                year if arxiv else year - 1,
                "arXiv",
                arxiv or preprint_doi(c.key),
                "datacite",
                "preprint",
                relations=(("is-preprint-of", work.doi),),
                origin=f"{c.key}: {rule}, its preprint",
            )
        )
        versions.add(preprint_work.doi)
    return versions


def _borrowed_doi(world: World, c: Cited, authors_from_text: str | None) -> None:
    """The cited DOI names another real work: its title and authors are not this entry's."""
    assert c.doi
    title_match = _OTHER_TITLE.search(c.explanation)
    title = title_match.group(1) if title_match else made_up_title(c.key)
    if authors_from_text:
        authors = tuple(people(authors_from_text)[0])
    elif c.says("authors_match"):
        authors = c.authors
    else:
        authors = made_up_people(c.key + "doi", 3)
    if is_arxiv(c.doi):
        world.add(
            Work(
                title,
                authors,
                c.year,
                "arXiv",
                arxiv_doi(c.doi),
                "datacite",
                "preprint",
                origin=f"{c.key}: the work its DOI names",
            )
        )
        return
    venue = doi_venue(c.doi) or other_venue(c.venue, c.key)
    world.add(
        Work(
            title,
            authors,
            c.year,
            venue,
            c.doi,
            "crossref",
            container(venue, c.year)[2],
            origin=f"{c.key}: the work its DOI names",
        )
    )


def _real_title(c: Cited) -> str | None:
    if c.kind is None or c.says("title_exists"):
        return c.title
    for pattern in _ORIGINAL:
        match = re.search(pattern, c.explanation)
        if match:
            return plain(match.group(1))
    return None


def _real_authors(c: Cited) -> tuple[Person, ...]:
    if c.kind is None or c.says("authors_match") is not False:
        return c.authors
    if c.kind == "partial_author_list":
        reduced = _REDUCED.search(c.explanation)
        extra = int(reduced.group(1)) - int(reduced.group(2)) if reduced else 2
        return c.authors + made_up_people(c.key, extra)
    return made_up_people(c.key, len(c.authors))


def _real_venue_year(c: Cited) -> tuple[str | None, int]:
    stated = _PUBLISHED.search(c.explanation) if c.kind else None
    real_year = _REAL_YEAR.search(c.explanation) if c.kind else None
    year = c.year
    if stated:
        year = int(stated.group(2))
    elif real_year:
        year = int(next(g for g in real_year.groups() if g))
    elif c.kind in ("future_date", "arxiv_version_mismatch") and c.published:
        year = c.published if c.published != c.year else c.year - 1
    if c.kind is None or c.says("venue_correct") is not False:
        return c.venue, year
    if stated and stated.group(1) != c.venue:
        return stated.group(1), year
    by_doi = doi_venue(c.doi)
    if by_doi and by_doi != c.venue:
        return by_doi, year
    return other_venue(c.venue, c.key), year


def add_entry(world: World, entry: dict[str, Any]) -> None:
    """Add to the world what the entry says exists."""
    c = Cited.of(entry)
    others = _OTHER_AUTHORS.search(c.explanation)
    other_people = None
    # A VALID entry is the work as cited, whatever its generator's notes say.
    if c.kind and others and not (_families(others.group(1)) & _families(others.group(2))):
        other_people = others.group(2)
    doi_is_other = (
        c.kind is not None
        and bool(c.doi)
        and c.says("doi_resolves") is not False
        and (
            bool(other_people)
            or bool(_BORROWED.search(c.explanation))
            or (c.kind is not None and c.says("title_exists") is False)
        )
    )
    if doi_is_other:
        _borrowed_doi(world, c, other_people)
    own_doi = c.doi if c.doi and not doi_is_other and c.says("doi_resolves") is not False else None
    title = _real_title(c)
    if title is not None:
        venue, year = _real_venue_year(c)
        preprint = c.kind == "preprint_as_published" and not (own_doi and not is_arxiv(own_doi))
        preprint = preprint or (c.kind is not None and bool(_PREPRINT_ONLY.search(c.explanation)))
        if preprint and own_doi and not is_arxiv(own_doi):
            own_doi = None
        world.truth[c.key] = _publish(
            world, c, title, _real_authors(c), year, venue, own_doi, c.kind or "valid", preprint
        )
    if c.kind == "merged_citation" or (
        c.kind and c.says("title_exists") is False and c.says("authors_match") and not c.doi
    ):
        # The cited authors' own paper at the cited venue: a look-alike of the citation.
        venue = c.venue if c.venue and not _preprint_venue(c.venue) else other_venue(None, c.key)
        world.add(
            Work(
                made_up_title(c.key + "own"),
                c.authors,
                c.year,
                venue,
                test_doi(c.key + "own"),
                "crossref",
                container(venue, c.year)[2],
                origin=f"{c.key}: a paper of the cited authors",
            )
        )


def build(entries: list[dict[str, Any]]) -> World:
    world = World()
    for entry in sorted(entries, key=lambda e: e["label"] != "VALID"):
        add_entry(world, entry)
    return world
