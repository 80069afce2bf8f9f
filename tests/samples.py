"""The example page's two real works, as cited and as found, shared by the tests."""

from __future__ import annotations

from citecheck.model import Field, Mismatch, Record, Reference, Source, Status, Verdict

# Berman et al. 2000 as Crossref describes it (with the PMID PubMed adds).
BERMAN_FOUND = Record(
    source=Source.CROSSREF,
    authors=("Berman RM", "Cappiello A", "Anand A"),
    title="Antidepressant effects of ketamine in depressed patients",
    journal="Biological Psychiatry",
    journals=("Biological Psychiatry", "Biol Psychiatry"),
    year=2000,
    volume="47",
    issue="4",
    pages="351-354",
    doi="10.1016/s0006-3223(99)00230-9",
    pmid="10686270",
)
# ... and as the example page cites it: the right paper in the wrong journal.
BERMAN_CITED = Reference(
    index=1,
    raw="Berman, R. M., et al. (2000). Antidepressant effects of ketamine in depressed "
    "patients. Archives of General Psychiatry, 57(3), 227-234.",
    line=40,
    authors=("Berman RM",),
    et_al=True,
    title="Antidepressant effects of ketamine in depressed patients",
    journal="Archives of General Psychiatry",
    year=2000,
    volume="57",
    issue="3",
    pages="227-234",
)
BERMAN_MISMATCHED = Verdict(
    BERMAN_CITED,
    Status.MISMATCHED,
    match=BERMAN_FOUND,
    score=0.7,
    mismatches=(
        Mismatch(Field.JOURNAL, "Archives of General Psychiatry", "Biological Psychiatry"),
        Mismatch(Field.VOLUME, "57", "47"),
    ),
)
# Li et al. 2010, cited correctly.
LI_CITED = Reference(
    index=1,
    raw="Li, N., et al. (2010). mTOR-dependent synapse formation underlies the rapid "
    "antidepressant effects of NMDA antagonists. Science, 329(5994), 959-964.",
    authors=("Li N",),
    et_al=True,
    title="mTOR-dependent synapse formation underlies the rapid antidepressant effects of "
    "NMDA antagonists",
    journal="Science",
    year=2010,
    volume="329",
    issue="5994",
    pages="959-964",
)
