"""A hostile or broken service is that service's failure for the references it was asked
about: unverified, with the reason, never a crash, never cached, no key sent elsewhere."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import diskcache
import pytest

from citecheck.match import is_settled, judge
from citecheck.model import Status
from citecheck.resolve import Resolver
from citecheck.settings import from_environment
from fakes import FakeServices
from samples import LI_CITED

MODES = {
    "wrong_types": "wrong shape",
    "endless": "larger than",
    "huge:20": "larger than",
    "gzip_bomb:200": "larger than",
    "redirect_away": "redirected to another host (localhost)",
    "refused": "HTTP 400",
    "gateway_timeout": "HTTP 504",
    "trickle:0.4": "timed out",
}


@pytest.mark.parametrize("mode", list(MODES))
def test_a_hostile_service_leaves_the_reference_unverified(
    services: FakeServices, tmp_path: Path, mode: str
) -> None:
    for service in ("crossref", "pubmed"):
        services.set_mode(service, mode)
    settings = dataclasses.replace(
        from_environment(mailto="editor@example.org"),
        ncbi_api_key="SECRET-KEY",
        cache_dir=tmp_path,
        retries=0,
        timeout=1.5,
    )
    started = time.monotonic()
    [lookup] = Resolver(settings).resolve_all([LI_CITED], settled=is_settled)
    assert time.monotonic() - started < 10
    verdict = judge(LI_CITED, lookup)
    assert verdict.status is Status.UNVERIFIED
    assert any(MODES[mode] in warning for warning in verdict.warnings), verdict.warnings
    assert not services.calls_to("elsewhere")  # nothing, and no key, went to another host
    # A failure is never cached: nothing from Crossref, no PubMed summary. (What PubMed
    # answered whole, ECitMatch's text or an ESearch the mode left alone, may be.)
    with diskcache.Cache(str(tmp_path), disk=diskcache.JSONDisk) as cache:
        keys = [str(key) for key in cache.iterkeys()]
    assert not [key for key in keys if "|crossref@" in key or "|pmid|" in key], keys
