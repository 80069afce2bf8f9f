"""Folder walking for batch audits: globs, hidden entries, symlinks, counts and errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citecheck import extract
from citecheck.walk import glob_to_regex, matches, walk


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("References\n1. x\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    touch(
        root,
        "index.html",
        "about.md",
        "notes.txt",
        "logo.png",
        "style.css",
        ".hidden.md",
        ".git/HEAD.txt",
        "blog/2021/post.md",
        "blog/2021/post.html",
        "blog/drafts/wip.md",
        "archive/old/page.htm",
        "archive/new.txt",
    )
    return root


def rel(root: Path, files: tuple[str, ...]) -> list[str]:
    return [Path(f).relative_to(root).as_posix() for f in files]


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.md", "about.md", True),
        ("*.md", "blog/2021/post.md", True),  # no "/": any depth, like .gitignore
        ("blog/*.md", "blog/2021/post.md", False),  # "*" never crosses "/"
        ("blog/**/*.md", "blog/2021/post.md", True),
        ("blog/**/*.md", "blog/post.md", True),  # "**/" can be no folder at all
        ("**/drafts/**", "blog/drafts/wip.md", True),
        ("drafts", "blog/drafts", True),
        ("blog/**", "blog/a/b/c.txt", True),
        ("blog/**", "blogs/a.txt", False),
        ("page?.md", "page1.md", True),
        ("page?.md", "page10.md", False),
        ("page[0-9].md", "page7.md", True),
        ("page[!0-9].md", "pagex.md", True),
        ("page[!0-9].md", "page7.md", False),
        ("./blog/*.md", "blog/a.md", True),
        ("a+b(1).md", "a+b(1).md", True),  # regex characters are literal
        ("*.MD", "a.md", False),  # case matters, as on the file system
    ],
)
def test_glob_rules(pattern: str, path: str, expected: bool) -> None:
    assert bool(glob_to_regex(pattern).match(path)) is expected
    assert matches(path, [pattern]) is expected


def test_walks_documents_in_order_and_counts_what_it_skips(site: Path) -> None:
    result = walk([str(site)])
    assert rel(site, result.files) == [
        "about.md",
        "index.html",
        "notes.txt",
        "archive/new.txt",
        "archive/old/page.htm",
        "blog/2021/post.html",
        "blog/2021/post.md",
        "blog/drafts/wip.md",
    ]
    # logo.png, style.css, .hidden.md and the .git folder (not entered).
    assert result.skipped_count == 4
    assert result.errors == ()


def test_include_and_exclude(site: Path) -> None:
    result = walk([str(site)], include=["*.md", "*.html"], exclude=["drafts", "archive/**"])
    assert rel(site, result.files) == [
        "about.md",
        "index.html",
        "blog/2021/post.html",
        "blog/2021/post.md",
    ]
    # + notes.txt (not included), archive and drafts (excluded folders, not entered)
    assert result.skipped_count == 4 + 3


def test_reads_the_supported_extensions_at_call_time(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    touch(site, "paper.newformat")
    assert "paper.newformat" not in rel(site, walk([str(site)]).files)
    grown = dict(extract.SUPPORTED_EXTENSIONS)
    grown[".newformat"] = next(iter(grown.values()))
    monkeypatch.setattr(extract, "SUPPORTED_EXTENSIONS", grown)
    assert "paper.newformat" in rel(site, walk([str(site)]).files)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_follows_no_symlink_out_of_the_tree(tmp_path: Path) -> None:
    root = tmp_path / "site"
    outside = tmp_path / "outside"
    touch(root, "a.md", "sub/b.md")
    touch(outside, "secret.md")
    (root / "out.md").symlink_to(outside / "secret.md")
    (root / "outdir").symlink_to(outside, target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "alias.md").symlink_to(root / "sub" / "b.md")
    (root / "broken.md").symlink_to(root / "missing.md")
    result = walk([str(root)])
    # alias.md comes first in sorted order and is the same file as sub/b.md: kept once.
    assert rel(root, result.files) == ["a.md", "alias.md"]
    assert not any("secret" in f for f in result.files)
    # out.md, broken.md, sub/b.md (already kept as alias.md), outdir and loop.
    assert result.skipped_count == 5


def test_named_files_are_kept_unless_excluded(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    result = walk(["logo.png", "./blog/drafts/wip.md", "about.md", "-"], exclude=["drafts"])
    assert result.files == ("logo.png", "about.md", "-")
    assert result.skipped_count == 1


def test_missing_paths_are_errors_and_duplicates_are_dropped(site: Path) -> None:
    result = walk([str(site / "about.md"), str(site / "nope.md"), str(site / "about.md")])
    assert result.files == (str(site / "about.md"),)
    assert result.errors == ((str(site / "nope.md"), "no such file or folder"),)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any folder")
def test_an_unreadable_folder_is_an_error(site: Path) -> None:
    locked = site / "blog"
    locked.chmod(0)
    try:
        result = walk([str(site)])
    finally:
        locked.chmod(0o755)
    assert any("cannot read folder" in message for _, message in result.errors)
