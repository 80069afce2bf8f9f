"""Local fakes of Crossref and NCBI E-utilities for tests, demos and benchmarks.

Start with `start_fakes()` (or the `services` fixture in tests/conftest.py, or
`python -m tests.fakes` from the repository root); see server.py for the modes.
"""

from .corpus import Corpus, Work, load_corpus
from .server import Call, FakeHTTPServer, FakeServices, start_fakes

__all__ = ["Call", "Corpus", "FakeHTTPServer", "FakeServices", "Work", "load_corpus", "start_fakes"]
