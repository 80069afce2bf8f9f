"""The real recorded records (tests/data/recorded/), served by the fakes: correct citations of
them are verified, and a deliberate error in one field is a mismatch on that field only."""

from __future__ import annotations

import dataclasses

import pytest

from citecheck.match import is_settled, judge
from citecheck.model import Field, Reference, Status, Verdict
from citecheck.resolve import Resolver
from citecheck.settings import from_environment
from fakes import FakeServices
from recorded_citations import CORRECT, ERRORS


def verdicts(references: list[Reference]) -> list[Verdict]:
    settings = dataclasses.replace(
        from_environment(mailto="editor@example.org", no_cache=True), backoff=0.01
    )
    numbered = [dataclasses.replace(r, index=i) for i, r in enumerate(references, 1)]
    lookups = Resolver(settings).resolve_all(numbered, settled=is_settled)
    return [judge(r, lookup) for r, lookup in zip(numbered, lookups, strict=True)]


def test_correct_citations_of_recorded_records_are_verified(services: FakeServices) -> None:
    found = verdicts(CORRECT)
    assert [v.status for v in found] == [Status.VERIFIED] * len(CORRECT), [
        (v.reference.raw[:40], v.mismatches, v.warnings) for v in found
    ]
    by_doi = {v.match.doi: v.match for v in found if v.match}
    # The recorded markup, entities and wrapped lines reach the report as text.
    assert by_doi["10.2307/2446012"].title == (
        "The functional ecology of gynodioecy in Eritrichum aretioides (Boraginaceae), "
        "the Alpine Forget\u2010Me\u2010Not"
    )
    record = by_doi["10.1001/archneurpsyc.1953.02320320035003"]
    assert record.journal == "A.M.A. Archives of Neurology & Psychiatry"
    assert by_doi["10.1001/jama.286.17.2165-a"].pages == "2165-2166"  # from "2165-a-2166"
    assert not any("<" in (v.match.title or "") for v in found if v.match)
    assert services.calls_to("crossref") and services.calls_to("pubmed", "esummary")


@pytest.mark.parametrize("field", list(ERRORS))
def test_a_deliberate_error_is_a_mismatch_on_that_field(services: FakeServices, field: str) -> None:
    found = verdicts([ERRORS[field](r) for r in CORRECT])
    for verdict in found:
        assert verdict.status is Status.MISMATCHED, (verdict.reference.raw[:40], verdict)
        assert [m.field for m in verdict.mismatches] == [Field(field)], verdict.reference.raw
