"""--offline answers what the cache has: one reference missing from it is unverified, and
costs the others of its batch nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from citecheck.match import is_settled, judge
from citecheck.model import Reference, Status
from citecheck.resolve import Resolver
from citecheck.settings import from_environment
from fakes import FakeServices
from samples import BERMAN_CITED, LI_CITED


def statuses(references: list[Reference], cache: Path, *, offline: bool) -> list[Status]:
    settings = dataclasses.replace(
        from_environment(mailto="editor@example.org", offline=offline), cache_dir=cache
    )
    numbered = [dataclasses.replace(r, index=i) for i, r in enumerate(references, 1)]
    lookups = Resolver(settings).resolve_all(numbered, settled=is_settled)
    return [judge(r, lookup).status for r, lookup in zip(numbered, lookups, strict=True)]


def test_one_reference_not_in_the_cache_leaves_only_that_one_unverified(
    services: FakeServices, tmp_path: Path
) -> None:
    cited = [w for w in services.corpus.works if w.pmid and w.pmid not in ("20724638", "10686270")]
    by_pmid = [
        Reference(index=0, raw=f"{w.title}. PMID: {w.pmid}", title=w.title, pmid=w.pmid)
        for w in cited[:2]
    ]
    online = statuses([LI_CITED, BERMAN_CITED, by_pmid[0]], tmp_path, offline=False)
    services.reset()
    offline = statuses([LI_CITED, BERMAN_CITED, by_pmid[0], by_pmid[1]], tmp_path, offline=True)
    assert offline[:3] == online
    assert offline[3] is Status.UNVERIFIED
    assert services.total_calls() == 0


def test_a_citation_line_not_in_the_cache_costs_the_cached_lines_nothing(
    services: FakeServices, tmp_path: Path
) -> None:
    # ECitMatch answers are remembered per citation line: a line the cache lacks leaves the
    # lines it holds answered (it once turned the whole batch unverified).
    unknown = Reference(
        index=0,
        raw="Zarate CA, et al. A randomized trial. Arch Gen Psychiatry. 2006;63(8):856-864.",
        authors=("Zarate",),
        title="A randomized trial",
        journal="Arch Gen Psychiatry",
        year=2006,
        volume="63",
        issue="8",
        pages="856-864",
    )
    online = statuses([LI_CITED, BERMAN_CITED], tmp_path, offline=False)
    services.reset()
    offline = statuses([LI_CITED, BERMAN_CITED, unknown], tmp_path, offline=True)
    assert offline[:2] == online
    assert offline[2] is Status.UNVERIFIED
    assert services.total_calls() == 0
