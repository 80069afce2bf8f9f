"""Inputs that once took super-linear time in the parser and the in-text citation finder
(issue 11), each at a size and at twice that size.

    python tests/growth.py [--scale N]   # the table: time at each size and the ratio

tests/test_linear.py asserts that doubling the input at most ~doubles the time (a ratio,
never an absolute time). Run the table with another checkout's interpreter to time its
code, e.g. `/work/baseline/.venv/bin/python tests/growth.py` (it imports `citecheck` from
whichever installation the interpreter has).
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable

from citecheck.citations import check_citations, find_citations
from citecheck.model import Entry, Reference
from citecheck.parse import parse_entry

Work = Callable[[], object]


def _repeat(text: str, size: int) -> str:
    return (text * (size // len(text) + 1))[:size]


def _parse(text: str, times: int = 1) -> Work:
    entry = Entry(1, text, 1)
    return lambda: [parse_entry(entry) for _ in range(times)]


def particles(size: int) -> Work:
    """A name particle repeated: "de de de ..." (was re-read from every particle)."""
    body = _repeat("de ", size)
    return lambda: find_citations(body)


def quoted_titles(size: int) -> Work:
    """Commas and quote marks, then an IEEE tail: every pair of quotes was a title."""
    return _parse(_repeat(", 'ab", size) + " vol. 1, no. 2, pp. 3-4, 2000.", times=5)


def bare_years(size: int) -> Work:
    """A year after a period, repeated: each was a place the authors could end (ACL)."""
    return _parse(_repeat(". 2000", size), times=5)


def colons(size: int) -> Work:
    """A year and a colon, repeated: every colon was a place a Vancouver author list could end."""
    return _parse(_repeat(" 2000:", size), times=5)


def publisher_run(size: int) -> Work:
    """A capital and two periods, repeated: a publisher search re-read it from each capital."""
    return _parse(_repeat("A..", size))


def access_notes(size: int) -> Work:
    """The word Accessed without a date: the note's search ran to the end from each one."""
    return _parse(_repeat("Accessed Ab ", size))


def in_text_citations(size: int) -> Work:
    """`size` author-year citations against `size` references (was one scan per citation),
    half of them pointing nowhere (the list of unresolved ones was searched each time)."""
    body = " ".join(f"as shown (Author{i} et al., {1950 + i % 70})." for i in range(size))
    references = [
        Reference(index=i + 1, raw="", authors=(f"Author{2 * i} X",), year=1950 + (2 * i) % 70)
        for i in range(size)
    ]
    return lambda: check_citations(body, references)


# (name, case, size used by the test, what the size counts)
CASES: tuple[tuple[str, Callable[[int], Work], int, str], ...] = (
    ("name particles (in-text finder)", particles, 100_000, "characters"),
    ("quoted titles (one entry)", quoted_titles, 1_200, "characters"),
    ("bare years (one entry)", bare_years, 1_200, "characters"),
    ("colons (one entry)", colons, 1_200, "characters"),
    ("publisher run (one entry)", publisher_run, 50_000, "characters"),
    ("access notes (one entry)", access_notes, 50_000, "characters"),
    ("in-text citations", in_text_citations, 10_000, "citations"),
)


def cpu_time(work: Work, rounds: int = 3) -> float:
    """The least CPU time of `rounds` runs: other processes on the machine add wall time,
    not CPU time, and the least of a few runs drops the odd pause."""
    best = float("inf")
    gc.collect()
    gc.disable()  # a collection's cost grows with everything alive, not with this input
    try:
        for _ in range(rounds):
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def ratio(case: Callable[[int], Work], size: int, rounds: int = 3) -> tuple[float, float, float]:
    """(time at `size`, time at twice `size`, their ratio)."""
    small, large = case(size), case(2 * size)
    cpu_time(small, rounds=1)  # warm up: compiled patterns, caches
    t1, t2 = cpu_time(small, rounds), cpu_time(large, rounds)
    return t1, t2, t2 / max(t1, 1e-4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--only", default="", help="the cases whose name contains this")
    parser.add_argument("--rounds", type=int, default=3, help="timings per size (the least)")
    args = parser.parse_args()
    print(f"{'input':<34}{'size':>9}{'time':>9}{'2x size':>9}{'time':>9}{'ratio':>7}")
    for name, case, size, _unit in CASES:
        if args.only not in name:
            continue
        size = int(size * args.scale)
        t1, t2, r = ratio(case, size, args.rounds)
        print(f"{name:<34}{size:>9,}{t1:>8.3f}s{2 * size:>9,}{t2:>8.3f}s{r:>7.2f}")


if __name__ == "__main__":
    main()
