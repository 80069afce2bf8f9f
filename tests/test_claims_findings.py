"""off_topic is a finding of its own: --fail-on can name it, and it never changes a status."""

from __future__ import annotations

import json
from pathlib import Path

from citecheck.model import (
    FAIL_ON_CHOICES,
    Claim,
    Field,
    FileReport,
    Mismatch,
    Record,
    Reference,
    Report,
    Source,
    Status,
    Topic,
    Verdict,
)
from citecheck.report import render
from fakes import FakeServices
from test_cli import run

REFERENCE = Reference(1, "Berman RM. Antidepressant effects of ketamine. 2000.")


def _verdict(*topics: Topic) -> Verdict:
    claims = tuple(Claim(3, "A sentence.", topic, "why") for topic in topics)
    return Verdict(REFERENCE, Status.VERIFIED, claims=claims)


def test_off_topic_can_be_named_in_fail_on() -> None:
    assert "off_topic" in FAIL_ON_CHOICES


def test_a_verified_reference_cited_off_topic_fails_only_on_off_topic() -> None:
    verdict = _verdict(Topic.MATCHES, Topic.OFF_TOPIC)
    assert verdict.off_topic
    assert verdict.status is Status.VERIFIED
    assert verdict.fails(frozenset({"off_topic"}))
    assert not verdict.fails(frozenset({"mismatched", "not_found", "retracted"}))


def test_matching_and_unknown_claims_never_fail() -> None:
    verdict = _verdict(Topic.MATCHES, Topic.UNKNOWN)
    assert not verdict.off_topic
    assert not verdict.fails(frozenset({"off_topic"}))


def _report() -> Report:
    record = Record(Source.CROSSREF, title="Antidepressant effects", doi="10.1016/x", pmid="1")
    claim = Claim(
        17,
        "Ketamine cut pain (Berman et al., 2000).",
        Topic.OFF_TOPIC,
        "the sentence is about pain; the work is about depressive disorder",
    )
    verdict = Verdict(
        Reference(
            1,
            "Berman, R. M. (2000). Title. Arch Gen Psychiatry, 57(3), 227-234.",
            line=43,
            authors=("Berman RM",),
            year=2000,
        ),
        Status.MISMATCHED,
        match=record,
        mismatches=(Mismatch(Field.VOLUME, "57", "47"),),
        claims=(claim,),
        suggestion="Berman, R. M. (2000). Title. Biological Psychiatry, 47(4), 351–354.",
    )
    return Report(files=(FileReport("page.txt", (verdict,)),))


def test_every_format_shows_the_off_topic_claim_and_the_corrected_entry() -> None:
    report = _report()
    for name in ("text", "markdown", "html", "json"):
        rendered = render(name, report, fail_on=frozenset({"off_topic"}))
        assert "the sentence is about pain" in rendered, name
        assert "Biological Psychiatry, 47(4), 351–354." in rendered, name
    junit = render("junit", report, fail_on=frozenset({"off_topic"}))
    assert "the sentence is about pain" in junit
    sarif = json.loads(render("sarif", report, fail_on=frozenset()))
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["mismatched", "off_topic"]
    assert results[1]["locations"][0]["physicalLocation"]["region"] == {"startLine": 17}
    [fix] = results[0]["fixes"]
    [change] = fix["artifactChanges"]
    assert change["replacements"][0]["deletedRegion"] == {"startLine": 43, "endLine": 43}
    assert change["replacements"][0]["insertedContent"]["text"].startswith("Berman, R. M. (2000).")


def test_fail_on_off_topic_fails_the_example_page(
    services: FakeServices, example_path: Path
) -> None:
    assert run("--fail-on", "off_topic", str(example_path)).returncode == 1
    assert run("--fail-on", "unverified", str(example_path)).returncode == 0
