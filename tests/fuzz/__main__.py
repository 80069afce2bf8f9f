"""The long fuzzing run: python -m tests.fuzz --examples 10000 [--keep 5] [--seed N]

Hypothesis draws inputs for the three targets (see tests/fuzz/__init__.py): documents
built from the pieces real files are made of (HTML lists and COinS spans, BibTeX, RIS and
MEDLINE fields, reference lines, PDF and DOCX files of the test data with bytes flipped,
cut or repeated), random bytes, and reference strings. Crashes and hangs are written to
tests/fuzz/corpus/ at once; at the end, the slowest inputs of each target too. Prints a
summary: inputs per target, crashes, hangs, the slowest input.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from . import EXTENSIONS, LIMITS, corpus_path, run

REPO = Path(__file__).resolve().parents[2]
KEEP_BYTES = 32_000  # the slowest inputs are kept for the replay when they are this small
SEEDS = [
    path
    for folder in (REPO / "tests" / "data" / "extract", REPO / "fixtures")
    for path in sorted(folder.glob("*"))
    if path.is_file() and path.stat().st_size < 400_000
]

PIECES = [
    # reference text
    "Berman RM", ", ", "Cappiello A", "et al.", "Berman, R. M.", "R. M. Berman", "(2000)",
    "(2017-07-01)", " 2000. ", "2000;47(4):351-4.", "47(4), 351-354", ", 70:47-52, 1999.",
    "511e20", "doi:10.1016/s0006-3223(99)00230-9", "https://doi.org/10.1000/x", "PMID: 10686270",
    "Antidepressant effects of ketamine. ", "Biol Psychiatry. ", "“", "”", "\"", "'", "In: ",
    "In Proceedings of the 2019 Conference on ", "Advances in Neural Information Processing "
    "Systems 33", "arXiv preprint arXiv:1810.04805", "bioRxiv ", "(2nd ed.)", "ISBN 978-0-262",
    "editors. ", "(Eds.), ", "pp. 71–81", "de ", "van der ", "[1]", "[2-4]", "(Smith et al., "
    "2019)", "Smith and Jones (2001)", "References", "\n", "\n\n", "1. ", "• ", "\t", " ",
    "Accessed ", "[Internet]", "vol. ", "no. ", "A.", ": ", "; ", ". ", "(", ")", "[", "]",
    # markup of the readers' formats
    "<html><body>", "<h2>References</h2>", "<ol>", "<li>", "</li>", "</ol>", "<div>", "</div>",
    "<cite>", '<span class="Z3988" title="ctx_ver=Z39.88-2004&rft.atitle=T&rft.jtitle=J'
    '&rft.date=2000&rft.volume=47&rft.spage=351&rft_id=info:doi/10.1/x"></span>',
    '<meta name="citation_reference" content="citation_title=T; citation_year=2000">',
    '<a href="https://pubmed.ncbi.nlm.nih.gov/10686270/">', "</a>", "<sup>1</sup>", "&amp;",
    "&#x202e;", "<script>", "<!--", "-->", "@article{k,", " author = {Berman, R. M. and A, A.},",
    " title = {{T}}, ", " journal = {J}, ", " year = {2000}, ", "}", "@inproceedings{c, ",
    " booktitle = {NeurIPS}, ", "TY  - JOUR\n", "AU  - Berman, R\n", "TI  - T\n", "PY  - 2000\n",
    "ER  - \n", "PMID- 1\n", "TI  - T\n", "AU  - Berman R\n", "DP  - 2000\n", "TA  - J\n",
    "# References\n", "- ", "* ", "**", "```",
]  # fmt: skip

short_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), min_size=0, max_size=300
).map("".join)
# A few pieces repeated thousands of times: super-linear patterns show up as hangs.
repeated_text = st.tuples(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join),
    st.integers(100, 4000),
    short_text,
).map(lambda t: t[2][: len(t[2]) // 2] + t[0] * t[1] + t[2][len(t[2]) // 2 :])
# Markup nested deeper than any real page: readers must refuse it, not recurse.
nested_html = st.tuples(
    st.sampled_from(["div", "ol", "li", "span", "b"]), st.integers(1, 1500)
).map(
    lambda t: (
        f"<html><body><h2>References</h2>{('<' + t[0] + '>') * t[1]}1. Berman RM. T. J. "
        f"2000;1:1-2.{('</' + t[0] + '>') * t[1]}</body></html>"
    )
)
text_pieces = st.one_of(short_text, short_text, repeated_text)


@st.composite
def mutated_seed(draw: st.DrawFn) -> tuple[bytes, str]:
    """A test-data file with a few bytes flipped, a cut, or a piece repeated."""
    path = draw(st.sampled_from(SEEDS))
    data = bytearray(path.read_bytes())
    for _ in range(draw(st.integers(0, 8))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "cut", "repeat", "insert"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at : at + draw(st.integers(1, 4096))]
        elif action == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 64))] * draw(st.integers(2, 50))
        else:
            data[at:at] = draw(st.sampled_from(PIECES)).encode()
    extension = path.suffix if path.suffix in EXTENSIONS else draw(st.sampled_from(EXTENSIONS))
    return bytes(data), extension


documents = st.one_of(
    st.tuples(text_pieces.map(str.encode), st.sampled_from(EXTENSIONS)),
    st.tuples(nested_html.map(str.encode), st.just(".html")),
    st.tuples(st.binary(max_size=4096), st.sampled_from(EXTENSIONS)),
    mutated_seed(),
)
inputs = st.one_of(
    st.tuples(st.just("document"), documents),
    st.tuples(st.just("parse"), st.tuples(text_pieces.map(str.encode), st.just(""))),
    st.tuples(st.just("citations"), st.tuples(text_pieces.map(str.encode), st.just(""))),
)


# Inputs issue 11 found to crash or take super-linear time, run first and always kept.
KNOWN = [
    ("document", ("<div>" * 500 + "References" + "</div>" * 500).encode(), ".html"),
    ("document", ("<ol>" * 300 + "<li>Berman R. T. J. 2000;1:1.</li>" + "</ol>" * 300).encode(),
     ".html"),
    ("citations", ("de " * 3000 + "(2000)").encode(), ""),
    ("citations", " ".join(f"(Author{i} et al., 2001)" for i in range(800)).encode(), ""),
    ("parse", ((", 'ab" * 500)[:2400] + " vol. 1, no. 2, pp. 3-4, 2000.").encode(), ""),
    ("parse", (". 2000" * 400)[:2400].encode(), ""),
    ("parse", (" 2000:" * 400)[:2400].encode(), ""),
    ("parse", ("A.." * 5000).encode(), ""),
    ("parse", ("Accessed Ab " * 2000).encode(), ""),
    ("parse", ("[correction " * 2000).encode(), ""),
    ("parse", (". " * 5000 + "a").encode(), ""),
]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--keep", type=int, default=5, help="slowest inputs kept per target")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    crashes: list[tuple[str, str, str]] = []
    hangs: list[tuple[str, float, str]] = []
    slowest: dict[str, list[tuple[float, bytes, str]]] = {}  # small enough to keep
    overall: dict[str, tuple[float, int, str]] = {}  # (seconds, bytes, extension)

    def keep(target: str, data: bytes, extension: str) -> str:
        path = corpus_path(target, data, extension)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return str(path.relative_to(REPO))

    def check(target: str, data: bytes, extension: str) -> None:
        counts[target] += 1
        outcome = run(target, data, extension)
        if outcome.error is not None:
            lines = traceback.format_exception(outcome.error)
            where = lines[-2].strip().splitlines()[0] if len(lines) > 1 else ""
            crashes.append((keep(target, data, extension), repr(outcome.error), where))
        if outcome.seconds > LIMITS[target]:
            hangs.append((keep(target, data, extension), outcome.seconds, target))
        best = overall.get(target, (0.0, 0, ""))
        overall[target] = max(best, (outcome.seconds, len(data), extension))
        if len(data) <= KEEP_BYTES:  # crashes and hangs are kept whatever their size
            ranked = slowest.setdefault(target, [])
            ranked.append((outcome.seconds, data, extension))
            ranked.sort(key=lambda item: -item[0])
            del ranked[args.keep :]

    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(inputs)
    def fuzz(case: tuple[str, tuple[bytes, str]]) -> None:
        target, (data, extension) = case
        check(target, data, extension)

    if args.seed is not None:
        fuzz = seed(args.seed)(fuzz)
    for target in LIMITS:  # imports and compiled patterns, before anything is timed
        run(target, b"Berman RM. A title. J Test. 2000;1:1-2.", ".txt")
    start = time.perf_counter()
    for target, data, extension in KNOWN:
        check(target, data, extension)
        keep(target, data, extension)
    fuzz()
    elapsed = time.perf_counter() - start
    for target, ranked in slowest.items():
        for _, data, extension in ranked:
            keep(target, data, extension)
    total = sum(counts.values())
    per_target = ", ".join(f"{target} {n}" for target, n in sorted(counts.items()))
    print(f"fuzzing: {total} inputs in {elapsed:.0f} s ({per_target})")
    print(f"crashes: {len(crashes)}")
    for where, error, line in crashes[:20]:
        print(f"  {where}: {error} at {line}")
    limits = ", ".join(f"{t} {s:g} s" for t, s in LIMITS.items())
    print(f"inputs over the time limit ({limits}): {len(hangs)}")
    for where, seconds, _ in hangs[:20]:
        print(f"  {where}: {seconds:.2f} s")
    for target, (seconds, size, extension) in sorted(overall.items()):
        kind = f", {extension}" if extension else ""
        print(f"slowest {target}: {seconds:.3f} s ({size:,} bytes{kind})")
    return 1 if crashes or hangs else 0


if __name__ == "__main__":
    sys.exit(main())
