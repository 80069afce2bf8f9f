"""HALLMARK's public development split, checked by citecheck against a world of its works.

    python bench/hallmark.py [--mirror PATH] [--styles acl,apa,ieee,bibtex] [--details F]

Needs the HALLMARK repository mirrored first (`fetch github:rpatrik96/hallmark`, MIT
licence; the default PATH is /work/.mirror/rpatrik96+hallmark/repo). Only
data/v1.0/dev_public.jsonl is read (1,119 entries); the test splits are never opened.
Nothing of HALLMARK is committed: this script reads it at run time.

1. bench/hallmark_world.py builds the world of real works the entries point to (how, and
   what is made up where an entry does not say, is written there), served by the local
   fakes: Crossref for published works, DataCite for arXiv preprints;
2. bench/hallmark_render.py writes the entries as reference lists in three citation
   styles and as BibTeX (40 entries a document);
3. citecheck checks each style's documents (in this process: bench/fakeworld.py);
4. per hallucination type: how many entries citecheck reports as a problem (mismatched,
   not found, retracted) and the statuses; for VALID entries, how many it wrongly reports;
   problem precision and recall over all entries.

Measure the code before this session's work with the baseline's interpreter:
    /work/baseline/.venv/bin/python bench/hallmark.py
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakeworld import Held, check, is_problem, serving
from hallmark_render import STYLES, bibtex, render
from hallmark_world import (
    MIRROR,
    Work,
    World,
    build,
    commit,
    container,
    load_entries,
    plain,
)

PER_DOCUMENT = 40
VOLUMES = {"AAAI": 1986, "NeurIPS": 1987}  # volume = year - this


def held(work: Work) -> Held:
    """A world work as the fakes hold it: Crossref's proceedings/journal records, or
    DataCite's arXiv preprints (resourceTypeGeneral Preprint, publisher arXiv)."""
    if work.registry == "datacite":
        return Held(
            doi=work.doi,
            title=work.title,
            authors=tuple((p.family, p.given) for p in work.authors),
            journal="arXiv",
            journal_abbrev="arXiv",
            year=work.year,
            type="posted-content",
            publisher="arXiv",
            in_crossref=False,
            in_datacite=True,
            resource_type="Preprint",
            arxiv=work.doi.split("arxiv.")[-1],
            relations=work.relations,
        )
    title, short, kind = container(work.venue or "", work.year)
    base = VOLUMES.get(work.venue or "")
    return Held(
        doi=work.doi,
        title=work.title,
        authors=tuple((p.family, p.given) for p in work.authors),
        journal=title,
        journal_abbrev=short,
        year=work.year,
        type=kind,
        volume=str(work.year - base) if base else None,
    )


def write_documents(folder: Path, entries: list[dict[str, Any]], styles: list[str]) -> dict:
    """Each style's documents; returns {path: [entry, ...]} in list order."""
    written: dict[str, list[dict[str, Any]]] = {}
    for style in styles:
        (folder / style).mkdir()
        for start in range(0, len(entries), PER_DOCUMENT):
            chunk = entries[start : start + PER_DOCUMENT]
            name = f"{start // PER_DOCUMENT + 1:02d}." + ("bib" if style == "bibtex" else "txt")
            path = folder / style / name
            text = bibtex(chunk) if style == "bibtex" else render(style, chunk)
            path.write_text(text, encoding="utf-8")
            written[str(path)] = chunk
    return written


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", plain(text).lower())


def outcomes(report: Any, written: dict[str, list[dict[str, Any]]]) -> tuple[dict, list[str]]:
    """The verdict of each entry, by key, and the documents whose list citecheck split
    otherwise. A verdict belongs to the next entry whose title its text contains, so an
    entry merged into its neighbour or lost is counted as lost, not given a neighbour's
    verdict."""
    found: dict[str, Any] = {}
    misread = []
    for file_report in report.files:
        expected = written.get(file_report.path, [])
        if file_report.error or len(file_report.verdicts) != len(expected):
            misread.append(
                f"{file_report.path}: {file_report.error or len(file_report.verdicts)} "
                f"(expected {len(expected)} references)"
            )
        at = 0
        for verdict in file_report.verdicts:
            raw = _letters(verdict.reference.raw)
            for k in range(at, len(expected)):
                if _letters(expected[k]["fields"].get("title", ""))[:60] in raw:
                    found[expected[k]["bibtex_key"]] = verdict
                    at = k + 1
                    break
    return found, misread


def table(entries: list[dict[str, Any]], verdicts: dict[str, Any]) -> list[str]:
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        kind = entry.get("hallucination_type") or "VALID"
        verdict = verdicts.get(entry["bibtex_key"])
        status = verdict.status.value if verdict else "lost"
        rows[kind][status] += 1
        rows[kind]["problem"] += bool(verdict and is_problem(verdict))
        rows[kind]["n"] += 1
    statuses = ("verified", "mismatched", "not_found", "skipped", "unverified", "lost")
    head = f"{'type':24} {'n':>4} {'caught':>7} " + " ".join(f"{s[:9]:>9}" for s in statuses)
    out = [head]
    for kind in sorted(rows, key=lambda k: (k == "VALID", k)):
        c = rows[kind]
        share = c["problem"] / c["n"]
        label = "flagged" if kind == "VALID" else "caught"
        cells = " ".join(f"{c[s]:>9}" for s in statuses)
        out.append(
            f"{kind:24} {c['n']:>4} {share:>7.3f} {cells}"
            + ("  (flagged: false problems)" if label == "flagged" else "")
        )
    fake = sum(rows[k]["n"] for k in rows if k != "VALID")
    caught = sum(rows[k]["problem"] for k in rows if k != "VALID")
    false = rows["VALID"]["problem"]
    precision = caught / (caught + false) if caught + false else 0.0
    out.append(
        f"problem precision {precision:.3f}  recall {caught / fake:.3f}  "
        f"({caught} of {fake} hallucinated reported, {false} of {rows['VALID']['n']} valid)"
    )
    return out


def details(style: str, entries: list[dict[str, Any]], verdicts: dict[str, Any]) -> list[dict]:
    out = []
    for entry in entries:
        v = verdicts.get(entry["bibtex_key"])
        out.append(
            {
                "style": style,
                "key": entry["bibtex_key"],
                "type": entry.get("hallucination_type") or "VALID",
                "status": v.status.value if v else "lost",
                "raw": v.reference.raw if v else None,
                "kind": getattr(v.reference, "kind", None) if v else None,
                "venue": getattr(v.reference, "journal", None) if v else None,
                "mismatches": [[m.field.value, m.cited, m.found] for m in v.mismatches]
                if v
                else [],
                "warnings": list(v.warnings) if v else [],
                "found": v.match.doi if v and v.match else None,
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--styles", default=",".join((*STYLES, "bibtex")))
    parser.add_argument("--details", type=Path, help="write every verdict here (JSON lines)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N entries")
    args = parser.parse_args(argv)
    if not args.mirror.exists():
        parser.error(f"no mirror at {args.mirror}: fetch github:rpatrik96/hallmark first")
    entries = load_entries(args.mirror)
    if args.limit:
        entries = entries[: args.limit]
    world: World = build(entries)
    records = [held(w) for w in world.works]
    preprints = sum(w.registry == "datacite" for w in world.works)
    import citecheck

    print(f"HALLMARK {commit(args.mirror)[:12]} dev_public: {len(entries)} entries")
    print(f"citecheck {citecheck.__file__}")
    print(f"world: {len(records) - preprints} works on Crossref, {preprints} preprints on DataCite")
    styles = [s for s in args.styles.split(",") if s]
    lines: list[dict] = []
    with (
        tempfile.TemporaryDirectory(prefix="hallmark-") as tmp,
        serving(records),
    ):
        written = write_documents(Path(tmp), entries, styles)
        for style in styles:
            started = time.monotonic()
            paths = sorted(p for p in written if Path(p).parent.name == style)
            report = check(paths)
            verdicts, misread = outcomes(report, written)
            print(f"\n== {style}: {len(paths)} documents, {time.monotonic() - started:.0f} s")
            for line in misread[:5]:
                print(f"  list misread: {line}")
            print("\n".join(table(entries, verdicts)))
            lines += details(style, entries, verdicts)
    if args.details:
        args.details.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
