"""Every way a service can fail ends as `unverified`, never as a wrong verdict."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from citecheck.check import check_paths
from citecheck.model import Status
from citecheck.settings import from_environment
from fakes import FakeServices

TRUTH = [Status.MISMATCHED, Status.NOT_FOUND, Status.NOT_FOUND, Status.NOT_FOUND, Status.VERIFIED]
MODES = ["down", "rate_limited", "garbage", "wrong_shape", "slow:3"]


def statuses(example_path: Path) -> list[Status]:
    settings = dataclasses.replace(
        from_environment(mailto="editor@example.org", no_cache=True),
        retries=1,
        backoff=0.01,
        timeout=1.0,
        max_retry_after=0.1,
    )
    [file] = check_paths([str(example_path)], settings).files
    return [verdict.status for verdict in file.verdicts]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("broken", [("crossref",), ("pubmed",), ("crossref", "pubmed")])
def test_a_failing_service_never_yields_a_wrong_verdict(
    services: FakeServices, example_path: Path, mode: str, broken: tuple[str, ...]
) -> None:
    for service in broken:
        services.set_mode(service, mode)
    found = statuses(example_path)
    for got, truth in zip(found, TRUTH, strict=True):
        # Either the right answer (the other service settled it) or "unverified".
        assert got in (truth, Status.UNVERIFIED), (mode, broken, found)
    fabricated = found[1:4]
    assert fabricated == [Status.UNVERIFIED] * 3  # "not found" needs both services' answers
    if len(broken) == 2:
        assert found == [Status.UNVERIFIED] * 5


def test_nothing_listening_at_all_is_unverified(example_path: Path) -> None:
    assert statuses(example_path) == [Status.UNVERIFIED] * 5  # env points at 127.0.0.1:9
