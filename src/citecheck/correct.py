"""`citecheck fix`: a corrected copy of a document, its mismatched references replaced by
the found records (suggest/fix.py), never written over the original unless asked."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from citecheck.check import Options, check_paths
from citecheck.extract import InputError, load
from citecheck.extract.text import decode
from citecheck.model import Status
from citecheck.settings import Settings
from citecheck.suggest.fix import FIXABLE, corrected, unified_diff

__all__ = ["Correction", "correct", "write"]


@dataclass(frozen=True)
class Correction:
    path: str
    before: str
    after: str
    corrected: int  # references replaced
    mismatched: int  # references found mismatched (some may have had no suggestion)

    @property
    def diff(self) -> str:
        return unified_diff(self.before, self.after, self.path)


def correct(path: str, settings: Settings) -> Correction:
    """Check `path` and correct its mismatched references; InputError for a document that
    cannot be read or is not text, Markdown or BibTeX."""
    document = load(path)
    if document.kind not in FIXABLE:
        raise InputError(
            f"fix writes text, Markdown and BibTeX documents, not {document.kind.value}"
        )
    before = decode(Path(path).read_bytes())
    report = check_paths([path], settings, replace(Options(), claims=False))
    [file] = report.files
    if file.error is not None:
        raise InputError(file.error)
    after, changed = corrected(before, document.kind, file.verdicts)
    mismatched = sum(1 for v in file.verdicts if v.status is Status.MISMATCHED)
    return Correction(path, before, after, changed, mismatched)


def write(correction: Correction, output: Path | None, in_place: bool) -> Path:
    """Write the corrected copy: to `output`, over the original (after a NAME.bak backup)
    when `in_place`, else beside it as NAME.corrected.EXT."""
    source = Path(correction.path)
    if in_place:
        shutil.copy2(source, source.with_name(source.name + ".bak"))
        target = source
    else:
        target = output or source.with_name(f"{source.stem}.corrected{source.suffix}")
    target.write_text(correction.after, encoding="utf-8")
    return target
