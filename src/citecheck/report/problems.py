"""What the problem-centred reports (markdown, sarif, junit, html) share: which verdicts are
problems, what to call them, and where the found record lives on the web. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

from citecheck.model import (
    OFF_TOPIC,
    RETRACTED,
    Claim,
    FileReport,
    Record,
    Reference,
    Report,
    Status,
    Topic,
    Verdict,
)
from citecheck.normalize import family_name, fold

# Statuses that need someone's attention. `skipped`/`ignored` are decisions, not problems.
PROBLEM_STATUSES = (Status.MISMATCHED, Status.NOT_FOUND, Status.UNVERIFIED)
# The order problems are listed in: the worst first.
SEVERITY_ORDER = (
    RETRACTED,
    Status.NOT_FOUND.value,
    Status.MISMATCHED.value,
    OFF_TOPIC,
    "unverified",
)
LABELS = {
    RETRACTED: "retracted",
    OFF_TOPIC: "off topic",
    Status.NOT_FOUND.value: "not found",
    Status.MISMATCHED.value: "mismatched",
    Status.UNVERIFIED.value: "unverified",
    Status.VERIFIED.value: "verified",
    Status.SKIPPED.value: "skipped",
    Status.IGNORED.value: "ignored",
}
# One sentence per kind of problem, for the person who has to fix the page.
ADVICE = {
    RETRACTED: "the cited work has been retracted: remove the citation or say so",
    Status.NOT_FOUND.value: "no such paper in Crossref or PubMed: it is likely fabricated",
    Status.MISMATCHED.value: "the paper exists, but the citation gets details wrong",
    Status.UNVERIFIED.value: "a service could not be reached, so this was not checked",
    OFF_TOPIC: "a sentence cites the work for something the work is not about",
}
# XML 1.0 forbids most C0 controls even as character references, and a web page's text
# can hold them; drop them from anything that ends up in XML or HTML.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean(text: str) -> str:
    return _CONTROL.sub("", text)


def is_problem(verdict: Verdict) -> bool:
    return verdict.status in PROBLEM_STATUSES or verdict.retracted or verdict.off_topic


def problem_kind(verdict: Verdict) -> str:
    """The one name a problem is filed under: a retraction outranks any status, and a
    problem status outranks an off-topic citation (whose claims are still listed)."""
    if verdict.retracted:
        return RETRACTED
    if verdict.status not in PROBLEM_STATUSES and verdict.off_topic:
        return OFF_TOPIC
    return verdict.status.value


@dataclass(frozen=True)
class Problem:
    path: str
    verdict: Verdict

    @property
    def kind(self) -> str:
        return problem_kind(self.verdict)


def problems(report: Report) -> Iterator[Problem]:
    """Every problem reference, in file order and reference order."""
    for file in report.files:
        yield from file_problems(file)


def file_problems(file: FileReport) -> Iterator[Problem]:
    """The problem references of one file, in reference order."""
    for verdict in file.verdicts:
        if is_problem(verdict):
            yield Problem(file.path, verdict)


def file_errors(report: Report) -> list[FileReport]:
    return [f for f in report.files if f.error is not None]


def who(reference: Reference) -> str:
    """'Berman 2000'; the first words of the entry when no author was parsed. A study the
    page cites only by an inline link is labelled as a link: 'link: Berman 2000'."""
    if reference.authors:  # (an author the parser took wrongly may be a long title)
        label = f"{shorten(family_name(reference.authors[0]), 30)} {reference.year or 'n.d.'}"
    else:
        label = shorten(" ".join(reference.raw.split()[:3]), 30) or "?"
    return f"link: {label}" if reference.origin == "link" else label


def title_of(reference: Reference, width: int = 90) -> str:
    return shorten(reference.title or reference.raw, width)


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def doi_url(doi: str) -> str:
    # DOIs may hold '#', '?', '%', '<' or spaces; doi.org resolves the percent-encoded form.
    return "https://doi.org/" + quote(doi, safe="/()[]:;.-_~")


def pubmed_url(pmid: str) -> str:
    return f"https://pubmed.ncbi.nlm.nih.gov/{quote(pmid, safe='')}/"


def links(record: Record | None) -> list[tuple[str, str]]:
    """(label, url) for the found record: its DOI, then its PubMed entry."""
    if record is None:
        return []
    found = []
    if record.doi:
        found.append((f"doi:{record.doi}", doi_url(record.doi)))
    if record.pmid:
        found.append((f"PMID {record.pmid}", pubmed_url(record.pmid)))
    return found


def explanation(verdict: Verdict) -> list[str]:
    """The lines that say what is wrong: each disagreeing field, then the warnings, the
    sentences citing the work off topic, and the corrected entry."""
    lines = [f"{m.field.value}: {m.cited} -> {m.found}" for m in verdict.mismatches]
    if verdict.status is Status.NOT_FOUND:
        lines.append("no matching record in Crossref or PubMed: likely fabricated")
    lines.extend(verdict.warnings)
    lines.extend(claim_lines(verdict))
    if verdict.suggestion:
        lines.append(f"corrected entry: {verdict.suggestion}")
    return lines


def off_topic_claims(verdict: Verdict) -> list[Claim]:
    return [claim for claim in verdict.claims if claim.topic is Topic.OFF_TOPIC]


def claim_lines(verdict: Verdict) -> list[str]:
    """One line per sentence that cites the work for something it is not about."""
    return [
        f"off topic (line {c.line}): {c.why}: “{shorten(c.sentence, 200)}”"
        for c in off_topic_claims(verdict)
    ]


def grouping_key(verdict: Verdict) -> tuple[str, str]:
    """Problem references that cite the same work the same wrong way share this key.

    The work is its first author, year and title with case, accents and punctuation
    folded away, so an APA and a Vancouver rendering of one fabricated paper on two pages
    count as one; with no parsed title, the entry's text (numbering and spacing folded).
    """
    reference = verdict.reference
    if reference.title and (reference.authors or reference.year):
        first = fold(family_name(reference.authors[0])) if reference.authors else ""
        work = f"{first}|{reference.year or ''}|{fold(reference.title)}"
    else:
        text = re.sub(r"^\s*(?:\[\d+\]|\d+[.)])\s*", "", reference.raw)
        work = " ".join(text.casefold().split())
    return work, problem_kind(verdict)
