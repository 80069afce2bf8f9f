"""One self-contained HTML page for an auditor: totals, statuses per page, the references
that recur as problems across pages, and a sortable, filterable table of every problem
with the cited and found values side by side.

Everything a page said is untrusted: it is escaped with html.escape (attributes too), and
a Content-Security-Policy lets the page load nothing and run only its own script (pinned
by hash), so even a mistake in escaping could not fetch or run anything. The report reads
fully without JavaScript; the script only filters and sorts. The filter state lives in the
URL fragment (`#status=not_found&q=fava&page=site/a.html`), so a filtered view can be
linked to.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import tempfile
from dataclasses import asdict
from html import escape
from io import StringIO
from typing import TextIO
from urllib.parse import quote

from citecheck import __version__
from citecheck.model import FileReport, Record, Reference, Report, Summary, Verdict
from citecheck.report.assets import SCRIPT, STYLE
from citecheck.report.problems import (
    ADVICE,
    LABELS,
    SEVERITY_ORDER,
    Problem,
    claim_lines,
    clean,
    file_problems,
    grouping_key,
    links,
    shorten,
    who,
)

# Segments of a page's bar, in the order drawn.
BAR_STATUSES = ("verified", "mismatched", "not_found", "unverified", "skipped", "ignored")
FIELDS = ("title", "authors", "journal", "year", "volume", "issue", "pages", "doi", "pmid")
REPEATED_SHOWN = 8  # open on the page; the next ones (up to REPEATED_MAX) folded
REPEATED_MAX = 100
# What a repeated problem reference "does", for the sentence "appears on N pages and ...".
DOES = {
    "not_found": "does not exist in Crossref or PubMed (likely fabricated)",
    "mismatched": "is cited with wrong details",
    "retracted": "cites a retracted work",
    "unverified": "could not be checked",
}


def _e(value: object) -> str:
    return escape(clean(str(value)), quote=True)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; form-action 'none'; base-uri 'none'"
    )


def _totals(summary: Summary) -> str:
    names = {
        "files": "files",
        "references": "references",
        "errors": "unreadable files",
        "without_references": "without references",
    }
    items = []
    for key, count in asdict(summary).items():
        label = names.get(key) or LABELS[key]
        items.append(
            f'<li class="total t-{key}"><span class="n" id="count-{key}">{count}</span>'
            f" {_e(label)}</li>"
        )
    return '<ul class="totals">' + "".join(items) + "</ul>"


def _bar(file: FileReport) -> str:
    counts = dict.fromkeys(BAR_STATUSES, 0)
    for verdict in file.verdicts:
        counts[verdict.status.value] += 1
    total = sum(counts.values())
    link = f"#page={quote(file.path, safe='')}"
    label = f'<a class="bar-label" href="{_e(link)}" title="{_e(file.path)}">{_e(file.path)}</a>'
    if file.error is not None:
        body = f'<span class="bar-error">{_e(file.error)}</span>'
        return f'<div class="bar-row">{label}<div class="bar">{body}</div><span></span></div>'
    segments = "".join(
        f'<span class="seg s-{status}" style="width:{100 * count / total:.2f}%" '
        f'title="{count} {_e(LABELS[status])}"></span>'
        for status, count in counts.items()
        if count
    )
    return (
        f'<div class="bar-row">{label}<div class="bar">{segments}</div>'
        f'<span class="bar-n">{total}</span></div>'
    )


def _badness(file: FileReport) -> tuple[int, int, str]:
    """Sorts the worst pages first: unreadable ones, then by their problems."""
    bad = sum(1 for v in file.verdicts if v.status.value in ("mismatched", "not_found"))
    return (-1 if file.error else 0, -bad, file.path)


def _chart(bars: list[tuple[tuple[int, int, str], str]]) -> str:
    legend = "".join(
        f'<span class="key"><span class="swatch s-{status}"></span>{_e(LABELS[status])}</span>'
        for status in BAR_STATUSES
    )
    rows = "".join(bar for _, bar in sorted(bars))
    return (
        '<section id="chart"><h2>Statuses per page</h2>'
        f'<p class="legend">{legend}</p>'
        '<p class="hint">Worst pages first. Click a page to list its problems.</p>'
        f'<div class="bars">{rows}</div></section>'
    )


class _Group:
    """One problem reference as it recurs across pages: what the report says of it."""

    def __init__(self, first: Problem) -> None:
        self.first = first
        self.pages: set[str] = set()
        self.wordings: set[str] = set()
        # Every distinct disagreement across the pages, not just the first page's.
        self.diffs: dict[tuple[str, str, str], None] = {}

    def add(self, problem: Problem) -> None:
        self.pages.add(problem.path)
        self.wordings.add(" ".join(problem.verdict.reference.raw.split()))
        self.diffs.update(
            dict.fromkeys((m.field.value, m.cited, m.found) for m in problem.verdict.mismatches)
        )


def _repeated(groups: dict[tuple[str, str], _Group]) -> str:
    repeated = [group for group in groups.values() if len(group.pages) > 1]
    repeated.sort(key=lambda group: (-len(group.pages), group.first.verdict.reference.raw))
    parts = ['<section id="repeated"><h2>Most repeated problems</h2>']
    if not repeated:
        parts.append("<p>No problem reference appears on more than one page.</p></section>")
        return "".join(parts)
    items = [_repeated_item(group) for group in repeated[:REPEATED_MAX]]
    parts.append('<ol class="repeated">' + "".join(items[:REPEATED_SHOWN]) + "</ol>")
    if len(items) > REPEATED_SHOWN:
        more = len(items) - REPEATED_SHOWN
        parts.append(
            f"<details><summary>{_plural(more, 'more repeated problem')}</summary>"
            f'<ol class="repeated" start="{REPEATED_SHOWN + 1}">'
            + "".join(items[REPEATED_SHOWN:])
            + "</ol></details>"
        )
    if len(repeated) > REPEATED_MAX:
        parts.append(f"<p>…and {len(repeated) - REPEATED_MAX} more, each on fewer pages.</p>")
    parts.append("</section>")
    return "".join(parts)


def _repeated_item(group: _Group) -> str:
    first = group.first
    verdict = first.verdict
    pages = sorted(group.pages)
    sentence = f"This reference appears on {len(pages)} pages and {DOES[first.kind]}."
    if len(group.wordings) > 1:
        sentence += f" It is written in {len(group.wordings)} different ways."
    details = "".join(f"<li>{_e(f)}: {_e(c)} → {_e(v)}</li>" for f, c, v in group.diffs)
    page_list = "".join(f"<li>{_e(page)}</li>" for page in pages)
    return (
        f'<li class="rep" data-status="{first.kind}"><p>{_badge(first.kind)} '
        f"<strong>{_e(sentence)}</strong></p>"
        f'<blockquote class="raw">{_e(verdict.reference.raw)}</blockquote>'
        + (f'<ul class="diffs">{details}</ul>' if details else "")
        + _links(verdict.match)
        + f"<details><summary>{_plural(len(pages), 'page')}</summary><ul>{page_list}</ul>"
        "</details></li>"
    )


def _badge(kind: str) -> str:
    return f'<span class="badge b-{kind}">{_e(LABELS[kind])}</span>'


def _links(record: Record | None) -> str:
    found = links(record)
    if not found:
        return ""
    anchors = ", ".join(
        f'<a href="{_e(url)}" rel="noopener noreferrer" target="_blank">{_e(label)}</a>'
        for label, url in found
    )
    return f'<p class="found">found record: {anchors}</p>'


def _field(obj: Reference | Record, name: str) -> str:
    value = getattr(obj, name)
    if name == "authors":
        shown = ", ".join(value[:3])
        return shown + (", et al." if len(value) > 3 or getattr(obj, "et_al", False) else "")
    return "" if value is None else str(value)


def _comparison(verdict: Verdict) -> str:
    differing = {m.field.value for m in verdict.mismatches}
    record = verdict.match
    head = "<tr><th></th><th>cited</th>" + ("<th>found</th>" if record else "") + "</tr>"
    rows = []
    for name in FIELDS:
        cited = _field(verdict.reference, name)
        found = _field(record, name) if record else ""
        if not cited and not found:
            continue
        css = ' class="diff"' if name in differing else ""
        cells = f"<td>{_e(cited)}</td>" + (f"<td>{_e(found)}</td>" if record else "")
        rows.append(f"<tr{css}><th>{name}</th>{cells}</tr>")
    notes = "".join(f"<li>{_e(w)}</li>" for w in verdict.warnings)
    claims = "".join(f"<li>{_e(line)}</li>" for line in claim_lines(verdict))
    suggestion = (
        f'<p class="suggestion">corrected entry: <code>{_e(verdict.suggestion)}</code></p>'
        if verdict.suggestion
        else ""
    )
    return (
        (f'<table class="cmp">{head}{"".join(rows)}</table>' if rows else "")
        + (f'<ul class="notes">{notes}</ul>' if notes else "")
        + (f'<ul class="claims">{claims}</ul>' if claims else "")
        + suggestion
        + _links(record)
    )


def _row(problem: Problem) -> str:
    verdict = problem.verdict
    reference = verdict.reference
    kind = problem.kind
    severity = SEVERITY_ORDER.index(kind)
    return (
        f'<tr class="problem" data-status="{kind}" data-page="{_e(problem.path)}">'
        f'<td class="page">{_e(problem.path)}</td>'
        f'<td class="num">{reference.index}</td>'
        f'<td class="num">{reference.line or ""}</td>'
        f"<td><strong>{_e(who(reference))}</strong>"
        f'<div class="raw">{_e(shorten(reference.raw, 600))}</div></td>'
        f'<td data-key="{severity}">{_badge(kind)}</td>'
        f'<td class="cmp-cell">{_comparison(verdict)}</td></tr>'
    )


def _table_head(kinds: dict[str, int]) -> str:
    total = sum(kinds.values())
    boxes = "".join(
        f'<label class="chk"><input type="checkbox" name="status" value="{kind}" checked> '
        f"{_badge(kind)} {kinds.get(kind, 0)}</label>"
        for kind in SEVERITY_ORDER
    )
    advice = "".join(
        f"<li>{_badge(kind)} {_e(ADVICE[kind])}</li>" for kind in SEVERITY_ORDER if kinds.get(kind)
    )
    heads = (
        '<th data-type="text">page</th><th data-type="number">#</th>'
        '<th data-type="number">line</th><th data-type="text">reference</th>'
        '<th data-type="key">status</th><th class="nosort">cited and found</th>'
    )
    return (
        '<section id="problems"><h2>Problems</h2>'
        + (f'<ul class="advice">{advice}</ul>' if advice else "")
        + '<div class="filters" role="search">'
        '<input id="q" type="search" placeholder="filter: any text" aria-label="filter text">'
        '<input id="page" type="search" placeholder="page" aria-label="page">'
        f"{boxes}"
        f'<span class="shown">showing <output id="shown-count">{total}</output> '
        f'of <span id="problem-total">{total}</span></span></div>'
        f'<table id="problem-table"><thead><tr>{heads}</tr></thead><tbody>'
    )


def _table_tail(total: int) -> str:
    return (
        "</tbody></table>"
        + ("" if total else '<p class="none">No problems: every reference checked out.</p>')
        + "</section>"
    )


def _errors(errors: list[FileReport]) -> str:
    if not errors:
        return ""
    rows = "".join(f"<tr><td>{_e(f.path)}</td><td>{_e(f.error)}</td></tr>" for f in errors)
    return (
        '<section id="errors"><h2>Files that could not be checked</h2>'
        f'<table class="errors"><thead><tr><th>file</th><th>why</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


class Writer:
    """Spools the problem rows as each file arrives and keeps only what the top of the page
    needs (a bar per page, the recurring problems, counts); writes the page at the end."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._rows = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self._bars: list[tuple[tuple[int, int, str], str]] = []
        self._groups: dict[tuple[str, str], _Group] = {}
        self._kinds: dict[str, int] = dict.fromkeys(SEVERITY_ORDER, 0)
        self._pages_with_problems = 0
        self._errors: list[FileReport] = []

    def add(self, file: FileReport) -> None:
        self._bars.append((_badness(file), _bar(file)))
        if file.error is not None:
            self._errors.append(FileReport(file.path, error=file.error))
        found = list(file_problems(file))
        self._pages_with_problems += bool(found)
        for problem in found:
            self._kinds[problem.kind] += 1
            self._rows.write(_row(problem))
            key = grouping_key(problem.verdict)
            if key not in self._groups:
                self._groups[key] = _Group(problem)
            self._groups[key].add(problem)

    def finish(self, summary: Summary, files_skipped: int = 0) -> None:
        total = sum(self._kinds.values())
        files = _plural(summary.files, "page")
        title = f"citecheck: {_plural(total, 'problem')} on {self._pages_with_problems} of {files}"
        out = self._out
        out.write(
            "<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{_e(_csp(SCRIPT))}">'
            '<meta name="referrer" content="no-referrer">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>"
            "<header><h1>citecheck report</h1>"
            f"<p>{_e(title)}. References checked against Crossref and PubMed by "
            f"citecheck {_e(__version__)}.</p></header>"
        )
        out.write(_totals(summary) + _chart(self._bars) + _repeated(self._groups))
        out.write(_table_head(self._kinds))
        self._rows.seek(0)
        shutil.copyfileobj(self._rows, out)
        self._rows.close()
        out.write(_table_tail(total) + _errors(self._errors))
        out.write(f"<script>{SCRIPT}</script></body></html>\n")


def render(report: Report) -> str:
    buffer = StringIO()
    writer = Writer(buffer)
    for file in report.files:
        writer.add(file)
    writer.finish(report.summary(), report.files_skipped)
    return buffer.getvalue()
