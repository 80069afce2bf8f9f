"""References declared in a page's metadata (Highwire citation_reference tags, JSON-LD)."""

from __future__ import annotations

from pathlib import Path

from citecheck.extract import load
from citecheck.parse import parse_entry
from citecheck.references import find_entries

DATA = Path(__file__).parent / "data" / "htmlmeta"


def references(name: str) -> list:  # type: ignore[type-arg]
    return [parse_entry(entry) for entry in find_entries(load(str(DATA / name)).text)]


def test_highwire_citation_reference_tags_become_the_list() -> None:
    berman, li = references("highwire.html")
    assert (berman.authors[0], berman.year, berman.journal) == (
        "Berman RM",
        2000,
        "Archives of General Psychiatry",
    )
    assert (berman.volume, berman.issue, berman.pages) == ("57", "3", "227-234")
    assert berman.title == "Antidepressant effects of ketamine in depressed patients"
    assert li.doi == "10.1126/science.1190287"
    assert berman.line == 4  # the line of its <meta> tag in the file


def test_json_ld_citations_become_the_list() -> None:
    [berman] = references("jsonld.html")
    assert (berman.authors[0], berman.year, berman.journal) == (
        "Berman RM",
        2000,
        "Biological Psychiatry",
    )
    assert (berman.volume, berman.issue, berman.pages) == ("47", "4", "351-354")
    assert berman.doi == "10.1016/s0006-3223(99)00230-9"


def test_a_visible_reference_list_wins_over_metadata(tmp_path: Path) -> None:
    page = (
        (DATA / "highwire.html")
        .read_text()
        .replace(
            "</main>",
            "<h2>References</h2><ol><li>Zarate CA, et al. A randomized trial of an NMDA "
            "antagonist in treatment-resistant major depression. Arch Gen Psychiatry. "
            "2006;63(8):856-864.</li></ol></main>",
        )
    )
    (tmp_path / "page.html").write_text(page)
    entries = find_entries(load(str(tmp_path / "page.html")).text)
    assert [parse_entry(e).authors[0] for e in entries] == ["Zarate CA"]


def test_broken_json_ld_is_ignored(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><script type="application/ld+json">{"citation": [</script></head>'
        "<body><p>No list here.</p></body></html>"
    )
    assert find_entries(load(str(page)).text) == []
