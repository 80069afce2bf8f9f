"""Tagged bibliographic exports: RIS ("TY  - JOUR") and MEDLINE/nbib ("PMID- 123").

Both are one field per line ("TAG  - value"), with continuation lines; RIS records end at
"ER  -", MEDLINE records start at "PMID-". Small and regular enough to read here, which
also gives the line on which each record starts.
"""

from __future__ import annotations

import re

from citecheck.extract.structured import _IGNORE, Record

_RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_NBIB_LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*- (.*)$")
_RIS_KINDS = {
    "JOUR": "article", "JFULL": "article", "EJOUR": "article", "ABST": "article",
    "MGZN": "article", "NEWS": "article", "INPR": "article", "BOOK": "book", "EBOOK": "book",
    "EDBOOK": "book", "CHAP": "chapter", "ECHAP": "chapter", "CONF": "conference paper",
    "CPAPER": "conference paper", "THES": "thesis", "RPRT": "report", "GOVDOC": "report",
    "STAND": "report", "ELEC": "web page", "WEB": "web page", "BLOG": "web page",
    "UNPB": "preprint", "DATA": "dataset",
}  # fmt: skip
RIS_SNIFF = re.compile(r"^\s*TY  - [A-Z]{2,6}\s*$", re.MULTILINE)
NBIB_SNIFF = re.compile(r"^PMID- \d+", re.MULTILINE)


def _fields(lines: list[tuple[int, str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for _, tag, value in lines:
        out.setdefault(tag, []).append(value.strip())
    return out


def ris_records(text: str) -> list[Record]:
    records: list[Record] = []
    current: list[tuple[int, str, str]] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        match = _RIS_LINE.match(line.rstrip())
        if match:
            tag, value = match.group(1), match.group(2) or ""
            if tag == "TY":
                current, start = [], number
            if tag == "ER":
                if current:
                    records.append(_ris_record(start, current))
                current = []
                continue
            current.append((number, tag, value))
        elif current and line.strip():
            n, tag, value = current[-1]
            current[-1] = (n, tag, f"{value} {line.strip()}")
    if current:
        records.append(_ris_record(start, current))
    return records


def _first(f: dict[str, list[str]], *tags: str) -> str:
    for tag in tags:
        for value in f.get(tag, []):
            if value:
                return value
    return ""


def _ris_record(line: int, lines: list[tuple[int, str, str]]) -> Record:
    f = _fields(lines)
    kind = _RIS_KINDS.get(_first(f, "TY"), "")
    container = _first(f, "T2", "JO", "JF", "JA", "BT", "J2")
    if not kind:
        kind = "article" if container and _first(f, "VL") else "web page"
    first, last = _first(f, "SP"), _first(f, "EP")
    year = re.search(r"\d{4}", _first(f, "PY", "Y1", "DA"))
    authors = f.get("AU", []) + f.get("A1", [])
    editors = f.get("ED", []) + (f.get("A2", []) if kind in ("chapter", "conference paper") else [])
    return Record(
        line=line,
        kind=kind,
        authors=authors,
        editors=editors,
        title=_first(f, "TI", "T1", "CT"),
        container=container,
        year=year.group(0) if year else "",
        volume=_first(f, "VL"),
        issue=_first(f, "IS"),
        pages=f"{first}-{last}" if first and last and last != first else first,
        publisher=_first(f, "PB"),
        place=_first(f, "CY"),
        edition=_first(f, "ET"),
        doi=_first(f, "DO"),
        url=_first(f, "UR"),
        ignored=any(_IGNORE.search(value) for _, _, value in lines),
    )


def nbib_records(text: str) -> list[Record]:
    records: list[Record] = []
    current: list[tuple[int, str, str]] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        match = _NBIB_LINE.match(line.rstrip())
        if match:
            tag = match.group(1)
            if tag == "PMID":
                if current:
                    records.append(_nbib_record(start, current))
                current, start = [], number
            current.append((number, tag, match.group(2)))
        elif current and line.startswith("      ") and line.strip():
            n, tag, value = current[-1]
            current[-1] = (n, tag, f"{value} {line.strip()}")
    if current:
        records.append(_nbib_record(start, current))
    return records


def _nbib_record(line: int, lines: list[tuple[int, str, str]]) -> Record:
    f = _fields(lines)
    types = " ".join(f.get("PT", [])).lower()
    kind = "article"
    if "preprint" in types:
        kind = "preprint"
    elif _first(f, "BTI") or "book" in types:
        kind = "chapter" if _first(f, "BTI") and _first(f, "TI") else "book"
    doi = ""
    for value in f.get("AID", []) + f.get("LID", []):
        if value.endswith("[doi]"):
            doi = value[: -len("[doi]")].strip()
            break
    year = re.search(r"\d{4}", _first(f, "DP"))
    pmid = _first(f, "PMID")
    return Record(
        line=line,
        kind=kind,
        authors=f.get("AU", []) or f.get("FAU", []),
        title=_first(f, "TI", "BTI"),
        container=_first(f, "TA", "JT"),
        year=year.group(0) if year else "",
        volume=_first(f, "VI"),
        issue=_first(f, "IP"),
        pages=_first(f, "PG"),
        publisher=_first(f, "PB"),
        place=_first(f, "PL"),
        doi=doi,
        pmid=pmid if pmid.strip("0") else "",
        ignored=any(_IGNORE.search(value) for _, _, value in lines),
    )
