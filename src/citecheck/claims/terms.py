"""Words into comparable terms: Snowball stems without stopwords, generic research words
or numbers, and which terms name a condition (a disease, disorder or symptom).

A term keeps the first surface form met, so explanations quote words a person wrote
("pain"), not stems ("pain", "synaptogenesi").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CONDITION_QUALIFIERS",
    "DRUG_QUALIFIERS",
    "Term",
    "is_condition",
    "is_intervention",
    "related",
    "synonyms",
    "terms",
]


@functools.cache
def _stem(word: str) -> str:
    """The word's English Snowball stem (the stemmer is loaded at first use)."""
    return _stemmer().stemWord(word)  # type: ignore[no-any-return]


@functools.cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


# Words that say how a study was done or reported, not what it is about.
_GENERIC = frozenset(
    """
    a about above across after again against all almost also although always among an and
    any are around as at be because been before being below between both but by can could
    did do does done due during each either especially etc even ever every few for found
    from further had has have having here how however i if in into is it its itself just
    less like likely made make many may might more most much must no nor not now of often
    on once one only or other our out over own per perhaps rather same several should
    show showed shown shows since so some such than that the their them then there these
    they this those though three through thus to too two under until up upon us use used
    using very via was we well were what when where whereas whether which while who whom
    whose why will with within without would yet first second third new recent recently
    study studies studied research researcher researchers report reported reports reporting
    find finding findings demonstrate demonstrated demonstrates suggest suggested suggests
    indicate indicated indicates observe observed evidence result results resulted data
    analysis analyses analysed analyzed effect effects effective effectiveness significant
    significantly substantial substantially associated association important importantly
    role potential potentially possible possibly increase increased increases increasing
    decrease decreased decreases decreasing improve improved improves improvement improvements
    reduce reduced reduces reducing reduction reductions higher lower high low level levels
    large larger small smaller greater great key main major minor previous previously
    current currently several various number numbers including include includes included
    patient patients participant participants subject subjects people person individuals
    individual group groups case cases example examples day days week weeks month months
    year years hour hours time times term long short rapid rapidly fast early late lasting
    last able ability based known show case factor factors approach approaches method methods
    model models type types form forms way ways need needed provide provided provides
    receive received receiving given give gives administered administration leading lead
    leads contribute contributing contributes contributed promote promotes promoting
    similar similarly different difference differences compared comparison versus vs
    respectively novel additional additionally moreover furthermore therefore hence
    conclusion conclusions total overall among whole part particular particularly specific
    specifically general generally common commonly frequent frequently related relation
    relationship response responses outcome outcomes measure measured measures value values
    """.split()
)

# MeSH's allowable qualifiers follow the tree: these attach to diseases (C, F03) only, and
# those to chemicals and drugs (D) only (MeSH Qualifiers, "allowable tree categories").
CONDITION_QUALIFIERS = frozenset(
    {
        "drug therapy",
        "therapy",
        "diagnosis",
        "etiology",
        "pathology",
        "physiopathology",
        "epidemiology",
        "complications",
        "mortality",
        "prevention & control",
        "surgery",
        "chemically induced",
        "diet therapy",
        "rehabilitation",
        "radiotherapy",
        "virology",
        "microbiology",
        "parasitology",
        "congenital",
        "veterinary",
        "diagnostic imaging",
    }
)
DRUG_QUALIFIERS = frozenset(
    {
        "therapeutic use",
        "pharmacology",
        "administration & dosage",
        "adverse effects",
        "analogs & derivatives",
        "pharmacokinetics",
        "toxicity",
        "poisoning",
        "agonists",
        "antagonists & inhibitors",
        "chemical synthesis",
    }
)

# Condition words a sentence may name (curated; the MeSH headings of the cited works add
# their own through CONDITION_QUALIFIERS).
_CONDITIONS = frozenset(
    """
    pain ache headache migraine cancer tumor tumour carcinoma neoplasm lymphoma leukemia
    leukaemia melanoma sarcoma glioma glioblastoma myeloma diabetes obesity hypertension
    asthma depression depressive anxiety schizophrenia psychosis bipolar mania dementia
    alzheimer parkinson stroke epilepsy seizure seizures arthritis sepsis
    pneumonia covid influenza hiv aids tuberculosis malaria hepatitis cirrhosis fibrosis
    fracture fractures
    insomnia addiction dependence ptsd autism adhd fibromyalgia neuropathy neuralgia
    inflammation atherosclerosis infarction anemia anaemia ulcer colitis nausea
    vomiting fatigue delirium suicide suicidal ideation osteoporosis psoriasis dermatitis
    eczema allergy sclerosis obesity overweight hypoxia ischemia ischaemia thrombosis
    embolism bleeding hemorrhage haemorrhage wound burn burns trauma concussion
    incontinence constipation diarrhea diarrhoea cough fever sleep apnea apnoea
    """.split()
)
_CONDITION_SUFFIXES = ("itis", "osis", "emia", "aemia", "pathy", "oma", "algia", "plegia")
# How a treatment is given, and drug names by their stems (INN stems, WHO's "The use of
# stems in the selection of INN": -amine, -azole, -mab, -nib, -pril, -sartan, -olol...):
# sharing only these with a work says it is about the same intervention, not the same
# question.
_ADMINISTRATION = frozenset(
    """infusion infusions injection injections intravenous oral intranasal subcutaneous
    intramuscular dose doses dosing dosage administration administered treatment treatments
    therapy therapies drug drugs medication medications placebo""".split()
)
_DRUG_SUFFIXES = (
    "amine", "azole", "mab", "nib", "pril", "sartan", "olol", "cillin", "mycin", "statin",
    "vir", "parin", "azepam", "oxetine", "triptan", "dronate", "profen", "caine", "tidine",
    "prazole", "setron", "gliflozin", "gliptin", "floxacin", "cycline", "afil", "pam",
)  # fmt: skip

# Terms that name one thing in different words, measured to help (bench/claims.py).
_SYNONYMS = (
    frozenset({"pain", "analges", "nocicept", "hyperalgesia", "allodynia", "painful"}),
    frozenset({"depress", "antidepress"}),
    frozenset({"cancer", "tumor", "tumour", "neoplasm", "carcinoma", "malign", "oncolog"}),
    frozenset({"cardiac", "heart", "myocardi", "coronari"}),
    frozenset({"renal", "kidney", "nephropathi"}),
    frozenset({"hepat", "liver"}),
    frozenset({"pulmonari", "lung"}),
    frozenset({"cerebr", "brain"}),
    frozenset({"mortal", "death", "surviv", "die"}),
    frozenset({"child", "children", "pediatr", "paediatr", "infant"}),
    frozenset({"elder", "older", "age"}),
)
_GROUP_OF = {stem: group for group in _SYNONYMS for stem in group}


@dataclass(frozen=True)
class Term:
    stem: str
    word: str  # the surface form, as written (lower case)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def terms(text: str) -> list[Term]:
    """The informative terms of a text, each once, in order."""
    found: dict[str, Term] = {}
    for raw in _WORD.findall(_fold(text).replace("’", "'")):
        # A compound counts by its parts ("brain-derived": brain, derived).
        for word in raw.split("-"):
            if len(word) < 3 or word in _GENERIC or word.isdigit():
                continue
            stem = _stem(word)
            if stem in _GENERIC or len(stem) < 3:
                continue
            found.setdefault(stem, Term(stem, word))
    return list(found.values())


def is_condition(term: Term) -> bool:
    """Does the word name a disease, disorder or symptom?"""
    return term.word in _CONDITIONS or (
        len(term.word) > 6 and term.word.endswith(_CONDITION_SUFFIXES)
    )


def is_intervention(term: Term) -> bool:
    """Does the word name a drug (by its INN stem) or how a treatment is given?"""
    return term.word in _ADMINISTRATION or (
        len(term.word) > 6 and term.word.endswith(_DRUG_SUFFIXES)
    )


def related(first: str, second: str) -> bool:
    """Do two stems name the same thing: equal, one a long prefix of the other
    ("synaps" / "synaptogenesi"), or in one synonym group?"""
    if first == second:
        return True
    short, long_ = sorted((first, second), key=len)
    if (
        len(short) >= PREFIX
        and long_.startswith(short[:PREFIX])
        and _shared(short, long_) >= 0.8 * len(short)
    ):
        return True
    group = _GROUP_OF.get(first)
    return group is not None and second in group


def synonyms(stem: str) -> frozenset[str]:
    """The stems of the curated synonym group `stem` belongs to (empty if none)."""
    return frozenset(_GROUP_OF.get(stem, ()))


# How many leading characters two stems share at least to be `related` by prefix.
PREFIX = 5


def _shared(first: str, second: str) -> int:
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count
