"""Document-side limits (issue 11): size, unpacked bytes, nesting, time per document,
non-regular files, endless standard input, empty folders, and any failure in one
document staying that document's error. bench/hostile_docs.py measures the same cases
at full size; these are small versions that fail if a limit stops holding."""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import os
import subprocess
import sys
import time
import tracemalloc
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

import citecheck.check as check_module
from citecheck.check import Options, check_paths
from citecheck.cli import _limits
from citecheck.config import Config, ConfigError, parse_config
from citecheck.extract import InputError, load
from citecheck.extract.docx import DocxError, docx_to_text
from citecheck.extract.limits import (
    DEFAULT_LIMITS,
    MB,
    Limits,
    NestingLimitError,
    SizeLimitError,
    TimeLimitExceeded,
    check_html_nesting,
    format_size,
    parse_size,
    read_capped,
    time_limit,
)
from citecheck.model import FileReport
from citecheck.settings import from_environment

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "ketamine-clinic-pain.txt"
REFERENCES = (
    "<h2>References</h2><ol><li>Li N, Lee B, Liu RJ, et al. mTOR-dependent synapse "
    "formation underlies the rapid antidepressant effects of NMDA antagonists. Science. "
    "2010;329(5994):959-964.</li></ol>"
)


def run(
    *args: str, stdin: int | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citecheck", "--offline", "--format", "json", *args],
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def errors_of(result: subprocess.CompletedProcess[str]) -> dict[str, str | None]:
    assert "Traceback" not in result.stderr, result.stderr
    return {Path(f["path"]).name: f["error"] for f in json.loads(result.stdout)["files"]}


# --- sizes and the time limit, as units ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "size"),
    [("1000", 1000), ("50MB", 50 * MB), ("1.5 GB", 1536 * MB), ("200k", 200 * 1024),
     ("3KiB", 3072), ("12b", 12)],
)  # fmt: skip
def test_sizes(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "-5MB", "0", "5 parsecs", "1e9"])
def test_not_sizes(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def test_sizes_read_back() -> None:
    assert [format_size(n) for n in (12, 300 * 1024, 50 * MB, 1536 * MB)] == [
        "12 bytes",
        "300 KB",
        "50 MB",
        "1.5 GB",
    ]


class _Endless(io.RawIOBase):
    """A stream that never ends, counting what was taken from it."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"x" * len(buffer)
        self.given += len(buffer)
        return len(buffer)


def test_an_endless_stream_is_read_only_up_to_the_limit() -> None:
    stream = _Endless()
    with pytest.raises(SizeLimitError, match=r"larger than 2 MB \(the limit; --max-file-size\)"):
        read_capped(stream, 2 * MB, "standard input", "--max-file-size")
    assert stream.given <= 2 * MB + 1


def test_time_limit_interrupts_and_cannot_be_swallowed() -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        while True:
            with contextlib.suppress(Exception):  # a library's catch-all must not eat it
                sum(range(1000))
    assert time.monotonic() - started < 5


def test_time_limit_leaves_nothing_behind() -> None:
    with time_limit(0.05):
        pass
    time.sleep(0.15)  # the timer was cancelled: nothing fires now


# --- non-regular files, sizes, standard input ------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_at_once_and_the_others_are_checked(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run(str(fifo), str(EXAMPLE), timeout=60)
    errors = errors_of(result)
    assert errors["pipe.txt"] == (
        "not a regular file (a named pipe (FIFO)): pass its content on standard input (-)"
    )
    assert errors["ketamine-clinic-pain.txt"] is None
    assert result.returncode == 2


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused() -> None:
    with pytest.raises(InputError, match="a character device"):
        load("/dev/zero")


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(EXAMPLE.read_bytes() * 20)
    with pytest.raises(InputError, match=r"larger than 1 KB \(the limit; --max-file-size\)"):
        load(str(big), Limits(file_bytes=1024))
    assert load(str(big)).text  # within the default


def test_endless_standard_input_stops_at_the_size_limit() -> None:
    endless = subprocess.Popen(
        ["yes", "Li N. A title. Science. 2010;329:959."], stdout=subprocess.PIPE
    )
    try:
        assert endless.stdout is not None
        result = run("--max-file-size", "1MB", "-", stdin=endless.stdout.fileno())
    finally:
        endless.kill()
        endless.wait()
    assert errors_of(result) == {
        "-": "standard input is larger than 1 MB (the limit; --max-file-size)"
    }
    assert result.returncode == 2


def test_standard_input_that_never_comes_is_bounded_by_the_time_limit() -> None:
    silent = subprocess.Popen(["sleep", "60"], stdout=subprocess.PIPE)
    started = time.monotonic()
    try:
        assert silent.stdout is not None
        result = run("--max-seconds", "1", "-", stdin=silent.stdout.fileno())
    finally:
        silent.kill()
        silent.wait()
    assert time.monotonic() - started < 30
    assert errors_of(result) == {"-": "took more than 1 s to read (the limit; --max-seconds)"}


# --- nesting ---------------------------------------------------------------------------


def _nested(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + REFERENCES + "</div>" * depth + "</body></html>"


def test_html_nested_past_the_limit_is_that_files_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text(_nested(5000))
    result = run(str(deep), str(EXAMPLE))
    errors = errors_of(result)
    assert errors["deep.html"] == "elements nested more than 200 deep (the limit; --max-nesting)"
    assert errors["ketamine-clinic-pain.txt"] is None


def test_html_within_the_nesting_limit_is_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_nested(150))
    assert "mTOR-dependent" in load(str(page)).text


def _tree_depth(markup: str) -> int:
    """The deepest element of the tree BeautifulSoup builds (walked without recursion)."""
    soup = BeautifulSoup(markup, "html.parser")
    deepest = 0
    stack: list[tuple[Tag, int]] = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tag))
    return deepest


@pytest.mark.parametrize(
    "markup",
    [
        _nested(30),
        "<p>a<p>b<p>c<p>d",  # html.parser nests unclosed paragraphs
        "<ul><li>a<li>b<li>c</ul><ul><li>d</ul>",
        "<div><span><b>x</div></span></b><i>y</i>",  # end tags out of order
        "<div><br><img src=x><hr><input></div><div/><div/>",  # void and self-closed
        "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table></p></p>",
        "<script>var s = '<div><div><div>';</script><div>z</div>",
    ],
)
def test_the_nesting_scan_agrees_with_the_tree(markup: str) -> None:
    depth = _tree_depth(markup)
    check_html_nesting(markup, depth)  # exactly at the limit: accepted
    with pytest.raises(NestingLimitError):
        check_html_nesting(markup, depth - 1)


# --- DOCX: unpacked bytes ---------------------------------------------------------------

_DOCUMENT_XML = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>References</w:t></w:r></w:p><w:p><w:r><w:t>{}</w:t></w:r></w:p>"
    "</w:body></w:document>"
)


def _docx(padding: int, lie: bool) -> bytes:
    """A DOCX whose document.xml holds `padding` spaces; with `lie`, its headers say the
    part is 1,000 bytes long (a zip bomb that passes a check of the declared size)."""
    xml = _DOCUMENT_XML.format(" " * padding).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
    data = bytearray(buffer.getvalue())
    if lie:
        real = len(xml).to_bytes(4, "little")
        at = 0
        while (at := data.find(real, at + 1)) != -1:  # in the local and central headers
            data[at : at + 4] = (1000).to_bytes(4, "little")
    return bytes(data)


def test_docx_unpacking_past_the_limit_is_refused() -> None:
    with pytest.raises(DocxError, match=r"larger than 1 MB \(the limit; --max-unpacked-size\)"):
        docx_to_text(_docx(4 * MB, lie=False), max_unpacked=1 * MB)


def test_docx_whose_header_lies_costs_no_memory() -> None:
    bomb = _docx(64 * MB, lie=True)
    assert len(bomb) < 200_000  # 64 MB in ~65 KB
    assert zlib.compress(b" " * 1000)  # (zlib is there)
    tracemalloc.start()
    try:
        with pytest.raises(DocxError, match="damaged Word document"):
            docx_to_text(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * MB


# --- one document's failure stays its own; empty folders; configuration ---------------


def test_any_exception_while_reading_is_that_files_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("References\n1. Nothing here.\n")
    real_load = check_module.load

    def flaky_load(path: str, limits: Limits = DEFAULT_LIMITS) -> object:
        if path.endswith("bad.txt"):
            raise KeyError("a bug in a reader")
        return real_load(path, limits)

    monkeypatch.setattr(check_module, "load", flaky_load)
    monkeypatch.delenv("CITECHECK_DEBUG", raising=False)
    settings = replace(from_environment(offline=True), cache_dir=None)
    report = check_paths([str(bad), str(EXAMPLE)], settings, Options())
    errors = {Path(f.path).name: f.error for f in report.files}
    assert errors["bad.txt"] == "cannot read: internal error (KeyError); please report it"
    assert errors["ketamine-clinic-pain.txt"] is None


def test_an_empty_folder_is_not_a_silent_pass(tmp_path: Path) -> None:
    empty = tmp_path / "site"
    (empty / "img").mkdir(parents=True)
    (empty / "img" / "logo.png").write_bytes(b"\x89PNG")
    result = run(str(empty))
    assert errors_of(result) == {"site": "no documents to check in this folder"}
    assert result.returncode == 2


def test_limits_from_the_configuration_and_the_command_line() -> None:
    config = parse_config({"max-file-size": "10MB", "max_seconds": 5, "max-pages": 10})
    assert config.limits == {"file_bytes": 10 * MB, "seconds": 5, "pages": 10}
    limits = _limits(config, {"seconds": 2.5, "nesting": None})
    assert limits == Limits(file_bytes=10 * MB, seconds=2.5, pages=10)
    assert _limits(Config(), {}) == DEFAULT_LIMITS


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"max-file-size": "lots"}, "max-file-size: not a size"),
        ({"max-file-size": True}, "max-file-size: expected a size"),
        ({"max-nesting": 2.5}, "max-nesting: expected a whole number above zero"),
        ({"max-seconds": 0}, "max-seconds: expected a number of seconds above zero"),
        ({"max-speed": 1}, "max-speed: unknown key"),
    ],
)
def test_bad_limits_in_the_configuration(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(table)


def test_a_bad_limit_option_is_a_usage_error() -> None:
    result = run("--max-file-size", "huge", str(EXAMPLE))
    assert result.returncode == 2
    assert result.stderr.startswith("citecheck: error: ") and "not a size" in result.stderr


def test_the_page_limit_reaches_the_pdf_reader(tmp_path: Path) -> None:
    pdfdoc = pytest.importorskip("tests.pdfdoc", reason="the PDF builder of the PDF tests")
    pages = [pdfdoc.Page(text=[(72, 700, 10, f"page {i}")]) for i in range(3)]
    (tmp_path / "three.pdf").write_bytes(pdfdoc.build(pages))
    result = run("--max-pages", "2", str(tmp_path / "three.pdf"), str(EXAMPLE))
    errors = errors_of(result)
    assert errors["three.pdf"] == "too many pages: 3 (the limit is 2; --max-pages)"
    assert errors["ketamine-clinic-pain.txt"] is None


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the stand-in load reaches forked workers"
)
def test_the_time_limit_holds_in_the_reading_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    real_load = check_module.load

    def stuck_load(path: str, limits: Limits = DEFAULT_LIMITS) -> object:
        if path.endswith("stuck.txt"):
            time.sleep(60)
        return real_load(path, limits)

    monkeypatch.setattr(check_module, "load", stuck_load)
    started = time.monotonic()
    read = list(check_module._read(["stuck.txt", str(EXAMPLE)], 2, Limits(seconds=0.5)))
    assert time.monotonic() - started < 30
    stuck, good = read
    assert isinstance(stuck, FileReport)
    assert stuck.error == "took more than 0.5 s to read (the limit; --max-seconds)"
    assert not isinstance(good, FileReport)
