"""JUnit XML, the lowest common denominator of CI test reports (Jenkins, GitLab, Azure...).

A testsuite per document, a testcase per reference. A reference whose status is in
`fail_on` is a <failure> (the same rule as the exit code); skipped, ignored and
unverified ones are <skipped> (nobody decided they pass); a document that could not be
read is one testcase with an <error>. Built with ElementTree, which escapes all text;
control characters that XML cannot hold at all are dropped first.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from citecheck.model import DEFAULT_FAIL_ON, FileReport, Report, Status, Verdict
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


def render(report: Report, *, fail_on: frozenset[str] = DEFAULT_FAIL_ON) -> str:
    root = ET.Element("testsuites", name="citecheck")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for file in report.files:
        suite = _suite(file, fail_on)
        root.append(suite)
        for name in totals:
            totals[name] += int(suite.get(name, "0"))
    for name, value in totals.items():
        root.set(name, str(value))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
