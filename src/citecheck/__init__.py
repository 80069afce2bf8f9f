"""citecheck: verify a document's references against Crossref and PubMed."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("citecheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
