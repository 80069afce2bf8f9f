"""Fit the candidate scorer (src/citecheck/identify.py) on two calibration halves.

    python bench/calibrate.py [--mirror PATH] [--hallmark PATH] [--pairs FILE] [--write]

Two sets, each cut in halves; only the calibration halves are fitted on:
- the issue 15 set (bench/jats.py: PLOS printed references, works removed, altered,
  look-alikes added), cut by article as bench/jats.py cuts it;
- HALLMARK's dev split (bench/hallmark.py's world), cut by entry (hash of its key),
  written as APA text and as BibTeX: conference papers, preprints, made-up venues,
  swapped authors, near-miss titles that the first set has few of.
1. the fakes serve each set's world; every reference of a half is read as check.py
   reads a document (reader, reference finder, parser) and looked up with no early
   stop, so every candidate the services return is seen;
2. each (reference, candidate) pair is one example: its features (identify.features: the
   raw-string view and the parsed fields), labelled 1 when the candidate is (a version
   of) the work the reference cites;
3. a logistic regression (L2, batch gradient descent) is fitted on the calibration halves;
   the threshold is the probability that gets most of their pairs right. Pair accuracy is
   reported on every half, the evaluation halves taking no part in the fit.
--write replaces identify.py's BIAS, WEIGHTS and THRESHOLD with the fitted ones; --pairs
keeps the pairs in a file and refits from it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hallmark_world
from fakeworld import serving, unpace
from hallmark import held, write_documents
from jats import documents, half, sample
from jats_set import MIRROR, build, served

from citecheck.comparison import compare
from citecheck.extract import load
from citecheck.identify import features
from citecheck.parse import parse_entry
from citecheck.references import find_entries
from citecheck.resolve import Resolver
from citecheck.settings import from_environment

IDENTIFY = Path(__file__).resolve().parents[1] / "src" / "citecheck" / "identify.py"
L2 = 0.01
STEPS = 3000
RATE = 0.5


Truths = dict[str, list[tuple[str, set[str]]]]  # document -> (letters of the entry, DOIs)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def pairs(written: Truths) -> list[tuple[dict[str, float], int]]:
    """Every (reference, candidate) of these documents: features, and 1 when the candidate
    is one of the DOIs of the work the entry cites. The documents are read as check.py
    reads them (reader, reference finder, parser) and looked up with no early stop."""
    references, truths = [], []
    for path, group in written.items():
        document = load(path)
        entries = [e for found in document.lists for e in found] or find_entries(document.text)
        for entry in entries:
            letters = _letters(entry.raw)
            truth = next((dois for key, dois in group if key in letters), None)
            if truth is not None:
                references.append(parse_entry(entry))
                truths.append(truth)
    unpace()
    resolver = Resolver(from_environment(no_cache=True))
    try:
        lookups = resolver.resolve_all(references)
    finally:
        resolver.close()
    out = []
    for reference, truth, lookup in zip(references, truths, lookups, strict=True):
        for record in lookup.records:
            label = int((record.doi or "").lower() in truth)
            out.append((features(compare(reference, record).evidence), label))
    return out


def jats_pairs(mirror: Path, size: int, seed: int, folder: Path) -> tuple[list, list]:
    """The issue 15 set: pairs of its calibration half and of its evaluation half."""
    drawn, pool = sample(mirror, size, seed)
    cases = build(drawn, pool, seed)
    out = []
    with serving(list(served(cases))):
        for name in ("calibration", "eval"):
            chosen = [c for c in cases if half(c.cited.article) == name]
            written = documents(folder / name, chosen)
            out.append(
                pairs(
                    {
                        path: [
                            (_letters(c.cited.raw)[:80], {c.doi} if c.record else set())
                            for c in group
                        ]
                        for path, group in written.items()
                    }
                )
            )
    return out[0], out[1]


def hallmark_part(key: str) -> str:
    return "calibration" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "eval"


def hallmark_pairs(mirror: Path, folder: Path) -> tuple[list, list]:
    """HALLMARK's dev split, cut in two by entry: pairs of each half (APA text, BibTeX)."""
    entries = hallmark_world.load_entries(mirror)
    world = hallmark_world.build(entries)
    out = []
    with serving([held(w) for w in world.works]):
        for name in ("calibration", "eval"):
            chosen = [e for e in entries if hallmark_part(e["bibtex_key"]) == name]
            (folder / name).mkdir(parents=True)
            written = write_documents(folder / name, chosen, ["apa", "bibtex"])
            out.append(
                pairs(
                    {
                        path: [
                            (
                                _letters(hallmark_world.plain(e["fields"].get("title", "")))[:60],
                                world.truth.get(e["bibtex_key"], set()),
                            )
                            for e in group
                        ]
                        for path, group in written.items()
                    }
                )
            )
    return out[0], out[1]


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
    parser.add_argument("--hallmark", type=Path, default=hallmark_world.MIRROR)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--pairs", type=Path, help="keep the candidate pairs here (JSON), reuse")
    args = parser.parse_args(argv)
    if args.pairs and args.pairs.exists():
        sets = json.loads(args.pairs.read_text(encoding="utf-8"))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            sets = {
                "issue 15": jats_pairs(args.mirror, args.size, args.seed, Path(tmp, "jats")),
                "HALLMARK": hallmark_pairs(args.hallmark, Path(tmp, "hallmark")),
            }
        if args.pairs:
            args.pairs.write_text(json.dumps(sets), encoding="utf-8")
    calibration = [p for cal, _ in sets.values() for p in cal]
    bias, weights = fit(calibration)
    threshold = max(
        (accuracy(calibration, bias, weights, t / 100), -abs(t - 50), t / 100) for t in range(5, 96)
    )[2]
    print(f"threshold {threshold:.2f}; pair accuracy (pairs, of them the cited work):")
    for name, (cal, held_out) in sets.items():
        for part, data in (("calibration", cal), ("evaluation", held_out)):
            print(
                f"  {name:9} {part:12} {accuracy(data, bias, weights, threshold):.4f} "
                f"({len(data)}, {sum(y for _, y in data)})"
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
