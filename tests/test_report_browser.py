"""The HTML report in a real browser: Debian's headless Chromium loads it, runs its script
(which the page's Content-Security-Policy allows only by hash), and we read the DOM after.

The filter state comes from the URL fragment, so `--dump-dom` of `report.html#status=...`
shows what an auditor who opened that link would see.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from citecheck.model import FileReport, Report
from citecheck.report import html as html_report
from test_report_formats import FAVA, MISMATCHED, NOT_FOUND, RETRACTED, UNVERIFIED, VERIFIED

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)",
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _report() -> Report:
    """Three pages: 3 fabricated references (the same one on two pages), 2 mismatched..."""
    other = replace(NOT_FOUND, reference=replace(FAVA, index=3, raw="Grady 2019. Invented."))
    return Report(
        files=(
            FileReport("site/a.html", verdicts=(MISMATCHED, NOT_FOUND, VERIFIED)),
            FileReport("site/b.md", verdicts=(NOT_FOUND, UNVERIFIED, RETRACTED, other)),
            FileReport("site/c.txt", verdicts=(MISMATCHED, VERIFIED)),
            FileReport("site/d.html", error="no reference section found"),
        )
    )


def dump_dom(page: Path, fragment: str, profile: Path) -> str:
    url = page.as_uri() + (f"#{fragment}" if fragment else "")
    done = subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class _Rows(HTMLParser):
    """The problem rows of a dumped DOM, whether hidden, and the visible-count text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, bool]] = []
        self.ready = False
        self.counts: dict[str, str] = {}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html" and values.get("data-ready") == "1":
            self.ready = True
        if tag == "tr" and values.get("class") == "problem":
            status, page = values.get("data-status") or "", values.get("data-page") or ""
            self.rows.append((status, page, "hidden" in values))
        element_id = values.get("id") or ""
        if element_id == "shown-count" or element_id.startswith("count-"):
            self._in = element_id

    def handle_data(self, data: str) -> None:
        if self._in:
            self.counts[self._in] = data.strip()
            self._in = None

    def visible(self) -> list[tuple[str, str]]:
        return [(status, page) for status, page, hidden in self.rows if not hidden]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(html_report.render(_report()), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("", 7),
        ("status=not_found", 3),
        ("status=mismatched,retracted", 3),
        ("q=grady", 1),
        ("page=site%2Fb.md", 4),
        ("status=not_found&page=site%2Fb.md", 2),
    ],
)
def test_the_browser_shows_the_counts_and_filters_rows(
    page: Path, tmp_path: Path, fragment: str, expected: int
) -> None:
    parser = _Rows()
    parser.feed(dump_dom(page, fragment, tmp_path / "profile"))
    assert parser.ready, "the report's script did not run (blocked by its own CSP?)"
    assert len(parser.rows) == 7
    assert len(parser.visible()) == expected
    assert parser.counts["shown-count"] == str(expected)
    assert parser.counts["count-not_found"] == "3"
    assert parser.counts["count-mismatched"] == "2"
    assert parser.counts["count-errors"] == "1"
    if "status=not_found" in fragment:
        assert {status for status, _ in parser.visible()} == {"not_found"}


def test_the_browser_runs_no_injected_script(tmp_path: Path) -> None:
    hostile = replace(
        NOT_FOUND,
        reference=replace(
            FAVA, raw='</script><script>document.title="pwned"</script><img src=x onerror=alert(1)>'
        ),
    )
    path = tmp_path / "hostile.html"
    path.write_text(html_report.render(Report((FileReport("x.html", (hostile,)),))), "utf-8")
    dom = dump_dom(path, "", tmp_path / "profile")
    assert "pwned" not in re.sub(r"&lt;.*?&gt;", "", dom.split("<body", 1)[0])
    assert "<img src=" not in dom
    assert "&lt;/script&gt;&lt;script&gt;" in dom
