"""The citing document's own words weigh a sentence's (claims/weights.py), and a sentence
citing a work for its method is not judged on the work's topic."""

from __future__ import annotations

import pytest

from citecheck.claims import judge
from citecheck.claims.review import contexts, without_list
from citecheck.claims.sentences import cites_for_method
from citecheck.claims.weights import MIN_SENTENCES, Background, background
from citecheck.model import Reference, Topic
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
