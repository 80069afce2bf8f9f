"""parse_entry on publisher forms the real-document set showed (bench/realdocs.py): the
entries are written for these tests in the same shapes, not copied from the documents."""

from __future__ import annotations

from typing import Any

import pytest

from citecheck.model import Entry
from citecheck.parse import parse_entry

# BioMed Central (2014-15) and F1000Research: "et al.:" closes the names.
BMC_ET_AL = (
    "Lind PQ, Moss AR, Tran BC, Hale DW, et al.: Reaching smokers who do not ask for help: "
    "a randomised trial. Addict Behav 2009, 34:112-119."
)
F1000_ET_AL = (
    "Okafor NJ, Berg TT, Silva MM, et al.: Tagging sharks off the eastern coast: what "
    "recaptures tell us. Fish Bull. 2001; 99 (3): 401–12. doi:10.1000/fb.2001.3"
)
# MDPI: "Surname, I.; ...; et al. Title."
MDPI_ET_AL = (
    "Rossi, A.B.; Keller, M.; Novak, P.; Ortiz, J.; et al. Head blight of barley in three "
    "northern regions. Eur. J. Plant Pathol. 2010, 126, 55–67."
)
# The Royal Society: the year, without a period, between the names and the title.
ROYAL_SOCIETY = (
    "Hart BL, Moreno AC. 2011 Milk composition across the lactation of grey seals. "
    "J. Zool. 84, 1201–1210. (doi:10.1000/jz.2011.84)"
)
ROYAL_SOCIETY_ONE = "Vance Q. 1998 Pouch young and their mothers. Aust. J. Zool. 46, 77–89."
# Run-together initials inside a journal abbreviation.
USA = (
    "Mori, K., and Lund, T. (2012). Crows plan ahead when they cache food. "
    "Proc. Natl. Acad. Sci. U.S.A. 109, 4021–4026."
)

# BMC's Cochrane reviews: the review number stands for the pages.
COCHRANE_BMC = (
    "Ortega LM, Haas JP: Walking programmes for knee pain. Cochrane Database Syst Rev "
    "2013., 4 CD004512"
)
COCHRANE_BMC_ID = (
    "Ortega LM, Haas JP, et al.: Walking programmes for knee pain. Cochrane Database Syst "
    "Rev 2013., 4 Article ID CD004512"
)
# A BMC journal reference is an article even when a name is also a publisher's.
BMC_ARTICLE = (
    "Bell AA, Farrar JT, Stone K: Outcome domains for trials of back pain. Pain 2004, 108:201-209."
)
# A title goes on after an abbreviation that a lowercase word follows, and after a period
# inside a number.
SPECIES = (
    "Lund, M.; Berg, H. Fusarium borealis sp. nov. from oats in Norway. Int. J. Food "
    "Microbiol. 2006, 99, 11–20."
)
BOTANY = (
    "Hale SA, Cope ES (1988) Bees visiting Echium vulgare L. in coastal dunes. Austral J "
    "Ecol 12:40–49."
)
DECIMAL = "Souza ALC, Reis JB (2015) Mais de 12.000 cavernas mapeadas. Bol Espeleol 4: 9–15."
# eLife's display: the title, the names (given names or initials first), the journal, then
# ", volume, pages, year", and the page's own notes after it.
ELIFE = (
    "Clonal units of the fly brain traced by their axons Maria Lopes, Tomas Berg, Anna Kowal "
    "The Journal of Neuroscience, 31, 1200-1215, 2011 http://dx.doi.org/10.1000/jn.31.1200 "
    "— cited 2 times in paper"
)
ELIFE_INITIALS = (
    "Local interneurons of the antennal lobe, wiring and diversity YH Chou, ML Grant, K Obi "
    "Nature Neuroscience, 13, 439-449, 2010"
)
ELIFE_DOTTED = (
    "The mushroom body is built from four clonal units K. Ito, W. Awano, D. Yamada "
    "Development, 124, 761-771, 1997 cited 1 time in paper HighWire"
)
ELIFE_TWO_WORD_FAMILY = (
    "Projection neurons of the neocortex: logic and diversity L Custo Greig, M Wood, J Mack "
    "Nature Reviews Neuroscience, 14, 755-769, 2013"
)

# Wikipedia's cite journal with a journal abbreviated without periods, and a supplement
# where the issue goes (the page's own link after it).
WIKIPEDIA_NO_PERIOD = (
    'Moreau DP, Lind J (November 2009). "Progress towards a malaria vaccine". Lancet '
    "Infect Dis 9 (11): 678–87. doi:10.1000/lid.2009.11 . PMID 12345678 ."
)
WIKIPEDIA_SUPPL = (
    'Ortiz MG, Hale SB, et al. (December 2010). "Malaria: a global threat". Nat. Rev. '
    "Microbiol. 8 (12 Suppl): S7–S16. doi:10.1000/nrm.2010 . PMID 12345679 . "
    "http://www.example.org/nrm/v8/n12_supp/full/nrm.html."
)
# The title's last word is capitalised ("... of Drosophila"), a name has a particle, and
# a name is also a publisher's ("Pearson").
ELIFE_CAPITAL_END = (
    "Odour coding in the antennal lobe of Drosophila AM Diaz, DS Gray, JS de Belle, "
    "BJ Pearson Annual Review of Cell and Developmental Biology, 20, 619-647, 2004"
)
ROWS: list[tuple[str, str, Any]] = [
    (ELIFE_CAPITAL_END, "title", "Odour coding in the antennal lobe of Drosophila"),
    (ELIFE_CAPITAL_END, "first_author", "Diaz AM"),
    (ELIFE_CAPITAL_END, "kind", "article"),
    (ELIFE_CAPITAL_END, "journal", "Annual Review of Cell and Developmental Biology"),
    (ELIFE_CAPITAL_END, "pages", "619-647"),
    (WIKIPEDIA_NO_PERIOD, "first_author", "Moreau DP"),
    (WIKIPEDIA_NO_PERIOD, "title", "Progress towards a malaria vaccine"),
    (WIKIPEDIA_NO_PERIOD, "journal", "Lancet Infect Dis"),
    (WIKIPEDIA_NO_PERIOD, "volume", "9"),
    (WIKIPEDIA_SUPPL, "kind", "article"),
    (WIKIPEDIA_SUPPL, "journal", "Nat. Rev. Microbiol"),
    (WIKIPEDIA_SUPPL, "pages", "S7-S16"),
    (ELIFE, "title", "Clonal units of the fly brain traced by their axons"),
    (ELIFE, "first_author", "Lopes M"),
    (ELIFE, "journal", "The Journal of Neuroscience"),
    (ELIFE, "volume", "31"),
    (ELIFE, "pages", "1200-1215"),
    (ELIFE, "year", 2011),
    (ELIFE, "doi", "10.1000/jn.31.1200"),
    (ELIFE_INITIALS, "title", "Local interneurons of the antennal lobe, wiring and diversity"),
    (ELIFE_INITIALS, "authors", ("Chou YH", "Grant ML", "Obi K")),
    (ELIFE_INITIALS, "journal", "Nature Neuroscience"),
    (ELIFE_DOTTED, "first_author", "Ito K"),
    (ELIFE_DOTTED, "journal", "Development"),
    (ELIFE_DOTTED, "pages", "761-771"),
    (ELIFE_TWO_WORD_FAMILY, "first_author", "Custo Greig L"),
    (ELIFE_TWO_WORD_FAMILY, "title", "Projection neurons of the neocortex: logic and diversity"),
    (ELIFE_TWO_WORD_FAMILY, "journal", "Nature Reviews Neuroscience"),
    (COCHRANE_BMC, "journal", "Cochrane Database Syst Rev"),
    (COCHRANE_BMC, "volume", "4"),
    (COCHRANE_BMC, "pages", "CD004512"),
    (COCHRANE_BMC_ID, "volume", "4"),
    (COCHRANE_BMC_ID, "pages", "CD004512"),
    (BMC_ARTICLE, "kind", "article"),
    (BMC_ARTICLE, "journal", "Pain"),
    (BMC_ARTICLE, "volume", "108"),
    (SPECIES, "title", "Fusarium borealis sp. nov. from oats in Norway"),
    (SPECIES, "journal", "Int. J. Food Microbiol"),
    (BOTANY, "title", "Bees visiting Echium vulgare L. in coastal dunes"),
    (BOTANY, "journal", "Austral J Ecol"),
    (DECIMAL, "title", "Mais de 12.000 cavernas mapeadas"),
    (DECIMAL, "journal", "Bol Espeleol"),
    (BMC_ET_AL, "first_author", "Lind PQ"),
    (BMC_ET_AL, "title", "Reaching smokers who do not ask for help: a randomised trial"),
    (BMC_ET_AL, "journal", "Addict Behav"),
    (BMC_ET_AL, "volume", "34"),
    (BMC_ET_AL, "pages", "112-119"),
    (BMC_ET_AL, "et_al", True),
    (F1000_ET_AL, "first_author", "Okafor NJ"),
    (F1000_ET_AL, "title", "Tagging sharks off the eastern coast: what recaptures tell us"),
    (F1000_ET_AL, "journal", "Fish Bull"),
    (F1000_ET_AL, "year", 2001),
    (F1000_ET_AL, "issue", "3"),
    (MDPI_ET_AL, "first_author", "Rossi AB"),
    (MDPI_ET_AL, "title", "Head blight of barley in three northern regions"),
    (MDPI_ET_AL, "journal", "Eur. J. Plant Pathol"),
    (MDPI_ET_AL, "volume", "126"),
    (MDPI_ET_AL, "pages", "55-67"),
    (ROYAL_SOCIETY, "first_author", "Hart BL"),
    (ROYAL_SOCIETY, "year", 2011),
    (ROYAL_SOCIETY, "title", "Milk composition across the lactation of grey seals"),
    (ROYAL_SOCIETY, "journal", "J. Zool"),
    (ROYAL_SOCIETY, "volume", "84"),
    (ROYAL_SOCIETY, "pages", "1201-1210"),
    (ROYAL_SOCIETY_ONE, "year", 1998),
    (ROYAL_SOCIETY_ONE, "title", "Pouch young and their mothers"),
    (USA, "title", "Crows plan ahead when they cache food"),
    (USA, "journal", "Proc. Natl. Acad. Sci. U.S.A"),
    (USA, "volume", "109"),
]


@pytest.mark.parametrize(("text", "field", "expected"), ROWS)
def test_publisher_form(text: str, field: str, expected: Any) -> None:
    reference = parse_entry(Entry(1, text, 1))
    if field == "first_author":
        assert reference.authors and reference.authors[0] == expected
    else:
        assert getattr(reference, field) == expected
