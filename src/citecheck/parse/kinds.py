"""What kind of work a reference cites: a journal article, or something else.

Only journal articles are looked up; anything else is reported as skipped. Being wrong
in one direction costs more than in the other (a journal article called a book is never
checked), so an entry with the signature of a journal article (volume, issue and pages
written the way journals are) stays an article unless it says explicitly that it is a
thesis or a chapter in an edited book. Everything else needs positive evidence.
"""

from __future__ import annotations

import re

__all__ = ["classify"]

_THESIS = re.compile(
    r"\[(?:doctoral |master'?s |ph\.?d\.? |bachelor'?s )?(?:thesis|dissertation)\]"
    r"|\b(?:doctoral|master'?s|ph\.?\s?d\.?)\s+(?:thesis|dissertation)\b|\bdissertation\b"
    r"|\bthèse\b|\bDissertation\b|\bDoktorarbeit\b|\btesis doctoral\b",
    re.IGNORECASE,
)
_CHAPTER = re.compile(
    r"\b[Ii]n:?\s+(?:[^.]{0,200}?)(?:\(eds?\.?\)|\(Eds?\.\)|\beditors?\b|\beds?\.(?=[\s,])|\(Hrsg\.\))"
    r"|\bIn:?\s+[A-Z][^()]{0,120}\((?:Ed|Eds|ed|eds)\.?\)",
)
# Journals write volume(issue):pages, volume:pages after a year, "vol. 4, no. 2, pp. 1-9",
# Nature's "329, 959-964 (2010)" or Chicago's "47, no. 4 (2000): 351-54".
_ARTICLE = re.compile(
    # "47(4):351", "8 (12 Suppl): S7", "33 (Pt 2), 101"
    r"\b\d{1,5}\s*\(\s*[\w./–-]{1,12}(?:\s[\w./–-]{1,8}){0,2}\s*\)\s*[:,]\s*(?:pp?\.\s*)?"
    r"[A-Za-z]{0,2}\d+"
    r"|(?:19|20)\d\d[^;]{0,20};\s*\d{1,5}\s*(?:\([^)]{1,12}\))?\s*:\s*[A-Za-z]{0,2}\d+"
    r"|\bvol\.\s*\d+\s*,\s*(?:no\.\s*[\w-]+\s*,\s*)?(?:pp?\.|art\.\s*no\.)\s*[A-Za-z]?\d+"
    r"|\b\d{1,5},\s*[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?\s*\((?:19|20)\d\d\)"
    # eLife's display: "Nature Neuroscience, 13, 439-449, 2010".
    r"|\b\d{1,5},\s*[A-Za-z]?\d+\s*[-–—]\s*[A-Za-z]?\d+,\s*(?:19|20)\d\d\b"
    r"|\b\d{1,5},\s*no\.\s*[\w-]+\s*\((?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d\)\s*:\s*\d"
    r"|\b\d{1,5}\s*\(\s*[\w-]{1,10}\s*\)\s*:\s*[A-Za-z]?\d+"
    # BioMed Central: "Pain 2003, 106:337-345", "Trials 2006, 7:9".
    r"|\b(?:19|20)\d\d,\s*\d{1,5}\s*(?:\([^)]{1,12}\))?\s*:\s*[A-Za-z]{0,2}\d+"
    # "Anal Biochem, 72, 248-254" / "BMJ, 372, n71" / "BMJ. 372: n71" after the year.
    r"|(?:19|20)\d\d\b.{0,400}?[A-Za-z.]\s*[,.]?\s+\d{1,5}\s*[,:]\s*"
    r"(?:[A-Za-z]?\d+\s*[-–—]\s*[A-Za-z]?\d+|[a-z]\d{2,7})\b",
    re.IGNORECASE,
)
# A preprint by its identifier or its server's own words: stronger than an article's
# signature ("bioRxiv 2020.01.22.914952", "arXiv preprint arXiv:1810.04805", a 10.48550
# or 10.1101 DOI). A bare "arXiv:1201.0490" after a journal citation is the article's
# preprint, so it only counts when nothing looks like a journal article.
_PREPRINT_STRONG = re.compile(
    r"10\.48550/|10\.1101/\d{4}\.\d\d\.\d\d|\barXiv\s+preprint\b|\[preprint\]|\bPreprint at\b"
    r"|\b(?:bio|med)Rxiv\b(?!\s*[.,]?\s*\d{1,4}\s*[(:,])|\bResearch Square\b|\bSSRN Electronic\b"
    r"|\bposted (?:on|to) (?:arXiv|bioRxiv|medRxiv)",
    re.IGNORECASE,
)
_PREPRINT = re.compile(
    r"\barXiv\b|\bbioRxiv\b|\bmedRxiv\b|\bPsyArXiv\b|\bSSRN\b|\bResearch Square\b"
    r"|\[preprint\]|\bpreprint\b|\bChemRxiv\b|\bOSF Preprints\b|\bTechRxiv\b",
    re.IGNORECASE,
)
# Proceedings written as such, an ML venue, or a numbered conference: before the article
# signature, because "Systems 33, 1877-1901" looks like a journal's volume and pages.
# Journals called "Proceedings" (PNAS, Proc R Soc, Mayo Clin Proc, Proceedings of the IEEE)
# have no "In" before them and name no conference.
_CONFERENCE_STRONG = re.compile(
    # IEEE writes "in Proc." in lower case.
    r"\b[Ii]n:?\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:Proc\.|Proceedings\b|Advances in Neural"
    r"|[\w.,&' -]{0,80}?(?:Conference|Conf\.|Symposium|Symp\.|Workshop|Congress|Meeting)\b)"
    r"|\bProc(?:eedings|\.)\s+of\s+(?:the\s+)?(?:\d{1,3}(?:st|nd|rd|th)\s+)?[\w.,&' -]{0,80}?"
    r"(?:Conference|Conf\.|Symposium|Symp\.|Workshop|Meeting)\b"
    r"|\bAdvances in Neural Information Processing Systems\b"
    r"|\bAdv\.? Neural Inf\.? Process\.? Syst\b"
    r"|\bProceedings of Machine Learning"
    r" Research\b|\bLecture Notes in (?:Computer Science|Artificial Intelligence)\b"
    r"|\b(?:In|in):?\s+(?:Proc\.\s+)?(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|"
    r"AAAI|IJCAI|KDD|SIGIR|SIGMOD|WWW|CHI|UAI|AISTATS|COLT|MICCAI|INTERSPEECH|ICASSP|COLING|"
    r"EACL|CoNLL|ICDE|ICRA|IROS|RSS|WACV|BMVC|ISBI|MLHC|CoRL|FAccT|WSDM|RecSys|CIKM)\b"
    # The acronym alone as the venue: "... optimization. ICLR. 2015.", "... – MICCAI 2015".
    r"|(?:[.,;:(]|\s[\u2013\u2014-])\s*(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|EMNLP|NAACL|AAAI|"
    r"IJCAI|KDD|AISTATS|UAI|COLT|MICCAI|INTERSPEECH|ICASSP|COLING|SIGIR)(?:\s*'?\d{2,4})?\s*[.,;)]"
)
_CONFERENCE = re.compile(
    r"\b(?:Conference|Symposium|Workshop) on\b|\bProc\.\s+(?:IEEE|ACM|Int\.?|Annu\.?)\s+"
    r"(?:Conf|Symp|Workshop)"
)
_PERSONAL = re.compile(
    r"\bpersonal communication\b|\bpers\.\s*comm\.|\bunpublished (?:data|observations?)\b",
    re.IGNORECASE,
)
_PATENT = re.compile(
    r"\b(?:U\.\s?S\.|US|European|EP|WO)\s+Pat(?:ent|\.)\s+(?:No\.?\s*|Application\s+)?[A-Z]{0,2}\d"
    r"|\b[Pp]atent\s+(?:No\.?|[Aa]pplication|number)\s*:?\s*[A-Z]{0,2}\d|\bPat\.\s*No\.|\[[Pp]atent\]"
)
_STANDARD = re.compile(
    r"\b(?:ISO(?:/IEC)?|IEC|IEEE Std|ASTM|ANSI(?:/\w+)?|DIN(?: EN)?|BS EN|EN ISO|CLSI)\s*"
    r"[A-Z]?\s?\d{1,6}(?:[.\-:/]\d{1,6}){0,3}\b|\[Standard\]|\bNIST Special Publication\b"
)
# Datasets by the words or the repository DOI (Zenodo, Dryad, figshare, PANGAEA, ICPSR,
# Harvard Dataverse): DataCite holds them.
_DATASET = re.compile(
    r"\[Data ?set\]|\bData ?set\]|\[Database\]|\bDryad Digital Repository\b"
    r"|\b10\.(?:5281|5061|6084|1594|3886|7910|13026)/|\bGEO accession\b|\bdata repository\b",
    re.IGNORECASE,
)
_SOFTWARE = re.compile(
    r"\[(?:Computer )?(?:software|program|code)\]|\bR package(?: version)?\b|\bPython package\b"
    r"|\bGitHub repository\b|\bgithub\.com/|\bgitlab\.com/|\bsoftware version\b",
    re.IGNORECASE,
)
_NEWS = re.compile(
    r"\[(?:Newspaper|News|Magazine) article\]|\b(?:The )?(?:New York Times|Washington Post|"
    r"Wall Street Journal|Guardian|Los Angeles Times|Financial Times|BBC News|Reuters|"
    r"Associated Press|Bloomberg|Daily Telegraph|The Atlantic|The Economist|STAT News|NPR)\b"
)
_REPORT = re.compile(
    r"\bReport No\.?|\b(?:Technical|Tech\.|Research|Final|Annual) Rep(?:ort|\.)\b|\bWorking Paper\b"
    r"|\bNICE guideline\b|\bPublication No\.|\bWhite paper\b|\bPolicy brief\b|\[report\]"
    r"|\bGuideline \[|\bHHS Publication\b|\bIssue brief\b|\bDiscussion paper\b",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(
    r"\b(?:University Press|[A-Z][\w&.]{0,40}\s+Press|Publish(?:ing|ers)|Verlag|"
    r"Springer(?:-Verlag)?|"
    r"Wiley(?:-Blackwell)?|Elsevier|Routledge|SAGE|McGraw[- ]Hill|Pearson|Erlbaum|Associates|"
    r"W\.\s?W\.\s?Norton|Penguin|Random House|Farrar,? Straus|Basic Books|Oxford University|"
    r"Cambridge University|Lippincott|Saunders|Mosby|Churchill Livingstone|Thieme|CRC Press|"
    r"Academic Press|Guilford|Jossey-Bass|HarperCollins|Macmillan|Prentice Hall|"
    r"Addison-Wesley|O'Reilly|MIT Press|Cold Spring Harbor)\b"
    r"|\(\d+(?:st|nd|rd|th)\s+ed\.\)|\b\d+(?:st|nd|rd|th)\s+(?:ed|edn|edition)\b\.?"
    r"|\b[A-Z][a-z]+(?:,\s*[A-Z]{2})?\s*:\s*[A-Z][\w.&' -]{2,60};\s*(?:19|20)\d\d\.?\s*$"
    # Harvard ends with the place and the publisher: "... New York: Scribner."
    r"|\b(?:New York|London|Oxford|Cambridge|Boston|Philadelphia|Chicago|Berlin|Heidelberg|"
    r"Amsterdam|Thousand Oaks|Hoboken|Baltimore|Washington|Geneva|Paris|Toronto|Sydney|"
    r"Abingdon|San Francisco|Los Angeles)(?:,\s*[A-Z]{2})?\s*:\s*[A-Z][\w.&' -]{2,60}\.?\s*$"
    # An edited volume: "Higgins JPT, Thomas J (editors). Cochrane Handbook ..."
    r"|\((?:eds?|editors?)\.?\)",
)
_WEB = re.compile(
    r"\[Internet\]|\b[Aa]ccessed\b|\bRetrieved\b|\[Press release\]|\bFact sheet\b"
    r"|\bUpdated\s+(?:on\s+)?(?:\d|[A-Z][a-z]+\s+\d)|\bAvailable (?:from|at)\b|\[accessed\b"
    r"|\[cited \d{4}"
)
_URL = re.compile(r"(?:https?://|www\.)(?!(?:dx\.)?doi\.org)\S+", re.IGNORECASE)


def classify(text: str) -> str:
    """What `text` cites: one of model.LOOKED_UP ("article", "conference paper",
    "preprint", "book", "chapter", "report", "thesis", "dataset", "standard") or of
    model.NOT_INDEXED ("web page", "software", "personal communication", "patent",
    "news"). A journal article's signature outweighs weak cues (a word like "Press" in a
    title); explicit ones (a thesis, a chapter in an edited book, a proceedings, a preprint
    identifier) come first. An online article with its address is a web page."""
    text = text[:3000]  # a reference is short; the patterns need not see a pasted page
    folded = text.lower()
    for kind, gate, pattern in _EXPLICIT:
        if _may_match(folded, gate) and pattern.search(text):
            return kind
    if _ARTICLE.search(text):
        return "article"
    for kind, gate, pattern in _WEAK:
        if _may_match(folded, gate) and pattern.search(text):
            return "web page" if kind == "news" and _URL.search(text) else kind
    if _URL.search(text) or _WEB.search(text):
        return "web page"
    return "article"


def _may_match(folded: str, gate: tuple[str, ...]) -> bool:
    """Whether the text holds one of the words its pattern cannot match without (a plain
    substring test, much cheaper than the pattern); no words: always try the pattern."""
    return not gate or any(word in folded for word in gate)


_ACRONYMS = tuple(
    """neurips nips icml iclr cvpr iccv eccv acl emnlp naacl aaai ijcai kdd sigir sigmod www
    chi uai aistats colt miccai interspeech icassp coling eacl conll icde icra iros rss wacv
    bmvc isbi mlhc corl facct wsdm recsys cikm""".split()
)
# (kind, words one of which the pattern needs, pattern), tried in order.
_EXPLICIT: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("personal communication", ("communication", "pers.", "unpublished"), _PERSONAL),
    ("patent", ("pat",), _PATENT),
    ("thesis", ("thes", "thès", "dissert", "doktor", "tesis"), _THESIS),
    ("preprint", ("10.48550", "10.1101", "arxiv", "preprint", "rxiv", "research square",
                  "ssrn", "posted"), _PREPRINT_STRONG),
    ("conference paper", ("proc", "conf", "symp", "workshop", "congress", "meeting",
                          "neural inf", "advances in neural", "lecture notes", *_ACRONYMS),
     _CONFERENCE_STRONG),
    ("chapter", ("(ed", "editor", "ed.", "eds.", "hrsg"), _CHAPTER),
    ("dataset", ("data", "dryad", "10.5281", "10.5061", "10.6084", "10.1594", "10.3886",
                 "10.7910", "10.13026", "geo accession"), _DATASET),
)  # fmt: skip
_WEAK: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("preprint", ("rxiv", "ssrn", "research square", "preprint"), _PREPRINT),
    ("conference paper", ("conference", "symposium", "workshop", "proc."), _CONFERENCE),
    ("standard", ("iso", "iec", "ieee std", "astm", "ansi", "din", "bs en", "clsi", "standard",
                  "nist special"), _STANDARD),
    ("report", ("report", "rep.", "working paper", "guideline", "publication no", "white paper",
                "policy brief", "issue brief", "discussion paper", "publication"), _REPORT),
    ("software", ("software", "program]", "code]", "package", "github", "gitlab"), _SOFTWARE),
    ("news", ("news", "magazine", "times", "post", "journal", "guardian", "reuters", "press",
              "bloomberg", "telegraph", "atlantic", "economist", "npr"), _NEWS),
    ("book", (), _PUBLISHER),
)  # fmt: skip
