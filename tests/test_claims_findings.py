"""off_topic is a finding of its own: --fail-on can name it, and it never changes a status."""

from __future__ import annotations

from citecheck.model import FAIL_ON_CHOICES, Claim, Reference, Status, Topic, Verdict

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
