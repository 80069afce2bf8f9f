"""End to end: the installed command on real files, against the local fake services."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from citecheck.extract import load
from citecheck.match import is_settled
from citecheck.parse import parse_entry
from citecheck.references import find_entries
from citecheck.resolve import Resolver
from citecheck.settings import from_environment
from fakes import FakeServices

EXPECTED_STATUSES = ["mismatched", "not_found", "not_found", "not_found", "verified"]


def run(*args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """`citecheck ARGS` in a child process, as a user would run it (stdout is not a tty)."""
    return subprocess.run(
        [sys.executable, "-m", "citecheck", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env={**os.environ, "CITECHECK_MAILTO": "editor@example.org", **env},
        timeout=120,
        check=False,
    )


def references_of(report: dict[str, object], index: int = 0) -> list[dict[str, object]]:
    files = report["files"]
    assert isinstance(files, list)
    return list(files[index]["references"])


def test_example_page_json(services: FakeServices, example_path: Path) -> None:
    result = run("--format", "json", str(example_path))
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    references = references_of(report)
    assert [r["status"] for r in references] == EXPECTED_STATUSES
    berman, li = references[0], references[4]
    assert [m["field"] for m in berman["mismatches"]] == ["journal", "volume", "issue", "pages"]
    assert berman["match"]["journal"] == "Biological Psychiatry"
    assert berman["match"]["doi"] == "10.1016/s0006-3223(99)00230-9"
    assert berman["match"]["pmid"] == "10686270"
    assert li["match"]["doi"] == "10.1126/science.1190287"
    assert all(r["match"] is None for r in references[1:4])
    assert report["summary"] == {
        "files": 1,
        "references": 5,
        "verified": 1,
        "mismatched": 1,
        "not_found": 3,
        "unverified": 0,
        "skipped": 0,
        "ignored": 0,
        "retracted": 0,
        "without_references": 0,
        "off_topic": 1,
    }
    assert services.total_calls() <= 3 * len(references)
    # Every author-year citation in the text maps to its entry.
    assert report["files"][0]["citations"] == {"found": 5, "unresolved": [], "uncited": []}


def test_example_page_terminal_report(services: FakeServices, example_path: Path) -> None:
    result = run(str(example_path))
    assert result.returncode == 1
    assert "journal: Archives of General Psychiatry -> Biological Psychiatry" in result.stdout
    assert "pages: 227-234 -> 351-354" in result.stdout
    assert result.stdout.count("NOT FOUND") == 3
    assert "in-text citations: 5 found, each matching a reference" in result.stdout
    assert "1 file, 5 references: 1 verified, 1 mismatched, 3 not found, 0 unverified" in (
        result.stdout
    )
    assert "\x1b[" not in result.stdout  # not a terminal: no colours


def test_the_example_page_costs_at_most_three_calls_per_reference(
    services: FakeServices, example_path: Path
) -> None:
    settings = from_environment(mailto="editor@example.org", no_cache=True)
    references = [parse_entry(entry) for entry in find_entries(load(str(example_path)).text)]
    Resolver(settings).resolve_all(references, settled=is_settled)
    assert services.total_calls() <= 3 * len(references)
    # Batches: one ECitMatch and its ESummary serve all five references.
    assert len(services.calls_to("pubmed", "ecitmatch")) == 1


def test_services_down_leaves_everything_unverified(
    services: FakeServices, example_path: Path
) -> None:
    services.set_mode("crossref", "down")
    services.set_mode("pubmed", "down")
    result = run("--format", "json", str(example_path), CITECHECK_RETRIES="1")
    assert result.returncode == 3, result.stderr
    references = references_of(json.loads(result.stdout))
    assert [r["status"] for r in references] == ["unverified"] * 5
    assert all(r["match"] is None for r in references)
    assert all(any("503" in w for w in r["warnings"]) for r in references)


def test_one_service_down_the_other_still_settles_what_it_can(
    services: FakeServices, example_path: Path
) -> None:
    services.set_mode("pubmed", "down")
    result = run("--format", "json", str(example_path), CITECHECK_RETRIES="0")
    statuses = [r["status"] for r in references_of(json.loads(result.stdout))]
    # Crossref alone identifies the two real works; the fabricated ones stay unverified,
    # because PubMed could not be asked.
    assert statuses == ["mismatched", "unverified", "unverified", "unverified", "verified"]
    assert result.returncode == 1


def test_second_run_is_answered_from_the_cache_and_offline_works(
    services: FakeServices, example_path: Path
) -> None:
    assert run(str(example_path)).returncode == 1
    calls = services.total_calls()
    again = run("--offline", "--format", "json", str(example_path))
    assert services.total_calls() == calls
    assert [r["status"] for r in references_of(json.loads(again.stdout))] == EXPECTED_STATUSES


def test_offline_with_an_empty_cache_is_unverified(
    services: FakeServices, example_path: Path
) -> None:
    result = run("--offline", str(example_path))
    assert result.returncode == 3
    assert services.total_calls() == 0


def test_bad_inputs_are_one_line_each_and_the_good_file_is_still_checked(
    services: FakeServices, example_path: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    no_refs = tmp_path / "about.md"
    no_refs.write_text("# About us\n\nWe are a clinic. Call us on weekdays.\n")
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<html><body><nav>Home | Book now</nav><h2>References<ol><li>Li N, Lee B, Liu RJ, et al."
        " mTOR-dependent synapse formation underlies the rapid antidepressant effects of NMDA"
        " antagonists. Science. 2010;329(5994):959-964.<li>Fava M, et al. Ketamine for chronic"
        " pain: a systematic review. Pain Physician. 2019;22(4):401-408.</ol><footer>(c)"
    )
    missing = tmp_path / "missing.txt"
    result = run(
        "--format",
        "json",
        str(missing),
        str(binary),
        str(empty),
        str(no_refs),
        str(broken),
        str(example_path),
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files["missing.txt"]["error"] == "no such file or folder"
    assert files["photo.txt"]["error"].startswith("not a text document")
    assert files["empty.txt"]["error"] == "the file is empty"
    assert files["about.md"]["error"] == "no reference section found"
    assert [r["status"] for r in files["broken.html"]["references"]] == ["verified", "not_found"]
    assert [r["status"] for r in files["ketamine-clinic-pain.txt"]["references"]] == (
        EXPECTED_STATUSES
    )
    for name in ("missing.txt", "photo.txt", "empty.txt", "about.md"):
        assert "\n" not in files[name]["error"]


def test_bad_input_in_the_terminal_report(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert "missing.txt: error: no such file or folder" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--frobnicate", "x.txt"], "--frobnicate"),
        ([], "Missing argument 'PATH...'"),
        (["--fail-on", "bogus", "x.txt"], "unknown status bogus"),
        (["--format", "pdf", "x.txt"], "'pdf' is not one of 'text', 'json'"),
    ],
)
def test_usage_errors_are_one_line_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("citecheck: error: ")
    assert message in lines[0]


def test_help_explains_with_examples() -> None:
    result = run("--help")
    assert result.returncode == 0
    for text in ("citecheck article.txt", "--fail-on", "Exit codes", "not_found", "--offline"):
        assert text in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("citecheck, version ")


def test_stdin_and_output_file(services: FakeServices, example_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run("--format", "json", "-o", str(out), "-", stdin=example_path.read_bytes())
    assert result.returncode == 1
    assert result.stdout == ""
    report = json.loads(out.read_text())
    assert report["files"][0]["path"] == "-"
    assert [r["status"] for r in references_of(report)] == EXPECTED_STATUSES
    assert "1 verified, 1 mismatched, 3 not found" in result.stderr


def test_fail_on_decides_exit_code(services: FakeServices, example_path: Path) -> None:
    assert run("--fail-on", "retracted", str(example_path)).returncode == 0
    assert run("--fail-on", "not_found", str(example_path)).returncode == 1


def test_folder_is_searched_recursively(
    services: FakeServices, example_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "site" / "pain").mkdir(parents=True)
    (tmp_path / "site" / "pain" / "ketamine.txt").write_bytes(example_path.read_bytes())
    (tmp_path / "site" / "logo.png").write_bytes(b"\x89PNG")
    result = run("--format", "json", str(tmp_path / "site"))
    report = json.loads(result.stdout)
    assert [Path(f["path"]).name for f in report["files"]] == ["ketamine.txt"]
    assert result.returncode == 1


RETRACTION_PAGE = """Ketamine and the brain

Recent work (Zhang et al., 2019; Kowalski et al., 2017; Adeyemi et al., 2018) ...

References
1. Zhang L, Wang H, Liu Y, Chen J. Ketamine reverses stress-induced microglial priming
   through a BDNF-independent pathway. Mol Psychiatry. 2019;24(11):1656-1668.
2. Kowalski M, Petrova A, Schuster M. Repeated low-dose ketamine infusions normalise
   thalamocortical connectivity in fibromyalgia. Eur J Pain. 2017;21(4):712-722.
   doi:10.1002/ejp.976
3. Adeyemi T, Ramírez A, Thompson EJ. Oral ketamine for cancer-related neuropathic pain:
   an open-label extension study. J Pain Res. 2018;11:2231-2239. doi:10.2147/JPR.S171943
"""


def test_retracted_works_are_flagged_in_json_and_terminal(
    services: FakeServices, tmp_path: Path
) -> None:
    page = tmp_path / "brain.txt"
    page.write_text(RETRACTION_PAGE)
    result = run("--format", "json", str(page))
    report = json.loads(result.stdout)
    zhang, kowalski, adeyemi = references_of(report)
    assert (zhang["status"], zhang["retracted"]) == ("verified", True)  # PubMed's flag
    assert (kowalski["status"], kowalski["retracted"]) == ("verified", True)  # Crossref's
    assert adeyemi["retracted"] is False
    assert any("correction" in w for w in adeyemi["warnings"])  # a warning, not a retraction
    assert report["summary"]["retracted"] == 2
    assert result.returncode == 1  # "retracted" is in the default --fail-on

    terminal = run(str(page))
    assert terminal.stdout.count("RETRACTED") == 2
    assert "the work has been retracted" in terminal.stdout
    assert run("--fail-on", "mismatched", str(page)).returncode == 0


def test_ctrl_c_stops_cleanly_and_leaves_a_usable_cache(
    services: FakeServices, example_path: Path
) -> None:
    services.set_mode("pubmed", "slow:2")
    process = subprocess.Popen(
        [sys.executable, "-m", "citecheck", str(example_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CITECHECK_MAILTO": "editor@example.org"},
    )
    # In the middle of the look-ups: once PubMed has been asked (not by the clock: on a
    # loaded machine the start-up alone can take longer than any fixed pause).
    deadline = time.monotonic() + 30
    while not services.total_calls("pubmed") and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.strip().splitlines()[-1] == "citecheck: interrupted"
    assert "Traceback" not in stderr
    services.set_mode("pubmed", "ok")
    assert run("cache", "info").returncode == 0
    assert run(str(example_path)).returncode == 1  # and the next run works from it


@pytest.mark.parametrize(
    "name",
    ["ketamine-clinic-pain.pdf", "ketamine-clinic-pain.docx", "ketamine-clinic-pain-bullets.pdf"],
)
def test_pdf_and_docx_of_the_example_give_the_same_verdicts(
    services: FakeServices, example_path: Path, name: str
) -> None:
    # ...-bullets.pdf: the page printed by LibreOffice with "•" bullets (bench/make_bullet_pdf.py)
    result = run("--format", "json", str(example_path.with_name(name)))
    report = json.loads(result.stdout)
    references = references_of(report)
    assert [r["status"] for r in references] == EXPECTED_STATUSES
    assert [m["field"] for m in references[0]["mismatches"]] == [
        "journal",
        "volume",
        "issue",
        "pages",
    ]
    assert report["files"][0]["citations"] == {"found": 5, "unresolved": [], "uncited": []}
