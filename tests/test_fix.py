"""`citecheck fix`: a corrected copy and its diff, never the original unless --in-place."""

from __future__ import annotations

import shutil
from pathlib import Path

from fakes import FakeServices
from test_cli import run


def test_fix_writes_a_corrected_copy_and_prints_the_diff(
    services: FakeServices, example_path: Path, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(example_path, page)
    result = run("fix", str(page))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"--- {page}\n+++ {page} (corrected)\n")
    assert "-  • Berman, R. M., et al. (2000)." in result.stdout
    assert "+  • Berman, R. M., Cappiello, A., Anand, A." in result.stdout
    assert "1 reference(s) corrected" in result.stderr
    assert page.read_text(encoding="utf-8") == example_path.read_text(encoding="utf-8")
    fixed = (tmp_path / "page.corrected.txt").read_text(encoding="utf-8")
    assert "Biological Psychiatry, 47(4), 351–354." in fixed
    assert "Archives of General Psychiatry" not in fixed


def test_fix_in_place_keeps_a_backup(
    services: FakeServices, example_path: Path, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(example_path, page)
    assert run("fix", "--in-place", str(page)).returncode == 0
    assert (tmp_path / "page.txt.bak").read_text(encoding="utf-8") == example_path.read_text(
        encoding="utf-8"
    )
    assert "Biological Psychiatry, 47(4)" in page.read_text(encoding="utf-8")


def test_fix_refuses_documents_it_cannot_write(services: FakeServices, tmp_path: Path) -> None:
    page = Path(__file__).parent / "data" / "extract" / "article.html"
    result = run("fix", str(page))
    assert result.returncode == 2
    assert "fix writes text, Markdown and BibTeX documents, not html" in result.stderr
    assert "Traceback" not in result.stderr
