"""The real recorded records (tests/data/recorded/), replayed through the local fakes: each
citation of them, correct and with one deliberate error per field, and its verdict.

    python bench/replay_recorded.py
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from citecheck.match import is_settled, judge
from citecheck.model import Reference
from citecheck.resolve import Resolver
from citecheck.settings import Settings
from fakes import start_fakes
from recorded_citations import CORRECT, ERRORS


def main() -> int:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server, services = start_fakes()
    settings = Settings(
        crossref_url=services.crossref_url,
        pubmed_url=services.pubmed_url,
        mailto="bench@example.org",
        backoff=0.01,
    )
    runs: list[tuple[str, list[Reference]]] = [("correct", list(CORRECT))]
    runs += [(f"wrong {field}", [make(r) for r in CORRECT]) for field, make in ERRORS.items()]
    print("| citation | as cited | verdict | mismatches (cited -> found) |")
    print("|---|---|---|---|")
    wrong = 0
    try:
        for label, references in runs:
            numbered = [dataclasses.replace(r, index=i) for i, r in enumerate(references, 1)]
            lookups = Resolver(settings).resolve_all(numbered, settled=is_settled)
            for reference, lookup in zip(numbered, lookups, strict=True):
                verdict = judge(reference, lookup)
                fields = [m.field.value for m in verdict.mismatches]
                expected = [] if label == "correct" else [label.split()[1]]
                wrong += fields != expected
                details = "; ".join(
                    f"{m.field.value}: {m.cited} -> {m.found}" for m in verdict.mismatches
                )
                print(f"| {reference.raw[:70]}... | {label} | {verdict.status.value} | {details} |")
    finally:
        server.stop()
    total = sum(len(refs) for _, refs in runs)
    print(f"\n{total - wrong} of {total} citations judged as expected")
    return 0 if wrong == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
