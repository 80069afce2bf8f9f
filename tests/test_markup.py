"""Markup in service records becomes text (shapes seen in real Crossref and PubMed records)."""

from __future__ import annotations

import pytest

from citecheck.markup import clean_optional, clean_text

CASES = [
    # entities
    ("Journal of Pain &amp; Symptom Management", "Journal of Pain & Symptom Management"),
    ("Pain &amp;amp; Co", "Pain & Co"),
    ("Caf&eacute; &#8211; &#x2019;", "Café – ’"),
    # HTML inside titles
    ("Effect of <i>E. coli</i> on H<sub>2</sub>O", "Effect of E. coli on H2O"),
    ("Fe<scp>ii</scp> and <SCP>Kras</SCP> <b>bold</b>", "Feii and Kras bold"),
    ("A title<br/>broken", "A title broken"),
    # JATS
    ("<jats:italic>In vivo</jats:italic> study", "In vivo study"),
    ("<jats:title>Abstract</jats:title><jats:p>Text</jats:p>", "Abstract Text"),
    # MathML, with a TeX annotation that must not be read twice
    (
        '<mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:semantics><mml:msub>'
        "<mml:mi>H</mml:mi><mml:mn>2</mml:mn></mml:msub><mml:annotation encoding="
        '"application/x-tex">H_2</mml:annotation></mml:semantics></mml:math> storage',
        "H2 storage",
    ),
    (
        "The <inline-formula><alternatives><tex-math>\\alpha</tex-math><mml:math><mml:mi>α"
        "</mml:mi></mml:math></alternatives></inline-formula> decay",
        "The α decay",
    ),
    # PubMed escapes its markup once more
    ("The &lt;i&gt;Arabidopsis&lt;/i&gt; genome.", "The Arabidopsis genome."),
    # wrapped and indented titles
    ("A\n      long   title\t", "A long title"),
    ("a&nbsp;b", "a b"),
    # comparison signs are not tags
    ("p<0.05 and q>1", "p<0.05 and q>1"),
    ("x < y > z", "x < y > z"),
    ("plain title", "plain title"),
]


@pytest.mark.parametrize(("raw", "text"), CASES)
def test_clean_text(raw: str, text: str) -> None:
    assert clean_text(raw) == text


def test_clean_optional() -> None:
    assert clean_optional(None) is None
    assert clean_optional("<i></i>  ") is None
    assert clean_optional("<i>x</i>") == "x"
