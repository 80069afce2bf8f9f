"""Parsing and in-text citation matching take linear time (issue 11): for each input that
once took super-linear time (tests/growth.py), doubling its size may at most ~double the
time. A ratio of CPU times, never an absolute time, so a slow or busy machine passes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from growth import CASES, Work, ratio

# Linear growth doubles the time; quadratic quadruples it. The margin absorbs timer noise.
MAX_RATIO = 2.8


# Half the sizes of the table (python tests/growth.py): enough to tell 2x from 4x.
@pytest.mark.parametrize(
    ("case", "size"), [(case, size // 2) for _, case, size, _ in CASES], ids=[c[0] for c in CASES]
)
def test_doubling_the_input_at_most_doubles_the_time(
    case: Callable[[int], Work], size: int
) -> None:
    t1, t2, growth = ratio(case, size, rounds=2)
    if growth > MAX_RATIO:  # one retry: a pause of the machine is not the code's growth
        t1, t2, growth = ratio(case, size, rounds=3)
    assert growth <= MAX_RATIO, f"{t1:.3f}s -> {t2:.3f}s for twice the input"
