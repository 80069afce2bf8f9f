"""JUnit XML, the lowest common denominator of CI test reports (Jenkins, GitLab, Azure...).

A testsuite per document, a testcase per reference. A reference whose status is in
`fail_on` is a <failure> (the same rule as the exit code); skipped, ignored and
unverified ones are <skipped> (nobody decided they pass); a document that could not be
read is one testcase with an <error>. Built with ElementTree, which escapes all text;
control characters that XML cannot hold at all are dropped first.
"""

from __future__ import annotations

import shutil
import tempfile
import xml.etree.ElementTree as ET
from io import StringIO
from typing import TextIO

from citecheck.model import DEFAULT_FAIL_ON, FileReport, Report, Status, Summary, Verdict
from citecheck.report.problems import LABELS, clean, explanation, links, shorten, who

NOT_DECIDED = (Status.SKIPPED, Status.IGNORED, Status.UNVERIFIED)


def case_name(verdict: Verdict) -> str:
    """'[1] Berman 2000: Antidepressant effects of ketamine in depressed patients'."""
    reference = verdict.reference
    title = shorten(reference.title or reference.raw, 120)
    return clean(f"[{reference.index}] {who(reference)}: {title}")


def _body(verdict: Verdict) -> str:
    lines = explanation(verdict)
    lines += [f"found: {url}" for _, url in links(verdict.match)]
    lines.append(f"cited as: {' '.join(verdict.reference.raw.split())}")
    return clean("\n".join(lines))


def _message(verdict: Verdict) -> str:
    kind = "retracted" if verdict.retracted else verdict.status.value
    first = explanation(verdict)[:1]
    return clean(LABELS[kind] + (f": {first[0]}" if first else ""))


def _suite(file: FileReport, fail_on: frozenset[str]) -> ET.Element:
    suite = ET.Element("testsuite", name=clean(file.path))
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if file.error is not None:
        case = ET.SubElement(
            suite, "testcase", name="read the document", classname=clean(file.path), time="0"
        )
        ET.SubElement(case, "error", message=clean(file.error), type="file_error")
        counts["tests"] = counts["errors"] = 1
    for verdict in file.verdicts:
        case = ET.SubElement(
            suite,
            "testcase",
            name=case_name(verdict),
            classname=clean(file.path),
            file=clean(file.path),
            line=str(verdict.reference.line or 1),
            time="0",
        )
        counts["tests"] += 1
        if verdict.fails(fail_on):
            kind = "retracted" if verdict.retracted else verdict.status.value
            failure = ET.SubElement(case, "failure", message=_message(verdict), type=kind)
            failure.text = _body(verdict)
            counts["failures"] += 1
        elif verdict.status in NOT_DECIDED:
            ET.SubElement(case, "skipped", message=_message(verdict))
            counts["skipped"] += 1
    for name, value in counts.items():
        suite.set(name, str(value))
    suite.set("time", "0")
    return suite


_COUNTS = ("tests", "failures", "errors", "skipped")


class Writer:
    """Spools a testsuite per file as each arrives; the <testsuites> element that opens the
    document carries the totals, so it is written at the end, the suites inside it."""

    def __init__(self, out: TextIO, *, fail_on: frozenset[str] = DEFAULT_FAIL_ON) -> None:
        self._out = out
        self._fail_on = fail_on
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self._totals = dict.fromkeys(_COUNTS, 0)

    def add(self, file: FileReport) -> None:
        suite = _suite(file, self._fail_on)
        for name in _COUNTS:
            self._totals[name] += int(suite.get(name, "0"))
        ET.indent(suite, level=1)
        self._spool.write("  " + ET.tostring(suite, encoding="unicode").rstrip() + "\n")

    def finish(self, summary: Summary, files_skipped: int = 0) -> None:
        root = ET.Element("testsuites", name="citecheck")
        for name, value in self._totals.items():
            root.set(name, str(value))
        root.set("time", "0")
        opening = ET.tostring(root, encoding="unicode").removesuffix(" />")
        self._out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if self._spool.tell() == 0:
            self._out.write(opening + " />\n")
        else:
            self._out.write(opening + ">\n")
            self._spool.seek(0)
            shutil.copyfileobj(self._spool, self._out)
            self._out.write("</testsuites>\n")
        self._spool.close()


def render(report: Report, *, fail_on: frozenset[str] = DEFAULT_FAIL_ON) -> str:
    buffer = StringIO()
    writer = Writer(buffer, fail_on=fail_on)
    for file in report.files:
        writer.add(file)
    writer.finish(report.summary(), report.files_skipped)
    return buffer.getvalue()
