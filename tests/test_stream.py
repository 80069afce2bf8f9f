"""A run as a stream: windows of documents, report writers fed file by file, and the same
reports and verdicts as a run held whole."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from citecheck import check, report
from citecheck.check import Run, check_paths
from citecheck.cli import EXIT_FAILED, EXIT_OK, EXIT_UNVERIFIED, EXIT_USAGE, exit_code
from citecheck.model import FileReport, Report, Summary, Tally
from citecheck.report import json as json_report
from citecheck.report import sarif
from citecheck.settings import from_environment
from fakes import FakeServices
from test_report_formats import ALL, HOSTILE, make_report


def _streamed(name: str, result: Report) -> str:
    out = io.StringIO()
    writer = report.writer(name, out, fail_on=frozenset({"mismatched", "not_found"}))
    for file in result.files:
        writer.add(file)
    writer.finish(result.summary(), result.files_skipped)
    return out.getvalue()


@pytest.mark.parametrize("name", ["json", "sarif"])
@pytest.mark.parametrize(
    "result",
    [make_report(*ALL, HOSTILE), make_report(*ALL, error=None), Report()],
    ids=["problems-and-error", "problems", "empty"],
)
def test_a_streamed_report_is_the_document_built_whole(name: str, result: Report) -> None:
    """JSON and SARIF are written in pieces around spooled results; the text must be the
    very document json.dumps gives for the whole report (the other formats' render is
    their writer fed a whole report, so the format tests cover them)."""
    whole = {"json": json_report.to_dict, "sarif": sarif.to_dict}[name](result)
    assert _streamed(name, result) == json.dumps(whole, indent=2, ensure_ascii=False) + "\n"


def test_a_streamed_json_report_parses_with_every_file(tmp_path: Path) -> None:
    files = tuple(
        FileReport(f"page{i}.html", make_report(*ALL, error=None).files[0].verdicts)
        for i in range(30)
    )
    data = json.loads(_streamed("json", Report(files=files)))
    assert [f["path"] for f in data["files"]] == [f"page{i}.html" for i in range(30)]
    assert data["summary"]["files"] == 30


def test_a_tally_counts_what_a_report_summary_counts() -> None:
    result = make_report(*ALL, HOSTILE)
    tally = Tally()
    for file in result.files:
        tally.add(file)
    assert tally.summary() == result.summary()


@pytest.mark.parametrize(
    ("summary", "fail_on", "code"),
    [
        (Summary(files=1, references=1, verified=1), {"mismatched"}, EXIT_OK),
        (Summary(files=1, references=1, mismatched=1), {"mismatched"}, EXIT_FAILED),
        (Summary(files=1, references=1, verified=1, retracted=1), {"retracted"}, EXIT_FAILED),
        (Summary(files=1, references=1, verified=1, retracted=1), {"not_found"}, EXIT_OK),
        (Summary(files=1, references=1, unverified=1), {"mismatched"}, EXIT_UNVERIFIED),
        (Summary(files=2, references=1, mismatched=1, errors=1), {"mismatched"}, EXIT_USAGE),
    ],
)
def test_the_exit_code_follows_the_summary(summary: Summary, fail_on: set[str], code: int) -> None:
    assert exit_code(summary, frozenset(fail_on)) == code


def _site(root: Path, example_path: Path, pages: int) -> Path:
    root.mkdir()
    text = example_path.read_text()
    for i in range(pages):
        (root / f"page{i:02}.txt").write_text(text)
    (root / "about.txt").write_text("About us\n\nWe are a clinic.\n")
    return root


def test_windows_give_the_verdicts_of_one_whole_run(
    services: FakeServices,
    example_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pages checked three at a time get the verdicts the pages checked all at once get,
    in the same order, and a work met in an earlier window is not asked again."""
    site = _site(tmp_path / "site", example_path, pages=8)
    whole = check_paths([str(site)], from_environment(mailto="t@example.org"))
    calls = services.total_calls()

    services.reset()
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "other-cache"))
    monkeypatch.setattr(check, "WINDOW_FILES", 3)
    run = Run([str(site)], from_environment(mailto="t@example.org"))
    windowed = list(run)
    assert [f.path for f in windowed] == [f.path for f in whole.files]
    assert [[v.status for v in f.verdicts] for f in windowed] == [
        [v.status for v in f.verdicts] for f in whole.files
    ]
    assert run.total == 9
    # The first window asks; the windows after it find the answers in the cache.
    assert services.total_calls() == calls


def test_progress_counts_pages_and_references(
    services: FakeServices, example_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path / "site", example_path, pages=4)
    monkeypatch.setattr(check, "WINDOW_FILES", 2)
    seen: list[tuple[str, int, int]] = []
    options = check.Options(
        progress=lambda stage, done, total, note: seen.append((stage, done, total))
    )
    list(Run([str(site)], from_environment(mailto="t@example.org"), options))
    pages = [(done, total) for stage, done, total in seen if stage == "pages"]
    assert pages[-1] == (5, 5)
    assert [done for done, _ in pages] == sorted(done for done, _ in pages)
    references = [(done, total) for stage, done, total in seen if stage == "references"]
    assert references[-1] == (20, 20)
    assert all(done <= total for done, total in references)
