"""Author lists as references write them, reduced to "Family Initials" strings."""

from __future__ import annotations

import re

__all__ = ["parse_authors"]

_UC = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĢĪĶŁĽŃŇŌŐŒŘŚŞŠŢŤŪŮŰŽŹŻ"
_ET_AL = re.compile(r",?\s*(?:\bet\s*al\b\.?|\bet\s+alii\b|…|\.\.\.)", re.IGNORECASE)
_AND = re.compile(r"\s*(?:,\s*)?(?:&|\band\b)\s*", re.IGNORECASE)
# "R. M.", "R.-J.", "Th." or undotted capitals "RM"; never a short name such as "Li".
_INITIALS_ONLY = re.compile(
    rf"^(?:[{_UC}][a-z]?\.\s*-?\s*)+(?:[{_UC}]\.?)?$|^(?:[{_UC}]\.?\s*-?\s*)+$"
)
_FAMILY_INITIALS = re.compile(rf"^(?P<family>.+?)\s+(?P<inits>(?:[{_UC}]\.?\s?-?){{1,4}})$")
_INITIALS_FAMILY = re.compile(rf"^(?P<inits>(?:[{_UC}]\.\s?-?\s?){{1,4}})\s*(?P<family>.+)$")
_GIVEN_NAMES = re.compile(
    rf"^(?:[{_UC}]\.\s*)?[{_UC}][a-zà-ÿ]+(?:[\s-]+(?:[{_UC}][a-zà-ÿ]+|[{_UC}]\.?))*$"
)
_CAPS_FAMILY_INITIALS = re.compile(rf"^(?:[{_UC}][{_UC}'’\-]+\s)+[{_UC}]{{1,3}}$")
_CAPS_FAMILY_GIVEN = re.compile(
    rf"^([{_UC}][{_UC}'’\-]+)\s+((?:[{_UC}][a-zà-ÿ]+)(?:[\s-]+[{_UC}][a-zà-ÿ]*\.?)*)$"
)
_PARTICLE = re.compile(r"^(?:van|von|der|den|de|da|del|di|du|la|le|dos|ten|ter)$|^[dl]['’][A-Z]")
_UNDOTTED_FIRST = re.compile(rf"^(?P<inits>[{_UC}]{{1,3}})\s+(?P<family>[{_UC}][^\s,]*[a-zà-ÿ].*)$")
_PARTICLE_INITIALS = re.compile(
    rf"^(?P<family>[{_UC}][^\s,]+)\s+(?P<inits>[{_UC}]{{1,2}}[vdl]{{2,3}})$"
)
_MLA_HEAD = re.compile(r"^[^,]+,[^,]+(?:$|,\s*(?:and\b|&|et\.?\s*al\b))", re.IGNORECASE)
_SUFFIX = re.compile(r"(?:^|\s+)(?:Jr|Sr|II|III|IV)\.?$")
_ORG_CORE = re.compile(
    r"\b(?:Association|Organi[sz]ation|Society|Institutes?|Council|Committee|Consortium|"
    r"Agency|Administration|Cent(?:er|re)s?|Department|Foundation|University|Commission|"
    r"Ministry|National|Federation|Academy|Excellence|Services|Bureau|Collaborators|"
    r"Collaboration|Investigators|(?:Working|Study|Trial|Research|Writing) Group)\b"
)
_ORG_WORDS = re.compile(
    r"\b(?:Association|Organi[sz]ation|Society|Group|Institutes?|Council|Committee|"
    r"Collaboration|Consortium|Agency|Administration|Cent(?:er|re)s?|Department|Foundation|"
    r"University|College|Board|Commission|Network|Services?|Office|Ministry|National|"
    r"Federation|Academy|Team|Panel|Trust|Program(?:me)?|Initiative|Alliance|Force|"
    r"Investigators|Authority|Bureau|Clinic|Inc|Ltd|of|for|and)\b"
)


def parse_authors(text: str, given_first: bool = False) -> tuple[tuple[str, ...], bool]:
    """("Family Initials", ...) and whether the list was abbreviated ("et al.", "...").

    `given_first`: every name is written "Given Family" (DBLP), so "Hagit Shachnai, John
    Turek" is two people, not MLA's "Family, Given" first author."""
    text = " ".join(text.split()).strip(" .,;")
    if not text:
        return (), False
    et_al = bool(_ET_AL.search(text))
    if "," not in text and _ORG_CORE.search(text) and not et_al and len(text.split()) <= 12:
        return (text,), False  # "Substance Abuse and Mental Health Services Administration"
    # MLA's "Berman, Robert M., and Angela Cappiello" (or "..., et al.", or alone) has
    # its first author reversed, as has Chicago's "Berman, Robert M., Angela Cappiello";
    # ACL's "Ashish Vaswani, Noam Shazeer, Niki Parmar" has not.
    mla_shape = bool(_MLA_HEAD.match(text)) or " " not in text.split(",")[0].strip()
    text = _ET_AL.sub(",", text).replace(";", ",")  # ABNT: "KROENKE, K.; SPITZER, R. L."
    text = _AND.sub(", ", text)
    parts = [_SUFFIX.sub("", p).strip() for p in text.split(",")]
    parts = [p for p in parts if p.strip(".")]
    authors: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        following = parts[i + 1] if i + 1 < len(parts) else ""
        if following and _INITIALS_ONLY.match(following) and _is_family(part, following):
            authors.append(f"{part} {_initials(following)}")  # Berman, R. M.
            i += 2
            continue
        if (
            i == 0
            and not given_first
            and mla_shape
            and following
            and _GIVEN_NAMES.match(following)
            and not _FAMILY_INITIALS.match(part)
            and "." not in part
            and len(part.split()) <= 3
            and not _ORG_WORDS.search(part)
            and not _two_full_names(part, following)
        ):
            authors.append(f"{part} {_initials(following, first_letters=True)}")  # MLA
            i += 2
            continue
        authors.append(_one_name(part, given_first))
        i += 1
    return tuple(a for a in authors if a), et_al


def _two_full_names(part: str, following: str) -> bool:
    """ACL's "Elena Garcia, Louis C. Tiao, and Kaede Matsumoto": two names of two or more
    words, the second ending in a written-out family name, are two people, not MLA's
    "Berman, Robert M." reversed (MLA reverses one family name; its given names end in
    an initial or are one word)."""
    words = following.split()
    return " " in part and len(words) >= 2 and not _INITIALS_ONLY.match(words[-1])


def _is_family(part: str, following: str) -> bool:
    """Whether `part` is a family name whose initials are `following` ("Berman", "R. M.").
    A name in capitals ("KROENKE", "LI") passes when the initials carry periods."""
    if not _INITIALS_ONLY.match(part):
        return True
    return "." in following and "." not in part and " " not in part and len(part) >= 2


def _one_name(part: str, given_first: bool = False) -> str:
    part = part.rstrip(".") if not _INITIALS_FAMILY.match(part) else part
    if _ORG_WORDS.search(part) or len(part.split()) > 4:
        return part  # an organisation (or something we cannot split): keep as written
    match = _UNDOTTED_FIRST.match(part) if given_first else None
    if match:  # "YH Chou" where every name is written given names first, not "HORBY Peter"
        return f"{match.group('family')} {match.group('inits')}"
    # ALL-CAPS Vancouver ("ZHOU F", "LI N"): a family name is never one letter.
    if _CAPS_FAMILY_INITIALS.match(part):
        return part
    match = _CAPS_FAMILY_GIVEN.match(part)
    if match:  # the family name in capitals, given names written out: "HORBY Peter W"
        return f"{match.group(1)} {_initials(match.group(2), first_letters=True)}"
    match = _FAMILY_INITIALS.match(part)
    if match and not _INITIALS_ONLY.match(match.group("family")):
        return f"{match.group('family')} {_initials(match.group('inits'))}"  # Berman RM
    match = _INITIALS_FAMILY.match(part)
    if match:
        return f"{match.group('family')} {_initials(match.group('inits'))}"  # R. M. Berman
    match = _PARTICLE_INITIALS.match(part)
    if match:  # Vancouver's "Kouwe Avd": A. van der Kouwe, the particles as small letters
        return f"{match.group('family')} {_initials(match.group('inits'))}"
    words = part.split()
    if len(words) >= 2 and all(w[0].isupper() for w in words):
        return f"{words[-1]} {_initials(' '.join(words[:-1]), first_letters=True)}"
    # "Mihaela van der Schaar", "Francesco d'Amore": given names, then a family name that
    # opens with a lowercase particle.
    particle = next((k for k, w in enumerate(words) if k and _PARTICLE.match(w)), None)
    if particle and all(w[0].isupper() for w in words[:particle]):
        family = " ".join(words[particle:])
        return f"{family} {_initials(' '.join(words[:particle]), first_letters=True)}"
    return part


def _initials(text: str, first_letters: bool = False) -> str:
    if first_letters:
        return "".join(w[0] for w in re.split(r"[\s\-.]+", text) if w and w[0].isupper())
    return "".join(c for c in text if c.isupper())
