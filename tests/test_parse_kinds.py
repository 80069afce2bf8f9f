"""What a reference cites and its venue (issue 10): conference papers, preprints, books,
chapters and the other kinds, one (entry, field, expected) row per check."""

from __future__ import annotations

from typing import Any

import pytest

from citecheck.model import LOOKED_UP, NOT_INDEXED, Entry
from citecheck.parse import parse_entry

NIPS_VANCOUVER = (
    "Vaswani A, Shazeer N, Parmar N, et al. Attention is all you need. In: Advances in Neural "
    "Information Processing Systems 30 (NIPS 2017). 2017. p. 5998-6008."
)
NEURIPS_APA = (
    "Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., "
    "& Polosukhin, I. (2017). Attention is all you need. Advances in Neural Information "
    "Processing Systems, 30."
)
ACL_ANTHOLOGY = (
    "Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, Aidan N. Gomez, "
    "Lukasz Kaiser, and Illia Polosukhin. 2017. Attention is all you need. In Advances in "
    "Neural Information Processing Systems, pages 5998–6008."
)
NAACL = (
    "Devlin, J., Chang, M.-W., Lee, K., and Toutanova, K. 2019. BERT: Pre-training of deep "
    "bidirectional transformers for language understanding. In Proceedings of the 2019 "
    "Conference of the North American Chapter of the Association for Computational "
    "Linguistics: Human Language Technologies, Volume 1 (Long and Short Papers), pages "
    "4171–4186, Minneapolis, Minnesota. Association for Computational Linguistics."
)
IEEE_CONF = (
    'K. He, X. Zhang, S. Ren, and J. Sun, "Deep residual learning for image recognition," in '
    "Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR), Jun. 2016, pp. 770–778."
)
ACRONYM = "Kingma, D. P., & Ba, J. (2015). Adam: A method for stochastic optimization. In ICLR."
PMLR = (
    "Ioffe S, Szegedy C. Batch normalization: accelerating deep network training by reducing "
    "internal covariate shift. Proceedings of the 32nd International Conference on Machine "
    "Learning, PMLR 37:448-456, 2015."
)
ARXIV = (
    "Kingma DP, Ba J. Adam: A method for stochastic optimization. arXiv preprint "
    "arXiv:1412.6980v9. 2014."
)
ARXIV_DOI = (
    "Vaswani, A. et al. (2017). Attention is all you need. arXiv. "
    "https://doi.org/10.48550/arXiv.1706.03762"
)
# A preprint known only by its arXiv DOI, cited as a conference paper (issue 10).
ARXIV_DOI_AS_PROC = (
    'K. Agarwal et al., "MonarchRT: Efficient Attention for Real-Time Video Generation," '
    "in Proc. ICML, 2026. doi: 10.48550/arXiv.2602.12271v1."
)
# IEEE's lower-case "in Proc." with the paper's address after it: a paper, not a web page.
IEEE_PROC_URL = (
    'T. Elsken, J. H. Metzen, and F. Hutter, "Neural Architecture Search: A Survey," in Proc. '
    "JMLR, 2021. http://jmlr.org/papers/v20/18-598.html"
)
BIORXIV = (
    "Zhou P, Yang XL, Wang XG, et al. Discovery of a novel coronavirus associated with the "
    "probable bat origin. bioRxiv 2020.01.22.914952; doi: "
    "https://doi.org/10.1101/2020.01.22.914952"
)
BOOK_APA = (
    "Cohen, J. (1988). Statistical power analysis for the behavioral sciences (2nd ed.). "
    "Lawrence Erlbaum Associates."
)
BOOK_VANCOUVER = (
    "Goodfellow I, Bengio Y, Courville A. Deep Learning. Cambridge, MA: MIT Press; 2016. "
    "ISBN 978-0-262-03561-3."
)
CHAPTER_VANCOUVER = (
    "Higgins JPT, Deeks JJ. Selecting studies and collecting data. In: Higgins JPT, Green S, "
    "editors. Cochrane Handbook for Systematic Reviews of Interventions. Chichester: "
    "Wiley-Blackwell; 2008. p. 151-185."
)
CHAPTER_APA = (
    "Bandura, A. (1994). Self-efficacy. In V. S. Ramachandran (Ed.), Encyclopedia of human "
    "behavior (Vol. 4, pp. 71–81). Academic Press."
)
CHAPTER_SPRINGER = (
    "Myhre G, Shindell D, Bréon F-M et al (2013) Anthropogenic and natural radiative forcing. "
    "In: Stocker TF, Qin D, Plattner G-K et al (eds) Climate Change 2013: The Physical Science "
    "Basis. Cambridge University Press, Cambridge, pp 659–740"
)
THESIS = (
    "Nash JF. Non-cooperative games [dissertation]. Princeton (NJ): Princeton University; 1950."
)
NO_VOLUME = "Smith J, Jones K. A made-up study of sleep. Journal of Imaginary Results. 2019."

ROWS: list[tuple[str, str, Any]] = [
    (NIPS_VANCOUVER, "kind", "conference paper"),
    (NIPS_VANCOUVER, "journal", "Advances in Neural Information Processing Systems"),
    (NIPS_VANCOUVER, "volume", "30"),
    (NIPS_VANCOUVER, "pages", "5998-6008"),
    (NEURIPS_APA, "kind", "conference paper"),
    (NEURIPS_APA, "journal", "Advances in Neural Information Processing Systems"),
    (NEURIPS_APA, "volume", "30"),
    (ACL_ANTHOLOGY, "authors", ("Vaswani A", "Shazeer N", "Parmar N", "Uszkoreit J", "Jones L",
                                "Gomez AN", "Kaiser L", "Polosukhin I")),
    (ACL_ANTHOLOGY, "journal", "Advances in Neural Information Processing Systems"),
    (ACL_ANTHOLOGY, "pages", "5998-6008"),
    (NAACL, "kind", "conference paper"),
    (NAACL, "journal", "Proceedings of the 2019 Conference of the North American Chapter of the "
                       "Association for Computational Linguistics: Human Language Technologies"),
    (NAACL, "pages", "4171-4186"),
    (NAACL, "publisher", "Association for Computational Linguistics"),
    (IEEE_CONF, "kind", "conference paper"),
    (IEEE_CONF, "journal", "Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR)"),
    (IEEE_CONF, "year", 2016),
    (ACRONYM, "kind", "conference paper"),
    (ACRONYM, "journal", "ICLR"),
    (PMLR, "kind", "conference paper"),
    (PMLR, "journal", "Proceedings of the 32nd International Conference on Machine Learning"),
    (PMLR, "volume", "37"),
    (PMLR, "pages", "448-456"),
    (ARXIV, "kind", "preprint"),
    (ARXIV, "journal", "arXiv"),
    (ARXIV, "arxiv", "1412.6980"),
    (ARXIV, "year", 2014),
    (ARXIV_DOI, "kind", "preprint"),
    (ARXIV_DOI, "arxiv", "1706.03762"),
    (ARXIV_DOI, "doi", "10.48550/arxiv.1706.03762"),
    (ARXIV_DOI, "journal", "arXiv"),
    (ARXIV_DOI_AS_PROC, "kind", "preprint"),
    (IEEE_PROC_URL, "kind", "conference paper"),
    (ARXIV_DOI_AS_PROC, "journal", "Proc. ICML"),
    (BIORXIV, "kind", "preprint"),
    (BIORXIV, "journal", "bioRxiv"),
    (BOOK_APA, "kind", "book"),
    (BOOK_APA, "title", "Statistical power analysis for the behavioral sciences"),
    (BOOK_APA, "edition", "2"),
    (BOOK_APA, "publisher", "Lawrence Erlbaum Associates"),
    (BOOK_APA, "journal", None),
    (BOOK_VANCOUVER, "publisher", "MIT Press"),
    (BOOK_VANCOUVER, "isbn", "9780262035613"),
    (BOOK_VANCOUVER, "year", 2016),
    (CHAPTER_VANCOUVER, "kind", "chapter"),
    (CHAPTER_VANCOUVER, "journal", "Cochrane Handbook for Systematic Reviews of Interventions"),
    (CHAPTER_VANCOUVER, "publisher", "Wiley-Blackwell"),
    (CHAPTER_VANCOUVER, "pages", "151-185"),
    (CHAPTER_APA, "title", "Self-efficacy"),
    (CHAPTER_APA, "journal", "Encyclopedia of human behavior"),
    (CHAPTER_APA, "volume", "4"),
    (CHAPTER_APA, "pages", "71-81"),
    (CHAPTER_APA, "publisher", "Academic Press"),
    (CHAPTER_SPRINGER, "title", "Anthropogenic and natural radiative forcing"),
    (CHAPTER_SPRINGER, "journal", "Climate Change 2013: The Physical Science Basis"),
    (CHAPTER_SPRINGER, "publisher", "Cambridge University Press"),
    (THESIS, "kind", "thesis"),
    (THESIS, "title", "Non-cooperative games"),
    (THESIS, "publisher", "Princeton University"),
    (NO_VOLUME, "kind", "article"),
    (NO_VOLUME, "journal", "Journal of Imaginary Results"),
    (NO_VOLUME, "year", 2019),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "name", "expected"), ROWS)
def test_venue(raw: str, name: str, expected: Any) -> None:
    assert getattr(parse_entry(Entry(1, raw, 1)), name) == expected


KINDS = [
    ("ISO 14971:2019. Medical devices: Application of risk management to medical devices. "
     "Geneva: International Organization for Standardization; 2019.", "standard"),
    ("Doe J. Survey responses of 2019 [Data set]. Zenodo. 2020. doi:10.5281/zenodo.1234567",
     "dataset"),
    ("Wickham H. ggplot2: Elegant Graphics for Data Analysis. R package version 3.4.0. 2022.",
     "software"),
    ("Smith J. Personal communication, March 3, 2020.", "personal communication"),
    ("Lee K, Park S. Method for coating stents. US Patent 7,123,456. 2006 Oct 17.", "patent"),
    ("Kolata G. A new drug for obesity. The New York Times. 2023 Mar 4.", "news"),
    # Journals called "Proceedings" are journals; a title about a conference is an article.
    ("Li X, et al. Lipid rafts. Proc Natl Acad Sci U S A. 2003;100(9):5813-8.", "article"),
    ("Smith J. Report of the consensus conference on sepsis. Crit Care Med. 2001;29:1-9.",
     "article"),
    ("Wang Y, et al. Chinese patent medicines for COVID-19. Phytomedicine. 2021;85:153-60.",
     "article"),
    ("Mikolov T, et al. Distributed representations of words. Adv Neural Inf Process Syst. "
     "2013;26:3111-3119.", "conference paper"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_kind(text: str, kind: str) -> None:
    found = parse_entry(Entry(1, text, 1)).kind
    assert found == kind
    assert found in LOOKED_UP | NOT_INDEXED
