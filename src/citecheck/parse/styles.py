"""The style table: reference styles as regular expressions over named sub-patterns.

Each style is (name, pattern, prefilter). Named groups give the fields: authors, year,
title or title_q (a quoted title), journal, volume, issue, pages and rest (what follows).
A group named "field__x" is another place the same field can be written; the parser
reads it as "field".
"""

from __future__ import annotations

import re

__all__ = ["ANY_VIP", "CLOSE_Q", "DASHES", "OPEN_Q", "STYLES"]

_UC = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĢĪĶŁĽŃŇŌŐŒŘŚŞŠŢŤŪŮŰŽŹŻ"
DASHES = _DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
OPEN_Q = _OPEN_Q = "\"“„«‘'"
CLOSE_Q = _CLOSE_Q = "\"”»’'"

# ---- shared sub-patterns --------------------------------------------------------------
_YEAR = r"(?P<year>1[89]\d{2}|20\d{2})[a-z]?"
# An ISO date stands for the year too: "(2017-07-01)", "(2017-07)".
_ISO = r"(?:-[01]?\d(?:-[0-3]?\d)?)?"
_YEAR_PAREN = rf"\(\s*{_YEAR}{_ISO}(?:\s*[,;][^)]{{0,40}})?\s*\)"
# A page: "351", "S62", "e0123456", "aac4716", Elsevier's e-page "511e20" (511.e1-511.e20).
_PAGE = r"[A-Za-z]{0,3}\d+(?:[A-Za-z]{1,2}\d*)?"
# "351-4", "S62-9", "aac4716", Cell's "271-280.e8", Sci Transl Med's "80re82" / "3ra24"
_PAGES = rf"(?P<pages>{_PAGE}(?:\.e\d+)?(?:\s*[-{_DASHES}]\s*{_PAGE}(?:\.e\d+)?)?)"
_ISSUE = r"(?:\s*\((?P<issue>[^()]{1,25})\))"
_VOLUME = r"(?P<volume>\d+[A-Za-z]?|[A-Z]?\d+)"
# volume(issue), pages  |  volume(issue):pages  |  volume (issue): pp. pages
# A supplement stands where the issue would: "59 Suppl 20:22-33", "33 Suppl 1(Suppl 1):S62".
_SUPPL = r"\s+(?P<issue__s>Suppl\.?(?:\s*\d+[A-Za-z]?)?)(?:\s*\([^()]{1,25}\))?"
_VIP = rf"{_VOLUME}(?:{_SUPPL}|{_ISSUE})?\s*(?:[,:]\s*(?:pp?\.\s*|Article\s+)?{_PAGES})?"
_TITLE = (
    rf"(?:[{_OPEN_Q}](?P<title_q>[^{_OPEN_Q}{_CLOSE_Q}].*?)[.,]?[{_CLOSE_Q}][.,]?"
    # A title may quote a phrase: 'The "file drawer problem" and tolerance for null results.'
    # A period with a digit after it is a number's ("10.000 cavernas"), not the title's end.
    r"|(?P<title>(?=[^.?!\s])[^\"“”]*?(?:[\"“][^\"“”]{1,80}[\"”][^\"“”]*?)*[.?!](?!\d)))"
)
# A quoted title, the closing quote after or before its final comma or period.
_QTITLE = rf"[{_OPEN_Q}](?P<title_q>[^{_OPEN_Q}{_CLOSE_Q}].*?)[.,]?[{_CLOSE_Q}][.,]?"
# Journal words: abbreviations ending in "." must be capitalised ("Nat. Neurosci."),
# so a lowercase sentence end ("... patients.") is never taken as part of a journal.
# Run-together initials are one word: "Proc. Natl. Acad. Sci. U.S.A.".
_JWORD = rf"(?:[{_UC}][A-Za-z]*\.(?:[{_UC}]\.)*|[\w&][\w'’&\-]*)"
# Journal names may hold commas and colons before a word ("Journal of Neurology,
# Neurosurgery, and Psychiatry"; "Journal of the Royal Statistical Society: Series B").
_JSEP = r"(?:\s+|[,:]\s+(?=[A-Za-z])(?!(?:vol|no|pp?|[vn])\.))"
# After its first word, a journal has no bare number: "Proc. Natl. Acad. Sci. USA 102, ..."
# and "J. R. Stat. Soc. Ser. B 57, 289" end before the volume.
# Nor does it start with a lowercase word: "Fusarium langsethiae sp. nov. on cereals" and
# "Echium plantagineum L. in southeastern Australia" go on with the title ("eLife", "mBio"
# and Nature's "npj" journals excepted).
_JOURNAL = (
    rf"(?P<journal>(?!(?!npj\b)[a-z][a-z'’\-]*\b){_JWORD}"
    rf"(?:{_JSEP}(?!\d+\b){_JWORD}){{0,14}}(?:\s*\([{_UC}][\w .]*\))?)"
)
# Author lists as the styles write them.
_AUTHORS_ANY = r"(?P<authors>[^()]+?)"
# Authors before a quoted title end at the first ", <quote>" or ". <quote>": a lazy list
# that could end at any later one would try every pair of quotes (quadratic).
# Authors before a bare year ("Bunescu, R. and Mooney, R. 2006.") end at the first one.
_AUTHORS_TO_YEAR = r"(?P<authors>(?:(?![.,]?\s+(?:1[89]|20)\d\d[a-z]?\.)[^()])+?)"
_AUTHORS_TO_Q = rf"(?P<authors>(?:[^().,]|[.,](?!\s*[{_OPEN_Q}]))+?)"
# Vancouver names carry no periods; a group may carry its acronym: "(UKPDS) Group".
# BioMed Central ends the list with a colon: "Love MI, Huber W, Anders S: Moderated ...".
# The list ends at its first period or colon (so there is one place it can end: linear);
# BMC and F1000 write "Clyne PJ, Warr CG, et al.: A novel family ...".
_AUTHORS_VANC = r"(?P<authors>(?:[^.():]|\([A-Z][\w-]{1,12}\))+?(?:,?\s*et\s+al)?)(?:\.:|[.:])"
_INITS = rf"[{_UC}][a-z]?\.(?:\s?-?\s?[{_UC}][a-z]?\.)*"
_FAMILY = r"[^\W\d][\w'’\-]*(?:\s[^\W\d][\w'’\-]*){0,3}?"
_NAME_INIT = rf"{_FAMILY},\s*{_INITS}"
_NAME_SEP = r"(?:[,;]\s*(?:&\s*|and\s+)?|\s*&\s*|\s+and\s+)"


def _names(group: str, name: str) -> str:
    """A list of names, taken whole: the lookahead makes it atomic (no backtracking into
    shorter lists, each retrying the rest of the pattern), as (?>...) would on 3.11."""
    names = rf"{name}(?:{_NAME_SEP}{name})*(?:[,;]?\s*et\s+al\.)?"  # MDPI: "A.; et al."
    return rf"(?=(?P<{group}>{names}))(?P={group})"


# Family, I. (APA, Harvard, Nature; ABNT with ";")  |  Family I. (dotted Vancouver)
_AUTHORS_INIT = _names("authors", _NAME_INIT)
_NAME_DOT = rf"{_FAMILY}\s+[{_UC}]\.(?:-?[{_UC}]\.)*"
# Any author list that ends in a period: the dotted forms first, then Vancouver.
_AUTHORS_LIST = (
    rf"(?:{_names('authors__i', _NAME_INIT)}|{_names('authors__d', _NAME_DOT)}"
    rf"|{_AUTHORS_VANC})"
)
# Initials first: "E.J. Hoffmann", "H. Shachnai and J. Turek" (computing, numbered Elsevier).
_NAME_IF = rf"{_INITS}\s*{_FAMILY}"
# Family Initials without periods, each name well-formed: "Kaplan EL, Meier P."
_NAME_VANC = rf"{_FAMILY}\s+[{_UC}]{{1,4}}"
_AUTHORS_INIT_OR_VANC = (
    rf"(?:{_AUTHORS_INIT}|(?P<authors__v>{_NAME_VANC}(?:,\s*{_NAME_VANC})*(?:,?\s*et\s+al)?)\."
    rf"|{_names('authors__f', _NAME_IF)}[,.])"
)
# Given names or initials first, one family name (two where a comma follows: "L Custo
# Greig,"): "Albert Cardona", "YH Chou", "K. Ito", "Gerhard M. Technau", "Xin-Jun Zhang",
# "JS de Belle". A family name has a lowercase letter ("Drosophila AM Dacks" is a title's
# last word, then a name).
_GIVEN = rf"(?:[{_UC}]{{1,3}}|{_INITS}|[{_UC}][a-z]+(?:-[{_UC}][a-z]+)?(?:\s+[{_UC}]\.)*)"
_FAMILY_GF = rf"(?:(?:de|van|von|der|den|da|di|del|du|le|la)\s+)*[{_UC}][\w'’\-]*[a-zà-ÿ][\w'’\-]*"
_NAME_GF = rf"{_GIVEN}\s+{_FAMILY_GF}(?:\s+{_FAMILY_GF}(?=,))?"
_TAIL = r"[.,;]?\s*(?P<rest>.*)$"
# The date after a Vancouver journal: ". 2000 Feb 15", " (2014)" before the volume, or
# GB/T 7714's ", 2020," before it ("Lancet, 2020, 395(10223): 470-473").
_VANC_DATE = (
    rf"(?:\.?\s+(?:{_YEAR}|\((?P<year__p>\d{{4}})\)(?=\s*\d))"
    r"(?:\s+[A-Za-z]{3,9}(?:\s+\d{1,2})?(?:\s*-\s*[A-Za-z]{3,9})?)?"
    r"|,\s+(?P<year__g>(?:1[89]|20)\d\d)(?=,\s*\d))"
)

# Each style is (name, pattern, prefilter). The prefilter is a cheap search for what the
# style cannot do without; it skips hopeless patterns, whose nested lazy groups could
# otherwise backtrack for a long time on long, odd entries.
_PAREN_YEAR = r"\(\s*(?:1[89]|20)\d\d"
STYLES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern), re.compile(prefilter))
    for name, pattern, prefilter in (
        # APA / Harvard / Chicago author-date / the example page's style.
        (
            "author-year",
            rf"^{_AUTHORS_ANY}[.,]?\s*{_YEAR_PAREN}[.,]?\s*{_TITLE}\s*{_JOURNAL}[,.]?\s+{_VIP}"
            + _TAIL,
            _PAREN_YEAR,
        ),
        (
            "author-year-bare",
            rf"^{_AUTHORS_TO_YEAR}[.,]?\s+{_YEAR}\.\s+{_TITLE}\s*{_JOURNAL}[,.]?\s+{_VIP}{_TAIL}",
            r"[.,]\s+(?:1[89]|20)\d\d[a-z]?\.",  # Elsevier's Harvard: "Hui, D.S.C., et al., 2020."
        ),
        # Vancouver / NLM / AMA: "Journal. 2000 Feb 15;47(4):351-4."
        (
            "vancouver",
            rf"^{_AUTHORS_LIST}\s+{_TITLE}\s+{_JOURNAL}{_VANC_DATE}"
            # ";47(4):351-4"  |  BMC's ", 15:550"  |  "(2014) 30(9):1312"  |  Cochrane's ";(2):CD1"
            rf"(?:(?:\s*[;:,]\s*|(?<=\))\s+){_VIP}"
            rf"|\s*;\s*\((?P<issue__c>[^()]{{1,25}})\)\s*:\s*(?P<pages__c>{_PAGE})"
            # BMC's Cochrane reviews: "Cochrane Database Syst Rev 2012., 12 CD009187".
            r"|\.?,\s*(?P<volume__r>\d{1,3})\s+(?:Article\s+ID\s+)?(?P<pages__r>CD\d{6}))?" + _TAIL,
            r"(?:1[89]|20)\d\d",
        ),
        # Royal Society: "Langer P. 2009 Title. J. Mammal. 90, 332-339. (doi:...)": the year,
        # without a period, between the authors and the title.
        (
            "vancouver-year-first",
            rf"^{_AUTHORS_LIST}\s+{_YEAR}\s+{_TITLE}\s+{_JOURNAL}\s+{_VIP}{_TAIL}",
            r"\.\s+(?:1[89]|20)\d\d[a-z]?\s+[^\W\d]",
        ),
        # Nature: "Title. Science 329, 959-964 (2010)."
        (
            "nature",
            rf"^{_AUTHORS_INIT_OR_VANC}\s+{_TITLE}\s+{_JOURNAL}\s+{_VOLUME}{_ISSUE}?,\s*{_PAGES}\s*"
            rf"{_YEAR_PAREN}{_TAIL}",
            _PAREN_YEAR,
        ),
        # MLA: "Title." Journal, vol. 47, no. 4, 2000, pp. 351-354.
        (
            "mla",
            rf"^{_AUTHORS_ANY}\.\s+[\"“](?P<title_q>[^\"“”]+)[\"”]\s*{_JOURNAL},\s*vol\.\s*{_VOLUME}"
            rf"(?:,\s*no\.\s*(?P<issue>[\w-]+))?,\s*(?:[^,]*?\s)?{_YEAR},\s*pp?\.\s*{_PAGES}"
            + _TAIL,
            r"\bvol\.\s*\w",
        ),
        # IEEE: R. M. Berman et al., "Title," Biol. Psychiatry, vol. 47, no. 4, pp. 351-354, 2000.
        (
            "ieee",
            rf"^{_AUTHORS_TO_Q},\s*{_QTITLE}\s*{_JOURNAL},\s*vol\.\s*{_VOLUME}"
            rf"(?:,\s*no\.\s*(?P<issue>[\w-]+))?,\s*(?:pp?\.|Art\.\s*no\.)\s*{_PAGES},\s*"
            rf"(?:[A-Z][a-z]{{2,8}}\.?(?:\s+\d{{1,2}})?,?\s+)?{_YEAR}{_TAIL}",
            r"\bvol\.\s*\w",
        ),
        # Chicago notes-bibliography: ... "Title." Journal 47, no. 4 (2000): 351-54.
        (
            "chicago-nb",
            rf"^{_AUTHORS_TO_Q}\.\s+{_QTITLE}\s*{_JOURNAL}\s+{_VOLUME}"
            rf"(?:,\s*no\.\s*(?P<issue>[\w-]+))?\s*\((?:[A-Z][a-z]+\.?\s+)?{_YEAR}\)\s*:\s*"
            rf"{_PAGES}{_TAIL}",
            r"\((?:[A-Z][a-z]+\.?\s+)?(?:1[89]|20)\d\d\)\s*:",
        ),
        # Chicago author-date: Family, Given. 2000. "Title." Journal 47 (4): 351-54.
        (
            "chicago-ad",
            rf"^{_AUTHORS_TO_YEAR}\.\s+{_YEAR}\.\s+{_TITLE}\s*{_JOURNAL}\s+{_VOLUME}"
            rf"(?:\s*\((?P<issue>[^()]{{1,25}})\))?\s*:\s*{_PAGES}{_TAIL}",
            r"\.\s+(?:1[89]|20)\d\d[a-z]?\.",
        ),
        # Wikipedia's cite journal: Names (February 2000). "Title". Journal. 47 (4): 351-4.
        # (A journal abbreviated without periods has none after it: "Transfus Med 19 (2)".)
        (
            "wikipedia",
            rf"^{_AUTHORS_ANY}\s*\((?:\d{{1,2}}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{{1,2}},?\s+)?"
            rf"{_YEAR}\)\.?\s*{_QTITLE}\s*{_JOURNAL}(?:\.\s*|\s+){_VOLUME}"
            rf"(?:\s*\((?P<issue>[^()]{{1,25}})\))?\s*:\s*{_PAGES}{_TAIL}",
            r"\(\w*\s*(?:1[89]|20)\d\d\)\.?\s*[\"“]",
        ),
        # ABNT (Brazil): FAMILY, I.; ... Title. Journal, v. 16, n. 9, p. 606-613, 2001.
        (
            "abnt",
            rf"^{_AUTHORS_INIT}\s+{_TITLE}\s*{_JOURNAL},\s*v\.\s*{_VOLUME}"
            rf"(?:,\s*n\.\s*(?P<issue>[\w-]+))?,\s*p\.\s*{_PAGES},\s*"
            rf"(?:[a-z]{{3,4}}\.?(?:/[a-z]{{3,4}}\.?)?\s*)?{_YEAR}{_TAIL}",
            r"\bv\.\s*\d",
        ),
        # Computing (IEEE CS, ACM, SIAM): H. Shachnai and J. Turek. Title. Journal, 70:47-52,
        # 1999.  |  ... Journal, 12(3):100-120, March 2004.
        (
            "computing",
            rf"^(?:{_names('authors__f', _NAME_IF)}|{_AUTHORS_INIT})\.?\s+{_TITLE}\s+{_JOURNAL},"
            rf"\s*(?:vol\.\s*)?{_VOLUME}(?:\s*\((?P<issue>[^()]{{1,25}})\))?\s*:\s*{_PAGES},\s*"
            rf"(?:[A-Z][a-z]{{2,8}}\.?\s+)?{_YEAR}{_TAIL}",
            r"\d\)?\s*:\s*[A-Za-z]?\d+\S{0,12},\s*(?:[A-Z][a-z]{2,8}\.?\s+)?(?:1[89]|20)\d\d",
        ),
        # DBLP: Hagit Shachnai, John Turek: Title. Inf. Process. Lett. 70(1): 47-52 (1999)
        (
            "dblp",
            rf"^(?P<authors__n>[^:()]{{3,600}}?):\s+{_TITLE}\s+{_JOURNAL}\s+{_VOLUME}"
            rf"(?:\s*\((?P<issue>[^()]{{1,25}})\))?\s*:\s*{_PAGES}\s*{_YEAR_PAREN}{_TAIL}",
            r"\d\)?:\s*[A-Za-z]?\d+\S{0,12}\s*\((?:1[89]|20)\d\d\)",
        ),
        # eLife's display: "Title A Das, S Sen, H Reichert Neural Development, 3, 33, 2008":
        # the title first, then the names (given names or initials first), the journal,
        # and ", volume, pages, year".
        (
            "title-first",
            rf"^(?P<title>[^\W\d].{{3,600}}?)\s+(?P<authors__n>{_NAME_GF}(?:,\s+{_NAME_GF})*"
            rf"(?:,?\s+et\s+al\.?)?)\s+{_JOURNAL},\s*{_VOLUME},\s*{_PAGES},\s*{_YEAR}{_TAIL}",
            r",\s*[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?,\s*(?:1[89]|20)\d\d[a-z]?\b",
        ),
        # Elsevier numbered: E. Hoffmann, J. Stech, Title, Arch. Virol. 146 (2001) 2275-2289.
        (
            "elsevier",
            rf"^(?:{_names('authors__f', _NAME_IF)}|{_AUTHORS_INIT}),\s+"
            rf"(?P<title>(?=[^\s,]).{{3,600}}?),\s+{_JOURNAL}\s+{_VOLUME}"
            rf"(?:\s*\((?P<issue>[^()]{{1,25}})\))?\s+\({_YEAR}\)\s+{_PAGES}{_TAIL}",
            r"\d\s+\((?:1[89]|20)\d\d\)\s+[A-Za-z]?\d",
        ),
        # Science: N. Li et al., Science 329, 959 (2010).
        (
            "science",
            rf"^(?P<authors>(?:{_INITS}\s*{_FAMILY}(?:,\s*(?:and\s+)?)?)+(?:\s*et\s+al\.)?),"
            rf"\s*{_JOURNAL}\s+{_VOLUME},\s*{_PAGES}\s*{_YEAR_PAREN}{_TAIL}",
            _PAREN_YEAR,
        ),
        # Partial forms: the start of an entry whose end is missing or unusual.
        ("ieee-title", rf"^{_AUTHORS_TO_Q},\s*{_QTITLE}{_TAIL}", r"[\"“]"),
        (
            "author-year-title",
            rf"^{_AUTHORS_ANY}[.,]?\s*{_YEAR_PAREN}[.,]?\s*{_TITLE}{_TAIL}",
            _PAREN_YEAR,
        ),
        # ACL: Bunescu, R. and Mooney, R. 2006. Title. In Proceedings of ...
        (
            "author-year-bare-title",
            rf"^{_AUTHORS_TO_YEAR}[.,]?\s+{_YEAR}\.\s+{_TITLE}{_TAIL}",
            r"[.,]\s+(?:1[89]|20)\d\d[a-z]?\.",
        ),
        ("author-year-only", rf"^{_AUTHORS_ANY}[.,]?\s*{_YEAR_PAREN}{_TAIL}", _PAREN_YEAR),
        ("initials-title", rf"^{_AUTHORS_INIT}\s+{_TITLE}{_TAIL}", r"\."),
        ("vancouver-title", rf"^{_AUTHORS_VANC}\s+{_TITLE}{_TAIL}", r"\."),
    )
)

ANY_VIP = re.compile(rf"\b{_VOLUME}{_ISSUE}?\s*[:,]\s*(?:pp?\.\s*)?{_PAGES}\b")
