"""Citations of the real recorded records (tests/data/recorded/), as a writer would give them,
shared by the replay test and bench/replay_recorded.py."""

from __future__ import annotations

import dataclasses

from citecheck.model import Reference


def _ref(raw: str, **fields: object) -> Reference:
    return Reference(index=0, raw=raw, **fields)  # type: ignore[arg-type]


CORRECT = [
    _ref(
        "Puterbaugh MN, Wied A, Galen C. The functional ecology of gynodioecy in Eritrichum "
        "aretioides (Boraginaceae), the Alpine Forget-Me-Not. Am J Bot. 1997;84(3):393-400. "
        "doi:10.2307/2446012",
        authors=("Puterbaugh MN", "Wied A", "Galen C"),
        title="The functional ecology of gynodioecy in Eritrichum aretioides (Boraginaceae), "
        "the Alpine Forget-Me-Not",
        journal="Am J Bot",
        year=1997, volume="84", issue="3", pages="393-400", doi="10.2307/2446012",
    ),
    _ref(
        "Schut JW. Hereditary ataxia. A.M.A. Archives of Neurology & Psychiatry. "
        "1953;70(2):169. doi:10.1001/archneurpsyc.1953.02320320035003",
        authors=("Schut JW",),
        title="Hereditary ataxia",
        journal="A.M.A. Archives of Neurology & Psychiatry",
        year=1953, volume="70", issue="2", pages="169",
        doi="10.1001/archneurpsyc.1953.02320320035003",
    ),
    _ref(
        "Rietz R. In the wake of the plague: the Black Death and the world it made. JAMA. "
        "2001;286(17):2165-2166. doi:10.1001/jama.286.17.2165-a",
        authors=("Rietz R",),
        title="In the wake of the plague: the Black Death and the world it made",
        journal="JAMA",
        year=2001, volume="286", issue="17", pages="2165-2166",
        doi="10.1001/jama.286.17.2165-a",
    ),
    _ref(
        "Pressman JJ, Dowdy AH, Libby RL, Fields M, Simon MB, Hand K. Experimental "
        "intralaryngeal injection of radioisotopes. Archives of Otolaryngology - Head and Neck "
        "Surgery. 1959;70(4):459-65. doi:10.1001/archotol.1959.00730040469007",
        authors=("Pressman JJ", "Dowdy AH", "Libby RL", "Fields M", "Simon MB", "Hand K"),
        title="Experimental intralaryngeal injection of radioisotopes",
        journal="Archives of Otolaryngology - Head and Neck Surgery",
        year=1959, volume="70", issue="4", pages="459-65",
        doi="10.1001/archotol.1959.00730040469007",
    ),
    _ref(
        "von Sallmann L, Grosso AE, Marsh MG. Ophthalmic penicillin ointments. Archives of "
        "Ophthalmology. 1946;36(3):284-292. doi:10.1001/archopht.1946.00890210291002",
        authors=("von Sallmann L", "Grosso AE", "Marsh MG"),
        title="Ophthalmic penicillin ointments",
        journal="Archives of Ophthalmology",
        year=1946, volume="36", issue="3", pages="284-292",
        doi="10.1001/archopht.1946.00890210291002",
    ),
    _ref(
        "Arena JM. Poisoning--general treatment and prevention. Part III. JAMA. "
        "1975;233(8):900-3. doi:10.1001/jama.233.8.900",
        authors=("Arena JM",),
        title="Poisoning--general treatment and prevention. Part III",
        journal="JAMA",
        year=1975, volume="233", issue="8", pages="900-3", doi="10.1001/jama.233.8.900",
    ),
    _ref(
        "Lam EC, Janzen RM, Meloche RM, Trepanier PJ, Yoshida EM. Acute pseudohepatitis in a "
        "chronic substance abuser secondary to occult seat belt injury. Canadian Journal of "
        "Gastroenterology. 1999;13(2):155-158. doi:10.1155/1999/864912",
        authors=("Lam EC", "Janzen RM", "Meloche RM", "Trepanier PJ", "Yoshida EM"),
        title="Acute pseudohepatitis in a chronic substance abuser secondary to occult seat "
        "belt injury",
        journal="Canadian Journal of Gastroenterology",
        year=1999, volume="13", issue="2", pages="155-158", doi="10.1155/1999/864912",
    ),
    _ref(
        "LoPresti PJ, Hambrick GW Jr. Zirconium granuloma following treatment of rhus "
        "dermatitis. Arch Dermatol. 1965;92(2):188-191. PMID: 11850928",
        authors=("LoPresti PJ", "Hambrick GW"),
        title="Zirconium granuloma following treatment of rhus dermatitis",
        journal="Arch Dermatol",
        year=1965, volume="92", issue="2", pages="188-191", pmid="11850928",
    ),
    _ref(
        "Mantle D, Gok MA, Lennard TW. Adverse and beneficial effects of plant extracts on "
        "skin and skin disorders. Adverse Drug React Toxicol Rev. 2001;20(2):89-103. "
        "PMID: 11482001",
        authors=("Mantle D", "Gok MA", "Lennard TW"),
        title="Adverse and beneficial effects of plant extracts on skin and skin disorders",
        journal="Adverse Drug React Toxicol Rev",
        year=2001, volume="20", issue="2", pages="89-103", pmid="11482001",
    ),
]  # fmt: skip


def _shift_pages(pages: str) -> str:
    first, _, last = pages.partition("-")
    moved = str(int(first) + 10)
    return f"{moved}-{int(first) + 10 + (len(last) and 3)}" if last else moved


def _wrong(reference: Reference, old: str, new: str, **fields: object) -> Reference:
    """The citation with one field changed, in its text as well as in its parsed fields
    (the matcher may re-read the text)."""
    assert old in reference.raw, (old, reference.raw)
    raw = reference.raw.replace(old, new, 1)
    return dataclasses.replace(reference, raw=raw, **fields)  # type: ignore[arg-type]


def _volume(r: Reference) -> Reference:
    volume = str(int(r.volume or 0) + 1)
    return _wrong(r, f"{r.year};{r.volume}(", f"{r.year};{volume}(", volume=volume)


def _pages(r: Reference) -> Reference:
    pages = _shift_pages(r.pages or "")
    return _wrong(r, f"):{r.pages}", f"):{pages}", pages=pages)


def _year(r: Reference) -> Reference:
    year = (r.year or 0) + 2
    return _wrong(r, f". {r.year};", f". {year};", year=year)


def _journal(r: Reference) -> Reference:
    return _wrong(r, f" {r.journal}. ", " Annals of Surgery. ", journal="Annals of Surgery")


# One deliberate error per field, each applied to every correct citation.
ERRORS = {"volume": _volume, "pages": _pages, "year": _year, "journal": _journal}
