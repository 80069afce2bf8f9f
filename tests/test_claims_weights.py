"""The citing document's own words weigh a sentence's (claims/weights.py), a sentence
citing a work for its method is not judged on the work's topic, and a sentence another
work of the same list covers far better is off topic (claims/listed.py)."""

from __future__ import annotations

import pytest

from citecheck.claims import judge
from citecheck.claims.listed import Listed, better_listed
from citecheck.claims.review import Context, claims_for, contexts, without_list
from citecheck.claims.sentences import cites_for_method
from citecheck.claims.weights import MIN_SENTENCES, Background, background
from citecheck.model import MeshHeading, Record, Reference, Source, Status, Subject, Topic, Verdict
from test_claims import BERMAN, PAIN_CLAIM

# Every sentence of this "document" names ketamine: it is the document's field.
FIELD = " ".join(
    f"Ketamine {word} was studied here."
    for word in "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()
)
# Shares only "ketamine" with Berman 2000 (one of its seven terms).
SPINES = "Ketamine increased the density of dendritic spines in the prefrontal cortex of rats."


def test_a_word_every_sentence_uses_weighs_less_than_a_word_none_uses() -> None:
    weighed = background(FIELD)
    assert weighed.sentences == 10
    assert weighed.weight("ketamin") < 0.05 < 1.0 < weighed.weight("spine")
    assert weighed.weight("alpha") < weighed.weight("spine")


def test_a_document_of_few_sentences_weighs_every_word_the_same() -> None:
    short = background("Ketamine was studied. Ketamine was given.")
    assert short.sentences < MIN_SENTENCES
    assert short.weight("ketamin") == short.weight("spine") == 1.0
    assert Background().weight("anything") == 1.0


def test_sharing_only_the_documents_field_word_is_off_topic() -> None:
    assert judge(SPINES, BERMAN).topic is Topic.MATCHES  # unweighed: 1 of 7 terms shared
    judgement = judge(SPINES, BERMAN, document=background(FIELD))
    assert judgement.topic is Topic.OFF_TOPIC
    assert judgement.why.startswith("the sentence is about density, dendritic and spines")
    assert "the work is about depressive disorder" in judgement.why


def test_the_weights_leave_the_condition_rule_alone() -> None:
    judgement = judge(PAIN_CLAIM, BERMAN, document=background(FIELD))
    assert judgement.topic is Topic.OFF_TOPIC
    assert judgement.condition == "pain"


@pytest.mark.parametrize(
    "sentence",
    [
        "Total phenolic content was determined as described previously [3].",
        "The extraction protocol was adapted from Amulen et al. [4].",
        "DNA was isolated according to the manufacturer's instructions [5].",
        "Reads were aligned with the method of Li and Durbin [6].",
        "Following the publication of this article [1], the authors noticed an error.",
    ],
)
def test_a_sentence_citing_a_method_is_unknown(sentence: str) -> None:
    assert cites_for_method(sentence)
    judgement = judge(sentence, BERMAN)
    assert judgement.topic is Topic.UNKNOWN
    assert "method" in judgement.why


@pytest.mark.parametrize(
    "sentence",
    [
        PAIN_CLAIM,
        "Ketamine was described as a rapid antidepressant in seven patients [2].",
        "Eugenol is the main constituent of the essential oil [7].",
    ],
)
def test_a_sentence_citing_a_finding_is_not_taken_for_a_method(sentence: str) -> None:
    assert not cites_for_method(sentence)


PAGE = (
    "Ketamine page\n"
    f"{FIELD}\n"
    f"{SPINES[:-1]} (Berman, 2000).\n"
    "References\n"
    "Berman RM (2000). Antidepressant effects of ketamine in depressed patients.\n"
    "Li N (2010). mTOR-dependent synapse formation. Ketamine ketamine ketamine.\n"
    "After the list. Ketamine again.\n"
)


def test_the_list_is_left_out_of_the_weights_and_the_text_after_it_kept() -> None:
    references = [
        Reference(1, "Berman RM (2000)", line=5, authors=("Berman RM",), year=2000),
        Reference(2, "Li N (2010)", line=6, authors=("Li N",), year=2010),
    ]
    body = without_list(PAGE, references)
    assert "Antidepressant" not in body and "mTOR" not in body
    assert body.endswith("After the list. Ketamine again.\n")
    assert without_list(PAGE, [Reference(1, "x")]) == PAGE  # no line known: all of it
    [context] = contexts(PAGE, references)
    assert context.index == 1 and context.line == 3
    assert "antidepress" not in context.document.counts
    assert context.document.weight("ketamin") < 0.2 < context.document.weight("dendrit")


def test_weighing_a_document_grows_linearly_with_its_length() -> None:
    from time import perf_counter

    def seconds(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = perf_counter()
            background(text)
            best = min(best, perf_counter() - start)
        return best

    page = f"{FIELD} Dr. R. M. Berman et al. saw it (Fig. 2). " * 150
    assert seconds(page * 2) < 3.0 * seconds(page)


# The work Li 2010 is about, as a second entry of the same list.
LI = Subject(
    Source.PUBMED,
    title="mTOR-dependent synapse formation underlies the rapid antidepressant effects",
    abstract=(
        "Ketamine rapidly activated the mammalian target of rapamycin pathway, leading to "
        "increased synaptic signaling proteins and increased number and function of new "
        "spine synapses in the prefrontal cortex of rats; dendritic spine density rose."
    ),
    mesh=(MeshHeading("Synapses", True), MeshHeading("Prefrontal Cortex", True)),
    pmid="20724638",
)


def test_a_sentence_another_listed_work_covers_far_better_is_off_topic() -> None:
    judged = judge(SPINES, BERMAN)
    assert judged.topic is Topic.MATCHES and judged.coverage is not None
    turned = better_listed(SPINES, judged, [Listed("Li 2010 (entry 2)", LI)])
    assert turned.topic is Topic.OFF_TOPIC
    assert turned.why.startswith("the sentence is about ")
    assert "Li 2010 (entry 2), in the same list, covers 100% of what it says" in turned.why
    assert "this work 14%" in turned.why
    # The right work, held against the wrong one, stays as it was.
    own = judge(SPINES, LI)
    assert better_listed(SPINES, own, [Listed("Berman 2000 (entry 1)", BERMAN)]) == own


def test_a_listed_work_known_by_its_title_alone_is_no_alternative() -> None:
    judged = judge(SPINES, BERMAN)
    titled = Subject(Source.CROSSREF, title=SPINES)
    assert better_listed(SPINES, judged, [Listed("x", titled)]) == judged


def _verdict(index: int, author: str, pmid: str) -> Verdict:
    record = Record(Source.PUBMED, title="t", pmid=pmid)
    reference = Reference(index, author, authors=(author,), year=2000 + index)
    return Verdict(reference, Status.VERIFIED, match=record)


class _Both:
    def subjects(self, pmids: object) -> dict[str, Subject]:
        return {"10686270": BERMAN, "20724638": LI}

    def indexed_under(self, pmids: list[str], concept: str) -> set[str]:
        return set()

    def crossref_subjects(self, dois: list[str]) -> dict[str, Subject]:
        return {}


def test_the_run_holds_each_sentence_against_the_rest_of_its_list() -> None:
    berman, li = _verdict(1, "Berman RM", "10686270"), _verdict(2, "Li N", "20724638")
    cites = [Context(1, 3, SPINES), Context(2, 5, "Ketamine raised spine synapse numbers.")]
    [[judged_berman, judged_li]] = claims_for([([berman, li], cites)], _Both())
    [claim] = judged_berman.claims
    assert claim.topic is Topic.OFF_TOPIC
    assert "Li 2002 (entry 2), in the same list" in claim.why
    assert judged_li.claims[0].topic is Topic.MATCHES
    # A sentence that cites both works needs both: neither is the other's alternative.
    both = [Context(1, 3, SPINES), Context(2, 3, SPINES)]
    [[together, _]] = claims_for([([berman, li], both)], _Both())
    assert together.claims[0].topic is Topic.MATCHES
