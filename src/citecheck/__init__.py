"""citecheck: verify a document's references against Crossref and PubMed."""

from importlib.metadata import PackageNotFoundError, version

# The name on PyPI ("citecheck" there is an unrelated project); the package and the
# command are called citecheck.
DISTRIBUTION = "citecheck-verify"
# What a source tree that was never installed calls itself: the same words as
# [tool.setuptools_scm] fallback_version in pyproject.toml.
UNKNOWN_VERSION = "0.0.0+unknown"

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = UNKNOWN_VERSION

__all__ = ["DISTRIBUTION", "UNKNOWN_VERSION", "__version__"]
