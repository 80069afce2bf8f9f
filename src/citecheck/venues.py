"""Is a cited venue (journal, conference, proceedings, preprint server) the record's?

Journals are compared by journals.same_journal (full titles and ISO 4 abbreviations).
Conferences are cited by acronym ("NeurIPS", "In Proc. ICML 2021"), by an older acronym
("NIPS"), or by their proceedings' name, which services give in full and with the
edition ("Proceedings of the 39th International Conference on Machine Learning",
"2022 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
"Advances in Neural Information Processing Systems 35"). They are the same venue when:
- both name the same conference of the table below (by acronym or by its name), or
- one is an acronym of the other's significant words ("EMNLP" of "Conference on
  Empirical Methods in Natural Language Processing"), or
- their names agree once the edition, year, "Proceedings of the" and publisher words
  are set aside.
A workshop is not its conference ("CVPR Workshops" is not "CVPR").
"""

from __future__ import annotations

import re

from citecheck.journals import same_journal
from citecheck.model import Record
from citecheck.normalize import fold

# Conference acronyms and the words of their names (folded); the names as the
# proceedings' title pages give them (ACL Anthology, PMLR, NeurIPS, IEEE Xplore, ACM DL,
# AAAI and IJCAI proceedings).
CONFERENCES: dict[str, tuple[str, ...]] = {
    "neurips": ("neural information processing systems",),
    "nips": ("neural information processing systems",),
    "icml": ("international conference on machine learning",),
    "iclr": ("international conference on learning representations",),
    "cvpr": ("computer vision and pattern recognition",),
    "iccv": ("international conference on computer vision",),
    "eccv": ("european conference on computer vision",),
    "wacv": ("winter conference on applications of computer vision",),
    "aaai": (
        "aaai conference on artificial intelligence",
        "advancement of artificial intelligence",
    ),
    "ijcai": ("international joint conference on artificial intelligence",),
    "acl": ("annual meeting of the association for computational linguistics",),
    "naacl": ("north american chapter of the association for computational linguistics",),
    "eacl": ("european chapter of the association for computational linguistics",),
    "emnlp": ("empirical methods in natural language processing",),
    "coling": ("international conference on computational linguistics",),
    "tacl": ("transactions of the association for computational linguistics",),
    "aistats": ("artificial intelligence and statistics",),
    "uai": ("uncertainty in artificial intelligence",),
    "colt": ("conference on learning theory",),
    "kdd": ("knowledge discovery and data mining",),
    "www": ("web conference", "world wide web conference"),
    "sigir": ("research and development in information retrieval",),
    "icra": ("international conference on robotics and automation",),
    "iros": ("intelligent robots and systems",),
    "corl": ("conference on robot learning",),
    "icassp": ("acoustics speech and signal processing",),
    "miccai": ("medical image computing and computer assisted intervention",),
    "chi": ("human factors in computing systems",),
    "mlsys": ("machine learning and systems",),
    "sysml": ("machine learning and systems", "systems and machine learning"),
    "jmlr": ("journal of machine learning research",),
    "tmlr": ("transactions on machine learning research",),
    "pami": ("pattern analysis and machine intelligence",),
    "tpami": ("pattern analysis and machine intelligence",),
}
# Services and citations name the arXiv, bioRxiv... as the venue of a preprint.
PREPRINT_SERVERS = (
    "arxiv",
    "corr",  # DBLP's name for arXiv
    "biorxiv",
    "medrxiv",
    "chemrxiv",
    "psyarxiv",
    "techrxiv",
    "ssrn",
    "research square",
    "preprints",
    "osf preprints",
    "authorea",
)
PREPRINT_KINDS = frozenset({"posted-content", "preprint"})
# arXiv, Research Square, SSRN, Preprints.org; bioRxiv and medRxiv share Cold Spring
# Harbor's prefix 10.1101 with its journals (Genes & Development is 10.1101/gad...), so
# only their own DOI forms count: 10.1101/2020.03.01.123456 and the older 10.1101/123456.
PREPRINT_PREFIXES = ("10.48550/", "10.21203/", "10.2139/ssrn", "10.20944/preprints")
BIORXIV_DOI = re.compile(r"^10\.1101/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,}(?:v\d+)?$")
# Words of a proceedings' name that do not tell conferences apart.
FILLER = frozenset(
    "proceedings proc of the in on and annual conference conf international intl ieee cvf "
    "acm sig volume vol part long short papers paper main track edition workshop workshops "
    "st nd rd th first second third".split()
)
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)?$|^(nineteen|twenty|thirty|forty)\w*$|\w+(teenth|ieth)$")


def is_preprint_venue(name: str | None) -> bool:
    words = fold(name or "").split()
    return bool(words) and (words[0] in PREPRINT_SERVERS or " ".join(words[:2]) in PREPRINT_SERVERS)


def is_preprint(record: Record) -> bool:
    """Is the record a preprint (Crossref posted-content, DataCite Preprint, a preprint
    server's DOI or name)?"""
    if (record.kind or "").lower() in PREPRINT_KINDS:
        return True
    doi = (record.doi or "").lower()
    if doi.startswith(PREPRINT_PREFIXES) or BIORXIV_DOI.match(doi):
        return True
    return any(is_preprint_venue(name) for name in (record.journal, *record.journals))


def _conferences(name: str) -> set[str]:
    """The conferences of the table this name refers to, by acronym or by name."""
    folded = fold(name)
    words = set(folded.split())
    found = {acronym for acronym in CONFERENCES if acronym in words}
    found |= {
        acronym
        for acronym, phrases in CONFERENCES.items()
        if any(f" {phrase} " in f" {folded} " for phrase in phrases)
    }
    # One name for one conference: NIPS is NeurIPS, SysML is MLSys.
    return {_CANONICAL.get(a, a) for a in found}


_CANONICAL = {"nips": "neurips", "sysml": "mlsys", "tpami": "pami"}


def _significant(name: str) -> list[str]:
    return [
        w
        for w in fold(name.replace("&", " and ")).split()
        if w not in FILLER and not _ORDINAL.match(w) and not w.isdigit()
    ]


def _acronym_of(acronym: str, name: str) -> bool:
    """'emnlp' is the initials of 'empirical methods in natural language processing'."""
    initials = "".join(w[0] for w in fold(name).split() if w not in ("of", "the", "and"))
    return 3 <= len(acronym) <= 8 and acronym in initials


def _workshop(name: str) -> bool:
    return "workshop" in fold(name)


# "In: NeurIPS", "In Proceedings of ...": the word that introduces a venue in a citation.
_IN = re.compile(r"^\s*in\s*:?\s+", re.IGNORECASE)


def same_venue(cited: str, names: tuple[str, ...]) -> bool:
    """Is the cited venue one of these names (a record's journal or proceedings names)?"""
    cited = _IN.sub("", cited)
    names = tuple(n for n in names if n)
    if not names or not fold(cited):
        return False
    if same_journal(cited, names):
        return True
    if any(_workshop(n) for n in names) != _workshop(cited):
        return False
    cited_conferences = _conferences(cited)
    for name in names:
        theirs = _conferences(name)
        if cited_conferences or theirs:
            if cited_conferences & theirs:
                return True
            if cited_conferences and theirs:
                continue
        words = _significant(cited)
        if len(words) == 1 and _acronym_of(words[0], name):
            return True
        if words and words == _significant(name):
            return True
        if words and same_journal(" ".join(words), (" ".join(_significant(name)),)):
            return True
    return False
