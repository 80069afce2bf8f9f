"""Expand the paths a user named into the documents to check, for batch audits.

    walk(["site/"], include=["**/*.html"], exclude=["drafts", "**/old/**"])

Folders are searched recursively, in sorted order. Globs match the path relative to the
folder that was named, with `/` as separator on every OS:
  - `*` and `?` never cross a `/`; `**` matches any number of folders (also none);
  - a pattern without `/` matches a name at any depth (`*.md`, `drafts`), as in .gitignore;
  - an excluded folder is not entered at all.
A file found in a folder is kept when it is a document (its extension is one that
citecheck.extract reads, looked up at call time as that list grows), matches an include
pattern (when there are any) and no exclude pattern. A file named explicitly is kept
whatever its extension (it was asked for), unless an exclude pattern matches the path as
given: pre-commit and shell globs pass files one by one, and an exclusion should hold.

Hidden files and folders (`.git`, `.cache`) are skipped, and so are symbolic links that
lead out of the named folder; no symlinked folder is entered (its target, when inside the
tree, is walked anyway; entering it could loop). Everything passed over is counted.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from citecheck import extract

__all__ = ["WalkResult", "glob_to_regex", "matches", "walk"]


@dataclass(frozen=True)
class WalkResult:
    """The documents to check, how many entries were passed over, and (path, message)
    for each named path that could not be used."""

    files: tuple[str, ...]
    skipped_count: int
    errors: tuple[tuple[str, str], ...]


@functools.lru_cache(maxsize=256)
def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """A compiled regex for one glob (see the module docstring for the rules)."""
    pattern = pattern.replace("\\", "/").strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")  # zero or more whole folders
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            start = i + 2 if pattern[i + 1 : i + 2] in ("!", "]") else i + 1
            end = pattern.find("]", start)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1 : end]
                negate = body.startswith("!")
                body = body[1:] if negate else body
                body = body.replace("\\", "\\\\")
                if body.startswith("^"):
                    body = "\\" + body
                # A negated class never matches the separator either.
                out.append(f"[^/{body}]" if negate else f"[{body}]")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    body = "".join(out)
    # Unanchored patterns match the last parts of the path ("a/b/drafts" for "drafts").
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{body}$", re.DOTALL)


def matches(relative: str, patterns: Sequence[str]) -> bool:
    """Whether the `/`-separated relative path matches any of the globs."""
    return any(glob_to_regex(p).match(relative) for p in patterns)


def _is_document(name: str) -> bool:
    # Read the mapping now, not at import: supported formats are being added to it.
    return Path(name).suffix.lower() in extract.SUPPORTED_EXTENSIONS


class _Walker:
    def __init__(self, include: Sequence[str], exclude: Sequence[str]) -> None:
        self.include = tuple(include)
        self.exclude = tuple(exclude)
        self.files: list[str] = []
        self.errors: list[tuple[str, str]] = []
        self.skipped = 0
        self.documents = 0  # documents met in folders, a second name for one included
        self._seen: set[str] = set()

    def add(self, path: str, real: str | None = None) -> bool:
        """Keep `path` unless the same file was kept already (under another name)."""
        key = real or os.path.realpath(path)
        if key in self._seen:
            return False
        self._seen.add(key)
        self.files.append(path)
        return True

    def named_file(self, path: str) -> None:
        relative = Path(path).as_posix()
        relative = relative[2:] if relative.startswith("./") else relative
        parts = relative.split("/")
        # Excluded itself, or inside an excluded folder ("drafts" holds "drafts/a.md").
        folders = ["/".join(parts[:n]) for n in range(1, len(parts))]
        if self.exclude and (
            matches(relative, self.exclude)
            or any(matches(f, self.exclude) or matches(f + "/", self.exclude) for f in folders)
        ):
            self.skipped += 1
        else:
            self.add(path)

    def folder(self, root: str) -> None:
        real_root = Path(root).resolve()

        def unreadable(error: OSError) -> None:
            where = error.filename or root
            self.errors.append((str(where), f"cannot read folder: {error.strerror or error}"))

        for folder, dirs, names in os.walk(root, onerror=unreadable, followlinks=False):
            relative_folder = Path(os.path.relpath(folder, root)).as_posix()
            base = "" if relative_folder == "." else relative_folder + "/"
            kept_dirs = []
            for name in sorted(dirs):
                if self._enters(Path(folder) / name, base + name):
                    kept_dirs.append(name)
                else:
                    self.skipped += 1
            dirs[:] = kept_dirs
            for name in sorted(names):
                self._file(Path(folder) / name, base + name, real_root)

    def _enters(self, full: Path, relative: str) -> bool:
        if full.name.startswith(".") or full.is_symlink():
            return False
        # "drafts/**" excludes the folder itself too: test it as "drafts/" as well.
        return not self.exclude or not (
            matches(relative, self.exclude) or matches(relative + "/", self.exclude)
        )

    def _file(self, full: Path, relative: str, real_root: Path) -> None:
        if full.name.startswith(".") or not _is_document(full.name):
            self.skipped += 1
            return
        if self.include and not matches(relative, self.include):
            self.skipped += 1
            return
        if self.exclude and matches(relative, self.exclude):
            self.skipped += 1
            return
        real = full.resolve()
        if full.is_symlink() and not real.is_relative_to(real_root):
            self.skipped += 1  # a link out of the tree: not what the folder holds
            return
        if not real.is_file():
            self.skipped += 1  # a broken link, a socket, a FIFO...
            return
        self.documents += 1
        if not self.add(str(full), str(real)):
            self.skipped += 1  # a second name (a link) for a file already kept


def walk(
    paths: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> WalkResult:
    """The documents under `paths` ("-" stands for standard input and is kept as is)."""
    walker = _Walker(include, exclude)
    for path in paths:
        if path == "-":
            walker.add("-", "-")
        elif Path(path).is_dir():
            before = (walker.documents, len(walker.errors))
            walker.folder(path)
            if (walker.documents, len(walker.errors)) == before:
                # Checking nothing and passing would be a false all-clear.
                walker.errors.append((path, "no documents to check in this folder"))
        elif Path(path).exists():
            walker.named_file(path)
        elif Path(path).is_symlink():
            walker.errors.append((path, "broken symbolic link"))
        else:
            walker.errors.append((path, "no such file or folder"))
    return WalkResult(tuple(walker.files), walker.skipped, tuple(walker.errors))
