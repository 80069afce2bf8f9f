"""The pre-commit manifest and the GitHub Action: valid for their tools, and the Action's
shell steps do what they say (run here with bash and a stand-in `citecheck`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (test extra)")
needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def test_pre_commit_manifest_is_valid() -> None:
    clientlib = pytest.importorskip(
        "pre_commit.clientlib", reason="pre-commit is in the test extra"
    )
    hooks = clientlib.load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    (hook,) = hooks
    assert hook["id"] == "citecheck" and hook["language"] == "python"
    assert hook["entry"] == "citecheck" and hook["require_serial"] is True
    assert set(hook["types_or"]) == {"html", "markdown", "plain-text"}


def test_the_hook_selects_only_documents() -> None:
    """pre-commit runs a hook on files whose tags meet `types_or` and whose name `files`."""
    tags = pytest.importorskip("identify.identify", reason="identify comes with pre-commit")
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])

    def selected(name: str) -> bool:
        return bool(tags.tags_from_filename(name) & set(hook["types_or"])) and bool(
            pattern.search(name)
        )

    for name in ("page.html", "blog/post.md", "notes.txt", "a.htm", "x.xhtml"):
        assert selected(name), name
    for name in ("setup.py", "config.yaml", "README.rst", "LICENSE", "data.json", "a.txt.bak"):
        assert not selected(name), name


def _action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    return data


def _step(name: str) -> dict[str, Any]:
    return next(step for step in _action()["runs"]["steps"] if step.get("name") == name)


def test_action_shape() -> None:
    action = _action()
    assert set(action["inputs"]) >= {"paths", "fail-on", "mailto", "sarif-file"}
    assert action["runs"]["using"] == "composite"
    uses = [step.get("uses", "") for step in action["runs"]["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    install = _step("Install citecheck")["run"]
    assert "pip install" in install and "$GITHUB_ACTION_PATH" in install
    for step in action["runs"]["steps"]:
        # Inputs go through env:, never into the script text (script injection).
        assert "${{ inputs." not in step.get("run", "")
        if "run" in step:
            assert step["shell"] == "bash"


@needs_bash
def test_action_runs_citecheck_with_sarif_output(tmp_path: Path) -> None:
    stub = tmp_path / "bin" / "citecheck"
    stub.parent.mkdir()
    stub.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGS_FILE"\nexit 1\n', encoding="utf-8")
    stub.chmod(0o755)
    output = tmp_path / "github_output"
    env = {
        **os.environ,
        "PATH": f"{stub.parent}{os.pathsep}{os.environ['PATH']}",
        "ARGS_FILE": str(tmp_path / "args"),
        "GITHUB_OUTPUT": str(output),
        "CITECHECK_PATHS": "content/\n  pages/a.md pages/b.html\n",
        "CITECHECK_FAIL_ON": "not_found",
        "CITECHECK_MAILTO": "",
        "CITECHECK_SARIF": "out.sarif",
    }
    script = _step("Check references")["run"]
    done = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr  # the step records the code, the last step fails
    assert output.read_text() == "exit-code=1\n"
    args = (tmp_path / "args").read_text().splitlines()
    assert args == [
        "--format",
        "sarif",
        "-o",
        "out.sarif",
        "--fail-on",
        "not_found",
        "--",
        "content/",
        "pages/a.md",
        "pages/b.html",
    ]


@needs_bash
@pytest.mark.parametrize(("code", "job"), [("0", 0), ("3", 0), ("1", 1), ("2", 2)])
def test_action_job_result_follows_the_exit_code(code: str, job: int) -> None:
    script = _step("Pass or fail")["run"]
    done = subprocess.run(
        ["bash", "-e", "-c", script], env={**os.environ, "CODE": code}, capture_output=True
    )
    assert done.returncode == job


@pytest.mark.skipif(
    os.environ.get("CITECHECK_RUN_PRECOMMIT") != "1",
    reason="builds the hook's virtualenv from PyPI (~15 s): set CITECHECK_RUN_PRECOMMIT=1",
)
def test_the_hook_fails_a_repository_with_a_bad_page() -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "precommit_demo.py")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Failed" in done.stdout and "NOT FOUND" in done.stdout
