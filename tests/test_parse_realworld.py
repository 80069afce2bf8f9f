"""parse_entry on reference shapes that real pages print (PubMed, PMC, BMC, journal sites,
Wikipedia, student papers): one (entry, field, expected) row per check."""

from __future__ import annotations

from typing import Any

import pytest

from citecheck.model import Entry
from citecheck.parse import parse_authors, parse_entry

NO_SPACES = (
    "Baden LR,El Sahly HM,Essink B,et al.Efficacy and Safety of the mRNA-1273 SARS-CoV-2 "
    "Vaccine.N Engl J Med 2021;384:403-16."
)
APA_NO_SPACES = (
    "Spitzer, R.L.,Kroenke, K.,Williams, J.B.W.,& Löwe, B.(2006).A brief measure for "
    "assessing generalized anxiety disorder: the GAD-7.Archives of Internal Medicine,"
    "166(10),1092-1097."
)
CAPS = (
    "ZHOU F, YU T, DU R, et al. Clinical course and risk factors for mortality of adult "
    "inpatients with COVID-19 in Wuhan, China: a retrospective cohort study. Lancet 2020; "
    "395: 1054–62."
)
BMC = (
    "Robinson MD, Oshlack A: A scaling normalization method for differential expression "
    "analysis of RNA-seq data. Genome Biol 2010, 11:R25."
)
CELL = (
    "Subramanian, A., Tamayo, P., Mootha, V.K., and Mesirov, J.P. (2005). Gene set "
    "enrichment analysis: a knowledge-based approach for interpreting genome-wide expression "
    "profiles. Proc. Natl. Acad. Sci. USA 102, 15545–15550."
)
QUOTED_WORDS = (
    'Rosenthal R. The "file drawer problem" and tolerance for null results. Psychol Bull. '
    "1979;86(3):638-641."
)
CORRECTION = (
    "Grant BF, Goldstein RB, Saha TD, et al. Epidemiology of DSM-5 alcohol use disorder: "
    "results from the National Epidemiologic Survey on Alcohol and Related Conditions III "
    "[published correction appears in JAMA Psychiatry. 2015 Oct;72(10):1058]. JAMA "
    "Psychiatry. 2015;72(8):757-766. doi:10.1001/jamapsychiatry.2015.0584"
)
SUPPL = (
    "Sheehan DV, Lecrubier Y, Sheehan KH, et al. The Mini-International Neuropsychiatric "
    "Interview (M.I.N.I.): the development and validation of a structured diagnostic "
    "psychiatric interview for DSM-IV and ICD-10. J Clin Psychiatry. 1998;59 Suppl 20:22-33."
)
SUPPL_TWICE = (
    "American Diabetes Association. Diagnosis and classification of diabetes mellitus. "
    "Diabetes Care. 2010 Jan;33 Suppl 1(Suppl 1):S62-9. doi: 10.2337/dc10-S062."
)
CELL_PAGES = (
    "Hall KD, Ayuketah A, Brychta R, et al. Ultra-Processed Diets Cause Excess Calorie "
    "Intake and Weight Gain: An Inpatient Randomized Controlled Trial of Ad Libitum Food "
    "Intake. Cell Metab. 2019;30(1):67-77.e3."
)
SCIENCE_ID = (
    "Open Science Collaboration. Estimating the reproducibility of psychological science. "
    "Science. 2015;349(6251):aac4716."
)
COCHRANE = (
    "Mattick RP, Breen C, Kimber J, Davoli M. Buprenorphine maintenance versus placebo or "
    "methadone maintenance for opioid dependence. Cochrane Database Syst Rev. 2014 Feb "
    "6;(2):CD002207. doi: 10.1002/14651858.CD002207.pub4."
)
NATURE_VANC = (
    "Kaplan EL, Meier P. Nonparametric estimation from incomplete observations. J. Am. Stat. "
    "Assoc. 53, 457–481 (1958)."
)
DOTTED_VANC = (
    "Jinek M., Chylinski K., Fonfara I., Hauer M., Doudna J.A., Charpentier E. A "
    "programmable dual-RNA-guided DNA endonuclease in adaptive bacterial immunity. Science. "
    "2012;337:816–821. doi: 10.1126/science.1225829."
)
INITIALS_VANC = (
    "Mathews, D.C., Henter, I.D., Zarate, C.A. Targeting the glutamatergic system to treat "
    "major depressive disorder: rationale and progress to date. Drugs. 2012;72(10):1313-1333"
)
ABNT = (
    "KROENKE, K.; SPITZER, R. L.; WILLIAMS, J. B. The PHQ-9: validity of a brief depression "
    "severity measure. Journal of General Internal Medicine, v. 16, n. 9, p. 606-613, 2001."
)
GBT = (
    "WANG Chen, HORBY Peter W, HAYDEN Frederick G, GAO George F. A novel coronavirus "
    "outbreak of global health concern. Lancet, 2020, 395(10223): 470-473."
)
ELSEVIER_HARVARD = (
    "Guan, W., Ni, Z., Hu, Y., Hui, D.S.C., et al., 2020. Clinical characteristics of "
    "coronavirus disease 2019 in China. N. Engl. J. Med. 382, 1708–1720."
)
ARTICLE_NUMBER = (
    "Wilkinson, M. D., Dumontier, M., Aalbersberg, I. J., et al. (2016). The FAIR Guiding "
    "Principles for scientific data management and stewardship. Scientific Data, 3, Article "
    "160018. https://doi.org/10.1038/sdata.2016.18"
)
WIKIPEDIA_PDF = (
    'Kahneman, Daniel; Tversky, Amos (1979). "Prospect Theory: An Analysis of Decision under '
    'Risk" (PDF). Econometrica. 47 (2): 263–291. doi:10.2307/1914185. JSTOR 1914185.'
)
WIKIPEDIA_IDS = (
    'Watson JD, Crick FH (April 1953). "Molecular structure of nucleic acids; a structure for '
    'deoxyribose nucleic acid". Nature. 171 (4356): 737–738. Bibcode:1953Natur.171..737W. '
    "doi:10.1038/171737a0. PMID 13054692. S2CID 4253007."
)
PUBLISHED_ONLINE = (
    "Sudre CH, Murray B, Varsavsky T, et al. Attributes and predictors of long COVID. Nat "
    "Med. 2021;27(4):626-631. doi:10.1038/s41591-021-01292-y. Published online March 10, 2021."
)
GROUP = (
    "UK Prospective Diabetes Study (UKPDS) Group. Intensive blood-glucose control with "
    "sulphonylureas or insulin compared with conventional treatment and risk of "
    "complications in patients with type 2 diabetes (UKPDS 33). Lancet. 1998;352(9131):837-853."
)
COLLABORATORS = (
    "GBD 2019 Diseases and Injuries Collaborators. Global burden of 369 diseases and injuries "
    "in 204 countries and territories, 1990-2019: a systematic analysis for the Global Burden "
    "of Disease Study 2019. Lancet. 2020;396(10258):1204-1222."
)
STAMATAKIS = (
    "Stamatakis A. RAxML version 8: a tool for phylogenetic analysis and post-analysis of "
    "large phylogenies. Bioinformatics (2014) 30(9):1312–3. doi:10.1093/bioinformatics/btu033"
)
NEURIPS = (
    "Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., "
    "& Polosukhin, I. (2017). Attention is all you need. Advances in Neural Information "
    "Processing Systems, 30."
)
EDITED = (
    "Higgins JPT, Thomas J, Chandler J, Cumpston M, Li T, Page MJ, Welch VA (editors). "
    "Cochrane Handbook for Systematic Reviews of Interventions version 6.3 (updated February "
    "2022). Cochrane, 2022. Available from www.training.cochrane.org/handbook."
)
HARVARD_BOOK = (
    "Walker, M.P. (2017) Why We Sleep: Unlocking the Power of Sleep and Dreams. New York: Scribner."
)

ROWS: list[tuple[str, str, Any]] = [
    (NO_SPACES, "first_author", "Baden LR"),
    (NO_SPACES, "title", "Efficacy and Safety of the mRNA-1273 SARS-CoV-2 Vaccine"),
    (NO_SPACES, "journal", "N Engl J Med"),
    (NO_SPACES, "pages", "403-16"),
    (APA_NO_SPACES, "year", 2006),
    (APA_NO_SPACES, "journal", "Archives of Internal Medicine"),
    (APA_NO_SPACES, "volume", "166"),
    (APA_NO_SPACES, "pages", "1092-1097"),
    (CAPS, "first_author", "ZHOU F"),
    (CAPS, "journal", "Lancet"),
    (
        BMC,
        "title",
        "A scaling normalization method for differential expression analysis of RNA-seq data",
    ),
    (BMC, "journal", "Genome Biol"),
    (BMC, "volume", "11"),
    (BMC, "pages", "R25"),
    (CELL, "journal", "Proc. Natl. Acad. Sci. USA"),
    (CELL, "volume", "102"),
    (CELL, "pages", "15545-15550"),
    (QUOTED_WORDS, "title", 'The "file drawer problem" and tolerance for null results'),
    (QUOTED_WORDS, "journal", "Psychol Bull"),
    (
        CORRECTION,
        "title",
        "Epidemiology of DSM-5 alcohol use disorder: results from the "
        "National Epidemiologic Survey on Alcohol and Related Conditions III",
    ),
    (CORRECTION, "journal", "JAMA Psychiatry"),
    (CORRECTION, "volume", "72"),
    (SUPPL, "volume", "59"),
    (SUPPL, "issue", "Suppl 20"),
    (SUPPL, "pages", "22-33"),
    (SUPPL_TWICE, "issue", "Suppl 1"),
    (SUPPL_TWICE, "pages", "S62-9"),
    (CELL_PAGES, "pages", "67-77.e3"),
    (SCIENCE_ID, "pages", "aac4716"),
    (COCHRANE, "volume", None),
    (COCHRANE, "issue", "2"),
    (COCHRANE, "pages", "CD002207"),
    (NATURE_VANC, "journal", "J. Am. Stat. Assoc"),
    (NATURE_VANC, "year", 1958),
    (DOTTED_VANC, "first_author", "Jinek M"),
    (DOTTED_VANC, "journal", "Science"),
    (INITIALS_VANC, "first_author", "Mathews DC"),
    (INITIALS_VANC, "journal", "Drugs"),
    (ABNT, "first_author", "KROENKE K"),
    (ABNT, "journal", "Journal of General Internal Medicine"),
    (ABNT, "issue", "9"),
    (ABNT, "pages", "606-613"),
    (GBT, "first_author", "WANG C"),
    (GBT, "journal", "Lancet"),
    (GBT, "volume", "395"),
    (GBT, "pages", "470-473"),
    (ELSEVIER_HARVARD, "first_author", "Guan W"),
    (ELSEVIER_HARVARD, "journal", "N. Engl. J. Med"),
    (ARTICLE_NUMBER, "pages", "160018"),
    (WIKIPEDIA_PDF, "title", "Prospect Theory: An Analysis of Decision under Risk"),
    (WIKIPEDIA_IDS, "pages", "737-738"),
    (WIKIPEDIA_IDS, "pmid", "13054692"),
    (PUBLISHED_ONLINE, "pages", "626-631"),
    (GROUP, "first_author", "UK Prospective Diabetes Study (UKPDS) Group"),
    (GROUP, "journal", "Lancet"),
    (COLLABORATORS, "first_author", "GBD 2019 Diseases and Injuries Collaborators"),
    (STAMATAKIS, "year", 2014),
    (STAMATAKIS, "volume", "30"),
    (STAMATAKIS, "pages", "1312-3"),
    (NEURIPS, "kind", "conference paper"),
    (EDITED, "kind", "book"),
    (HARVARD_BOOK, "kind", "book"),
]


def _field(text: str, field: str) -> Any:
    ref = parse_entry(Entry(1, text, 1))
    if field == "first_author":
        return ref.authors[0] if ref.authors else None
    return getattr(ref, field)


@pytest.mark.parametrize(("text", "field", "expected"), ROWS)
def test_realworld_field(text: str, field: str, expected: Any) -> None:
    assert _field(text, field) == expected


AUTHOR_ROWS: list[tuple[str, str]] = [
    ("LI N, LEE B, LIU RJ, et al", "LI N"),
    ("KROENKE, K.; SPITZER, R. L.; WILLIAMS, J. B.", "KROENKE K"),
    ("HORBY Peter W, HAYDEN Frederick G", "HORBY PW"),
    ("Jinek M., Chylinski K., Doudna J.A.", "Jinek M"),
]


@pytest.mark.parametrize(("text", "first"), AUTHOR_ROWS)
def test_realworld_first_author(text: str, first: str) -> None:
    assert parse_authors(text)[0][0] == first
