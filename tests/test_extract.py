"""citecheck.extract: loading files/stdin, HTML and Markdown reduction; folder walks."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from citecheck.extract import InputError, load
from citecheck.extract.html import html_to_text
from citecheck.extract.markdown import markdown_to_text, strip_line
from citecheck.model import DocumentKind
from citecheck.parse import parse_entry
from citecheck.references import find_entries
from citecheck.walk import walk

DATA = Path(__file__).resolve().parent / "data" / "extract"
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "ketamine-clinic-pain.txt"


def _data(name: str) -> str:
    return str(DATA / name)


# ---- load: kinds and encodings ------------------------------------------------------------

KINDS = [
    ("article.html", DocumentKind.HTML),
    ("broken.html", DocumentKind.HTML),
    ("article.md", DocumentKind.MARKDOWN),
    ("crlf.txt", DocumentKind.TEXT),
    ("saved_page", DocumentKind.HTML),  # no extension: sniffed
    ("README", DocumentKind.TEXT),  # no extension: sniffed
]


@pytest.mark.parametrize(("name", "kind"), KINDS)
def test_kind(name: str, kind: DocumentKind) -> None:
    assert load(_data(name)).kind is kind


def test_fixture_keeps_line_numbers() -> None:
    text = load(str(FIXTURE)).text
    assert text.split("\n")[42].strip().startswith("• Berman")


DECODED = [
    ("crlf.txt", "References\n\n1. Smith J. Title. J Test. 2000;1:1-2.\n"),
    ("bom.txt", "References\n\n1. Müller K. Title. J Test. 2000;1:1-2.\n"),
    (
        "latin1.txt",
        "References\n\n1. Müller K. Title of a study about café workers in Zürich. "
        "J Test. 2000;1:1-2.\n",
    ),
]


@pytest.mark.parametrize(("name", "text"), DECODED)
def test_decoding(name: str, text: str) -> None:
    assert load(_data(name)).text == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("References\n\n1. Müller K.\n".encode("utf-16"))
    assert load(str(path)).text == "References\n\n1. Müller K.\n"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"<html><body><p>From a pipe</p></body></html>"))
    monkeypatch.setattr(sys, "stdin", fake)
    document = load("-")
    assert (document.path, document.kind, document.text) == (
        "-",
        DocumentKind.HTML,
        "From a pipe\n",
    )


# ---- load: errors -------------------------------------------------------------------------

ERRORS = [
    ("does-not-exist.txt", "no such file"),
    ("empty.txt", "the file is empty"),
    ("blank.txt", "the file is empty"),
    ("blob.dat", "not a text document (binary data)"),
    ("paper.pdf", "damaged or truncated PDF"),
    ("nothing.html", "no readable text in the HTML"),
    ("", "is a folder, not a file"),
]


@pytest.mark.parametrize(("name", "message"), ERRORS)
def test_input_errors(name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        load(_data(name))
    assert str(caught.value) == message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("References\n")
    path.chmod(0)
    with pytest.raises(InputError, match=r"^cannot read: permission denied$"):
        load(str(path))


def test_binary_with_text_extension(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(InputError, match=r"^not a text document \(PNG image\)$"):
        load(str(path))


# ---- HTML ---------------------------------------------------------------------------------


def test_html_page_main_content_only() -> None:
    text = load(_data("article.html")).text
    for chrome in (
        "Example Clinic",
        "Home",
        "cookies",
        "Popular posts",
        "Privacy",
        "rights reserved",
        "JavaScript",
        "dataLayer",
        "font-family",
    ):
        assert chrome not in text, chrome


def test_html_page_layout() -> None:
    lines = load(_data("article.html")).text.split("\n")
    assert lines[:3] == ["Ketamine Infusion Therapy: A Promising Approach", "", lines[2]]
    assert "Second paragraph" in lines and "with a line break." in lines
    assert "References" in lines
    assert sum(1 for line in lines if line.startswith("- ")) == 3


def test_html_reference_list_end_to_end() -> None:
    references = [parse_entry(e) for e in find_entries(load(_data("article.html")).text)]
    got = [(r.authors[0], r.journal, r.year, r.doi, r.pmid) for r in references]
    assert got == [
        ("Berman RM", "Biol Psychiatry", 2000, "10.1016/s0006-3223(99)00230-9", None),
        ("Li N", "Science", 2010, None, "20724638"),
        ("Duman RS", "Science", 2012, "10.1126/science.1222939", None),
    ]


def test_broken_html() -> None:
    entries = find_entries(load(_data("broken.html")).text)
    assert [e.raw[:9] for e in entries] == ["Berman RM", "Li N, Lee"]


HTML_CASES = [
    ("<p>a  \n  b</p><p>c</p>", "a b\n\nc\n"),
    ("<ul><li>one</li><li>two</li></ul>", "- one\n- two\n"),
    ("<ol><li><p>one</p></li></ol>", "- one\n"),
    ("<h2>Refs</h2>text", "Refs\n\ntext\n"),
    ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc\n"),
    ("<dl><dt>term</dt><dd>definition</dd></dl>", "term\ndefinition\n"),
    ("<blockquote>quoted</blockquote>after", "quoted\n\nafter\n"),
    ("x<br>y<br/>z", "x\ny\nz\n"),
    ('<a href="https://doi.org/10.1000/ABC">link</a>', "link https://doi.org/10.1000/ABC\n"),
    ('<a href="https://doi.org/10.1000/abc">doi:10.1000/ABC</a>', "doi:10.1000/ABC\n"),
    ('<a href="https://doi.org/10.1000%2Fx">x</a>', "x https://doi.org/10.1000/x\n"),
    ("<div class='navbar'>menu</div><p>body text</p>", "body text\n"),
    ("<div class='canvas-wrapper'><p>kept</p></div>", "kept\n"),
    ("<main class='menu-open'><p>main text</p></main>", "main text\n"),
    ("<div role='navigation'>x</div><p>y</p>", "y\n"),
    ("<p hidden>secret</p><p style='display: none'>no</p><p>yes</p>", "yes\n"),
    ("<p>a<!-- comment --> b</p>", "a b\n"),
    ("<form id='aspnetForm'><p>whole page inside a form</p></form>", "whole page inside a form\n"),
    ("<div class='wrap-with-sidebar'><p>whole page</p></div><p>x</p>", "whole page\n\nx\n"),
    ("<p>caf&eacute;&nbsp;au&#160;lait</p>", "café au lait\n"),
    (
        "<aside><h2>References</h2><ol><li>Ref one</li></ol></aside><p>x</p>",
        "References\n\n- Ref one\n\nx\n",
    ),
    ("<pre>line 1\nline 2</pre>", "line 1\nline 2\n"),
    ("", ""),
]


@pytest.mark.parametrize(("markup", "text"), HTML_CASES)
def test_html_to_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_prefers_main_when_it_holds_most_text() -> None:
    markup = "<div>Sidebar words</div><main>" + "<p>Main content here.</p>" * 5 + "</main>"
    assert "Sidebar" not in html_to_text(markup)


def test_ignores_small_main() -> None:
    markup = "<main><p>tiny</p></main>" + "<p>Most of the page text is outside.</p>" * 5
    assert "Most of the page" in html_to_text(markup)


# ---- Markdown -----------------------------------------------------------------------------

MARKDOWN_LINES = [
    ("## References", "References"),
    ("# Title #", "Title"),
    ("Some **bold** and __strong__ text", "Some bold and strong text"),
    ("*Biol Psychiatry*. 2000", "Biol Psychiatry. 2000"),
    ("_Science_ 329", "Science 329"),
    (
        "see [the paper](https://doi.org/10.1016/S0006-3223(99)00230-9).",
        "see the paper https://doi.org/10.1016/S0006-3223(99)00230-9.",
    ),
    ("<https://example.org>", "https://example.org"),
    ("* Berman RM. Title.", "* Berman RM. Title."),
    ("- Smith J. snake_case_word stays", "- Smith J. snake_case_word stays"),
    ("https://example.org/a_b_c_", "https://example.org/a_b_c_"),
    ("> quoted", "quoted"),
    ("`code`", "code"),
    ("---", ""),
    ("1. Li N. *Science*. 2010;329:959.", "1. Li N. Science. 2010;329:959."),
    ("![figure](img.png)", "figure"),
    (r"\*not emphasis\*", "*not emphasis*"),
]


@pytest.mark.parametrize(("line", "expected"), MARKDOWN_LINES)
def test_markdown_line(line: str, expected: str) -> None:
    assert strip_line(line) == expected


def test_markdown_keeps_line_count() -> None:
    source = "# A\n\n```\n# not a heading\n```\ntext *x*\n\n---\nend"
    out = markdown_to_text(source)
    assert out.split("\n") == ["A", "", "", "# not a heading", "", "text x", "", "", "end"]


def test_markdown_end_to_end() -> None:
    entries = find_entries(load(_data("article.md")).text)
    assert [(e.index, e.line) for e in entries] == [(1, 7), (2, 8)]
    assert parse_entry(entries[0]).doi == "10.1016/s0006-3223(99)00230-9"


# ---- folders (citecheck.walk) -------------------------------------------------------------


def discover(paths: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    found = walk(paths)
    return list(found.files), list(found.errors)


def _tree(root: Path) -> None:
    for name in (
        "b.txt",
        "a.md",
        "sub/c.html",
        "sub/deeper/d.htm",
        "image.png",
        ".hidden.txt",
        ".git/e.txt",
        "sub/.cache/f.md",
        "notes.markdown",
    ):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_discover_folder(tmp_path: Path) -> None:
    _tree(tmp_path)
    files, errors = discover([str(tmp_path)])
    rel = [os.path.relpath(f, tmp_path) for f in files]
    assert (rel, errors) == (
        ["a.md", "b.txt", "notes.markdown", "sub/c.html", "sub/deeper/d.htm"],
        [],
    )


def test_discover_explicit_files_and_missing(tmp_path: Path) -> None:
    _tree(tmp_path)
    png = str(tmp_path / "image.png")
    missing = str(tmp_path / "missing.txt")
    files, errors = discover([png, missing, "-", png])
    assert (files, errors) == ([png, "-"], [(missing, "no such file or folder")])


def test_discover_does_not_follow_symlinked_folders(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("x")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "doc.txt").write_text("x")
    (tree / "link").symlink_to(outside, target_is_directory=True)
    (tree / "loop").symlink_to(tree, target_is_directory=True)
    (tree / "escape.txt").symlink_to(outside / "secret.txt")
    (tree / "inside.md").symlink_to(tree / "doc.txt")
    files, _ = discover([str(tree)])
    # No link is followed: those leading out are unsafe, and those inside are duplicates.
    assert [os.path.relpath(f, tree) for f in files] == ["doc.txt"]
