"""Fit the candidate scorer (src/citecheck/identify.py) on the issue 15 calibration half.

    python bench/calibrate.py [--mirror PATH] [--size 1000] [--write]

1. bench/jats_set.py builds the issue 15 world (PLOS printed references; works removed,
   altered, look-alikes) and the fakes serve it;
2. every reference of the calibration half (bench/jats.py's split by article) is read
   as citecheck reads a document (reference finder, parser) and looked up with no early
   stop, so every candidate the services return is seen;
3. each (reference, candidate) pair is one example: its features (identify.features: the
   raw-string view and the parsed fields), labelled 1 when the candidate is the cited
   work (its DOI is the work's);
4. a logistic regression (L2, batch gradient descent) is fitted; the threshold is the
   probability that gets most pairs right. The same is reported on the evaluation half,
   which takes no part in the fit.
--write replaces identify.py's BIAS, WEIGHTS and THRESHOLD with the fitted ones.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakeworld import serving, unpace
from jats import documents, half, sample
from jats_set import MIRROR, Case, build, served

from citecheck.comparison import compare
from citecheck.identify import features
from citecheck.parse import parse_entry
from citecheck.references import find_entries
from citecheck.resolve import Resolver
from citecheck.settings import from_environment

IDENTIFY = Path(__file__).resolve().parents[1] / "src" / "citecheck" / "identify.py"
L2 = 0.01
STEPS = 3000
RATE = 0.5


def pairs(cases: list[Case], folder: Path) -> list[tuple[dict[str, float], int]]:
    """Every (reference, candidate) of these cases: features and label."""
    written = documents(folder, cases)
    references, truths = [], []
    for path, group in written.items():
        entries = find_entries(Path(path).read_text(encoding="utf-8"))
        by_letters = {re.sub(r"[^a-z0-9]", "", c.cited.raw.lower())[:80]: c for c in group}
        for entry in entries:
            letters = re.sub(r"[^a-z0-9]", "", entry.raw.lower())
            case = next((c for k, c in by_letters.items() if k in letters), None)
            if case is not None:
                references.append(parse_entry(entry))
                truths.append(case)
    unpace()
    resolver = Resolver(from_environment(no_cache=True))
    try:
        lookups = resolver.resolve_all(references)
    finally:
        resolver.close()
    out = []
    for reference, case, lookup in zip(references, truths, lookups, strict=True):
        for record in lookup.records:
            label = int(case.record is not None and (record.doi or "") == case.doi.lower())
            out.append((features(compare(reference, record).evidence), label))
    return out


def fit(data: list[tuple[dict[str, float], int]]) -> tuple[float, dict[str, float]]:
    names = sorted({n for x, _ in data for n in x})
    bias, weights = 0.0, dict.fromkeys(names, 0.0)
    for _ in range(STEPS):
        grad_b, grad = 0.0, dict.fromkeys(names, 0.0)
        for x, y in data:
            error = _p(bias, weights, x) - y
            grad_b += error
            for n, v in x.items():
                grad[n] += error * v
        bias -= RATE * grad_b / len(data)
        for n in names:
            weights[n] -= RATE * (grad[n] / len(data) + L2 * weights[n])
    return bias, weights


def _p(bias: float, weights: dict[str, float], x: dict[str, float]) -> float:
    z = bias + sum(weights.get(n, 0.0) * v for n, v in x.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def accuracy(data: list, bias: float, weights: dict[str, float], threshold: float) -> float:
    return sum((_p(bias, weights, x) >= threshold) == bool(y) for x, y in data) / len(data)


def write(bias: float, weights: dict[str, float], threshold: float) -> None:
    text = IDENTIFY.read_text(encoding="utf-8")
    body = "".join(f'    "{n}": {w:.3f},\n' for n, w in sorted(weights.items()))
    text = re.sub(r"BIAS = .*\n", f"BIAS = {bias:.3f}\n", text)
    text = re.sub(
        r"WEIGHTS: dict\[str, float\] = \{\n(?:.*\n)*?\}\n",
        "WEIGHTS: dict[str, float] = {\n" + body + "}\n",
        text,
    )
    text = re.sub(r"THRESHOLD = [0-9.]+", f"THRESHOLD = {threshold:.2f}", text)
    IDENTIFY.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--pairs", type=Path, help="keep the candidate pairs here (JSON), reuse")
    args = parser.parse_args(argv)
    if args.pairs and args.pairs.exists():
        calibration, evaluation = json.loads(args.pairs.read_text(encoding="utf-8"))
    else:
        drawn, pool = sample(args.mirror, args.size, args.seed)
        cases = build(drawn, pool, args.seed)
        with serving(list(served(cases))), tempfile.TemporaryDirectory() as tmp:
            calibration = pairs(
                [c for c in cases if half(c.cited.article) == "calibration"], Path(tmp, "c")
            )
            evaluation = pairs(
                [c for c in cases if half(c.cited.article) == "eval"], Path(tmp, "e")
            )
        if args.pairs:
            args.pairs.write_text(json.dumps([calibration, evaluation]), encoding="utf-8")
    bias, weights = fit(calibration)
    threshold = max(
        (accuracy(calibration, bias, weights, t / 100), -abs(t - 50), t / 100) for t in range(5, 96)
    )[2]
    positives = sum(y for _, y in calibration)
    print(f"calibration: {len(calibration)} candidate pairs ({positives} the cited work)")
    print(
        f"evaluation:  {len(evaluation)} candidate pairs ({sum(y for _, y in evaluation)} the cited work)"
    )
    print(
        f"threshold {threshold:.2f}: pair accuracy {accuracy(calibration, bias, weights, threshold):.4f} "
        f"calibration, {accuracy(evaluation, bias, weights, threshold):.4f} evaluation"
    )
    print(f"BIAS = {bias:.3f}")
    for name, weight in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:20} {weight:+.3f}")
    if args.write:
        write(bias, weights, threshold)
        print(f"written to {IDENTIFY}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
