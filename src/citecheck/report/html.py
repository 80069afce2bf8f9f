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
from collections import defaultdict
from dataclasses import asdict
from html import escape
from urllib.parse import quote

from citecheck import __version__
from citecheck.model import FileReport, Record, Reference, Report, Verdict
from citecheck.report.assets import SCRIPT, STYLE
from citecheck.report.problems import (
    ADVICE,
    LABELS,
    SEVERITY_ORDER,
    Problem,
    claim_lines,
    clean,
    file_errors,
    grouping_key,
    links,
    problems,
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


def _counts(report: Report) -> dict[str, int]:
    return asdict(report.summary())


def _totals(report: Report) -> str:
    names = {
        "files": "files",
        "references": "references",
        "errors": "unreadable files",
        "without_references": "without references",
    }
    items = []
    for key, count in _counts(report).items():
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


def _chart(report: Report) -> str:
    def badness(file: FileReport) -> tuple[int, int, str]:
        bad = sum(1 for v in file.verdicts if v.status.value in ("mismatched", "not_found"))
        return (-1 if file.error else 0, -bad, file.path)

    legend = "".join(
        f'<span class="key"><span class="swatch s-{status}"></span>{_e(LABELS[status])}</span>'
        for status in BAR_STATUSES
    )
    rows = "".join(_bar(f) for f in sorted(report.files, key=badness))
    return (
        '<section id="chart"><h2>Statuses per page</h2>'
        f'<p class="legend">{legend}</p>'
        '<p class="hint">Worst pages first. Click a page to list its problems.</p>'
        f'<div class="bars">{rows}</div></section>'
    )


def _repeated(found: list[Problem]) -> str:
    groups: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for problem in found:
        groups[grouping_key(problem.verdict)].append(problem)
    repeated = []
    for members in groups.values():
        pages = sorted({p.path for p in members})
        if len(pages) > 1:
            repeated.append((pages, members))
    repeated.sort(key=lambda item: (-len(item[0]), item[1][0].verdict.reference.raw))
    parts = ['<section id="repeated"><h2>Most repeated problems</h2>']
    if not repeated:
        parts.append("<p>No problem reference appears on more than one page.</p></section>")
        return "".join(parts)
    items = [_repeated_item(pages, members) for pages, members in repeated[:REPEATED_MAX]]
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


def _repeated_item(pages: list[str], members: list[Problem]) -> str:
    first = members[0]
    verdict = first.verdict
    wordings = len({" ".join(m.verdict.reference.raw.split()) for m in members})
    sentence = f"This reference appears on {len(pages)} pages and {DOES[first.kind]}."
    if wordings > 1:
        sentence += f" It is written in {wordings} different ways."
    # Every distinct disagreement across the pages, not just the first page's.
    diffs = dict.fromkeys(
        (m.field.value, m.cited, m.found) for p in members for m in p.verdict.mismatches
    )
    details = "".join(f"<li>{_e(f)}: {_e(c)} → {_e(v)}</li>" for f, c, v in diffs)
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


def _table(found: list[Problem]) -> str:
    kinds = {kind: sum(1 for p in found if p.kind == kind) for kind in SEVERITY_ORDER}
    boxes = "".join(
        f'<label class="chk"><input type="checkbox" name="status" value="{kind}" checked> '
        f"{_badge(kind)} {count}</label>"
        for kind, count in kinds.items()
    )
    advice = "".join(
        f"<li>{_badge(kind)} {_e(ADVICE[kind])}</li>" for kind, count in kinds.items() if count
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
        f'<span class="shown">showing <output id="shown-count">{len(found)}</output> '
        f'of <span id="problem-total">{len(found)}</span></span></div>'
        f'<table id="problem-table"><thead><tr>{heads}</tr></thead><tbody>'
        + "".join(_row(p) for p in found)
        + "</tbody></table>"
        + ("" if found else '<p class="none">No problems: every reference checked out.</p>')
        + "</section>"
    )


def _errors(report: Report) -> str:
    errors = file_errors(report)
    if not errors:
        return ""
    rows = "".join(f"<tr><td>{_e(f.path)}</td><td>{_e(f.error)}</td></tr>" for f in errors)
    return (
        '<section id="errors"><h2>Files that could not be checked</h2>'
        f'<table class="errors"><thead><tr><th>file</th><th>why</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def render(report: Report) -> str:
    found = list(problems(report))
    pages = len({p.path for p in found})
    files = _plural(len(report.files), "page")
    title = f"citecheck: {_plural(len(found), 'problem')} on {pages} of {files}"
    body = "".join(
        [
            "<header><h1>citecheck report</h1>",
            f"<p>{_e(title)}. References checked against Crossref and PubMed by "
            f"citecheck {_e(__version__)}.</p></header>",
            _totals(report),
            _chart(report),
            _repeated(found),
            _table(found),
            _errors(report),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(_csp(SCRIPT))}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}<script>{SCRIPT}</script></body></html>\n"
    )
