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

ROWS: list[tuple[str, str, Any]] = [
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
