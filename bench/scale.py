"""A 10,000-page audit against local fakes held to the services' published limits.

    python bench/scale.py [--pages 10000] [--per-page 10] [--jobs 2] [--latency 0.08]
        [--interrupt-after SECONDS]

Run from the repository root after `pip install -e '.[test,bench]'`. It writes a folder of
clinic pages (bench/clinic.py: a few dozen real works cited again and again in eight
styles, rarely with an identifier, 20-30% problems, and the references each page gets
wrong or invents on its own), starts the fakes (tests/fakes) with 80 ms per answer and the
published limits enforced (429 over them), and runs the command line as an auditor would,
writing JSON and HTML reports, and prints:

- wall time, and the rate-limit floor: the calls each service got divided by the rate it
  allows (Crossref 3/s, PubMed 3/s without an API key, DataCite 1,000 per 5 minutes), the
  largest of them; and the ratio of the two; calls the fakes refused (429) for breaking a
  limit;
- peak memory: the largest sum of the resident memory of citecheck and its reading
  processes, sampled every 0.2 s (psutil);
- calls per reference per service, verdicts as the generator intended;
- with --interrupt-after S: the run is interrupted (SIGINT, as Ctrl-C) after S seconds,
  then run again on the same cache, and the calls of the second run that repeat a call of
  the first are counted (a resumed run asks only what the cache does not hold).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO / "bench")]

from clinic import make_clinic_folder  # noqa: E402
from resolve import ALLOWED, MAILTO  # noqa: E402

from fakes import start_fakes  # noqa: E402


class PeakMemory:
    """Samples the resident memory of a process and its children until stopped."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(pid, every), daemon=True)
        self._thread.start()

    def _sample(self, pid: int, every: float) -> None:
        try:
            process = psutil.Process(pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            try:
                family = [process, *process.children(recursive=True)]
                total = 0
                for member in family:
                    try:
                        total += member.memory_info().rss
                    except psutil.NoSuchProcess:
                        continue
                self.peak = max(self.peak, total)
            except psutil.NoSuchProcess:
                return
            self._stop.wait(every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run(
    folder: Path, out: Path, env: dict[str, str], jobs: int, interrupt_after: float | None
) -> dict[str, Any]:
    command = [
        sys.executable,
        "-m",
        "citecheck",
        "--jobs",
        str(jobs),
        "--format",
        "json",
        "-o",
        str(out / "report.json"),
        "--format",
        "html",
        "-o",
        str(out / "report.html"),
        str(folder),
    ]
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Ctrl-C must reach the run even when this script was started in the background
        # (a non-interactive shell starts background jobs with SIGINT ignored, and the
        # child inherits that).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    memory = PeakMemory(process.pid)
    if interrupt_after is not None:
        try:
            process.wait(timeout=interrupt_after)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGINT)
    _, stderr = process.communicate()
    return {
        "code": process.returncode,
        "wall": time.monotonic() - started,
        "peak_mb": memory.stop() / 2**20,
        "stderr": stderr.decode("utf-8", "replace").strip(),
    }


def per_minute(requests: list[Any]) -> dict[str, list[int]]:
    """Each service's calls in each minute of the run (a slow stretch shows as a dip below
    the rate's 171 a minute; the last minute is partial)."""
    if not requests:
        return {}
    start = min(call.at for call in requests)
    counts: dict[str, Counter[int]] = {}
    for call in requests:
        counts.setdefault(call.service, Counter())[int((call.at - start) // 60)] += 1
    return {
        service: [minutes[m] for m in range(max(minutes) + 1)]
        for service, minutes in sorted(counts.items())
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--per-page", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--latency", type=float, default=0.08)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--interrupt-after", type=float, help="seconds before a Ctrl-C")
    args = parser.parse_args()

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server, fake = start_fakes()
    limits = fake.enforce_limits(latency=args.latency)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder, cache, out = Path(tmp) / "site", Path(tmp) / "cache", Path(tmp) / "out"
            folder.mkdir()
            out.mkdir()
            made = time.monotonic()
            expected = make_clinic_folder(folder, args.pages, args.per_page, args.seed)
            print(
                f"{args.pages} pages, {len(expected)} references "
                f"({Counter(expected).most_common()}), written in {time.monotonic() - made:.0f} s"
            )
            env = {
                **os.environ,
                "CITECHECK_CROSSREF_URL": fake.crossref_url,
                "CITECHECK_PUBMED_URL": fake.pubmed_url,
                "CITECHECK_DATACITE_URL": fake.datacite_url,
                "CITECHECK_CACHE_DIR": str(cache),
                "CITECHECK_MAILTO": MAILTO,
            }
            first_calls: set[tuple[str, str]] = set()
            if args.interrupt_after is not None:
                fake.reset()
                result = run(folder, out, env, args.jobs, args.interrupt_after)
                first_calls = {
                    (c.path, json.dumps(c.params, sort_keys=True)) for c in fake.requests
                }
                print(
                    f"\ninterrupted after {args.interrupt_after:.0f} s: exit code "
                    f"{result['code']}, {len(fake.requests)} calls made; "
                    f"stderr: {result['stderr'].splitlines()[-1:]}"
                )
                print(f"  reports left behind: {sorted(p.name for p in out.iterdir())}")
            fake.reset()
            limits.violations.clear()
            result = run(folder, out, env, args.jobs, None)
            calls = {s: fake.total_calls(s) for s in ALLOWED}
            refused = dict(limits.violations)
            minutes = per_minute(fake.requests)
            again = [
                c
                for c in fake.requests
                if (c.path, json.dumps(c.params, sort_keys=True)) in first_calls
            ]
            report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    finally:
        server.stop()

    got = [
        "retracted" if r["retracted"] else r["status"]
        for f in sorted(report["files"], key=lambda f: f["path"])
        for r in f["references"]
    ]
    if len(got) == len(expected):
        right = sum(1 for e, g in zip(expected, got, strict=True) if e == g)
        wrong = Counter(f"{e}->{g}" for e, g in zip(expected, got, strict=True) if e != g)
        agreement = f"{right}/{len(expected)}; others: {dict(wrong)}"
    else:  # a list not found (or split differently) shifts every later verdict: say so
        agreement = f"not compared: {len(got)} references read of {len(expected)} written"
    references = report["summary"]["references"]
    floor = max(calls[s] / ALLOWED[s] for s in ALLOWED)
    print(f"\n{'resumed run' if first_calls else 'run'}: exit code {result['code']}")
    print(f"  summary line: {result['stderr'].splitlines()[-1:]}")
    print(f"  calls: {calls} = {sum(calls.values()) / references:.3f} per reference")
    print(f"  calls refused for breaking a limit: {refused or 0}")
    for service, counts in minutes.items():
        print(f"  {service} calls in each minute: {' '.join(map(str, counts))}")
    if first_calls:
        print(f"  calls that repeat one of the interrupted run's: {len(again)}")
    print(f"  wall {result['wall']:.0f} s; rate-limit floor {floor:.0f} s", end="")
    print(f" = {result['wall'] / floor:.2f}x the floor" if floor else "")
    print(f"  peak memory (citecheck and its reading processes): {result['peak_mb']:.0f} MB")
    print(f"  verdicts as expected: {agreement}")


if __name__ == "__main__":
    main()
