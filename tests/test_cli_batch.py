"""The command line for batch audits and CI: formats, folders, configuration, demo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fakes import FakeServices


def run(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citecheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "CITECHECK_MAILTO": "editor@example.org", **env},
        timeout=120,
        check=False,
    )


def site(tmp_path: Path, example_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "drafts").mkdir(parents=True)
    (root / "pain.txt").write_bytes(example_path.read_bytes())
    (root / "drafts" / "old.txt").write_bytes(example_path.read_bytes())
    (root / "logo.png").write_bytes(b"\x89PNG\r\n")
    return root


def test_several_formats_in_one_run(
    services: FakeServices, example_path: Path, tmp_path: Path
) -> None:
    out = {name: tmp_path / f"report.{name}" for name in ("json", "sarif", "junit", "html")}
    args = [arg for name, path in out.items() for arg in ("--format", name, "-o", str(path))]
    result = run(*args, str(example_path))
    assert result.returncode == 1, result.stderr
    assert json.loads(out["json"].read_text())["summary"]["not_found"] == 3
    sarif = json.loads(out["sarif"].read_text())
    assert sarif["version"] == "2.1.0"
    # one mismatched, three not found, and the sentence citing Berman off topic
    assert len(sarif["runs"][0]["results"]) == 5
    assert out["junit"].read_text().startswith("<?xml")
    assert "Biological Psychiatry" in out["html"].read_text()
    assert "1 verified, 1 mismatched, 3 not found" in result.stderr  # the closing summary


def test_several_formats_need_one_output_each(example_path: Path) -> None:
    result = run("--format", "json", "--format", "sarif", str(example_path))
    assert result.returncode == 2
    assert "give one -o FILE for each" in result.stderr


def test_markdown_summary_for_a_pull_request(services: FakeServices, example_path: Path) -> None:
    result = run("--format", "markdown", str(example_path))
    assert result.returncode == 1
    assert result.stdout.startswith("## citecheck")
    assert "**4 problem references**" in result.stdout  # the summary first
    assert "Archives of General Psychiatry → Biological Psychiatry" in result.stdout
    assert "science.1190287" not in result.stdout  # the verified reference is not listed


def test_exclude_globs_and_skipped_files_are_counted(
    services: FakeServices, example_path: Path, tmp_path: Path
) -> None:
    root = site(tmp_path, example_path)
    result = run(
        "--format", "json", "--exclude", "drafts", "-o", str(tmp_path / "r.json"), str(root)
    )
    report = json.loads((tmp_path / "r.json").read_text())
    assert [Path(f["path"]).name for f in report["files"]] == ["pain.txt"]
    assert "2 other files skipped" in result.stderr  # the excluded draft and the image


def test_configuration_file_sets_fail_on_and_ignores(
    services: FakeServices, example_path: Path, tmp_path: Path
) -> None:
    root = site(tmp_path, example_path)
    (tmp_path / "pyproject.toml").write_text(
        "[tool.citecheck]\n"
        'fail-on = ["mismatched"]\n'
        'exclude = ["drafts"]\n'
        'ignore-patterns = ["^Berman"]\n'
    )
    result = run("--format", "json", str(root), cwd=tmp_path)
    report = json.loads(result.stdout)
    [file] = report["files"]
    statuses = [r["status"] for r in file["references"]]
    assert statuses == ["ignored", "not_found", "not_found", "not_found", "verified"]
    assert "ignore pattern" in file["references"][0]["warnings"][0]
    assert result.returncode == 0  # only "mismatched" fails, and Berman is ignored
    # The command line wins over the configuration.
    assert run("--fail-on", "not_found", str(root), cwd=tmp_path).returncode == 1


def test_a_broken_configuration_is_one_line(tmp_path: Path, example_path: Path) -> None:
    (tmp_path / ".citecheck.toml").write_text('fail-on = ["sometimes"]\n')
    result = run(str(example_path), cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert ".citecheck.toml" in result.stderr


def test_jobs_read_documents_in_parallel_with_the_same_result(
    services: FakeServices, example_path: Path, tmp_path: Path
) -> None:
    root = site(tmp_path, example_path)
    one = json.loads(run("--format", "json", str(root)).stdout)
    two = json.loads(run("--format", "json", "--jobs", "2", str(root)).stdout)
    assert one == two
    assert len(one["files"]) == 2


def test_demo_needs_no_network_and_no_setup() -> None:
    result = run("demo", CITECHECK_CROSSREF_URL="http://127.0.0.1:9")
    assert result.returncode == 1
    assert "journal: Archives of General Psychiatry -> Biological Psychiatry" in result.stdout
    assert result.stdout.count("NOT FOUND") == 3
    assert "ketamine-clinic-pain.txt: 5 references" in result.stdout


def test_a_reference_too_thin_to_identify_is_skipped_not_called_fabricated(
    services: FakeServices, tmp_path: Path
) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Ketamine\n\nAs shown before [1].\n\n## References\n\n1. Smith J. 2010.\n"
        "2. Li N, et al. mTOR-dependent synapse formation underlies the rapid antidepressant "
        "effects of NMDA antagonists. Science. 2010;329(5994):959-964.\n"
    )
    report = json.loads(run("--format", "json", str(page)).stdout)
    smith, li = report["files"][0]["references"]
    assert smith["status"] == "skipped"
    assert "too little to identify" in smith["warnings"][0]
    assert li["status"] == "verified"


def test_pages_without_references_in_a_folder_are_counted_not_errors(
    services: FakeServices, example_path: Path, tmp_path: Path
) -> None:
    root = site(tmp_path, example_path)
    (root / "about.md").write_text("# About us\n\nWe are a clinic. Call us on weekdays.\n")
    result = run("--exclude", "drafts", str(root))
    assert result.returncode == 1  # the example's problems, not the about page
    assert "about.md" not in result.stdout
    assert "1 without a reference list" in result.stdout
    report = json.loads(run("--format", "json", "--exclude", "drafts", str(root)).stdout)
    about = next(f for f in report["files"] if f["path"].endswith("about.md"))
    assert (about["error"], about["no_references"], about["references"]) == (None, True, [])
    # Named on its own, the same page is an input that could not be parsed.
    named = run(str(root / "about.md"))
    assert named.returncode == 2
    assert "about.md: error: no reference section found" in named.stdout
