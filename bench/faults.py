"""Every failure mode of each service, on the example page: what citecheck reports, how
long it takes, and its exit code.

    python bench/faults.py

Run from the repository root. For each mode of the fake services (tests/fakes: 503s,
429s, truncated bodies, JSON of the wrong shape, answers slower than the timeout,
nothing listening) on Crossref, on PubMed and on both, it runs `citecheck --format json`
on fixtures/ketamine-clinic-pain.txt with the default retries and timeouts (but a 5 s
timeout, so that "slow" does not take minutes) and checks that no reference is reported
`not_found` or `verified` wrongly.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from fakes import start_fakes  # noqa: E402

EXAMPLE = REPO / "fixtures" / "ketamine-clinic-pain.txt"
TRUTH = ["mismatched", "not_found", "not_found", "not_found", "verified"]
MODES = ["down", "rate_limited", "garbage", "wrong_shape", "slow:8", "refused"]
NOWHERE = "http://127.0.0.1:9"  # nothing listens: connection refused


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server, fake = start_fakes()
    print(f"{'mode':<13} {'broken':<17} {'exit':>4} {'time':>6}  statuses")
    wrong = 0
    for mode in MODES:
        for broken in (("crossref",), ("pubmed",), ("crossref", "pubmed")):
            fake.reset()
            env = {
                **os.environ,
                "CITECHECK_CROSSREF_URL": fake.crossref_url,
                "CITECHECK_PUBMED_URL": fake.pubmed_url,
                "CITECHECK_MAILTO": "bench@example.org",
                "CITECHECK_TIMEOUT": "5",
            }
            for service in broken:
                if mode == "refused":
                    env[f"CITECHECK_{service.upper()}_URL"] = NOWHERE
                else:
                    fake.set_mode(service, mode)
            with tempfile.TemporaryDirectory() as cache:
                env["CITECHECK_CACHE_DIR"] = cache
                started = time.monotonic()
                result = subprocess.run(
                    [sys.executable, "-m", "citecheck", "--format", "json", str(EXAMPLE)],
                    capture_output=True,
                    text=True,
                    env=env,
                    timeout=600,
                    check=False,
                )
                took = time.monotonic() - started
            refs = json.loads(result.stdout)["files"][0]["references"]
            statuses = [r["status"] for r in refs]
            bad = [s for s, t in zip(statuses, TRUTH, strict=True) if s not in (t, "unverified")]
            wrong += len(bad)
            print(
                f"{mode:<13} {'+'.join(broken):<17} {result.returncode:>4} {took:>5.1f}s  "
                f"{' '.join(statuses)}{'  WRONG' if bad else ''}"
            )
    server.stop()
    print(f"\nwrong verdicts: {wrong}")


if __name__ == "__main__":
    main()
