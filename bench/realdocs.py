"""How well citecheck finds and splits the reference lists of real documents.

The documents are public files that nobody on the project wrote (journal article pages of
a dozen publishers, Wikipedia articles, news pages, Word manuscripts, and PDFs), listed
with their origin and licence in bench/realdocs/<type>.json together with the truth
counted independently of citecheck (bench/realdocs_truth.py says how). They are not in
this repository: the script reads them from the snapshots the `fetch` tool brings to
/work/.mirror (`fetch github:ContentMine/norma`, `fetch github:microlinkhq/metascraper`,
`fetch github:papis/papis`, `fetch github:petermr/amilib`, `fetch
github:wikimedia/mediawiki-services-mobileapps`, `fetch github:postlight/parser`, `fetch
github:jgm/pandoc`, ... one per repository named in the manifests), at the commit the
manifest records.

Printed per document type (and per kind of document within it):
- list recall: the share of true entries found as an entry of their own (an entry is
  recognised by its anchor: the first author's family name, the year and a few title
  words, all present in the found entry's words);
- list precision: the share of found entries that hold exactly one true entry (split
  right: not merged with the next, not a fragment or a stray line);
- field accuracy: on journal references with known true fields, the share of fields
  (first author, year, title, journal, volume, pages, and the DOI where the entry states
  one) that citecheck's parser gets right from the entry it found;
- merged checked: found entries holding two or more true entries that citecheck would
  still look up (not flagged as holding two works): each could be called verified for
  one work or fabricated for the other; the target is 0;
- invented: entries found on pages that have no reference list; the target is 0;
- links: inline study links found / true, on pages without a list;
- documents per second, reading and finding the entries (not parsing); for PDFs also
  pages per second.

Run:      python bench/realdocs.py [--mirror /work/.mirror] [--type html] [-v] [--misses]
Baseline: /work/baseline/.venv/bin/python bench/realdocs.py   (the code before this
          session; it imports whichever citecheck the interpreter has installed)
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck.extract import InputError, load
from citecheck.model import Entry
from citecheck.parse import parse_entry
from citecheck.references import find_entries

HERE = Path(__file__).resolve().parent
MANIFESTS = HERE / "realdocs"
TWO_WORKS_WORDS = "two works"
FIELDS = ("author", "year", "title", "journal", "volume", "pages", "doi")
SHOW_MISSES = False  # --misses: print each journal reference's wrong fields


@dataclass
class Tally:
    documents: int = 0
    true_entries: int = 0
    recalled: int = 0
    found_entries: int = 0
    split_right: int = 0
    fields: int = 0
    fields_right: int = 0
    merged_checked: int = 0
    merged_flagged: int = 0
    invented: int = 0
    links_found: int = 0
    links_true: int = 0
    seconds: float = 0.0
    pages: int = 0  # of the PDFs, for pages per second
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, list):
                getattr(self, name).extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)


def tokens(text: str) -> set[str]:
    """Lower-case ASCII words and numbers; "2006a" also counts as "2006", and a compound
    "mass-ratio" also as "massratio" (the truth read by poppler, which joins a compound
    broken at a line end, has it so)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = set(re.findall(r"[a-z0-9]+", text))
    glued = {
        a + b
        for compound in re.findall(r"[a-z]+(?:-[a-z]+)+", text)
        for a, b in itertools.pairwise(compound.split("-"))
    }
    return words | glued | {w[:4] for w in words if re.fullmatch(r"(?:1[5-9]|20)\d\d[a-z]", w)}


def read(mirror: Path, document: dict[str, Any]) -> bytes:
    folder = mirror / document["repository"].replace("/", "+") / "repo"
    where = f"{document['commit']}:{document['path']}"
    done = subprocess.run(["git", f"--git-dir={folder}", "show", where], capture_output=True)
    if done.returncode:
        raise FileNotFoundError(
            f"{document['repository']} {where} is not in {folder}: "
            f"fetch github:{document['repository']}"
        )
    return done.stdout


def entries_of(path: str) -> tuple[list[Entry], list[Entry]]:
    """The list entries citecheck takes from a document (its reader's structured lists,
    else the text finder's), and its inline study links."""
    document = load(path)
    lists = getattr(document, "lists", ())
    listed = [e for entries in lists for e in entries] if lists else find_entries(document.text)
    return listed, list(getattr(document, "links", ()))


def score(document: dict[str, Any], listed: list[Entry], links: list[Entry]) -> Tally:
    tally = Tally(documents=1, links_found=len(links), links_true=document.get("links", 0))
    truth = [entry for found_list in document["lists"] for entry in found_list["entries"]]
    if not truth:
        tally.invented = len(listed)
        return tally
    anchors = [frozenset(entry["anchor"].split()) for entry in truth]
    words = [tokens(entry.raw) for entry in listed]
    holders: list[list[int]] = []
    weak = {n for n, entry in enumerate(truth) if entry.get("weak")}
    for found in words:
        held = [n for n, anchor in enumerate(anchors) if anchor and anchor <= found]
        # A work a page lists twice has the same anchor twice, and a weak anchor (no word
        # of its own) can sit in another entry's words: neither makes a merge.
        distinct = {anchors[n] for n in held if n not in weak}
        # One work held: the one with a strong anchor (a weak one may be in its words too).
        strong = [n for n in held if n not in weak] or held
        holders.append(held if len(distinct) > 1 else strong[:1])
    tally.true_entries = len(truth)
    tally.found_entries = len(listed)
    found_anchors = {anchors[n] for held in holders for n in held}
    tally.recalled = sum(1 for anchor in anchors if anchor in found_anchors)
    tally.split_right = sum(1 for held in holders if len(held) == 1)
    for entry, held in zip(listed, holders, strict=True):
        if len(held) > 1:
            warnings = getattr(entry, "warnings", ())  # (the baseline's Entry has none)
            flagged = any(TWO_WORKS_WORDS in warning for warning in warnings)
            tally.merged_flagged += flagged
            tally.merged_checked += not flagged
    for n, true in enumerate(truth):
        if "fields" not in true:
            continue
        mine = [entry for entry, held in zip(listed, holders, strict=True) if held == [n]]
        right, total = _fields_right(true["fields"], mine[0] if mine else None)
        tally.fields += total
        tally.fields_right += right
    return tally


def _fields_right(true: dict[str, Any], entry: Entry | None) -> tuple[int, int]:
    wanted = {name: value for name, value in true.items() if value not in (None, "")}
    if entry is None:
        if SHOW_MISSES:
            print(f"    miss the whole entry (not found on its own): {true}", file=sys.stderr)
        return 0, len(wanted)
    # A DOI counts where the page states it (many list pages do not; the true fields come
    # from the article's XML): the other fields are in every complete reference.
    if "doi" in wanted and str(wanted["doi"]).lower() not in entry.raw.lower():
        del wanted["doi"]
    reference = parse_entry(entry)
    got: dict[str, Any] = {
        "author": _family(reference.authors[0]) if reference.authors else None,
        "year": reference.year,
        "title": reference.title,
        "journal": reference.journal,
        "volume": reference.volume,
        "pages": reference.pages,
        "doi": reference.doi,
    }
    right = [name for name, value in wanted.items() if _same(name, value, got[name])]
    if SHOW_MISSES and len(right) < len(wanted):
        misses = "; ".join(
            f"{name}: {wanted[name]!r} got {got[name]!r}" for name in wanted if name not in right
        )
        print(f"    miss {misses}\n         in {entry.raw[:300]!r}", file=sys.stderr)
    return len(right), len(wanted)


def _family(author: str) -> str:
    """The family name of a parsed "Family Initials" author, all its words ("Marcano
    Belisario JS" -> "Marcano Belisario", "de Bruyn M" -> "de Bruyn")."""
    return re.sub(r"\s+[A-Z]{1,4}$", "", author)


def _same(name: str, true: Any, got: Any) -> bool:
    if got in (None, ""):
        return False
    if name == "year":
        return int(true) == int(got)
    if name == "pages":  # the first page decides; "351-4" and "351–354" agree
        return _words(str(true)).split(" ")[0] == _words(str(got)).split(" ")[0]
    if name == "author":
        return _words(str(true)).split(" ")[-1] in _words(str(got)).split(" ")
    if name == "doi":
        return str(true).lower().rstrip(".") == str(got).lower().rstrip(".")
    return _words(str(true)) == _words(str(got))


def _words(text: str) -> str:
    """Lower-case ASCII words joined by one space ("Biol. Psychiatry" -> "biol psychiatry")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def run(mirror: Path, kinds: list[str], verbose: bool) -> dict[str, dict[str, Tally]]:
    results: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    with tempfile.TemporaryDirectory() as folder:
        for manifest in sorted(MANIFESTS.glob("*.json")):
            payload = json.loads(manifest.read_text())
            kind = payload["type"]
            if kinds and kind not in kinds:
                continue
            for document in payload["documents"]:
                suffix = Path(document["path"]).suffix or ".html"
                path = Path(folder) / f"{document['id']}{suffix}"
                try:
                    path.write_bytes(read(mirror, document))
                except FileNotFoundError as error:
                    results[kind][document["kind"]].errors.append(str(error))
                    continue
                start = time.perf_counter()
                try:
                    listed, links = entries_of(str(path))
                except InputError as error:
                    listed, links = [], []
                    results[kind][document["kind"]].errors.append(f"{document['id']}: {error}")
                seconds = time.perf_counter() - start
                tally = score(document, listed, links)
                tally.seconds = seconds
                tally.pages = _pages(path) if suffix == ".pdf" else 0
                results[kind][document["kind"]].add(tally)
                if verbose:
                    _show(document, tally)
    return results


def _show(document: dict[str, Any], t: Tally) -> None:
    print(
        f"  {document['id']:40} true {t.true_entries:4} found {t.found_entries:4} "
        f"recalled {t.recalled:4} split right {t.split_right:4} fields "
        f"{t.fields_right}/{t.fields} merged {t.merged_checked}+{t.merged_flagged} "
        f"invented {t.invented} links {t.links_found}/{t.links_true} {t.seconds:.2f}s",
        file=sys.stderr,
    )


def _pages(path: Path) -> int:
    """A PDF's page count (pdfminer: the baseline's interpreter has it too), untimed."""
    from pdfminer.pdfpage import PDFPage

    with path.open("rb") as handle:
        return sum(1 for _ in PDFPage.get_pages(handle))


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  -  "


def table(results: dict[str, dict[str, Tally]]) -> str:
    header = (
        f"{'type':8} {'kind':10} {'docs':>4} {'recall':>7} {'precision':>9} {'fields':>7} "
        f"{'merged checked':>14} {'invented':>8} {'links':>9} {'docs/s':>7} {'pages/s':>7}"
    )
    lines = [header, "-" * len(header)]
    for kind in sorted(results):
        total = Tally()
        rows = sorted(results[kind].items())
        for _, tally in rows:
            total.add(tally)
        for label, tally in [*rows, ("all", total)]:
            lines.append(
                f"{kind:8} {label:10} {tally.documents:4} "
                f"{_ratio(tally.recalled, tally.true_entries):>7} "
                f"{_ratio(tally.split_right, tally.found_entries):>9} "
                f"{_ratio(tally.fields_right, tally.fields):>7} {tally.merged_checked:>14} "
                f"{tally.invented:>8} {f'{tally.links_found}/{tally.links_true}':>9} "
                f"{tally.documents / tally.seconds if tally.seconds else 0:7.1f} "
                f"{f'{tally.pages / tally.seconds:.1f}' if tally.pages else '-':>7}"
            )
        for error in total.errors:
            lines.append(f"  not read: {error}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--type", action="append", default=[], help="html, docx, pdf...")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per document")
    parser.add_argument(
        "--misses", action="store_true", help="print the wrong fields of each journal reference"
    )
    args = parser.parse_args()
    global SHOW_MISSES
    SHOW_MISSES = args.misses
    print(table(run(args.mirror, args.type, args.verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
