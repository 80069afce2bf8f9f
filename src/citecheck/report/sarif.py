"""SARIF 2.1.0, for code-scanning annotations (GitHub, GitLab, Azure DevOps...).

One result per problem reference, located at the document and the line where the entry
starts; one rule per kind of problem, with the level CI users expect (a reference that
does not exist or was retracted is an error, a wrong detail a warning, a reference that
could not be checked a note). A document that could not be read is an error result too,
so it shows up where people look, and a tool-execution notification as well.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from citecheck import __version__
from citecheck.model import OFF_TOPIC, RETRACTED, Claim, FileReport, Report, Summary, Verdict
from citecheck.report.problems import (
    ADVICE,
    Problem,
    explanation,
    file_problems,
    links,
    off_topic_claims,
    problems,
    who,
)

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/citecheck/"
FILE_ERROR = "file_error"
SRCROOT = "%SRCROOT%"

# id -> (name, level, short description); ids are the statuses of --fail-on, so a rule
# reads the same in a SARIF viewer as on the command line.
RULES: dict[str, tuple[str, str, str]] = {
    "not_found": ("CitationNotFound", "error", "Cited work not found in Crossref or PubMed"),
    RETRACTED: ("CitedWorkRetracted", "error", "Cited work has been retracted"),
    "mismatched": ("CitationMismatch", "warning", "Citation details disagree with the record"),
    "unverified": ("CitationUnverified", "note", "Citation could not be checked"),
    OFF_TOPIC: (
        "CitationOffTopic",
        "warning",
        "Work cited for what it is not about",
    ),
    FILE_ERROR: ("DocumentUnreadable", "error", "Document could not be read or has no references"),
}
RULE_HELP = {
    **ADVICE,
    "not_found": ADVICE["not_found"] + ". Remove it or replace it with the real source.",
    "mismatched": ADVICE["mismatched"] + ": correct them from the found record.",
    "unverified": ADVICE["unverified"] + ": run again later, or with a cache.",
    OFF_TOPIC: ADVICE[OFF_TOPIC] + ": check the claim, or cite a work that supports it.",
    FILE_ERROR: "citecheck could not read the document, or found no reference list in it.",
}
_RULE_INDEX = {rule_id: index for index, rule_id in enumerate(RULES)}


def artifact_uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId) for a path as the user named it.

    Relative paths stay relative to %SRCROOT%, which is what code scanning needs to put an
    alert on a file of the repository; absolute ones become file: URIs. Both are
    percent-encoded, since a page's name may hold spaces or '#'.
    """
    if path == "-":
        return "stdin", None
    if PureWindowsPath(path).is_absolute() and not path.startswith("/"):
        return PureWindowsPath(path).as_uri(), None
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return posix.as_uri(), None
    parts = [part for part in posix.parts if part != "."]
    return quote("/".join(parts), safe="/"), SRCROOT


def _location(path: str, line: int) -> dict[str, Any]:
    uri, base = artifact_uri(path)
    artifact: dict[str, Any] = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    return {
        "physicalLocation": {"artifactLocation": artifact, "region": {"startLine": max(line, 1)}}
    }


def _message(verdict: Verdict, rule_id: str) -> str:
    reference = verdict.reference
    short = RULES[rule_id][2]
    lines = [f"Reference [{reference.index}] {who(reference)}: {short[0].lower()}{short[1:]}."]
    lines += explanation(verdict)
    lines += [f"found: {url}" for _, url in links(verdict.match)]
    lines.append(f"cited as: {' '.join(reference.raw.split())}")
    return "\n".join(lines)


def _fingerprint(*parts: str) -> str:
    """Stable across runs and line moves, so code scanning tracks one alert per citation."""
    joined = "\x1f".join(" ".join(part.casefold().split()) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def _fixes(path: str, verdict: Verdict) -> list[dict[str, Any]]:
    """The corrected entry as a SARIF fix: the entry's line replaced by the suggestion."""
    if not verdict.suggestion:
        return []
    location = _location(path, verdict.reference.line)["physicalLocation"]
    line = max(verdict.reference.line, 1)
    return [
        {
            "description": {"text": "Replace the entry with the found record, in the list's style"},
            "artifactChanges": [
                {
                    "artifactLocation": location["artifactLocation"],
                    "replacements": [
                        {
                            "deletedRegion": {"startLine": line, "endLine": line},
                            "insertedContent": {"text": verdict.suggestion + "\n"},
                        }
                    ],
                }
            ],
        }
    ]


def _claim_result(path: str, verdict: Verdict, claim: Claim) -> dict[str, Any]:
    """An off-topic citation: a finding of its own, on the citing sentence's line."""
    reference = verdict.reference
    text = (
        f"Reference [{reference.index}] {who(reference)} is cited for something it is not "
        f"about: {claim.why}.\nsentence: {claim.sentence}"
    )
    return {
        "ruleId": OFF_TOPIC,
        "ruleIndex": _RULE_INDEX[OFF_TOPIC],
        "level": RULES[OFF_TOPIC][1],
        "message": {"text": text},
        "locations": [_location(path, claim.line)],
        "partialFingerprints": {
            "citecheck/v1": _fingerprint(path, reference.raw, claim.sentence, OFF_TOPIC)
        },
        "properties": {"index": reference.index, "status": verdict.status.value},
    }


def _results(problem: Problem) -> list[dict[str, Any]]:
    """The reference's finding (unless it is only cited off topic), then each off-topic
    citation of it."""
    found = [] if problem.kind == OFF_TOPIC else [_result(problem)]
    claims = off_topic_claims(problem.verdict)
    return found + [_claim_result(problem.path, problem.verdict, c) for c in claims]


def _result(problem: Problem) -> dict[str, Any]:
    verdict = problem.verdict
    rule_id = problem.kind
    reference = verdict.reference
    fixes = _fixes(problem.path, verdict)
    return {
        **({"fixes": fixes} if fixes else {}),
        "ruleId": rule_id,
        "ruleIndex": _RULE_INDEX[rule_id],
        "level": RULES[rule_id][1],
        "message": {"text": _message(verdict, rule_id)},
        "locations": [_location(problem.path, reference.line)],
        "partialFingerprints": {"citecheck/v1": _fingerprint(problem.path, reference.raw, rule_id)},
        "properties": {
            "index": reference.index,
            "status": verdict.status.value,
            "retracted": verdict.retracted,
            "foundDoi": verdict.match.doi if verdict.match else None,
            "foundPmid": verdict.match.pmid if verdict.match else None,
        },
    }


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule_id,
            "name": name,
            "shortDescription": {"text": short},
            "fullDescription": {"text": RULE_HELP[rule_id]},
            "help": {"text": RULE_HELP[rule_id]},
            "helpUri": INFORMATION_URI,
            "defaultConfiguration": {"level": level},
            "properties": {"tags": ["citations", "references"]},
        }
        for rule_id, (name, level, short) in RULES.items()
    ]


def _file_error(file: FileReport) -> tuple[dict[str, Any], dict[str, Any]]:
    """The result and the tool-execution notification for a document that could not be read."""
    message = f"{file.path}: {file.error}"
    result = {
        "ruleId": FILE_ERROR,
        "ruleIndex": _RULE_INDEX[FILE_ERROR],
        "level": "error",
        "message": {"text": message},
        "locations": [_location(file.path, 1)],
        "partialFingerprints": {"citecheck/v1": _fingerprint(file.path, FILE_ERROR)},
    }
    notification = {
        "level": "error",
        "message": {"text": message},
        "locations": [_location(file.path, 1)],
    }
    return result, notification


def _artifact(path: str) -> dict[str, Any]:
    uri, base = artifact_uri(path)
    location = {"uri": uri, **({"uriBaseId": base} if base else {})}
    return {"location": location, "roles": ["analysisTarget"]}


def _log(
    results: list[Any], notifications: list[dict[str, Any]], artifacts: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citecheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": _rules(),
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": True,  # it ran; unreadable files are results
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "artifacts": artifacts,
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def to_dict(report: Report) -> dict[str, Any]:
    results = [result for problem in problems(report) for result in _results(problem)]
    errors = [_file_error(file) for file in report.files if file.error is not None]
    results += [result for result, _ in errors]
    artifacts = [_artifact(file.path) for file in report.files]
    return _log(results, [notification for _, notification in errors], artifacts)


_RESULTS = "\x00results\x00"  # stands for the results array until it is written
_RESULT_DEPTH = 4  # runs[0].results[i] sits four levels down


class Writer:
    """Spools one result per problem as each file arrives; the log around them (rules,
    notifications, artifacts) is written at the end, the spooled results inside it."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self._count = 0
        self._errors: list[tuple[dict[str, Any], dict[str, Any]]] = []
        self._artifacts: list[dict[str, Any]] = []

    def _spool_result(self, result: dict[str, Any]) -> None:
        text = json.dumps(result, indent=2, ensure_ascii=False)
        indent = "\n" + "  " * _RESULT_DEPTH
        self._spool.write(("," if self._count else "") + indent + text.replace("\n", indent))
        self._count += 1

    def add(self, file: FileReport) -> None:
        for problem in file_problems(file):
            for result in _results(problem):
                self._spool_result(result)
        if file.error is not None:
            self._errors.append(_file_error(file))
        self._artifacts.append(_artifact(file.path))

    def finish(self, summary: Summary, files_skipped: int = 0) -> None:
        for result, _ in self._errors:
            self._spool_result(result)
        notifications = [notification for _, notification in self._errors]
        text = json.dumps(
            _log([_RESULTS], notifications, self._artifacts), indent=2, ensure_ascii=False
        )
        marker = json.dumps([_RESULTS], indent=2).replace("\n", "\n" + "  " * (_RESULT_DEPTH - 1))
        head, tail = text.split(marker)
        self._out.write(head + "[")
        self._spool.seek(0)
        shutil.copyfileobj(self._spool, self._out)
        self._spool.close()
        self._out.write(("\n" + "  " * (_RESULT_DEPTH - 1) if self._count else "") + "]")
        self._out.write(tail + "\n")


def render(report: Report) -> str:
    return json.dumps(to_dict(report), indent=2, ensure_ascii=False) + "\n"
