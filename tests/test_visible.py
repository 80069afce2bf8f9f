"""Bidirectional controls (U+202E and its kin) from documents and services never reach a
report as such: every format shows them as <U+XXXX> (issue 11)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from citecheck import report
from citecheck.model import (
    CitationCheck,
    Field,
    FileReport,
    Mismatch,
    Reference,
    Report,
    Status,
    Verdict,
)
from citecheck.report.visible import BIDI_CONTROLS, visible, visible_text
from samples import BERMAN_FOUND, BERMAN_MISMATCHED

RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"
# A reference whose DOI displays as 10.1000/abc while holding 10.1000/cba, and a file
# name that displays as "gpj.exe"-style trickery.
TRICK = Reference(
    index=1,
    raw=f"Smith J. A study of {RLO}cba{PDF}. J Stud. 2001;1:1-2. doi:10.1000/{RLO}cba{PDF}",
    line=3,
    authors=(f"Smith{LRI}J{PDI}",),
    title=f"A study of {RLO}cba{PDF}",
    journal="J Stud",
    year=2001,
    doi=f"10.1000/{RLO}cba",
)
NOT_FOUND = Verdict(TRICK, Status.NOT_FOUND, warnings=(f"closest record: {RLO}evil",))
MISMATCHED = replace(
    BERMAN_MISMATCHED,
    match=replace(BERMAN_FOUND, title=f"Antidepressant effects{RLO} of ketamine"),
    mismatches=(Mismatch(Field.JOURNAL, f"Arch{RLO} Gen Psychiatry", "Biological Psychiatry"),),
)
REPORT = Report(
    files=(
        FileReport(
            f"pages/{RLO}fdp.html",
            (NOT_FOUND, MISMATCHED),
            citations=CitationCheck(found=1, unresolved=(f"Smith{RLO} 2001",)),
        ),
        FileReport(f"bad{RLO}.txt", error=f"cannot read: {RLO}odd"),
    )
)


def test_every_control_is_written_visibly_and_nothing_else_changes() -> None:
    assert visible_text(f"a{RLO}b{PDF}c") == "a<U+202E>b<U+202C>c"
    for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
        assert visible_text(chr(code)) == f"<U+{code:04X}>"
    # Implicit marks stay: right-to-left text needs them and they reorder nothing.
    hebrew = "\u05e9\u05dc\u05d5\u05dd\u200f (2001)\u200e \u061c"
    assert visible_text(hebrew) == hebrew


def test_parts_without_controls_are_not_copied() -> None:
    shown = visible(REPORT)
    assert shown.files[0].verdicts[1].reference is MISMATCHED.reference
    assert shown.files[0].verdicts[1].status is Status.MISMATCHED
    plain = Report(files=(FileReport("a.txt", (BERMAN_MISMATCHED,)),))
    assert visible(plain) is plain


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


@pytest.mark.parametrize("name", report.FORMATS)
def test_no_report_format_carries_a_bidi_control(name: str) -> None:
    rendered = report.render(name, REPORT, fail_on=frozenset({"not_found", "mismatched"}))
    assert not BIDI_CONTROLS.search(rendered)
    if name in ("json", "sarif"):  # nor once the JSON escapes are decoded
        assert not any(BIDI_CONTROLS.search(s) for s in _strings(json.loads(rendered)))
    if name == "junit":
        root = ET.fromstring(rendered)
        texts = [t for e in root.iter() for t in (e.text or "", *e.attrib.values())]
        assert not any(BIDI_CONTROLS.search(t) for t in texts)
    assert "U+202E" in rendered  # shown, not silently dropped
