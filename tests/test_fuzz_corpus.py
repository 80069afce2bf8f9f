"""Replay the fuzzing corpus (tests/fuzz/corpus/: inputs that once crashed or hung, and
the slowest of the fuzzing runs): none may raise anything but the documented InputError,
nor run past its target's limit in CPU time (a guard against hangs, generous on any
machine; the speed targets are measured by bench/, not here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fuzz import LIMITS, corpus, run

CASES = corpus()


@pytest.mark.parametrize(
    ("target", "extension", "path"), CASES, ids=[f"{t}/{p.name}" for t, _, p in CASES]
)
def test_corpus_input(target: str, extension: str, path: Path) -> None:
    outcome = run(target, path.read_bytes(), extension)
    assert outcome.error is None, f"{path.name}: {outcome.error!r}"
    assert outcome.cpu < LIMITS[target], f"{path.name}: {outcome.cpu:.1f} s of CPU time"


def test_there_is_a_corpus() -> None:
    assert {target for target, _, _ in CASES} == set(LIMITS)
