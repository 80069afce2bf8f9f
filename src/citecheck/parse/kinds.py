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
    r"\b\d{1,5}\s*\(\s*[\w./–-]{1,12}\s*\)\s*[:,]\s*(?:pp?\.\s*)?[A-Za-z]{0,2}\d+"
    r"|(?:19|20)\d\d[^;]{0,20};\s*\d{1,5}\s*(?:\([^)]{1,12}\))?\s*:\s*[A-Za-z]{0,2}\d+"
    r"|\bvol\.\s*\d+\s*,\s*(?:no\.\s*[\w-]+\s*,\s*)?(?:pp?\.|art\.\s*no\.)\s*[A-Za-z]?\d+"
    r"|\b\d{1,5},\s*[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?\s*\((?:19|20)\d\d\)"
    r"|\b\d{1,5},\s*no\.\s*[\w-]+\s*\((?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d\)\s*:\s*\d"
    r"|\b\d{1,5}\s*\(\s*[\w-]{1,10}\s*\)\s*:\s*[A-Za-z]?\d+"
    # "Anal Biochem, 72, 248-254" / "BMJ, 372, n71" / "BMJ. 372: n71" after the year.
    r"|(?:19|20)\d\d\b.{0,400}?[A-Za-z.]\s*[,.]?\s+\d{1,5}\s*[,:]\s*"
    r"(?:[A-Za-z]?\d+\s*[-–—]\s*[A-Za-z]?\d+|[a-z]\d{2,7})\b",
    re.IGNORECASE,
)
_PREPRINT = re.compile(
    r"\barXiv\b|\bbioRxiv\b|\bmedRxiv\b|\bPsyArXiv\b|\bSSRN\b|\bResearch Square\b"
    r"|\[preprint\]|\bpreprint\b|\bChemRxiv\b|\bOSF Preprints\b|10\.48550/|10\.1101/\d{4}\.",
    re.IGNORECASE,
)
_CONFERENCE = re.compile(
    r"\bIn:?\s+(?:the\s+)?(?:Proc\.|Proceedings\b|Advances in Neural|[\w\s.,&]{0,80}?"
    r"(?:Conference|Conf\.|Symposium|Workshop|Congress))"
    r"|\bProc\.\s+(?:IEEE|ACM|Int\.?|Annu\.?)\s+(?:Conf|Symp|Workshop)"
    r"|\b(?:Conference|Symposium|Workshop) on\b"
    # Proceedings that APA lists cite like a journal, without "In".
    r"|\bAdvances in Neural Information Processing Systems\b"
    r"|\bProceedings of Machine Learning Research\b",
)
_REPORT = re.compile(
    r"\bReport No\.?|\b(?:Technical|Tech\.|Research|Final|Annual) Rep(?:ort|\.)\b|\bWorking Paper\b"
    r"|\bNICE guideline\b|\bPublication No\.|\bWhite paper\b|\bPolicy brief\b|\[report\]"
    r"|\bGuideline \[|\bHHS Publication\b|\bIssue brief\b|\bDiscussion paper\b",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(
    r"\b(?:University Press|[A-Z][\w&.]*\s+Press|Publish(?:ing|ers)|Verlag|Springer(?:-Verlag)?|"
    r"Wiley(?:-Blackwell)?|Elsevier|Routledge|SAGE|McGraw[- ]Hill|Pearson|Erlbaum|Associates|"
    r"W\.\s?W\.\s?Norton|Penguin|Random House|Farrar|Basic Books|Oxford University|"
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
    """ "article", or "book", "chapter", "conference paper", "thesis", "report",
    "preprint" or "web page"."""
    if _THESIS.search(text):
        return "thesis"
    if _CHAPTER.search(text):
        return "chapter"
    if _ARTICLE.search(text):
        return "article"
    if _PREPRINT.search(text):
        return "preprint"
    if _CONFERENCE.search(text):
        return "conference paper"
    if _REPORT.search(text):
        return "report"
    if _PUBLISHER.search(text):
        return "book"
    if _URL.search(text) or _WEB.search(text):
        return "web page"
    return "article"
