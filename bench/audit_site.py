"""Audit a folder (e.g. one made by bench/make_site.py) and write every report format.

    python bench/audit_site.py SITE OUT_DIR [--fail-on LIST] [--include GLOB] [--exclude GLOB]

Uses the library as the CLI will once the formats are wired in: citecheck.walk for the
folder, check.check_paths for the verdicts, then report.{html,sarif,junit,markdown}.
Point it at the fake services first (python -m tests.fakes --port N, and the
CITECHECK_CROSSREF_URL / CITECHECK_PUBMED_URL it prints). Prints the counts, the exit
code --fail-on would give, the time taken and the peak memory (max RSS) of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from citecheck.check import check_paths
from citecheck.cli import DEFAULT_FAIL_ON, exit_code, parse_fail_on
from citecheck.report import html, junit, markdown, sarif
from citecheck.report.text import summary_line
from citecheck.settings import from_environment
from citecheck.walk import walk


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--fail-on", default=DEFAULT_FAIL_ON)
    parser.add_argument("--include", action="append", default=[])
    parser.add_argument("--exclude", action="append", default=[])
    args = parser.parse_args()
    fail_on = parse_fail_on(args.fail_on)
    started = time.monotonic()
    found = walk([str(args.site)], args.include, args.exclude)
    print(f"walk: {len(found.files)} documents, {found.skipped_count} entries skipped")
    report = check_paths(list(found.files), from_environment(no_cache=True))
    checked = time.monotonic() - started
    args.out.mkdir(parents=True, exist_ok=True)
    outputs = {
        "report.html": html.render(report),
        "report.sarif": sarif.render(report),
        "report.junit.xml": junit.render(report, fail_on=fail_on),
        "report.md": markdown.render(report),
    }
    for name, text in outputs.items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.out / name} ({len(text.encode('utf-8')):,} bytes)")
    code = exit_code(report, fail_on)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(summary_line(report.summary()))
    print(f"--fail-on {args.fail_on}: exit code {code}")
    print(f"checked in {checked:.1f} s; all reports in {time.monotonic() - started:.1f} s")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return code


if __name__ == "__main__":
    sys.exit(main())
