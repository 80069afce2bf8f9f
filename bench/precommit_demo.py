"""Run the pre-commit hook for real on a sample repository with one bad page.

    python bench/precommit_demo.py [--repo PATH_TO_CITECHECK]

Needs `pre-commit` (in the test extra) and network access to PyPI: pre-commit builds
the hook's own virtualenv by pip-installing citecheck from the repository (`try-repo`
takes the working tree, uncommitted changes included). Starts the local fake services,
makes a git repository in a temporary folder with a good page and a bad one, runs
`pre-commit try-repo <citecheck> citecheck --all-files`, prints what a user would see and
exits 0 when the hook failed on the bad page with a readable message (1 otherwise).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fakes import start_fakes  # noqa: E402

GOOD = """# Ketamine and synapses

Ketamine acts fast (Li et al., 2010).

## References

1. Li N, Lee B, Liu RJ, et al. mTOR-dependent synapse formation underlies the rapid
   antidepressant effects of NMDA antagonists. Science. 2010;329(5994):959-964.
"""


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=REPO, help="the citecheck repository")
    args = parser.parse_args()
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server, app = start_fakes()
    try:
        with tempfile.TemporaryDirectory() as folder:
            sample = Path(folder) / "clinic-site"
            (sample / "pages").mkdir(parents=True)
            (sample / "pages" / "good.md").write_text(GOOD, encoding="utf-8")
            bad = (REPO / "fixtures" / "ketamine-clinic-pain.txt").read_text(encoding="utf-8")
            (sample / "pages" / "ketamine-pain.txt").write_text(bad, encoding="utf-8")
            env = {
                **os.environ,
                "CITECHECK_CROSSREF_URL": app.crossref_url,
                "CITECHECK_PUBMED_URL": app.pubmed_url,
                "CITECHECK_MAILTO": "precommit-demo@example.org",
                # A private pre-commit cache, so the run builds the hook from this checkout.
                "PRE_COMMIT_HOME": str(Path(folder) / "pre-commit-home"),
                "GIT_AUTHOR_NAME": "demo",
                "GIT_AUTHOR_EMAIL": "demo@example.org",
                "GIT_COMMITTER_NAME": "demo",
                "GIT_COMMITTER_EMAIL": "demo@example.org",
            }
            for command in (["git", "init", "-q"], ["git", "add", "."]):
                run(command, sample, env).check_returncode()
            started = time.monotonic()
            command = [pre_commit, "try-repo", str(args.repo), "citecheck", "--all-files"]
            done = run(command, sample, env)
            took = time.monotonic() - started
    finally:
        server.stop()
    print(f"$ cd clinic-site && {' '.join(['pre-commit', *command[1:]])}")
    print(done.stdout.rstrip())
    if done.stderr.strip():
        print(done.stderr.rstrip(), file=sys.stderr)
    print(f"(exit code {done.returncode}, {took:.0f} s including building the hook's virtualenv)")
    readable = "ketamine-pain.txt" in done.stdout and "NOT FOUND" in done.stdout
    failed = done.returncode != 0 and "Failed" in done.stdout
    return 0 if failed and readable else 1


if __name__ == "__main__":
    sys.exit(main())
