"""Shared fixtures: no test can reach the internet, and `services` gives a local fake of
Crossref and PubMed (tests/fakes) with modes and call counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

try:  # tests/ is not a package: pytest puts tests/ itself on sys.path ("rootdir" import mode)
    from fakes import FakeHTTPServer, FakeServices, start_fakes
except ImportError:  # ...unless someone makes it one, then it is importable as tests.fakes
    from tests.fakes import FakeHTTPServer, FakeServices, start_fakes  # type: ignore[no-redef,import-not-found,unused-ignore]

REPO = Path(__file__).resolve().parents[1]
# Port 9 (discard) on loopback: nothing listens, so a forgotten fake is "connection refused".
NOWHERE = "http://127.0.0.1:9"


@pytest.fixture(autouse=True)
def _offline_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every test: services point nowhere, a private cache dir, no user settings leak in."""
    monkeypatch.setenv("CITECHECK_CROSSREF_URL", NOWHERE)
    monkeypatch.setenv("CITECHECK_PUBMED_URL", NOWHERE)
    monkeypatch.setenv("CITECHECK_DATACITE_URL", NOWHERE)
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "citecheck-cache"))
    # COLUMNS/LINES: pytest-xdist's workers set them (80), which would narrow the terminal
    # report of every command run by a test.
    for name in ("NCBI_API_KEY", "CITECHECK_MAILTO", "NO_COLOR", "COLUMNS", "LINES"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def _fake_server() -> Iterator[tuple[FakeHTTPServer, FakeServices]]:
    """One server (and one parsed corpus) for the whole session; `services` resets it."""
    server, app = start_fakes()
    yield server, app
    server.stop()


@pytest.fixture
def services(
    _fake_server: tuple[FakeHTTPServer, FakeServices],
    _offline_environment: None,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[FakeServices]:
    """The fake Crossref + PubMed + DataCite, modes "ok" and counts at zero, env vars
    pointing at it.

    .crossref_url / .pubmed_url, .set_mode(service, mode), .calls (Counter keyed by service
    and by (service, endpoint)), .total_calls(service=None), .requests (list of Call),
    .calls_to(service, endpoint=None), .reset(), .corpus (the records served).
    """
    _, app = _fake_server
    app.reset()
    monkeypatch.setenv("CITECHECK_CROSSREF_URL", app.crossref_url)
    monkeypatch.setenv("CITECHECK_PUBMED_URL", app.pubmed_url)
    monkeypatch.setenv("CITECHECK_DATACITE_URL", app.datacite_url)
    yield app
    errors = list(app.errors)
    app.reset()
    assert not errors, "the fake services crashed:\n" + "\n".join(errors)


@pytest.fixture
def example_path() -> Path:
    """The example web page whose reference list mixes real and fabricated citations."""
    return REPO / "fixtures" / "ketamine-clinic-pain.txt"
