"""PDF reading from geometry: reference lists from layouts that text boxes get wrong,
scanned files, limits, and errors that stay one file's error."""

from __future__ import annotations

import pytest
from tests.pdfdoc import Page, build, inflating_to, lines

from citecheck.extract import InputError, load
from citecheck.extract.limits import Limits
from citecheck.extract.pdf import NO_TEXT_LAYER, PdfError, read_pdf
from citecheck.twoworks import TWO_WORKS

SIZE = 7.5
LEADING = 9.0
WORDS = "pain sleep mood dose relief safety ketamine infusion adults trial cohort review".split()


def _topic(n: int) -> str:
    """Words that differ from one entry to the next, as real titles do."""
    return f"{WORDS[n % 12]} and {WORDS[(n * 5 + 3) % 12]}"


def _vancouver(n: int) -> list[str]:
    """Reference n as its typeset lines (two or three, like a real narrow column)."""
    first = f"Author{n} AB, Second CD. Ketamine, {_topic(n)}: {n}"
    second = f"in adults. J Pain Res. 20{10 + n % 10};{n}({n % 4 + 1}):{100 + n}-{110 + n}."
    if n % 3 == 0:
        return [first, "and a longer title that takes a third line", second]
    return [first, second]


def _numbered_columns(count: int, header: str = "") -> bytes:
    """Two columns; the numbers are drawn first, apart from the entries (as BMC does)."""
    numbers: list[tuple[float, float, float, str]] = []
    entries: list[tuple[float, float, float, str]] = []
    columns = [(50.0, 66.0), (305.0, 321.0)]
    column, y = 0, 760.0
    pages: list[Page] = []
    heading = [(50.0, 780.0, 9.0, "References")]
    for n in range(1, count + 1):
        text = _vancouver(n)
        if y - len(text) * LEADING < 60:
            column += 1
            y = 800.0
            if column == 2:
                pages.append(Page(text=heading + numbers + entries))
                heading, numbers, entries, column = [], [], [], 0
        label_x, text_x = columns[column]
        numbers.append((label_x, y, SIZE, f"{n}."))
        entries.extend(lines(text_x, y, SIZE, text, leading=LEADING / SIZE))
        y -= len(text) * LEADING + 2
    pages.append(Page(text=heading + numbers + entries))
    if header:
        for number, page in enumerate(pages, 1):
            page.text.append((50.0, 820.0, 7.0, f"{header} Page {number} of {len(pages)}"))
    return build(pages)


def _entries(data: bytes) -> list[str]:
    content = read_pdf(data)
    assert len(content.lists) == 1
    return [entry.raw for entry in content.lists[0]]


def test_number_column_apart_from_entries_gives_every_entry_in_order() -> None:
    raws = _entries(_numbered_columns(40, header="Author et al. BMC Health (2020) 20:100"))
    assert len(raws) == 40
    for n, raw in enumerate(raws, 1):
        assert raw.startswith(f"Author{n} AB, Second CD. Ketamine")
        assert raw.endswith(f":{100 + n}-{110 + n}.")
        assert "Page" not in raw and "BMC Health" not in raw  # the running head is gone


def _hanging(count: int, in_form: bool = False) -> bytes:
    """Author-year entries, first line at the margin and the rest indented, over two
    columns and onto a second page."""
    items: list[tuple[float, float, float, str]] = [(50.0, 780.0, 10.0, "References")]
    pages: list[Page] = []
    column, y = 0, 760.0
    for n in range(1, count + 1):
        text = [
            f"Family{n}, A.B., Other, C., 20{10 + n % 10}. A study of {_topic(n)}",
            f"number {n}, a title long enough to wrap. Pain {n}, {n}-{n + 9}.",
        ]
        if y - 2 * LEADING < 60:
            column += 1
            y = 800.0
            if column == 2:
                pages.append(Page(in_form=items) if in_form else Page(text=items))
                items, column = [], 0
        x = 50.0 if column == 0 else 305.0
        items.append((x, y, SIZE, text[0]))
        items.append((x + 8, y - LEADING, SIZE, text[1]))
        y -= 2 * LEADING
    pages.append(Page(in_form=items) if in_form else Page(text=items))
    return build(pages)


@pytest.mark.parametrize("in_form", [False, True])
def test_hanging_indent_over_columns_and_pages(in_form: bool) -> None:
    raws = _entries(_hanging(90, in_form=in_form))
    assert len(raws) == 90
    assert raws[0].startswith("Family1, A.B.") and raws[0].endswith("wrap. Pain 1, 1-10.")
    assert raws[89].startswith("Family90, A.B.") and raws[89].endswith("Pain 90, 90-99.")


def test_bullets_split_entries() -> None:
    refs = [
        "Berman, R. M., et al. (2000). Antidepressant effects of ketamine in depressed",
        "patients. Archives of General Psychiatry, 57(3), 227-234.",
        "Li, N., et al. (2010). mTOR-dependent synapse formation underlies the rapid",
        "antidepressant effects of NMDA antagonists. Science, 329(5994), 959-964.",
        "Fava, M., et al. (2019). Ketamine for chronic pain: a systematic review. Pain",
        "Physician, 22(4), 401-408.",
    ]
    items = [(72.0, 700.0, 14.0, "References")]
    y = 670.0
    for i in range(0, len(refs), 2):
        items.append((72.0, y, 11.0, "•"))
        items.extend(lines(90.0, y, 11.0, refs[i : i + 2]))
        y -= 2 * 13.2 + 6
    raws = _entries(build([Page(text=items)]))
    assert raws == [
        refs[0] + " " + refs[1],
        refs[2] + " " + refs[3],
        refs[4] + " " + refs[5],
    ]


def test_a_year_at_a_line_start_does_not_start_an_entry() -> None:
    items = [(72.0, 700.0, 12.0, "References")]
    entries = [
        [
            "1. Smith J, Jones K. A long title of a study that wraps over lines in",
            "2019. Lancet. 393:1-9.",
        ],
        ["2. Brown A. Another study of ketamine. BMJ. 2018;360:k1."],
        ["3. Green B. A third study of pain. JAMA. 2017;318:2-8."],
    ]
    y = 680.0
    for text in entries:
        items.extend(lines(72.0, y, 10.0, text))
        y -= len(text) * 12 + 4
    raws = _entries(build([Page(text=items)]))
    assert len(raws) == 3 and raws[0].endswith("2019. Lancet. 393:1-9.")


def test_scanned_pdf_is_a_clear_error() -> None:
    with pytest.raises(PdfError, match=r"^no text layer: scanned PDF"):
        read_pdf(build([Page(image=True), Page(image=True)]))
    assert NO_TEXT_LAYER == "no text layer: scanned PDF? run OCR first"


def test_too_many_pages_is_an_error_for_that_file() -> None:
    data = build([Page(text=[(72, 500, 10, f"the {word} page")]) for word in WORDS[:5]])
    with pytest.raises(PdfError, match=r"^too many pages: 5 \(the limit is 4; --max-pages\)$"):
        read_pdf(data, Limits(pages=4))
    assert read_pdf(data, Limits(pages=5)).text.count(" page") == 5


def test_a_stream_that_inflates_past_the_limit_is_refused() -> None:
    bomb = Page(text=[(72, 700, 10, "Hello")], extra_stream=inflating_to(3 * 1024 * 1024))
    data = build([bomb])
    assert len(data) < 64 * 1024
    with pytest.raises(PdfError, match=r"inflate to more than 2 MB \(the limit; --max-unpacked"):
        read_pdf(data, Limits(unpacked_bytes=2 * 1024 * 1024))
    assert "Hello" in read_pdf(data, Limits(unpacked_bytes=8 * 1024 * 1024)).text


def test_any_failure_inside_the_reader_is_that_files_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    import citecheck.extract.pdf as pdf

    def broken(*_: object) -> list[object]:
        raise RecursionError("deep")

    monkeypatch.setattr(pdf, "page_lines", broken)
    with pytest.raises(PdfError, match=r"^cannot read the PDF \(RecursionError\)$"):
        read_pdf(build([Page(text=[(72, 700, 10, "x")])]))


def test_load_puts_the_lists_on_the_document(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "refs.pdf"
    path.write_bytes(_numbered_columns(12))
    document = load(str(path))
    assert [len(found) for found in document.lists] == [12]
    first = document.lists[0][0]
    assert document.text.splitlines()[first.line - 1].startswith("1. Author1 AB")
    path.write_bytes(build([Page(image=True)]))
    with pytest.raises(InputError, match=r"^no text layer"):
        load(str(path))


def test_example_page_printed_with_bullets_gives_its_five_references() -> None:
    """LibreOffice's print of the page (bench/make_bullet_pdf.py): five entries, each
    exactly the text's bullet line, the paragraph after the list left out."""
    from pathlib import Path

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    text = (fixtures / "ketamine-clinic-pain.txt").read_text(encoding="utf-8")
    bullets = [line.strip().lstrip("•").strip() for line in text.splitlines() if "•" in line]
    content = read_pdf((fixtures / "ketamine-clinic-pain-bullets.pdf").read_bytes())
    assert [entry.raw for entry in content.lists[0]] == bullets


def test_a_compound_broken_at_a_line_end_keeps_its_hyphen() -> None:
    # F1000's PDFs: "odorant-" at a line end, "binding" on the next line. The document
    # uses "odorant" and "binding" as words of their own, and "pharmacology" whole, so the
    # first is a compound and the second a word broken in two.
    refs = [
        "1. Abe K, Ito T: Odorant receptors of flies and the binding of odorant molecules.",
        "J Insect Physiol. 2010; 56(2): 100-10.",
        "2. Ruiz P, Diaz M: An odorant-",
        "binding protein of the fly. Insect Biochem. 2011; 41(3): 200-10.",
        "3. Sato N, Mori K: Clinical phar-",
        "macology of a new drug. Br J Clin Pharmacol. 2012; 73(1): 1-9.",
    ]
    page = Page(text=[(72.0, 760.0, 14.0, "References"), *lines(72.0, 730.0, 10.0, refs)])
    raws = _entries(build([page]))
    assert raws[1].startswith("Ruiz P, Diaz M: An odorant-binding protein of the fly.")
    assert raws[2].startswith("Sato N, Mori K: Clinical pharmacology of a new drug.")


def test_an_entry_with_two_dois_is_never_looked_up() -> None:
    # The PDF reader uses the guard every reader uses: an entry holding two works that it
    # cannot split is flagged TWO_WORKS (check.py skips it), not merely warned about.
    first = "1. Abe K, Ito T. Odorant receptors of flies. J Insect Physiol. 2010; 56: 100-10."
    dois = "doi:10.1000/jip.2010.1 and a second study doi:10.1000/jip.2011.2"
    second = "2. Ruiz P, Diaz M. A binding protein of the fly. Insect Biochem. 2011; 41: 200-10."
    items = [(72.0, 760.0, 14.0, "References"), (72.0, 730.0, 10.0, first)]
    items += [(84.0, 718.0, 10.0, dois), (72.0, 706.0, 10.0, second)]
    content = read_pdf(build([Page(text=items)]))
    assert [entry.warnings for entry in content.lists[0]] == [(TWO_WORKS,), ()]
