"""Metadata of real published works, typed in from the works themselves (title pages,
journal sites, PubMed records), used to write the labelled reference strings.

Authors are "Family, Given" (Given as printed: full names or initials). Journals give
the full title and the NLM abbreviation. Non-article works carry a `kind` and the text
of one or two hand-written references in the styles such works are usually cited in.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Work:
    authors: tuple[str, ...]
    title: str
    journal: str
    abbrev: str
    year: int
    volume: str
    issue: str | None
    pages: str
    doi: str | None = None
    pmid: str | None = None
    month: str | None = None


def _w(
    authors: str,
    title: str,
    journal: str,
    abbrev: str,
    year: int,
    vip: str,
    doi: str | None = None,
    pmid: str | None = None,
    month: str | None = None,
) -> Work:
    volume, _, rest = vip.partition(":")
    issue = None
    if "(" in volume:
        volume, issue = volume.rstrip(")").split("(")
    return Work(
        tuple(a.strip() for a in authors.split(";")),
        title,
        journal,
        abbrev,
        year,
        volume,
        issue,
        rest,
        doi,
        pmid,
        month,
    )


ARTICLES: tuple[Work, ...] = (
    _w(
        "Berman, Robert M.; Cappiello, Angela; Anand, Amit; Oren, Dan A.; Heninger, George R.; "
        "Charney, Dennis S.; Krystal, John H.",
        "Antidepressant effects of ketamine in depressed patients",
        "Biological Psychiatry",
        "Biol Psychiatry",
        2000,
        "47(4):351-354",
        "10.1016/s0006-3223(99)00230-9",
        "10686270",
        "Feb 15",
    ),
    _w(
        "Li, Nanxin; Lee, Boyoung; Liu, Rong-Jian; Banasr, Mounira; Dwyer, Jason M.; Iwata, Masaaki; "
        "Li, Xiao-Yuan; Aghajanian, George; Duman, Ronald S.",
        "mTOR-dependent synapse formation underlies the rapid antidepressant effects of NMDA "
        "antagonists",
        "Science",
        "Science",
        2010,
        "329(5994):959-964",
        "10.1126/science.1190287",
        "20724638",
        "Aug 20",
    ),
    _w(
        "Zarate, Carlos A.; Singh, Jaskaran B.; Carlson, Paul J.; Brutsche, Nancy E.; Ameli, Rezvan; "
        "Luckenbaugh, David A.; Charney, Dennis S.; Manji, Husseini K.",
        "A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major "
        "depression",
        "Archives of General Psychiatry",
        "Arch Gen Psychiatry",
        2006,
        "63(8):856-864",
        "10.1001/archpsyc.63.8.856",
        "16894061",
        "Aug",
    ),
    _w(
        "Kroenke, Kurt; Spitzer, Robert L.; Williams, Janet B. W.",
        "The PHQ-9: validity of a brief depression severity measure",
        "Journal of General Internal Medicine",
        "J Gen Intern Med",
        2001,
        "16(9):606-613",
        "10.1046/j.1525-1497.2001.016009606.x",
        "11556941",
        "Sep",
    ),
    _w(
        "Spitzer, Robert L.; Kroenke, Kurt; Williams, Janet B. W.; Löwe, Bernd",
        "A brief measure for assessing generalized anxiety disorder: the GAD-7",
        "Archives of Internal Medicine",
        "Arch Intern Med",
        2006,
        "166(10):1092-1097",
        "10.1001/archinte.166.10.1092",
        "16717171",
        "May 22",
    ),
    _w(
        "Moher, David; Liberati, Alessandro; Tetzlaff, Jennifer; Altman, Douglas G.",
        "Preferred reporting items for systematic reviews and meta-analyses: the PRISMA statement",
        "PLoS Medicine",
        "PLoS Med",
        2009,
        "6(7):e1000097",
        "10.1371/journal.pmed.1000097",
        "19621072",
        "Jul 21",
    ),
    _w(
        "Page, Matthew J.; McKenzie, Joanne E.; Bossuyt, Patrick M.; Boutron, Isabelle; "
        "Hoffmann, Tammy C.; Mulrow, Cynthia D.",
        "The PRISMA 2020 statement: an updated guideline for reporting systematic reviews",
        "BMJ",
        "BMJ",
        2021,
        "372:n71",
        "10.1136/bmj.n71",
        "33782057",
        "Mar 29",
    ),
    _w(
        "Higgins, Julian P. T.; Thompson, Simon G.; Deeks, Jonathan J.; Altman, Douglas G.",
        "Measuring inconsistency in meta-analyses",
        "BMJ",
        "BMJ",
        2003,
        "327(7414):557-560",
        "10.1136/bmj.327.7414.557",
        "12958120",
        "Sep 6",
    ),
    _w(
        "Bland, J. Martin; Altman, Douglas G.",
        "Statistical methods for assessing agreement between two methods of clinical measurement",
        "Lancet",
        "Lancet",
        1986,
        "1(8476):307-310",
        "10.1016/S0140-6736(86)90837-8",
        "2868172",
        "Feb 8",
    ),
    _w(
        "Hamilton, Max",
        "A rating scale for depression",
        "Journal of Neurology, Neurosurgery, and Psychiatry",
        "J Neurol Neurosurg Psychiatry",
        1960,
        "23(1):56-62",
        "10.1136/jnnp.23.1.56",
        "14399272",
        "Feb",
    ),
    _w(
        "Montgomery, Stuart A.; Åsberg, Marie",
        "A new depression scale designed to be sensitive to change",
        "British Journal of Psychiatry",
        "Br J Psychiatry",
        1979,
        "134(4):382-389",
        "10.1192/bjp.134.4.382",
        "444788",
        "Apr",
    ),
    _w(
        "Laemmli, Ulrich K.",
        "Cleavage of structural proteins during the assembly of the head of bacteriophage T4",
        "Nature",
        "Nature",
        1970,
        "227(5259):680-685",
        "10.1038/227680a0",
        "5432063",
        "Aug 15",
    ),
    _w(
        "Bradford, Marion M.",
        "A rapid and sensitive method for the quantitation of microgram quantities of protein "
        "utilizing the principle of protein-dye binding",
        "Analytical Biochemistry",
        "Anal Biochem",
        1976,
        "72:248-254",
        "10.1016/0003-2697(76)90527-3",
        "942051",
        "May 7",
    ),
    _w(
        "Lowry, Oliver H.; Rosebrough, Nira J.; Farr, A. Lewis; Randall, Rose J.",
        "Protein measurement with the Folin phenol reagent",
        "Journal of Biological Chemistry",
        "J Biol Chem",
        1951,
        "193(1):265-275",
        None,
        "14907713",
        "Nov",
    ),
    _w(
        "Altschul, Stephen F.; Gish, Warren; Miller, Webb; Myers, Eugene W.; Lipman, David J.",
        "Basic local alignment search tool",
        "Journal of Molecular Biology",
        "J Mol Biol",
        1990,
        "215(3):403-410",
        "10.1016/S0022-2836(05)80360-2",
        "2231712",
        "Oct 5",
    ),
    _w(
        "Livak, Kenneth J.; Schmittgen, Thomas D.",
        "Analysis of relative gene expression data using real-time quantitative PCR and the "
        "2(-Delta Delta C(T)) method",
        "Methods",
        "Methods",
        2001,
        "25(4):402-408",
        "10.1006/meth.2001.1262",
        "11846609",
        "Dec",
    ),
    _w(
        "Chomczynski, Piotr; Sacchi, Nicoletta",
        "Single-step method of RNA isolation by acid guanidinium thiocyanate-phenol-chloroform "
        "extraction",
        "Analytical Biochemistry",
        "Anal Biochem",
        1987,
        "162(1):156-159",
        "10.1016/0003-2697(87)90021-2",
        "2440339",
        "Apr",
    ),
    _w(
        "Jinek, Martin; Chylinski, Krzysztof; Fonfara, Ines; Hauer, Michael; Doudna, Jennifer A.; "
        "Charpentier, Emmanuelle",
        "A programmable dual-RNA-guided DNA endonuclease in adaptive bacterial immunity",
        "Science",
        "Science",
        2012,
        "337(6096):816-821",
        "10.1126/science.1225829",
        "22745249",
        "Aug 17",
    ),
    _w(
        "Takahashi, Kazutoshi; Yamanaka, Shinya",
        "Induction of pluripotent stem cells from mouse embryonic and adult fibroblast cultures by "
        "defined factors",
        "Cell",
        "Cell",
        2006,
        "126(4):663-676",
        "10.1016/j.cell.2006.07.024",
        "16904174",
        "Aug 25",
    ),
    _w(
        "Hanahan, Douglas; Weinberg, Robert A.",
        "Hallmarks of cancer: the next generation",
        "Cell",
        "Cell",
        2011,
        "144(5):646-674",
        "10.1016/j.cell.2011.02.013",
        "21376230",
        "Mar 4",
    ),
    _w(
        "Wu, Fan; Zhao, Su; Yu, Bin; Chen, Yan-Mei; Wang, Wen; Song, Zhi-Gang",
        "A new coronavirus associated with human respiratory disease in China",
        "Nature",
        "Nature",
        2020,
        "579(7798):265-269",
        "10.1038/s41586-020-2008-3",
        "32015508",
        "Mar",
    ),
    _w(
        "Zhou, Peng; Yang, Xing-Lou; Wang, Xian-Guang; Hu, Ben; Zhang, Lei; Zhang, Wei",
        "A pneumonia outbreak associated with a new coronavirus of probable bat origin",
        "Nature",
        "Nature",
        2020,
        "579(7798):270-273",
        "10.1038/s41586-020-2012-7",
        "32015507",
        "Mar",
    ),
    _w(
        "Huang, Chaolin; Wang, Yeming; Li, Xingwang; Ren, Lili; Zhao, Jianping; Hu, Yi",
        "Clinical features of patients infected with 2019 novel coronavirus in Wuhan, China",
        "Lancet",
        "Lancet",
        2020,
        "395(10223):497-506",
        "10.1016/S0140-6736(20)30183-5",
        "31986264",
        "Feb 15",
    ),
    _w(
        "Zhu, Na; Zhang, Dingyu; Wang, Wenling; Li, Xingwang; Yang, Bo; Song, Jingdong",
        "A novel coronavirus from patients with pneumonia in China, 2019",
        "New England Journal of Medicine",
        "N Engl J Med",
        2020,
        "382(8):727-733",
        "10.1056/NEJMoa2001017",
        "31978945",
        "Feb 20",
    ),
    _w(
        "Polack, Fernando P.; Thomas, Stephen J.; Kitchin, Nicholas; Absalon, Judith; "
        "Gurtman, Alejandra; Lockhart, Stephen",
        "Safety and efficacy of the BNT162b2 mRNA Covid-19 vaccine",
        "New England Journal of Medicine",
        "N Engl J Med",
        2020,
        "383(27):2603-2615",
        "10.1056/NEJMoa2034577",
        "33301246",
        "Dec 31",
    ),
    _w(
        "Baden, Lindsey R.; El Sahly, Hana M.; Essink, Brandon; Kotloff, Karen; Frey, Sharon",
        "Efficacy and safety of the mRNA-1273 SARS-CoV-2 vaccine",
        "New England Journal of Medicine",
        "N Engl J Med",
        2021,
        "384(5):403-416",
        "10.1056/NEJMoa2035389",
        "33378609",
        "Feb 4",
    ),
    _w(
        "Ioannidis, John P. A.",
        "Why most published research findings are false",
        "PLoS Medicine",
        "PLoS Med",
        2005,
        "2(8):e124",
        "10.1371/journal.pmed.0020124",
        "16060722",
        "Aug",
    ),
    _w(
        "Love, Michael I.; Huber, Wolfgang; Anders, Simon",
        "Moderated estimation of fold change and dispersion for RNA-seq data with DESeq2",
        "Genome Biology",
        "Genome Biol",
        2014,
        "15(12):550",
        "10.1186/s13059-014-0550-8",
        "25516281",
    ),
    _w(
        "Li, Heng; Durbin, Richard",
        "Fast and accurate short read alignment with Burrows-Wheeler transform",
        "Bioinformatics",
        "Bioinformatics",
        2009,
        "25(14):1754-1760",
        "10.1093/bioinformatics/btp324",
        "19451168",
        "Jul 15",
    ),
    _w(
        "Langmead, Ben; Salzberg, Steven L.",
        "Fast gapped-read alignment with Bowtie 2",
        "Nature Methods",
        "Nat Methods",
        2012,
        "9(4):357-359",
        "10.1038/nmeth.1923",
        "22388286",
        "Mar 4",
    ),
    _w(
        "Schneider, Caroline A.; Rasband, Wayne S.; Eliceiri, Kevin W.",
        "NIH Image to ImageJ: 25 years of image analysis",
        "Nature Methods",
        "Nat Methods",
        2012,
        "9(7):671-675",
        "10.1038/nmeth.2089",
        "22930834",
        "Jul",
    ),
    _w(
        "Jumper, John; Evans, Richard; Pritzel, Alexander; Green, Tim; Figurnov, Michael",
        "Highly accurate protein structure prediction with AlphaFold",
        "Nature",
        "Nature",
        2021,
        "596(7873):583-589",
        "10.1038/s41586-021-03819-2",
        "34265844",
        "Aug",
    ),
    _w(
        "LeCun, Yann; Bengio, Yoshua; Hinton, Geoffrey",
        "Deep learning",
        "Nature",
        "Nature",
        2015,
        "521(7553):436-444",
        "10.1038/nature14539",
        "26017442",
        "May 28",
    ),
    _w(
        "Silver, David; Huang, Aja; Maddison, Chris J.; Guez, Arthur; Sifre, Laurent",
        "Mastering the game of Go with deep neural networks and tree search",
        "Nature",
        "Nature",
        2016,
        "529(7587):484-489",
        "10.1038/nature16961",
        "26819042",
        "Jan 28",
    ),
    _w(
        "Murrough, James W.; Iosifescu, Dan V.; Chang, Lee C.; Al Jurdi, Rayan K.; Green, Charles E.",
        "Antidepressant efficacy of ketamine in treatment-resistant major depression: a two-site "
        "randomized controlled trial",
        "American Journal of Psychiatry",
        "Am J Psychiatry",
        2013,
        "170(10):1134-1142",
        "10.1176/appi.ajp.2013.13030392",
        "23982301",
        "Oct",
    ),
    _w(
        "Kessler, Ronald C.; Berglund, Patricia; Demler, Olga; Jin, Robert; Merikangas, Kathleen R.; "
        "Walters, Ellen E.",
        "Lifetime prevalence and age-of-onset distributions of DSM-IV disorders in the National "
        "Comorbidity Survey Replication",
        "Archives of General Psychiatry",
        "Arch Gen Psychiatry",
        2005,
        "62(6):593-602",
        "10.1001/archpsyc.62.6.593",
        "15939837",
        "Jun",
    ),
    _w(
        "Beck, Aaron T.; Ward, C. H.; Mendelson, M.; Mock, J.; Erbaugh, J.",
        "An inventory for measuring depression",
        "Archives of General Psychiatry",
        "Arch Gen Psychiatry",
        1961,
        "4(6):561-571",
        "10.1001/archpsyc.1961.01710120031004",
        "13688369",
        "Jun",
    ),
    _w(
        "Charlson, Mary E.; Pompei, Peter; Ales, Kathy L.; MacKenzie, C. Ronald",
        "A new method of classifying prognostic comorbidity in longitudinal studies: development "
        "and validation",
        "Journal of Chronic Diseases",
        "J Chronic Dis",
        1987,
        "40(5):373-383",
        "10.1016/0021-9681(87)90171-8",
        "3558716",
    ),
    _w(
        "DerSimonian, Rebecca; Laird, Nan",
        "Meta-analysis in clinical trials",
        "Controlled Clinical Trials",
        "Control Clin Trials",
        1986,
        "7(3):177-188",
        "10.1016/0197-2456(86)90046-2",
        "3802833",
        "Sep",
    ),
    _w(
        "Benjamini, Yoav; Hochberg, Yosef",
        "Controlling the false discovery rate: a practical and powerful approach to multiple "
        "testing",
        "Journal of the Royal Statistical Society: Series B (Methodological)",
        "J R Stat Soc Series B Stat Methodol",
        1995,
        "57(1):289-300",
        "10.1111/j.2517-6161.1995.tb02031.x",
    ),
    _w(
        "Watson, James D.; Crick, Francis H. C.",
        "Molecular structure of nucleic acids: a structure for deoxyribose nucleic acid",
        "Nature",
        "Nature",
        1953,
        "171(4356):737-738",
        "10.1038/171737a0",
        "13054692",
        "Apr 25",
    ),
    _w(
        "Hochreiter, Sepp; Schmidhuber, Jürgen",
        "Long short-term memory",
        "Neural Computation",
        "Neural Comput",
        1997,
        "9(8):1735-1780",
        "10.1162/neco.1997.9.8.1735",
        "9377276",
        "Nov 15",
    ),
    _w(
        "Tversky, Amos; Kahneman, Daniel",
        "Judgment under uncertainty: heuristics and biases",
        "Science",
        "Science",
        1974,
        "185(4157):1124-1131",
        "10.1126/science.185.4157.1124",
        "17835457",
        "Sep 27",
    ),
    _w(
        "Kahneman, Daniel; Tversky, Amos",
        "Prospect theory: an analysis of decision under risk",
        "Econometrica",
        "Econometrica",
        1979,
        "47(2):263-291",
        "10.2307/1914185",
    ),
    _w(
        "Hardin, Garrett",
        "The tragedy of the commons",
        "Science",
        "Science",
        1968,
        "162(3859):1243-1248",
        "10.1126/science.162.3859.1243",
        "5699198",
        "Dec 13",
    ),
    _w(
        "Shannon, Claude E.",
        "A mathematical theory of communication",
        "Bell System Technical Journal",
        "Bell Syst Tech J",
        1948,
        "27(3):379-423",
        "10.1002/j.1538-7305.1948.tb01338.x",
    ),
    _w(
        "Sanger, Frederick; Nicklen, S.; Coulson, Alan R.",
        "DNA sequencing with chain-terminating inhibitors",
        "Proceedings of the National Academy of Sciences of the United States of America",
        "Proc Natl Acad Sci U S A",
        1977,
        "74(12):5463-5467",
        "10.1073/pnas.74.12.5463",
        "271968",
        "Dec",
    ),
    _w(
        "Saiki, Randall K.; Gelfand, David H.; Stoffel, Susanne; Scharf, Stephen J.; Higuchi, Russell",
        "Primer-directed enzymatic amplification of DNA with a thermostable DNA polymerase",
        "Science",
        "Science",
        1988,
        "239(4839):487-491",
        "10.1126/science.2448875",
        "2448875",
        "Jan 29",
    ),
    _w(
        "Mosmann, Tim",
        "Rapid colorimetric assay for cellular growth and survival: application to proliferation "
        "and cytotoxicity assays",
        "Journal of Immunological Methods",
        "J Immunol Methods",
        1983,
        "65(1-2):55-63",
        "10.1016/0022-1759(83)90303-4",
        "6606682",
        "Dec 16",
    ),
    _w(
        "Edgar, Robert C.",
        "MUSCLE: multiple sequence alignment with high accuracy and high throughput",
        "Nucleic Acids Research",
        "Nucleic Acids Res",
        2004,
        "32(5):1792-1797",
        "10.1093/nar/gkh340",
        "15034147",
        "Mar 19",
    ),
    _w(
        "Robinson, Mark D.; McCarthy, Davis J.; Smyth, Gordon K.",
        "edgeR: a Bioconductor package for differential expression analysis of digital gene "
        "expression data",
        "Bioinformatics",
        "Bioinformatics",
        2010,
        "26(1):139-140",
        "10.1093/bioinformatics/btp616",
        "19910308",
        "Jan 1",
    ),
    _w(
        "Pedregosa, Fabian; Varoquaux, Gaël; Gramfort, Alexandre; Michel, Vincent",
        "Scikit-learn: machine learning in Python",
        "Journal of Machine Learning Research",
        "J Mach Learn Res",
        2011,
        "12:2825-2830",
    ),
    _w(
        "Kaplan, Edward L.; Meier, Paul",
        "Nonparametric estimation from incomplete observations",
        "Journal of the American Statistical Association",
        "J Am Stat Assoc",
        1958,
        "53(282):457-481",
        "10.1080/01621459.1958.10501452",
    ),
    _w(
        "Cox, David R.",
        "Regression models and life-tables",
        "Journal of the Royal Statistical Society: Series B (Methodological)",
        "J R Stat Soc Series B Stat Methodol",
        1972,
        "34(2):187-220",
        "10.1111/j.2517-6161.1972.tb00899.x",
    ),
    _w(
        "Cohen, Jacob",
        "A coefficient of agreement for nominal scales",
        "Educational and Psychological Measurement",
        "Educ Psychol Meas",
        1960,
        "20(1):37-46",
        "10.1177/001316446002000104",
    ),
    _w(
        "Duman, Ronald S.; Aghajanian, George K.",
        "Synaptic dysfunction in depression: potential therapeutic targets",
        "Science",
        "Science",
        2012,
        "338(6103):68-72",
        "10.1126/science.1222939",
        "23042884",
        "Oct 5",
    ),
    _w(
        "Autry, Anita E.; Adachi, Megumi; Nosyreva, Elena; Na, Elisa S.; Los, Maarten F.",
        "NMDA receptor blockade at rest triggers rapid behavioural antidepressant responses",
        "Nature",
        "Nature",
        2011,
        "475(7354):91-95",
        "10.1038/nature10130",
        "21677641",
        "Jun 15",
    ),
    _w(
        "Zanos, Panos; Moaddel, Ruin; Morris, Patrick J.; Georgiou, Polymnia; Fischell, Jonathan",
        "NMDAR inhibition-independent antidepressant actions of ketamine metabolites",
        "Nature",
        "Nature",
        2016,
        "533(7604):481-486",
        "10.1038/nature17998",
        "27144355",
        "May 26",
    ),
    _w(
        "Guyatt, Gordon H.; Oxman, Andrew D.; Vist, Gunn E.; Kunz, Regina; Falck-Ytter, Yngve; "
        "Alonso-Coello, Pablo; Schünemann, Holger J.",
        "GRADE: an emerging consensus on rating quality of evidence and strength of "
        "recommendations",
        "BMJ",
        "BMJ",
        2008,
        "336(7650):924-926",
        "10.1136/bmj.39489.470347.AD",
        "18436948",
        "Apr 26",
    ),
    _w(
        "Krogh, Anders; Larsson, Björn; von Heijne, Gunnar; Sonnhammer, Erik L. L.",
        "Predicting transmembrane protein topology with a hidden Markov model: application to "
        "complete genomes",
        "Journal of Molecular Biology",
        "J Mol Biol",
        2001,
        "305(3):567-580",
        "10.1006/jmbi.2000.4315",
        "11152613",
        "Jan 19",
    ),
    _w(
        "van der Maaten, Laurens; Hinton, Geoffrey",
        "Visualizing data using t-SNE",
        "Journal of Machine Learning Research",
        "J Mach Learn Res",
        2008,
        "9(86):2579-2605",
    ),
    _w(
        "Sterne, Jonathan A. C.; Savović, Jelena; Page, Matthew J.; Elbers, Roy G.",
        "RoB 2: a revised tool for assessing risk of bias in randomised trials",
        "BMJ",
        "BMJ",
        2019,
        "366:l4898",
        "10.1136/bmj.l4898",
        "31462531",
        "Aug 28",
    ),
    _w(
        "Nasreddine, Ziad S.; Phillips, Natalie A.; Bédirian, Valérie; Charbonneau, Simon",
        "The Montreal Cognitive Assessment, MoCA: a brief screening tool for mild cognitive "
        "impairment",
        "Journal of the American Geriatrics Society",
        "J Am Geriatr Soc",
        2005,
        "53(4):695-699",
        "10.1111/j.1532-5415.2005.53221.x",
        "15817019",
        "Apr",
    ),
    _w(
        "Daly, Ella J.; Singh, Jaskaran B.; Fedgchin, Maggie; Cooper, Kimberly",
        "Efficacy and safety of intranasal esketamine adjunctive to oral antidepressant therapy in "
        "treatment-resistant depression: a randomized clinical trial",
        "JAMA Psychiatry",
        "JAMA Psychiatry",
        2018,
        "75(2):139-148",
        "10.1001/jamapsychiatry.2017.3739",
        "29282469",
        "Feb 1",
    ),
    _w(
        "Folstein, Marshal F.; Folstein, Susan E.; McHugh, Paul R.",
        "Mini-mental state: a practical method for grading the cognitive state of patients for the "
        "clinician",
        "Journal of Psychiatric Research",
        "J Psychiatr Res",
        1975,
        "12(3):189-198",
        "10.1016/0022-3956(75)90026-6",
        "1202204",
        "Nov",
    ),
)

# Works that are not journal articles: (kind, first author "Family Initials" or the
# organisation, year, [references as they are written in the wild]).
OTHERS: tuple[tuple[str, str, int, tuple[str, ...]], ...] = (
    (
        "book",
        "American Psychiatric Association",
        2013,
        (
            "American Psychiatric Association. Diagnostic and Statistical Manual of Mental Disorders. "
            "5th ed. Arlington, VA: American Psychiatric Publishing; 2013.",
            "American Psychiatric Association. (2013). Diagnostic and statistical manual of mental "
            "disorders (5th ed.). https://doi.org/10.1176/appi.books.9780890425596",
        ),
    ),
    (
        "book",
        "Cohen J",
        1988,
        (
            "Cohen J. Statistical Power Analysis for the Behavioral Sciences. 2nd ed. Hillsdale, NJ: "
            "Lawrence Erlbaum Associates; 1988.",
            "Cohen, J. (1988). Statistical power analysis for the behavioral sciences (2nd ed.). "
            "Lawrence Erlbaum Associates.",
        ),
    ),
    (
        "book",
        "Sambrook J",
        1989,
        (
            "Sambrook J, Fritsch EF, Maniatis T. Molecular Cloning: A Laboratory Manual. 2nd ed. Cold "
            "Spring Harbor, NY: Cold Spring Harbor Laboratory Press; 1989.",
            "Sambrook, J., Fritsch, E. F. and Maniatis, T. (1989) Molecular cloning: a laboratory "
            "manual. 2nd edn. Cold Spring Harbor, NY: Cold Spring Harbor Laboratory Press.",
        ),
    ),
    (
        "book",
        "Kuhn TS",
        1962,
        (
            "Kuhn, Thomas S. The Structure of Scientific Revolutions. Chicago: University of Chicago "
            "Press, 1962.",
            "Kuhn TS. The Structure of Scientific Revolutions. Chicago: University of Chicago Press; "
            "1962.",
        ),
    ),
    (
        "book",
        "Goodfellow I",
        2016,
        (
            "Goodfellow, I., Bengio, Y., & Courville, A. (2016). Deep learning. MIT Press.",
            "I. Goodfellow, Y. Bengio, and A. Courville, Deep Learning. Cambridge, MA, USA: MIT "
            "Press, 2016.",
        ),
    ),
    (
        "book",
        "Bishop CM",
        2006,
        (
            "Bishop CM. Pattern Recognition and Machine Learning. New York: Springer; 2006.",
            "Bishop, C. M. (2006). Pattern recognition and machine learning. Springer.",
        ),
    ),
    (
        "book",
        "Hastie T",
        2009,
        (
            "Hastie, T., Tibshirani, R. and Friedman, J. (2009) The Elements of Statistical Learning: "
            "Data Mining, Inference, and Prediction. 2nd edn. New York: Springer.",
            "T. Hastie, R. Tibshirani, and J. Friedman, The Elements of Statistical Learning, 2nd ed. "
            "New York, NY, USA: Springer, 2009.",
        ),
    ),
    (
        "book",
        "Kahneman D",
        2011,
        (
            "Kahneman, Daniel. Thinking, Fast and Slow. New York: Farrar, Straus and Giroux, 2011.",
            "Kahneman, D. (2011). Thinking, fast and slow. Farrar, Straus and Giroux.",
        ),
    ),
    (
        "book",
        "Stahl SM",
        2013,
        (
            "Stahl SM. Stahl's Essential Psychopharmacology: Neuroscientific Basis and Practical "
            "Applications. 4th ed. Cambridge: Cambridge University Press; 2013.",
        ),
    ),
    (
        "chapter",
        "Higgins JPT",
        2008,
        (
            "Higgins JPT, Deeks JJ. Selecting studies and collecting data. In: Higgins JPT, Green S, "
            "editors. Cochrane Handbook for Systematic Reviews of Interventions. Chichester: "
            "Wiley-Blackwell; 2008. p. 151-185.",
            "Higgins, J. P. T., & Deeks, J. J. (2008). Selecting studies and collecting data. In J. P. "
            "T. Higgins & S. Green (Eds.), Cochrane handbook for systematic reviews of interventions "
            "(pp. 151–185). Wiley-Blackwell.",
        ),
    ),
    (
        "chapter",
        "Rumelhart DE",
        1986,
        (
            "Rumelhart DE, Hinton GE, Williams RJ. Learning internal representations by error "
            "propagation. In: Rumelhart DE, McClelland JL, editors. Parallel Distributed Processing: "
            "Explorations in the Microstructure of Cognition. Vol 1. Cambridge, MA: MIT Press; 1986. "
            "p. 318-362.",
            "Rumelhart, D. E., Hinton, G. E. and Williams, R. J. (1986) 'Learning internal "
            "representations by error propagation', in Rumelhart, D. E. and McClelland, J. L. (eds) "
            "Parallel Distributed Processing. Cambridge, MA: MIT Press, pp. 318–362.",
        ),
    ),
    (
        "chapter",
        "Bandura A",
        1994,
        (
            "Bandura, A. (1994). Self-efficacy. In V. S. Ramachandran (Ed.), Encyclopedia of human "
            "behavior (Vol. 4, pp. 71–81). Academic Press.",
        ),
    ),
    (
        "web page",
        "World Health Organization",
        2023,
        (
            "World Health Organization. Depressive disorder (depression). Fact sheet. 2023. Available "
            "from: https://www.who.int/news-room/fact-sheets/detail/depression [accessed 2024 Mar 1].",
            "World Health Organization. (2023, March 31). Depressive disorder (depression). "
            "https://www.who.int/news-room/fact-sheets/detail/depression",
        ),
    ),
    (
        "web page",
        "National Institute of Mental Health",
        2023,
        (
            "National Institute of Mental Health. Major depression. Updated July 2023. Accessed March "
            "1, 2024. https://www.nimh.nih.gov/health/statistics/major-depression",
        ),
    ),
    (
        "web page",
        "U.S. Food and Drug Administration",
        2019,
        (
            "U.S. Food and Drug Administration. (2019, March 5). FDA approves new nasal spray "
            "medication for treatment-resistant depression; available only at a certified doctor's "
            "office or clinic [Press release]. https://www.fda.gov/news-events/press-announcements/"
            "fda-approves-new-nasal-spray-medication-treatment-resistant-depression-available-only-"
            "certified",
        ),
    ),
    (
        "report",
        "World Health Organization",
        2017,
        (
            "World Health Organization. Depression and Other Common Mental Disorders: Global Health "
            "Estimates. Geneva: World Health Organization; 2017. Report No.: WHO/MSD/MER/2017.2.",
            "World Health Organization (2017) Depression and other common mental disorders: global "
            "health estimates. Geneva: WHO. Available at: https://apps.who.int/iris/handle/10665/254610 "
            "(Accessed: 1 March 2024).",
        ),
    ),
    (
        "report",
        "National Institute for Health and Care Excellence",
        2022,
        (
            "National Institute for Health and Care Excellence. Depression in adults: treatment and "
            "management. NICE guideline [NG222]. London: NICE; 2022.",
        ),
    ),
    (
        "report",
        "Substance Abuse and Mental Health Services Administration",
        2020,
        (
            "Substance Abuse and Mental Health Services Administration. (2020). Key substance use and "
            "mental health indicators in the United States: Results from the 2019 National Survey on "
            "Drug Use and Health (HHS Publication No. PEP20-07-01-001). Rockville, MD: Center for "
            "Behavioral Health Statistics and Quality.",
        ),
    ),
    (
        "thesis",
        "Shannon CE",
        1940,
        (
            "Shannon CE. A symbolic analysis of relay and switching circuits [master's thesis]. "
            "Cambridge, MA: Massachusetts Institute of Technology; 1940.",
        ),
    ),
    (
        "thesis",
        "Nash JF",
        1950,
        (
            "Nash, J. F. (1950). Non-cooperative games [Doctoral dissertation, Princeton University].",
            "Nash JF. Non-cooperative games [dissertation]. Princeton (NJ): Princeton University; "
            "1950.",
        ),
    ),
    (
        "preprint",
        "Vaswani A",
        2017,
        (
            "Vaswani A, Shazeer N, Parmar N, et al. Attention is all you need. arXiv:1706.03762 "
            "[Preprint]. 2017.",
            "Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., "
            "& Polosukhin, I. (2017). Attention is all you need. arXiv. "
            "https://doi.org/10.48550/arXiv.1706.03762",
        ),
    ),
    (
        "preprint",
        "Devlin J",
        2018,
        (
            'J. Devlin, M.-W. Chang, K. Lee, and K. Toutanova, "BERT: Pre-training of deep '
            'bidirectional transformers for language understanding," arXiv preprint '
            "arXiv:1810.04805, 2018.",
        ),
    ),
    (
        "preprint",
        "Kingma DP",
        2014,
        (
            "Kingma, D. P., & Ba, J. (2014). Adam: A method for stochastic optimization. arXiv "
            "preprint arXiv:1412.6980.",
        ),
    ),
    (
        "conference paper",
        "He K",
        2016,
        (
            "He K, Zhang X, Ren S, Sun J. Deep residual learning for image recognition. In: "
            "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR); "
            "2016 Jun 27-30; Las Vegas, NV. p. 770-778.",
            'K. He, X. Zhang, S. Ren, and J. Sun, "Deep residual learning for image recognition," in '
            "Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR), 2016, pp. 770–778.",
        ),
    ),
    (
        "conference paper",
        "Krizhevsky A",
        2012,
        (
            "Krizhevsky, A., Sutskever, I., & Hinton, G. E. (2012). ImageNet classification with deep "
            "convolutional neural networks. In Advances in Neural Information Processing Systems 25 "
            "(pp. 1097–1105).",
        ),
    ),
)
