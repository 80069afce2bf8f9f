"""The service side of issue 11, measured: citecheck against hostile and broken services.

Each case starts the local fakes (tests/fakes) in one of their hostile modes, runs the
`citecheck` of the interpreter running this script on the example page, and prints one
table row: wall time, peak memory (the child's max RSS), exit code, and what the report
says. Every run is bounded by the bench itself (a wall-clock limit and an address-space
limit), so that the old code's hangs and memory blow-ups end too; such rows say so.

    python bench/hostile_services.py                       # this checkout
    /work/baseline/.venv/bin/python bench/hostile_services.py   # the code before (6dbdf61)

The script imports the fakes from its own checkout and runs `python -m citecheck` with the
interpreter that runs it, so the same cases measure old and new code.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from fakes import FakeServices, start_fakes  # noqa: E402

PAGE = REPO / "fixtures" / "ketamine-clinic-pain.txt"
API_KEY = "bench-secret-api-key"
EXTRA = (  # a sixth entry of the page's list, cited only in the --offline case's second run
    "  • Zarate, C. A., et al. (2006). “A randomized trial of an N-methyl-D-aspartate "
    "antagonist in treatment-resistant major depression.” Archives of General Psychiatry, "
    "63(8), 856-864."
)


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int | None  # None: killed by the bench
    stdout: str
    stderr: str
    note: str = ""


@dataclass
class Case:
    name: str
    modes: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    prepare: Callable[[Path, FakeServices, argparse.Namespace], None] | None = None
    args: tuple[str, ...] = ()
    check: Callable[[Path, FakeServices, Run], str] | None = None


def _limit(address_space: int) -> Callable[[], None]:
    def apply() -> None:
        os.setsid()
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))

    return apply


def run_citecheck(
    args: list[str], env: dict[str, str], wall: float, memory_mb: int, folder: Path
) -> Run:
    """citecheck in a child process, bounded by `wall` seconds and `memory_mb` of address
    space; its peak resident memory from wait4()."""
    out, err = folder / "stdout", folder / "stderr"
    started = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-m", "citecheck", *args],
            stdout=stdout,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **env},
            preexec_fn=_limit(memory_mb * 1024 * 1024),
        )
        killed = False
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > wall:
                os.killpg(child.pid, signal.SIGKILL)
                killed = True
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.05)
        child.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        seconds=time.monotonic() - started,
        peak_mb=usage.ru_maxrss / 1024,
        code=None if killed else child.returncode,
        stdout=out.read_text(errors="replace"),
        stderr=err.read_text(errors="replace"),
        note=f"killed by the bench after {wall:.0f} s (still running)" if killed else "",
    )


def says(run: Run) -> str:
    """What the report says, in one line: the statuses, and why references are unverified;
    or the crash."""
    if run.note:
        return run.note
    try:
        report = json.loads(run.stdout)
    except ValueError:
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        if "MemoryError" in run.stderr:
            return "crash: MemoryError (at the bench's memory limit); no report"
        return f"crash, no report: {lines[-1][:110] if lines else '(nothing on stderr)'}"
    verdicts = [r for f in report["files"] for r in f.get("references", [])]
    counts = Counter(r["status"] for r in verdicts)
    why = Counter(w for r in verdicts if r["status"] == "unverified" for w in r["warnings"])
    text = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    if why:
        text += "; " + "; ".join(reason[:90] for reason, _ in why.most_common(2))
    return text


# --- the cases that need more than a mode ----------------------------------------------


def _key_elsewhere(cache: Path, services: FakeServices, run: Run) -> str:
    leaked = [c for c in services.requests if c.service == "elsewhere"]
    keyed = [c for c in leaked if c.params.get("api_key") == API_KEY]
    return (
        f"{says(run)} | calls to the other host: {len(leaked)}, with the API key: "
        f"{len(keyed)} | cached entries: {_entries(cache)}"
    )


def _entries(cache: Path) -> str:
    database = cache / "cache.db"
    if not database.exists():
        return "0"
    import sqlite3

    with sqlite3.connect(database) as db:
        return str(db.execute("select count(*) from Cache").fetchone()[0])


def _damage_cache(cache: Path, services: FakeServices, options: argparse.Namespace) -> None:
    """Fill the cache with a normal run, then overwrite the database with garbage."""
    env = _env(cache, options, services)
    with tempfile.TemporaryDirectory() as folder:
        run_citecheck([str(PAGE)], env, options.wall, options.memory, Path(folder))
    database = cache / "cache.db"
    database.write_bytes(os.urandom(max(database.stat().st_size, 4096)))


def _fill_cache(cache: Path, services: FakeServices, options: argparse.Namespace) -> None:
    """The first run of the --offline case: the page's five references, online."""
    with tempfile.TemporaryDirectory() as folder:
        env = _env(cache, options, services)
        run_citecheck([str(PAGE)], env, options.wall, options.memory, Path(folder))
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    last = max(i for i, line in enumerate(lines) if line.lstrip().startswith("•"))
    lines.insert(last + 1, EXTRA)
    (cache.parent / "page-plus-one.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


CASES = [
    Case(
        "wrong types (year 2000x, authors as strings / an integer)",
        {"crossref": "wrong_types", "pubmed": "wrong_types"},
    ),
    Case("trickling body (1 byte every 2 s)", {"crossref": "trickle:2", "pubmed": "trickle:2"}),
    Case("endless body", {"crossref": "endless", "pubmed": "endless"}),
    Case("100 MB answer", {"crossref": "huge:100", "pubmed": "huge:100"}),
    Case(
        "gzip bomb (10 GB inflated)", {"crossref": "gzip_bomb:10240", "pubmed": "gzip_bomb:10240"}
    ),
    Case(
        "redirect to another host, with the API key",
        {"crossref": "redirect_away", "pubmed": "redirect_away"},
        env={"NCBI_API_KEY": API_KEY},
        check=_key_elsewhere,
    ),
    Case("corrupted cache: check", prepare=_damage_cache),
    Case("corrupted cache: cache info", prepare=_damage_cache, args=("cache", "info")),
    Case("corrupted cache: cache clear", prepare=_damage_cache, args=("cache", "clear")),
    Case("--offline, one reference not cached", prepare=_fill_cache, args=("--offline",)),
]


def _env(cache: Path, options: argparse.Namespace, services: FakeServices) -> dict[str, str]:
    return {
        "CITECHECK_CACHE_DIR": str(cache),
        "CITECHECK_TIMEOUT": str(options.timeout),
        "CITECHECK_MAILTO": "bench@example.org",
        "CITECHECK_CROSSREF_URL": services.crossref_url,
        "CITECHECK_PUBMED_URL": services.pubmed_url,
        "NO_COLOR": "1",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=5.0, help="CITECHECK_TIMEOUT")
    parser.add_argument("--wall", type=float, default=90.0, help="seconds before a run is killed")
    parser.add_argument("--memory", type=int, default=3072, help="MB of address space per run")
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    options = parser.parse_args()
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server, services = start_fakes()
    version = subprocess.run(
        [sys.executable, "-m", "citecheck", "--version"], capture_output=True, text=True
    ).stdout.strip()
    print(
        f"{version} ({sys.executable}); CITECHECK_TIMEOUT={options.timeout:g}, "
        f"runs limited to {options.wall:.0f} s and {options.memory} MB of address space\n"
    )
    print("| case | time | peak memory | exit | what the report says |")
    print("|---|---|---|---|---|")
    try:
        for case in CASES:
            if options.only not in case.name:
                continue
            services.reset()
            with tempfile.TemporaryDirectory() as folder:
                work = Path(folder)
                cache = work / "cache"
                if case.prepare:
                    case.prepare(cache, services, options)
                for service, mode in case.modes.items():
                    services.set_mode(service, mode)
                env = {**_env(cache, options, services), **case.env}
                if case.args[:1] == ("cache",):
                    args = list(case.args)
                elif case.args == ("--offline",):
                    args = [
                        "--format",
                        "json",
                        "--offline",
                        str(cache.parent / "page-plus-one.txt"),
                    ]
                else:
                    args = ["--format", "json", *case.args, str(PAGE)]
                run = run_citecheck(args, env, options.wall, options.memory, work)
                warned = [line[:150] for line in run.stderr.splitlines() if "warning" in line]
                if case.args[:1] == ("cache",):
                    lines = [line for line in run.stdout.splitlines() if line.strip()]
                    lines = lines or [line for line in run.stderr.splitlines() if line.strip()][-1:]
                    summary = run.note or " / ".join(line[:100] for line in lines) or "(nothing)"
                else:
                    summary = case.check(cache, services, run) if case.check else says(run)
                summary = " / ".join([*warned[:1], summary])
                services.reset()
            code = "killed" if run.code is None else str(run.code)
            print(
                f"| {case.name} | {run.seconds:.1f} s | {run.peak_mb:.0f} MB | {code} | "
                f"{summary.replace('|', '/')} |",
                flush=True,
            )
    finally:
        server.stop()
        shutil.rmtree(Path(tempfile.gettempdir()) / "citecheck-bench", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
