"""Issue 15: citecheck beside a raw-string-only checker, on real printed references.

    python bench/jats.py [--mirror PATH] [--size 600] [--half eval|calibration|all]
                         [--details FILE]

Needs PLOS's article XML mirrored (`fetch github:PLOS/allofplos`, MIT; articles CC BY 4.0;
default PATH /work/.mirror/PLOS+allofplos/repo). bench/jats_set.py reads the printed
journal references and builds the world the local fakes serve (15% of the works removed,
25% altered in one field, look-alikes added; fixed seed). The set is cut in two halves
by article: the calibration half fits citecheck's candidate scorer (bench/calibrate.py)
and the baseline's threshold; the evaluation half is what this table reports by default.

Per checker: DOI precision and recall (the DOI of the record it took for the cited work,
against the work's), status accuracy (verified / mismatched / not_found as built),
problem precision and recall (mismatched or not found), mismatch-field accuracy (of the
references both built and reported mismatched, the share reported on exactly the
altered field), and references skipped although the fakes hold their work.

Run with /work/baseline/.venv/bin/python for the code before this session's work.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import rawmatch
import requests
from fakeworld import check, serving
from jats_set import MIRROR, Case, build, commit, references, served

BASELINE_THRESHOLD = 0.75  # the raw-string checker's; see calibrate() below


def half(article: str) -> str:
    digest = hashlib.sha256(article.encode()).digest()[0]
    return "calibration" if digest % 2 == 0 else "eval"


def sample(mirror: Path, size: int, seed: int) -> tuple[list, list]:
    """`size` references with distinct titles (one work, one reference), drawn at random,
    and all the references with distinct titles."""
    seen: set[str] = set()
    unique = []
    for cited in references(mirror):
        key = re.sub(r"[^a-z0-9]", "", cited.title.lower())
        if key not in seen:
            seen.add(key)
            unique.append(cited)
    rng = random.Random(seed)
    chosen = rng.sample(unique, min(size, len(unique)))
    return sorted(chosen, key=lambda c: (c.article, unique.index(c))), unique


def documents(folder: Path, cases: list[Case]) -> dict[str, list[Case]]:
    """One document per article: its references as a numbered list."""
    folder.mkdir(parents=True, exist_ok=True)
    by_article: dict[str, list[Case]] = {}
    for case in cases:
        by_article.setdefault(case.cited.article, []).append(case)
    written = {}
    for article, group in by_article.items():
        path = folder / f"{article}.txt"
        lines = ["References", ""]
        for n, case in enumerate(group, 1):
            lines += [f"{n}. {case.cited.raw}", ""]
        path.write_text("\n".join(lines), encoding="utf-8")
        written[str(path)] = group
    return written


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def citecheck_answers(report: Any, written: dict[str, list[Case]]) -> dict[int, rawmatch.Answer]:
    answers: dict[int, rawmatch.Answer] = {}
    for file_report in report.files:
        group = written.get(file_report.path, [])
        at = 0
        for verdict in file_report.verdicts:
            raw = _letters(verdict.reference.raw)
            for k in range(at, len(group)):
                if _letters(group[k].cited.raw)[:80] in raw:
                    match = verdict.match
                    answers[id(group[k])] = rawmatch.Answer(
                        verdict.status.value,
                        (match.doi or "").lower() or None if match else None,
                        frozenset(m.field.value for m in verdict.mismatches),
                    )
                    at = k + 1
                    break
    return answers


def metrics(cases: list[Case], answers: dict[int, rawmatch.Answer]) -> dict[str, float]:
    predicted_dois = correct_dois = held = 0
    right_status = problems_said = problems_right = problems_true = 0
    both_mismatched = right_fields = skipped_held = 0
    for case in cases:
        answer = answers.get(id(case), rawmatch.Answer("lost", None, frozenset()))
        held += case.record is not None
        if answer.doi:
            predicted_dois += 1
            correct_dois += case.record is not None and answer.doi == case.doi.lower()
        right_status += answer.status == case.expected
        said = answer.status in ("mismatched", "not_found")
        true = case.expected in ("mismatched", "not_found")
        problems_said += said
        problems_true += true
        problems_right += said and true
        if answer.status == case.expected == "mismatched":
            both_mismatched += 1
            right_fields += set(answer.fields) == case.fields
        skipped_held += answer.status in ("skipped", "lost") and case.record is not None
    precision = correct_dois / predicted_dois if predicted_dois else 0.0
    recall = correct_dois / held if held else 0.0
    return {
        "references": len(cases),
        "doi_precision": precision,
        "doi_recall": recall,
        "doi_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "status_accuracy": right_status / len(cases),
        "problem_precision": problems_right / problems_said if problems_said else 0.0,
        "problem_recall": problems_right / problems_true if problems_true else 0.0,
        "field_accuracy": right_fields / both_mismatched if both_mismatched else 0.0,
        "skipped_held": skipped_held,
    }


def baseline_answers(cases: list[Case], crossref_url: str, threshold: float) -> dict:
    session = requests.Session()
    hits = {id(c): rawmatch.top_hit(crossref_url, c.cited.raw, session) for c in cases}
    return hits, {id(c): rawmatch.judge(hits[id(c)], c.cited.raw, threshold) for c in cases}


def calibrate(cases: list[Case], hits: dict) -> float:
    """The baseline's threshold that gets most statuses right on these cases."""
    best = (0.0, BASELINE_THRESHOLD)
    for step in range(50, 100):
        threshold = step / 100
        answers = {id(c): rawmatch.judge(hits[id(c)], c.cited.raw, threshold) for c in cases}
        best = max(best, (metrics(cases, answers)["status_accuracy"], threshold))
    return best[1]


ROWS = (
    ("doi_precision", "DOI precision"),
    ("doi_recall", "DOI recall"),
    ("doi_f1", "DOI F1"),
    ("status_accuracy", "status accuracy"),
    ("problem_precision", "problem precision"),
    ("problem_recall", "problem recall"),
    ("field_accuracy", "mismatch-field accuracy"),
    ("skipped_held", "skipped, work held"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--size", type=int, default=1000, help="references drawn (both halves)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--half", choices=("eval", "calibration", "all"), default="eval")
    parser.add_argument("--details", type=Path, help="every reference's outcome (JSON lines)")
    args = parser.parse_args(argv)
    if not args.mirror.exists():
        parser.error(f"no mirror at {args.mirror}: fetch github:PLOS/allofplos first")
    drawn, pool = sample(args.mirror, args.size, args.seed)
    cases = build(drawn, pool, args.seed)
    chosen = [c for c in cases if args.half == "all" or half(c.cited.article) == args.half]
    calibration = [c for c in cases if half(c.cited.article) == "calibration"]
    import citecheck

    print(
        f"PLOS/allofplos {commit(args.mirror)[:12]}: {len(cases)} references drawn, "
        f"{len(chosen)} in the {args.half} half"
    )
    print(f"citecheck {citecheck.__file__}")
    with tempfile.TemporaryDirectory(prefix="jats-") as tmp, serving(list(served(cases))) as app:
        calibration_hits, _ = baseline_answers(calibration, app.crossref_url, BASELINE_THRESHOLD)
        threshold = calibrate(calibration, calibration_hits)
        _, raw_answers = baseline_answers(chosen, app.crossref_url, threshold)
        started = time.monotonic()
        written = documents(Path(tmp), chosen)
        ours = citecheck_answers(check(sorted(written)), written)
        seconds = time.monotonic() - started
    print(
        f"raw-string baseline threshold {threshold:.2f} (fitted on the calibration half); "
        f"citecheck {seconds:.0f} s"
    )
    expected = {
        s: sum(c.expected == s for c in chosen) for s in ("verified", "mismatched", "not_found")
    }
    print(f"built: {expected}, look-alikes {sum(c.look_alike is not None for c in chosen)}")
    mine, theirs = metrics(chosen, ours), metrics(chosen, raw_answers)
    print(f"\n{'':26} {'citecheck':>10} {'raw string':>10}")
    for key, label in ROWS:
        fmt = "{:>10d}" if key == "skipped_held" else "{:>10.3f}"
        print(f"{label:26} {fmt.format(mine[key])} {fmt.format(theirs[key])}")
    if args.details:
        with args.details.open("w", encoding="utf-8") as out:
            for case in chosen:
                a = ours.get(id(case))
                b = raw_answers.get(id(case))
                out.write(
                    json.dumps(
                        {
                            "raw": case.cited.raw,
                            "expected": case.expected,
                            "fields": sorted(case.fields),
                            "doi": case.doi,
                            "removed": case.removed,
                            "look_alike": case.look_alike.title if case.look_alike else None,
                            "citecheck": [a.status, a.doi, sorted(a.fields)] if a else None,
                            "raw_string": [b.status, b.doi, sorted(b.fields)] if b else None,
                        }
                    )
                    + "\n"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
