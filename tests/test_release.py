"""The release path (issue 14): the name on PyPI, the version from git tags and its
fallbacks, the README's two set-up commands, CI and the release workflow.

The builds themselves (sdist, wheel, twine check, a fresh virtualenv running the demo)
are too slow for a unit test: .ci/run runs them through .ci/build-dist and
.ci/rehearse-release. Here the version scheme is checked with setuptools-scm itself on
small git repositories holding this project's pyproject.toml.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version
from pathlib import Path
from typing import Any

import pytest

import citecheck
from citecheck.model import Report
from citecheck.report import json as json_report

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def test_distribution_name_is_not_the_unrelated_citecheck() -> None:
    project = PYPROJECT["project"]
    assert project["name"] == citecheck.DISTRIBUTION == "citecheck-verify"
    assert project["scripts"] == {"citecheck": "citecheck.cli:main"}
    assert "version" in project["dynamic"] and "version" not in project


def test_no_dependency_is_a_pre_release() -> None:
    """pip skips pre-releases unless one is named: a beta pin forces betas on users."""
    requirements = PYPROJECT["project"]["dependencies"] + [
        r for extra in PYPROJECT["project"]["optional-dependencies"].values() for r in extra
    ]
    betas = [r for r in requirements if re.search(r"\d(?:a|b|rc|\.dev)\d", r.split(";")[0])]
    assert betas == []
    assert any(r.startswith("bibtexparser>=2.0,") for r in requirements)


def test_version_is_the_installed_distributions() -> None:
    try:
        expected = installed_version(citecheck.DISTRIBUTION)
    except PackageNotFoundError:
        expected = citecheck.UNKNOWN_VERSION
    assert citecheck.__version__ == expected
    done = subprocess.run(
        [sys.executable, "-m", "citecheck", "--version"], capture_output=True, text=True
    )
    assert done.stdout.strip() == f"citecheck, version {citecheck.__version__}"


def test_json_report_names_the_version() -> None:
    rendered = json.loads(json_report.render(Report(files=())))
    assert rendered["tool"] == {"name": "citecheck", "version": citecheck.__version__}


def test_fallback_version_is_the_same_everywhere() -> None:
    assert PYPROJECT["tool"]["setuptools_scm"]["fallback_version"] == citecheck.UNKNOWN_VERSION


# --- the version scheme, with setuptools-scm on small repositories ----------------------


def _scm_version(folder: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SETUPTOOLS_SCM")}
    done = subprocess.run(
        [sys.executable, "-m", "setuptools_scm"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def _git(folder: Path, *args: str) -> str:
    who = ["-c", "user.name=test", "-c", "user.email=test@example.org"]
    done = subprocess.run(
        ["git", *who, *args], cwd=folder, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git repository with this project's version configuration and one commit."""
    pytest.importorskip("setuptools_scm", reason="setuptools-scm is in the test extra")
    folder = tmp_path / "project"
    folder.mkdir()
    for name in ("pyproject.toml", ".git_archival.txt", ".gitattributes"):
        shutil.copy(REPO / name, folder / name)
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(folder, "commit", "-q", "-m", "first")
    return folder


@needs_git
def test_version_from_a_tag_and_after_it(project: Path) -> None:
    _git(project, "tag", "-a", "v0.2.0", "-m", "release")
    assert _scm_version(project) == "0.2.0"
    (project / "NEWS").write_text("more\n")
    _git(project, "add", "NEWS")
    _git(project, "commit", "-q", "-m", "second")
    head = _git(project, "rev-parse", "--short", "HEAD").strip()
    version = _scm_version(project)
    assert version.startswith("0.2.1.dev1+g") and head[:7] in version


@needs_git
def test_version_without_any_tag_still_names_the_commit(project: Path) -> None:
    """A tagless or shallow CI clone: a development version, never an error."""
    head = _git(project, "rev-parse", "--short", "HEAD").strip()
    version = _scm_version(project)
    assert version.startswith("0.0.1.dev") and head[:7] in version


@needs_git
def test_version_from_a_git_archive(project: Path, tmp_path: Path) -> None:
    """GitHub's tarballs (and the Action's download) are `git archive`: no .git inside."""
    _git(project, "tag", "-a", "v0.3.0", "-m", "release")
    archive = tmp_path / "project.tar"
    _git(project, "archive", "--format=tar", "-o", str(archive), "HEAD")
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    assert not (unpacked / ".git").exists()
    assert _scm_version(unpacked) == "0.3.0"


def test_version_without_git_is_the_fallback(tmp_path: Path) -> None:
    pytest.importorskip("setuptools_scm", reason="setuptools-scm is in the test extra")
    folder = tmp_path / "copied"
    folder.mkdir()
    shutil.copy(REPO / "pyproject.toml", folder / "pyproject.toml")
    assert _scm_version(folder) == citecheck.UNKNOWN_VERSION


# --- README, CI and the release workflow ---------------------------------------------


def _readme_commands() -> list[str]:
    """The indented command lines right under the README's title, before any prose."""
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# citecheck"
    commands = []
    for line in lines[1:]:
        if not line.strip():
            if commands:
                break
            continue
        assert line.startswith("    "), f"the README must start with commands, not {line!r}"
        commands.append(line.strip())
    return commands


def test_readme_starts_with_two_set_up_commands() -> None:
    install_and_demo, tests = _readme_commands()
    assert install_and_demo.endswith("&& citecheck demo")
    assert tests.endswith("&& python3 -m pytest") and "'.[test]'" in tests
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pipx install citecheck-verify" in readme
    assert "uv tool install citecheck-verify" in readme


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    _, tests = _readme_commands()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in [line.strip() for line in ci]
    assert any(line.strip().startswith(".ci/build-dist") for line in ci)


def _workflow() -> dict[Any, Any]:
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (test extra)")
    text = (REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    loaded: dict[Any, Any] = yaml.safe_load(text)
    return loaded


def test_release_workflow_publishes_a_checked_build_on_a_tag() -> None:
    workflow = _workflow()
    # YAML 1.1 reads the key `on` as True.
    assert workflow[True] == {"push": {"tags": ["v[0-9]*"]}}
    assert workflow["permissions"] == {}
    build, publish = workflow["jobs"]["build"], workflow["jobs"]["publish"]
    checkout = build["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0  # the tags, for setuptools-scm
    runs = [step.get("run", "") for step in build["steps"]]
    assert 'bash .ci/build-dist "${TAG#v}"' in runs  # the same checks as CI, with the tag
    assert build["permissions"] == {"contents": "read"}
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}  # trusted publishing, no token
    assert publish["environment"] == "pypi"
    assert publish["steps"][-1]["uses"] == "pypa/gh-action-pypi-publish@release/v1"
    text = json.dumps(workflow)
    assert "secrets." not in text and "password" not in text
