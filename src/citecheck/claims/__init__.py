"""Does the cited work support the sentence citing it? (issue 12)

sentences.py finds the citing sentence, terms.py turns words into comparable terms, and
topic.py compares them with what the services say the work is about (resolve/efetch.py).
"""

from __future__ import annotations

from citecheck.claims.topic import Judgement, judge

__all__ = ["Judgement", "judge"]
