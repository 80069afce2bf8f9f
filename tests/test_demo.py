"""The demo data: recorded answers replayed by a local server give the example's report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from citecheck import demo
from citecheck.check import check_paths
from citecheck.model import Status
from citecheck.settings import from_environment

REPO = Path(__file__).resolve().parents[1]


def test_the_bundled_example_is_the_fixture() -> None:
    fixture = (REPO / "fixtures" / demo.EXAMPLE_NAME).read_text(encoding="utf-8")
    assert demo.example_text() == fixture


def test_recorded_answers_shape() -> None:
    data = demo.recorded_answers()
    assert data["answers"], "bench/record_demo.py writes them"
    for answer in data["answers"]:
        assert answer["service"] in ("crossref", "pubmed")
        assert answer["path"].startswith("/")
        assert not set(answer["params"]) & demo.IDENTITY_PARAMS
        assert answer["status"] == 200 and isinstance(answer["body"], str)


def test_the_demo_reproduces_the_example_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITECHECK_MAILTO", "demo@example.org")  # the faster polite pace
    page = demo.write_example(tmp_path)
    with demo.serve() as (crossref_url, pubmed_url):
        settings = replace(
            from_environment(no_cache=True), crossref_url=crossref_url, pubmed_url=pubmed_url
        )
        report = check_paths([str(page)], settings)
    statuses = [v.status for v in report.files[0].verdicts]
    assert Status.UNVERIFIED not in statuses, (
        "the resolver asked something not recorded: run python bench/record_demo.py"
    )
    assert statuses == [
        Status.MISMATCHED,
        Status.NOT_FOUND,
        Status.NOT_FOUND,
        Status.NOT_FOUND,
        Status.VERIFIED,
    ]


def test_an_unrecorded_question_is_a_service_failure() -> None:
    with demo.serve() as (crossref_url, _), pytest.raises(HTTPError) as caught:
        urlopen(f"{crossref_url}/works/10.9999/never", timeout=5)
    assert caught.value.code == 503
