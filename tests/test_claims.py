"""The claim check: citing sentences, the topic judgement, and the example page end to end."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from citecheck.check import check_paths
from citecheck.claims import judge
from citecheck.claims.review import Context, claims_for
from citecheck.claims.sentences import citing_context, strip_citations
from citecheck.model import MeshHeading, Record, Reference, Source, Status, Subject, Topic, Verdict
from citecheck.resolve.errors import ServiceUnavailable
from citecheck.settings import from_environment
from fakes import FakeServices

BERMAN = Subject(
    Source.PUBMED,
    title="Antidepressant effects of ketamine in depressed patients",
    abstract=(
        "Seven subjects with major depression completed 2 test days that involved intravenous "
        "treatment with ketamine hydrochloride or saline solutions. Subjects with depression "
        "evidenced significant improvement in depressive symptoms within 72 hours after "
        "ketamine but not placebo infusion (Hamilton Depression Rating Scale)."
    ),
    mesh=(
        MeshHeading("Depressive Disorder", True, ("drug therapy",)),
        MeshHeading("Ketamine", True, ("therapeutic use",)),
        MeshHeading("Humans"),
        MeshHeading("Infusions, Intravenous"),
    ),
    pmid="10686270",
)
PAIN_CLAIM = (
    "A study by Berman et al. (2000) found that patients receiving ketamine infusions "
    "reported substantial reductions in pain intensity, with effects lasting for days to weeks."
)


@pytest.mark.parametrize(
    ("text", "cited", "sentence"),
    [
        ("One. Berman et al. (2000) saw it. Two.", "Berman", "Berman et al. (2000) saw it."),
        ("See Fig. 2 here (Doe, 2001). Next one.", "(Doe", "See Fig. 2 here (Doe, 2001)."),
        ("R. M. Berman saw it [1]. Then.", "[1]", "R. M. Berman saw it [1]."),
        ("We saw X in rats. These effects were large [3]. Next.", "[3]",
         "We saw X in rats. These effects were large [3]."),
        ("Cited [2]. These effects were large [3]. Next.", "[3]", "These effects were large [3]."),
        ("Heading\n\nThis one is new [4].", "[4]", "This one is new [4]."),
    ],
)  # fmt: skip
def test_the_citing_sentence(text: str, cited: str, sentence: str) -> None:
    assert citing_context(text, text.index(cited))[1] == sentence


def test_citation_markers_are_not_words_of_the_claim() -> None:
    assert strip_citations(
        "Pain fell (Fava et al., 2019; Li, 2010) as Berman et al. (2000) and [2-4] saw."
    ) == ("Pain fell as and saw.")


def test_a_pain_claim_on_a_depression_trial_is_off_topic_and_says_why() -> None:
    judgement = judge(strip_citations(PAIN_CLAIM), BERMAN)
    assert judgement.topic is Topic.OFF_TOPIC
    assert judgement.why.startswith(
        "the sentence is about pain; the work is about depressive disorder"
    )
    assert judgement.condition == "pain"


def test_a_depression_claim_on_the_same_trial_matches_and_names_what_is_shared() -> None:
    claim = (
        "Ketamine infusions rapidly relieved symptoms of major depression (Berman et al., 2000)."
    )
    judgement = judge(strip_citations(claim), BERMAN)
    assert judgement.topic is Topic.MATCHES
    assert "depression" in judgement.why and "ketamine" in judgement.why


@pytest.mark.parametrize(
    ("sentence", "subject", "why"),
    [
        ("It was shown [1].", BERMAN, "the sentence says too little"),
        (PAIN_CLAIM, Subject(Source.CROSSREF, title="Ketamine and depression"), "too little"),
        (PAIN_CLAIM, None, "nothing known"),
    ],
)
def test_too_little_to_judge_is_unknown(sentence: str, subject: Subject | None, why: str) -> None:
    judgement = judge(strip_citations(sentence), subject)
    assert judgement.topic is Topic.UNKNOWN
    assert why in judgement.why


class _Describer:
    def __init__(self, indexed: set[str] = frozenset(), down: bool = False) -> None:  # type: ignore[assignment]
        self.indexed, self.down, self.asked = indexed, down, []  # type: ignore[var-annotated]

    def subjects(self, pmids: object) -> dict[str, Subject]:
        if self.down:
            raise ServiceUnavailable("pubmed", "HTTP 503")
        return {"10686270": BERMAN}

    def indexed_under(self, pmids: list[str], concept: str) -> set[str]:
        self.asked.append((tuple(pmids), concept))
        return set(pmids) & self.indexed

    def crossref_subjects(self, dois: list[str]) -> dict[str, Subject]:
        return {}


def _berman_verdict() -> Verdict:
    record = Record(Source.PUBMED, title=BERMAN.title, pmid="10686270")
    return Verdict(Reference(1, "Berman 2000"), Status.MISMATCHED, match=record)


def test_pubmed_indexing_the_work_under_the_condition_overturns_off_topic() -> None:
    context = Context(1, 17, PAIN_CLAIM)
    [[kept]] = claims_for([([_berman_verdict()], [context])], _Describer())
    assert [c.topic for c in kept.claims] == [Topic.OFF_TOPIC]
    describer = _Describer(indexed={"10686270"})
    [[overturned]] = claims_for([([_berman_verdict()], [context])], describer)
    assert describer.asked == [(("10686270",), "pain")]
    assert overturned.claims[0].topic is Topic.MATCHES
    assert "PubMed indexes the work under pain" in overturned.claims[0].why
    assert overturned.status is Status.MISMATCHED  # a claim never changes the status


def test_a_service_that_fails_leaves_the_claims_unknown_not_off_topic() -> None:
    [[verdict]] = claims_for(
        [([_berman_verdict()], [Context(1, 17, PAIN_CLAIM)])], _Describer(down=True)
    )
    [claim] = verdict.claims
    assert claim.topic is Topic.UNKNOWN
    assert "could not be checked" in claim.why


def test_the_example_page_berman_off_topic_li_matches(
    services: FakeServices, example_path: Path
) -> None:
    settings = dataclasses.replace(from_environment(mailto="editor@example.org"), backoff=0.01)
    report = check_paths([str(example_path)], settings)
    verdicts = {v.reference.authors[0].split()[0]: v for v in report.files[0].verdicts}
    [berman] = verdicts["Berman"].claims
    assert berman.topic is Topic.OFF_TOPIC
    assert berman.line == 17
    assert "pain" in berman.why and "depressive disorder" in berman.why
    [li] = verdicts["Li"].claims
    assert li.topic is Topic.MATCHES
    assert "synaptogenesis" in li.why
    assert not verdicts["Fava"].claims  # not found: nothing to compare the sentence with
    assert services.calls[("pubmed", "efetch")] == 1


class _CrossrefOnly(_Describer):
    def subjects(self, pmids: object) -> dict[str, Subject]:
        raise AssertionError("no PMID to ask PubMed about")

    def crossref_subjects(self, dois: list[str]) -> dict[str, Subject]:
        assert dois == ["10.1016/x"]
        return {
            "10.1016/x": dataclasses.replace(BERMAN, source=Source.CROSSREF, mesh=(), pmid=None)
        }


def test_a_work_without_pmid_is_judged_from_crossref() -> None:
    record = Record(Source.CROSSREF, title=BERMAN.title, doi="10.1016/X")
    verdict = Verdict(Reference(1, "Berman 2000"), Status.VERIFIED, match=record)
    [[judged]] = claims_for([([verdict], [Context(1, 17, PAIN_CLAIM)])], _CrossrefOnly())
    [claim] = judged.claims
    assert claim.topic is Topic.OFF_TOPIC  # the abstract and title: depression, not pain
