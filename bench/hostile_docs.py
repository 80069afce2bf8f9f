"""Hostile documents (issue 11, document side): what each costs and what the report says.

    python bench/hostile_docs.py                       # this checkout
    /work/baseline/.venv/bin/python bench/hostile_docs.py   # the code before (its venv)

Builds each hostile input in a temporary folder and runs `python -m citecheck` on it (the
citecheck the running interpreter imports: run the script with another venv's python to
measure another version), next to a good document where the case is about one bad file
in a batch. For each case it prints the wall time, the peak memory of the citecheck
process (VmHWM, polled from /proc: Linux), the exit code and what the report says. A
process that hangs is killed after its time budget, one whose memory passes 2.5 GB is
killed there; the table says so. All runs are --offline with an empty cache: nothing is
looked up, every reference is `unverified`, which is enough to see that a document was
read. Options a version does not know (the limits) are left out for it.

    python bench/hostile_docs.py --real-depth [--mirror /work/.mirror]

measures instead how deep the real pages of the reading benchmark (bench/realdocs/html.json,
read from the fetched repositories: see bench/realdocs.py) nest their elements, to check
that the --max-nesting default refuses none of them.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOOD = REPO / "fixtures" / "ketamine-clinic-pain.txt"
sys.path.insert(0, str(REPO / "tests"))  # pdfdoc.py: the tests' PDF writer
MEMORY_CAP = 2560 * 1024 * 1024  # kill a run past this, so the bench cannot take the machine
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
REFERENCES = (
    "<h2>References</h2><ol><li>Li N, Lee B, Liu RJ, et al. mTOR-dependent synapse "
    "formation underlies the rapid antidepressant effects of NMDA antagonists. Science. "
    "2010;329(5994):959-964.</li></ol>"
)


@dataclass
class Case:
    name: str
    what: str
    build: Callable[[Path], list[str]]  # makes the inputs, returns citecheck's arguments
    budget: float = 60.0  # seconds before the run is called hung and killed
    stdin: Callable[[subprocess.Popen[bytes]], None] | None = None  # feeds standard input
    options: list[str] = field(default_factory=list)  # only where this version knows them
    formats: bool = False  # write every report format and count bidi controls in them


@dataclass
class Outcome:
    seconds: float
    peak: int
    code: int | None  # None: killed
    killed: str = ""
    says: str = ""


def _html_deep(folder: Path) -> list[str]:
    page = folder / "deep.html"
    page.write_text("<html><body>" + "<div>" * 500 + REFERENCES + "</div>" * 500)
    return [str(page), str(GOOD)]


def _docx_lying(folder: Path) -> list[str]:
    """A 1 MB DOCX whose document.xml inflates to 1 GiB while both zip headers say 1,000
    bytes: a check of the declared size lets it through."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("word/document.xml", "w", force_zip64=False) as part,
    ):
        part.write(b'<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>')
        chunk = b" " * (1 << 20)
        for _ in range(1023):
            part.write(chunk)
        part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    data = bytearray(buffer.getvalue())
    local = data.find(b"PK\x03\x04")
    data[local + 22 : local + 26] = (1000).to_bytes(4, "little")  # local header
    central = data.find(b"PK\x01\x02")
    data[central + 24 : central + 28] = (1000).to_bytes(4, "little")  # central directory
    path = folder / "bomb.docx"
    path.write_bytes(bytes(data))
    return [str(path), str(GOOD)]


def _fifo(folder: Path) -> list[str]:
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    return [str(fifo), str(GOOD)]


def _endless(process: subprocess.Popen[bytes]) -> None:
    line = b"Li N, Lee B. A title. Science. 2010;329(5994):959-964.\n" * 1000
    try:
        assert process.stdin is not None
        while process.poll() is None:
            process.stdin.write(line)
    except (BrokenPipeError, OSError, ValueError):
        pass


def _silent(process: subprocess.Popen[bytes]) -> None:
    """Standard input that stays open and never sends a byte (closed when the run ends)."""


def _empty_folder(folder: Path) -> list[str]:
    site = folder / "site"
    (site / "img").mkdir(parents=True)
    (site / "img" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return [str(site)]


def _bidi(folder: Path) -> list[str]:
    page = folder / "trojan.md"
    page.write_text(
        "# Ketamine\n\nKetamine helps (Smith, 2001).\n\n## References\n\n"
        "1. Smith J. A study of \u202ecba\u202c ketamine. J Stud. 2001;1(2):1-2. "
        "doi:10.1000/\u202ecba\u202c\n"
    )
    return [str(page)]


def _big_text(folder: Path) -> list[str]:
    paragraph = "Ketamine is studied for pain and mood in many clinics around the world. " * 20
    path = folder / "big.txt"
    with path.open("w") as handle:
        for _ in range(60 * 1024 * 1024 // (len(paragraph) + 2)):
            handle.write(paragraph + "\n\n")
        handle.write(GOOD.read_text())
    return [str(path)]


def _particles(folder: Path) -> list[str]:
    """The issue's slow in-text citation search: a page whose text holds 50 KB of name
    particles ("de de de ...", 18 s before), then a reference list."""
    path = folder / "particles.txt"
    path.write_text("de " * 17000 + "\n\n" + GOOD.read_text())
    return [str(path), str(GOOD)]


def _many_pages(folder: Path) -> list[str]:
    """A 3,000-page PDF (tests/pdfdoc.py writes it), next to a good file."""
    from pdfdoc import Page, build

    pages = [Page(text=[(72, 700, 11, f"Page {n}: ketamine and pain.")]) for n in range(3000)]
    path = folder / "long.pdf"
    path.write_bytes(build(pages))
    return [str(path), str(GOOD)]


def _pdf_bomb(folder: Path) -> list[str]:
    """A one-page PDF whose content stream inflates to 1 GiB, next to a good file."""
    from pdfdoc import Page, build, inflating_to

    page = Page(text=[(72, 700, 11, "Hello")], extra_stream=inflating_to(1 << 30))
    path = folder / "bomb.pdf"
    path.write_bytes(build([page]))
    return [str(path), str(GOOD)]


CASES = [
    Case("html-deep", "HTML nested 500 deep, with a good file", _html_deep),
    Case("docx-lying-zip", "1 MB DOCX inflating to 1 GiB, header says 1 KB", _docx_lying),
    Case("fifo", "a FIFO named on the command line, with a good file", _fifo, budget=30),
    Case("stdin-endless", "standard input that never ends", lambda _: ["-"], stdin=_endless),
    Case(
        "stdin-silent",
        "standard input open but silent",
        lambda _: ["-"],
        budget=45,
        stdin=_silent,
        options=["--max-seconds", "10"],
    ),
    Case("empty-folder", "an empty folder named on the command line", _empty_folder),
    Case("pdf-pages", "a 3,000-page PDF, with a good file", _many_pages, budget=120),
    Case("pdf-bomb", "a PDF stream inflating to 1 GiB, with a good file", _pdf_bomb, budget=120),
    Case("bidi", "U+202E in a reference, every report format", _bidi, formats=True),
    Case("big-text", "a 60 MB text file", _big_text, budget=120),
    Case(
        "particles",
        "50 KB of name particles, with a good file",
        _particles,
        budget=90,
        options=["--max-seconds", "10"],
    ),
]


def _known_options() -> str:
    done = subprocess.run(
        [sys.executable, "-m", "citecheck", "--help"], capture_output=True, text=True
    )
    return done.stdout


def _peak(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) * 1024 if match else 0


def run_case(case: Case, folder: Path, known: str) -> Outcome:
    args = case.build(folder)
    options = [o for o in case.options if not o.startswith("--") or o in known]
    if options and options[0] not in known:
        options = []
    formats: list[str] = []
    if case.formats:
        for name in ("json", "markdown", "sarif", "junit", "html"):
            formats += ["--format", name, "-o", str(folder / f"report.{name}")]
    else:
        formats = ["--format", "json", "-o", str(folder / "report.json")]
    env = {
        **os.environ,
        "CITECHECK_CACHE_DIR": str(folder / "cache"),
        "CITECHECK_CROSSREF_URL": "http://127.0.0.1:9",
        "CITECHECK_PUBMED_URL": "http://127.0.0.1:9",
    }
    command = [sys.executable, "-m", "citecheck", "--offline", *options, *formats, *args]
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE if case.stdin else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=folder,
    )
    if case.stdin:
        threading.Thread(target=case.stdin, args=(process,), daemon=True).start()
    peak, killed = 0, ""
    while process.poll() is None:
        peak = max(peak, _peak(process.pid))
        elapsed = time.monotonic() - started
        if peak > MEMORY_CAP:
            killed = f"killed at {peak / 2**30:.1f} GB"
        elif elapsed > case.budget:
            killed = f"hung: killed after {case.budget:.0f} s"
        if killed:
            process.kill()
            break
        time.sleep(0.02)
    process.wait()
    seconds = time.monotonic() - started
    if process.stdin:
        process.stdin.close()
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    outcome = Outcome(seconds, peak, None if killed else process.returncode, killed)
    outcome.says = killed or _says(case, folder, stderr)
    return outcome


def _says(case: Case, folder: Path, stderr: str) -> str:
    if case.formats:
        counts = []
        for name in ("json", "markdown", "sarif", "junit", "html"):
            path = folder / f"report.{name}"
            text = path.read_text(encoding="utf-8") if path.exists() else ""
            if name in ("json", "sarif") and text:
                text = json.dumps(json.loads(text), ensure_ascii=False)  # escapes decoded
            counts.append(f"{name} {len(BIDI.findall(text))}")
        return "bidi controls left: " + ", ".join(counts)
    report = folder / "report.json"
    if not report.exists():
        lines = [line for line in stderr.splitlines() if line.strip()]
        return f"no report; stderr: {lines[-1][:90] if lines else '(nothing)'}"
    files = json.loads(report.read_text(encoding="utf-8"))["files"]
    parts = []
    for item in files:
        name = Path(item["path"]).name
        if item.get("error"):
            parts.append(f'{name}: error "{item["error"]}"')
        else:
            parts.append(f"{name}: {len(item.get('references', []))} references read")
    return "; ".join(parts) or "no file in the report"


def real_depths(mirror: Path) -> list[tuple[str, int]]:
    """(page, deepest nesting) for the real HTML pages of bench/realdocs, deepest first."""
    sys.path.insert(0, str(REPO / "bench"))
    from realdocs import read

    from citecheck.extract.limits import NestingLimitError, check_html_nesting

    def depth(markup: str) -> int:  # the least limit the page passes (a binary search)
        low, high = 1, 1 << 20
        while low < high:
            middle = (low + high) // 2
            try:
                check_html_nesting(markup, middle)
                high = middle
            except NestingLimitError:
                low = middle + 1
        return low

    manifest = json.loads((REPO / "bench" / "realdocs" / "html.json").read_text())
    documents = manifest["documents"]
    found = [(d["id"], depth(read(mirror, d).decode("utf-8", "replace"))) for d in documents]
    return sorted(found, key=lambda item: -item[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="case names to run (default: all)")
    parser.add_argument("--json", type=Path, help="also write the outcomes to this file")
    parser.add_argument("--real-depth", action="store_true", help="real pages' nesting depth")
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    if args.real_depth:
        depths = real_depths(args.mirror)
        print(f"{len(depths)} real pages; deepest nesting: {depths[0][1]} ({depths[0][0]})")
        print("next: " + ", ".join(f"{name} {depth}" for name, depth in depths[1:8]))
        return 0
    import citecheck

    known = _known_options()
    where = Path(citecheck.__file__).resolve().parents[1]
    print(
        f"citecheck from {where} (version {citecheck.__version__}), python {sys.version.split()[0]}"
    )
    print()
    print("| case | input | time | peak memory | exit | what the report says |")
    print("|---|---|---|---|---|---|")
    results = {}
    for case in CASES:
        if args.only and case.name not in args.only:
            continue
        with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
            outcome = run_case(case, Path(folder), known)
        code = "killed" if outcome.code is None else str(outcome.code)
        used = [o for o in case.options if o in known]
        what = case.what + (f" ({' '.join(case.options)})" if used else "")
        print(
            f"| {case.name} | {what} | {outcome.seconds:.1f} s | "
            f"{outcome.peak / 2**20:.0f} MB | {code} | {outcome.says} |",
            flush=True,
        )
        results[case.name] = vars(outcome)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
