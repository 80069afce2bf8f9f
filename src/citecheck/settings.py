"""Run-time settings, read once from the environment and the command line.

Environment variables are the ones fixed by CONTRACT.md (base URLs, mailto, API key, cache
directory); everything else has a default chosen from the services' published limits.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

DEFAULT_CROSSREF_URL = "https://api.crossref.org"
DEFAULT_PUBMED_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
DEFAULT_DATACITE_URL = "https://api.datacite.org"


@dataclass(frozen=True)
class Settings:
    crossref_url: str = DEFAULT_CROSSREF_URL
    pubmed_url: str = DEFAULT_PUBMED_URL
    datacite_url: str = DEFAULT_DATACITE_URL
    mailto: str | None = None
    ncbi_api_key: str | None = field(default=None, repr=False)  # a secret: never printed
    cache_dir: Path | None = None  # None: no cache at all (--no-cache)
    cache_url: str | None = field(default=None, repr=False)  # redis://...: may hold a password
    cache_positive_days: float = 90.0  # how long a found record is trusted
    cache_negative_days: float = 7.0  # how long "nothing found" is trusted
    offline: bool = False
    # One call's timeout, and how often a failed call (timeout, 429, 5xx) is tried again.
    timeout: float = 15.0
    retries: int = 3
    backoff: float = 0.5  # first wait in seconds; doubles with each retry, plus jitter
    max_retry_after: float = 30.0  # cap on a server's Retry-After, so a run stays bounded
    crossref_rows: int = 5  # candidates asked of a bibliographic search
    pubmed_rows: int = 5
    workers: int = 16  # references searched at the same time (each service still paced)

    @property
    def crossref_rate(self) -> float:
        """Crossref list queries per second: 3 in the polite pool, 1 in the public one.

        Limits in force since 1 Dec 2025, as reported in ../shared/SERVICES.md section 1.
        """
        return 3.0 if self.mailto else 1.0

    @property
    def crossref_concurrency(self) -> int:
        """Crossref calls in flight: 3 in the polite pool, 1 in the public one (as above)."""
        return 3 if self.mailto else 1

    @property
    def pubmed_rate(self) -> float:
        """E-utilities requests per second: 3 without an API key, 10 with one (NCBI policy)."""
        return 10.0 if self.ncbi_api_key else 3.0

    @property
    def datacite_rate(self) -> float:
        """DataCite requests per second: 1,000 per 5 minutes for clients that give an
        e-mail address, 500 for others (support.datacite.org/docs/rate-limit), kept under."""
        return 3.0 if self.mailto else 1.5

    @property
    def datacite_concurrency(self) -> int:
        # DataCite publishes no concurrency limit; as many in flight as calls a second.
        return 3 if self.mailto else 1

    @property
    def pubmed_concurrency(self) -> int:
        # NCBI publishes a rate, not a concurrency limit; as many in flight as the rate
        # allows per second keeps the pace without queueing behind one slow answer.
        return int(self.pubmed_rate)


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("citecheck"))


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def _env_number(name: str, default: float) -> float:
    value = _env(name)
    if value is None:
        return default
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{name} must be a number, not {value!r}") from None


def from_environment(
    *,
    mailto: str | None = None,
    offline: bool = False,
    no_cache: bool = False,
) -> Settings:
    """Settings from the environment, with command-line values (when given) taking precedence."""
    cache_env = _env("CITECHECK_CACHE_DIR")
    cache_dir = None if no_cache else (Path(cache_env) if cache_env else default_cache_dir())
    cache_url = None if no_cache else _env("CITECHECK_CACHE_URL")
    return Settings(
        crossref_url=(_env("CITECHECK_CROSSREF_URL") or DEFAULT_CROSSREF_URL).rstrip("/"),
        pubmed_url=(_env("CITECHECK_PUBMED_URL") or DEFAULT_PUBMED_URL).rstrip("/"),
        datacite_url=(_env("CITECHECK_DATACITE_URL") or DEFAULT_DATACITE_URL).rstrip("/"),
        mailto=mailto or _env("CITECHECK_MAILTO"),
        ncbi_api_key=_env("NCBI_API_KEY"),
        cache_dir=cache_dir,
        cache_url=cache_url,
        cache_positive_days=_env_number("CITECHECK_CACHE_DAYS", Settings.cache_positive_days),
        cache_negative_days=_env_number(
            "CITECHECK_CACHE_NEGATIVE_DAYS", Settings.cache_negative_days
        ),
        offline=offline,
        timeout=_env_number("CITECHECK_TIMEOUT", Settings.timeout),
        retries=int(_env_number("CITECHECK_RETRIES", Settings.retries)),
    )
