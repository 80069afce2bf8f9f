"""Benchmark the resolver at scale against local fakes that enforce the published limits.

    python bench/resolve.py [--profile mixed|clinic|both] [--latency 0.08] [--seed 11]
        [--pages N] [--per-page N]       (defaults: mixed 200 x 15, clinic 60 x 9)

Run from the repository root, with citecheck and its test extra installed (to measure
another checkout's citecheck, run this script with that checkout's interpreter: the
citecheck under test is the one `python -m citecheck` finds). It:
1. starts the local fakes (tests/fakes) with a delay on every answer and the services'
   published limits enforced (429 over them; tests/fakes/limits.py);
2. writes a folder of pages for each profile:
   - `mixed`: bench/make_site.py's page formats, every corpus work cited once or more
     (about half with their DOI), miscited, retracted and fabricated works, drawn with
     Zipf-like popularity so that many references repeat across pages;
   - `clinic` (issue 13; bench/clinic.py): a few dozen real works cited again and again
     in eight citation styles, rarely with a DOI or PMID, and 20-30% problems;
3. runs `citecheck --format json` on it twice with one cache folder (cold, then warm) and
   prints, per run: calls per reference per service, references per second, wall time,
   the rate-limit floor (the calls each service got divided by its allowed rate, the
   largest of them) and the wall time's ratio to it, the time from the first call to the
   last ("calls s": the look-ups alone, without reading and judging), calls refused for
   breaking a limit,
   peak memory of the citecheck process, and how many verdicts agree with the
   generator's expected status (and which do not).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO / "bench")]

from clinic import make_clinic_folder  # noqa: E402
from make_site import (  # noqa: E402
    CITIES,
    CONDITIONS,
    RECORDS,
    Citation,
    _fabricate,
    _from_record,
    _miscite,
    render_page,
)

from fakes import start_fakes  # noqa: E402

# Calls per second each service allows citecheck (polite pool, no NCBI key): Crossref's
# list queries (searches and DOI batches) 3/s, PubMed 3/s (SERVICES.md sections 1 and 5);
# DataCite 1,000 requests per 5 minutes with a mailto (support.datacite.org/docs/rate-limit).
ALLOWED = {"crossref": 3.0, "pubmed": 3.0, "datacite": 1000 / 300}
PROFILES = {"mixed": (200, 15), "clinic": (60, 9)}  # pages, references per page
MAILTO = "bench@example.org"


def make_pool(rng: random.Random) -> list[Citation]:
    """Every corpus work cited once (half with the DOI), a fifth of them miscited too, and
    150 fabricated references."""
    records = json.loads(RECORDS.read_text(encoding="utf-8"))["records"]
    usable = [r for r in records if r["title"] and r["authors"] and r["year"] and r["volume"]]
    journals = sorted({(r["journal"], r.get("journal_abbrev") or r["journal"]) for r in usable})
    titles = [r["title"].lower() for r in usable]
    pool: list[Citation] = []
    for i, record in enumerate(usable):
        expected = "retracted" if record["retracted"] else "verified"
        citation = _from_record(record, f"real-{i}", expected, rng)
        with_doi = record["doi"] and rng.random() < 0.5
        pool.append(replace(citation, doi=record["doi"].lower() if with_doi else None))
        if not record["retracted"] and rng.random() < 0.2:
            pool.append(_miscite(citation, journals, rng))
    pool += [_fabricate(i, journals, titles, rng) for i in range(150)]
    rng.shuffle(pool)
    return pool


def make_folder(out: Path, pages: int, per_page: int, seed: int) -> list[str]:
    """Write the pages; returns the expected status of each reference, in report order."""
    rng = random.Random(seed)
    pool = make_pool(rng)
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(pool))]
    expected: dict[str, list[str]] = {}
    for number in range(pages):
        kind = ("txt", "md", "html")[number % 3]
        city, condition = rng.choice(CITIES), rng.choice(CONDITIONS)
        cites: list[Citation] = []
        while len(cites) < per_page:
            pick = rng.choices(pool, weights)[0]
            if pick not in cites:
                cites.append(pick)
        name = f"page-{number:04d}.{kind}"
        prose = [f"Ketamine for {condition} in {city}: what the research says."]
        (out / name).write_text(render_page(kind, f"Clinic {number}", prose, cites), "utf-8")
        expected[str(out / name)] = [c.expected for c in cites]
    return [status for name in sorted(expected) for status in expected[name]]


def run_citecheck(folder: Path, env: dict[str, str]) -> tuple[dict[str, Any], float, float]:
    """One run: (the JSON report, wall seconds, peak memory in MB of that process)."""
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run(
        [sys.executable, "-m", "citecheck", "--quiet", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    wall = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result.returncode not in (0, 1, 3):
        sys.exit(f"citecheck failed ({result.returncode}): {result.stderr.strip()}")
    # ru_maxrss is the largest child so far (KiB on Linux): a later, smaller run shows the
    # earlier peak, which only overstates it.
    return json.loads(result.stdout), wall, max(peak, before) / 1024


def agreement(report: dict[str, Any], expected: list[str]) -> tuple[int, Counter[str]]:
    got = [
        "retracted" if r["retracted"] else r["status"]
        for f in sorted(report["files"], key=lambda f: f["path"])
        for r in f["references"]
    ]
    wrong = Counter(f"{e}->{g}" for e, g in zip(expected, got, strict=True) if e != g)
    return sum(1 for e, g in zip(expected, got, strict=True) if e == g), wrong


def measure(
    profile: str, folder: Path, cache: Path, expected: list[str], fake: Any, limits: Any
) -> list[dict[str, Any]]:
    """Cold then warm runs on one folder; a row of figures per run (printed as it goes)."""
    env = {
        **os.environ,
        "CITECHECK_CROSSREF_URL": fake.crossref_url,
        "CITECHECK_PUBMED_URL": fake.pubmed_url,
        "CITECHECK_DATACITE_URL": fake.datacite_url,
        "CITECHECK_CACHE_DIR": str(cache),
        "CITECHECK_MAILTO": MAILTO,
    }
    problems = sum(1 for status in expected if status != "verified")
    print(
        f"\n## {profile}: {len(list(folder.iterdir()))} pages, {len(expected)} references, "
        f"{problems / len(expected):.0%} of them problems"
    )
    rows = []
    for run in ("cold", "warm"):
        fake.reset()
        limits.violations.clear()
        report, wall, peak = run_citecheck(folder, env)
        references = report["summary"]["references"]
        calls = {s: fake.total_calls(s) for s in ALLOWED}
        floor = max(calls[s] / ALLOWED[s] for s in ALLOWED)
        right, wrong = agreement(report, expected)
        moments = [call.at for call in fake.requests]
        span = max(moments) - min(moments) if moments else 0.0
        print(f"{run}: calls {dict(sorted(fake.counts().items()))}")
        print(f"{run}: refused for breaking a limit: {dict(limits.violations) or 0}")
        print(f"{run}: verdicts as expected {right}/{len(expected)}; others: {dict(wrong)}")
        rows.append(
            {
                "profile": profile,
                "run": run,
                "references": references,
                **{s: calls[s] / references for s in ALLOWED},
                "total": sum(calls.values()) / references,
                "per_second": references / wall,
                "wall": wall,
                "floor": floor,
                "span": span,
                "peak": peak,
                "right": f"{right}/{len(expected)}",
            }
        )
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    services = " ".join(f"{s + '/ref':>12}" for s in ALLOWED)
    print(
        f"\n{'profile':<8} {'run':<5} {'refs':>5} {services} {'total/ref':>9} {'refs/s':>7} "
        f"{'wall s':>7} {'floor s':>7} {'wall/floor':>10} {'calls s':>7} {'peak MB':>7} "
        f"{'verdicts ok':>11}"
    )
    for r in rows:
        per_service = " ".join(f"{r[s]:>12.3f}" for s in ALLOWED)
        ratio = f"{r['wall'] / r['floor']:.2f}x" if r["floor"] else "-"
        print(
            f"{r['profile']:<8} {r['run']:<5} {r['references']:>5} {per_service} "
            f"{r['total']:>9.3f} {r['per_second']:>7.1f} {r['wall']:>7.1f} {r['floor']:>7.1f} "
            f"{ratio:>10} {r['span']:>7.1f} {r['peak']:>7.0f} {r['right']:>11}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", choices=[*PROFILES, "both"], default="both")
    parser.add_argument("--pages", type=int, help="pages per profile (default: the profile's)")
    parser.add_argument("--per-page", type=int, help="references per page")
    parser.add_argument("--latency", type=float, default=0.08, help="seconds per answer")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no access log per call
    server, fake = start_fakes()
    limits = fake.enforce_limits(latency=args.latency)
    print(
        f"{args.latency * 1000:.0f} ms per answer; limits enforced (calls/s): "
        + ", ".join(f"{s} {rate:.3g}" for s, rate in ALLOWED.items())
    )
    rows = []
    try:
        for profile in PROFILES if args.profile == "both" else [args.profile]:
            pages, per_page = PROFILES[profile]
            pages, per_page = args.pages or pages, args.per_page or per_page
            with tempfile.TemporaryDirectory() as tmp:
                folder, cache = Path(tmp) / "site", Path(tmp) / "cache"
                folder.mkdir()
                make = make_folder if profile == "mixed" else make_clinic_folder
                expected = make(folder, pages, per_page, args.seed)
                rows += measure(profile, folder, cache, expected, fake, limits)
    finally:
        server.stop()
    print_table(rows)


if __name__ == "__main__":
    main()
