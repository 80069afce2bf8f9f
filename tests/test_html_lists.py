"""Reference lists read from the DOM of web pages (extract.htmlrefs / htmlentry / htmllinks).

Each page below is written for this test but reproduces a structure seen on real pages
(Wikipedia saved from the browser, Springer Nature, PMC, Frontiers, AIP, health sites).
"""

from __future__ import annotations

import gc
import time

import pytest

from citecheck.extract.html import read_html

BERMAN = (
    "Berman RM, Cappiello A, Anand A, et al. Antidepressant effects of ketamine in "
    "depressed patients. Biol Psychiatry. 2000;47(4):351-354."
)
LI = (
    "Li N, Lee B, Liu RJ, et al. mTOR-dependent synapse formation underlies the rapid "
    "antidepressant effects of NMDA antagonists. Science. 2010;329(5994):959-964."
)
COINS = (
    "ctx_ver=Z39.88-2004&amp;rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&amp;"
    "rft.genre=article&amp;rft.jtitle=Biological+Psychiatry&amp;rft.atitle=Antidepressant"
    "+effects+of+ketamine+in+depressed+patients&amp;rft.volume=47&amp;rft.issue=4&amp;"
    "rft.pages=351-354&amp;rft.date=2000&amp;rft_id=info%3Adoi%2F10.1016%2Fs0006-3223"
    "%2899%2900230-9&amp;rft_id=info%3Apmid%2F10686270&amp;rft.aulast=Berman&amp;"
    "rft.aufirst=Robert+M.&amp;rft.au=Cappiello%2C+Angela"
)
WIKIPEDIA = f"""<html><body><main><p>Ketamine acts fast.<sup><a href="#cite_note-1">[1]</a>
</sup></p>
<div class="mw-heading mw-heading2"><h2 id="Notes">Notes</h2><span class="mw-editsection">
[<a href="/w/index.php?action=edit">edit</a>]</span></div>
<ol class="references"><li id="cite_note-a"><span class="mw-cite-backlink"><a href="#r">^</a>
</span> <span class="reference-text">The drug was first made in 1962 and is on a list.</span>
</li><li><span class="reference-text">Some readers prefer the other spelling of the name.</span>
</li></ol>
<h2><span class="mw-headline" id="References">References</span><span class="mw-editsection">
<span class="mw-editsection-bracket">[</span><a href="/edit">edit</a>]</span></h2>
<div class="reflist"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-1a"><sup><i><b>a</b>
</i></sup></a> <a href="#cite_ref-1b"><sup><i><b>b</b></i></sup></a></span> <span
class="reference-text"><cite class="citation journal cs1">Berman RM, Cappiello A (2000).
"Antidepressant effects of ketamine in depressed patients". <i>Biological Psychiatry</i>.
<b>47</b> (4): 351–354. <a href="/wiki/Doi_(identifier)">doi</a>:<a
href="https://doi.org/10.1016%2Fs0006-3223%2899%2900230-9">10.1016/s0006-3223(99)00230-9</a>.
</cite><span title="{COINS}" class="Z3988"></span></span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span>
<span class="reference-text"><cite class="citation journal cs1">Li N, Lee B (2010). "mTOR-dependent
synapse formation". <i>Science</i>. <b>329</b> (5994): 959–964.</cite><span class="Z3988"
title="ctx_ver=Z39.88-2004&amp;rft.genre=article&amp;rft.atitle=mTOR&amp;rft.date=2010"></span>;
<cite class="citation journal cs1">Fava M, Freeman MP (2019). "Double-blind trial of ketamine".
<i>Molecular Psychiatry</i>. <b>25</b>: 1592–1603.</cite></span></li>
</ol></div>
<h3><span class="mw-headline">Sources</span></h3>
<div class="refbegin"><ul><li><cite class="citation book">Domino EF (2010). <i>Taming the
ketamine tiger</i>. Anesthesiology. 113 (3): 678–684.</cite></li></ul></div>
<h2>External links</h2><ul><li><a href="https://example.org">Ketamine at example.org</a></li></ul>
</main></body></html>"""


def test_wikipedia_every_list_backlinks_and_coins() -> None:
    page = read_html(WIKIPEDIA)
    assert [len(found) for found in page.lists] == [3, 1]  # notes are not references
    berman, li, fava = page.lists[0]
    assert berman.raw.startswith("Berman RM, Cappiello A (2000).")  # "^ a b" gone
    assert "doi:10.1016/s0006-3223(99)00230-9" in berman.raw
    assert berman.known is not None and berman.known.journal == "Biological Psychiatry"
    assert berman.known.doi == "10.1016/s0006-3223(99)00230-9"
    assert berman.known.pmid == "10686270" and berman.known.authors[:2] == (
        "Berman RM",
        "Cappiello A",
    )
    assert (li.index, fava.index) == (2, 3)  # a bundled footnote: one entry per work
    assert fava.raw.startswith("Fava M") and fava.known is None
    assert page.lists[1][0].raw.startswith("Domino EF (2010)") and page.lists[1][0].index == 4
    assert not page.links


SPRINGER = f"""<html><body><article><h2 class="c-article-section__title" id="Bib1">References
</h2><div class="c-article-section__content"><div><ol class="c-article-references">
<li class="c-article-references__item"><p class="c-article-references__text" id="ref-CR1">{BERMAN}
</p><p class="c-article-references__links u-hide-print">
<a href="https://doi.org/10.1016%2Fs0006-3223%2899%2900230-9">Article</a>
<a href="http://www.ncbi.nlm.nih.gov/entrez/query.fcgi?db=PubMed&amp;list_uids=10686270"
>PubMed</a> <a href="/articles/cas-redirect/1">CAS</a>
<a href="http://scholar.google.com/scholar_lookup?title=x">Google Scholar</a></p></li>
<li class="c-article-references__item"><p class="c-article-references__text">{LI}</p></li>
</ol><p class="c-article-references__download"><a href="/refs.ris">Download references</a>
</p></div></div>
</article></body></html>"""


def test_springer_link_row_dropped_but_its_ids_kept() -> None:
    (found,) = read_html(SPRINGER).lists
    assert [entry.raw for entry in found] == [
        f"{BERMAN} doi:10.1016/s0006-3223(99)00230-9 PMID: 10686270",
        LI,
    ]


PMC = f"""<html><body><section class="ref-list" id="ref-list1"><h2 class="pmc_sec_title">REFERENCES
</h2><section><ul class="ref-list font-sm"><li id="B1"><span class="label">1.</span><cite>{BERMAN}
</cite> [<a href="https://doi.org/10.1016/s0006-3223(99)00230-9">DOI</a>] [<a
href="https://pubmed.ncbi.nlm.nih.gov/10686270/">PubMed</a>] [<a href="https://scholar.google.com/x">
Google Scholar</a>]</li><li id="B2"><span class="label">2.</span><cite>{LI}</cite> [<a
href="/articles/PMC1234567/">PMC free article</a>]</li></ul></section></section></body></html>"""


def test_pmc_labels_and_bracketed_links() -> None:
    (found,) = read_html(PMC).lists
    assert found[0].raw == f"{BERMAN} doi:10.1016/s0006-3223(99)00230-9 PMID: 10686270"
    assert found[1].raw == f"{LI} PMCID: PMC1234567"


FRONTIERS = f"""<html><body><div class="JournalFullText"><h2>Introduction</h2>
<p>Text (Berman, 2000).</p><h2>References</h2><div class="References">
<p class="ReferencesCopy1"><a name="B1"></a>{BERMAN}</p><p class="ReferencesCopy2">
<a href="http://dx.doi.org/10.1016/s0006-3223(99)00230-9">CrossRef Full Text</a> |
<a href="http://scholar.google.com/x">Google Scholar</a></p></div><div class="References">
<p class="ReferencesCopy1">{LI}</p><p class="ReferencesCopy2"><a href="http://scholar.google.com/y">
Google Scholar</a></p></div></div><footer>Copyright</footer></body></html>"""


def test_repeated_blocks_with_link_rows() -> None:
    (found,) = read_html(FRONTIERS).lists
    assert [entry.raw for entry in found] == [f"{BERMAN} doi:10.1016/s0006-3223(99)00230-9", LI]


AIP = f"""<html><body><div class="references hide"><div class="hiddenjsdiv">/content/aip/1</div>
<div id="referencedetails"><div class="refcontainer"><div class="refnumbercontainer">
<span class="refnumber">1. </span></div><div class="refbody">{BERMAN}</div></div>
<div class="refcontainer"><div class="refnumbercontainer"><span class="refnumber">2. </span>
</div><div class="refbody">{LI}</div></div></div></div></body></html>"""


def test_wrappers_looked_through_and_number_labels_dropped() -> None:
    (found,) = read_html(AIP).lists
    assert [entry.raw for entry in found] == [BERMAN, LI]


LONE_MARKERS = f"""<html><body><h2>References</h2><div class="citations"><p>1.</p><p>{BERMAN}</p>
<p>2.</p><p>{LI}</p></div></body></html>"""


def test_a_number_alone_before_its_entry_block() -> None:
    (found,) = read_html(LONE_MARKERS).lists
    assert [entry.raw for entry in found] == [f"1. {BERMAN}", f"2. {LI}"]


def test_ignore_marker_on_a_dom_entry() -> None:
    markup = f"""<html><body><h2>References</h2><ol><!-- citecheck: ignore --><li>{BERMAN}</li>
    <li>{LI} citecheck: ignore</li><li>{BERMAN}</li></ol></body></html>"""
    (found,) = read_html(markup).lists
    assert [entry.ignored for entry in found] == [True, True, False]
    assert found[1].raw == LI


HEALTH = """<html><head><meta name="citation_doi" content="10.9999/own.2020.1"></head><body>
<nav><a href="https://doi.org/10.1000/nav.1">Journal</a></nav><article><h1>Does ketamine help?</h1>
<p>A <a href="https://pubmed.ncbi.nlm.nih.gov/10686270/">2000 trial of seven patients</a> found a
rapid effect, and <a href="https://doi.org/10.1126/science.1190287">work on synapses</a> explains
why; a <a href="https://www.ncbi.nlm.nih.gov/pubmed/10686270">second link</a> to the same trial.</p>
<p><a href="https://doi.org/10.1234/standalone.5">Read the study</a></p>
<p>This page (<a href="https://doi.org/10.9999/own.2020.1/full">full text</a>) is ours to cite.</p>
</article></body></html>"""


def test_health_page_inline_study_links() -> None:
    page = read_html(HEALTH)
    assert not page.lists
    assert [(entry.origin, entry.raw) for entry in page.links] == [
        ("link", "2000 trial of seven patients (https://pubmed.ncbi.nlm.nih.gov/10686270/)"),
        ("link", "work on synapses (https://doi.org/10.1126/science.1190287)"),
    ]
    first, second = page.links
    assert first.known is not None and first.known.pmid == "10686270"
    assert second.known is not None and second.known.doi == "10.1126/science.1190287"
    assert first.line == 3


NEWS = """<html><body><article><h1>Council approves budget</h1><p>The council voted 7-2 on
Tuesday, 12 March 2019.</p><h2>Related</h2><ul><li><a href="/a">Mayor, J. (2019). Roads.</a></li>
<li><a href="/b">Parks budget grows</a></li></ul><h3>Notes</h3><ul><li>Updated 13 March 2019.</li>
</ul></article></body></html>"""


def test_page_without_a_list_gets_no_entries() -> None:
    page = read_html(NEWS)
    assert page.lists == () and page.links == ()


def test_nested_500_deep_is_read() -> None:
    markup = f"<html><body>{'<div>' * 500}<h2>References</h2><ol><li>{BERMAN}</li></ol>"
    markup += f"{'</div>' * 500}</body></html>"
    (found,) = read_html(markup).lists
    assert found[0].raw == BERMAN


def _timings(small: str, large: str) -> tuple[float, float]:
    """The best of five CPU timings of each input, taken in turn, without the garbage
    collector's pauses: other processes on a busy machine stretch the wall clock, not the
    CPU time of this one."""
    best = [float("inf"), float("inf")]
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            for n, markup in enumerate((small, large)):
                start = time.process_time()
                read_html(markup)
                best[n] = min(best[n], time.process_time() - start)
    finally:
        gc.enable()
    return best[0], best[1]


@pytest.mark.parametrize(
    "unit", [f"<li>{BERMAN}</li>", f"<div class='References'><p>{LI}</p></div>"]
)
def test_reading_lists_grows_linearly(unit: str) -> None:
    def page(n: int) -> str:
        return f"<html><body><h2>References</h2><ol>{unit * n}</ol></body></html>"

    small, large = _timings(page(300), page(600))
    assert large < 3.0 * small, (small, large)


def test_coins_with_the_whole_author_list_in_one_field() -> None:
    # Wikipedia's |author= of 2014 wrote the whole list as the last name, twice.
    names = "Ortiz R, Lamb LC, Moss JH"
    coins = (
        "ctx_ver=Z39.88-2004&amp;rft.genre=article&amp;rft.atitle=Large+epidemics"
        f"&amp;rft.jtitle=Am+J+Trop+Med&amp;rft.date=2000&amp;rft.au={names}"
        f"&amp;rft.aulast={names}"
    )
    page = read_html(
        '<html><body><h2>References</h2><ol class="references"><li id="cite_note-1">'
        '<span class="reference-text"><cite class="citation journal">Ortiz R, Lamb LC, Moss '
        'JH (June 2000). "Large epidemics". <i>Am J Trop Med</i> <b>62</b> (6): 733-9.</cite>'
        f'<span title="{coins}" class="Z3988"></span></span></li></ol></body></html>'
    )
    (entry,) = page.lists[0]
    assert entry.known is not None
    assert entry.known.authors == ("Ortiz R", "Lamb LC", "Moss JH")
