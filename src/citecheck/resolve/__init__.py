"""Find candidate records for references on Crossref and PubMed: the only network code.

`Resolver.resolve_all` takes every reference of a run at once so that it can call the
services as little as possible (see strategy.py); `Resolver.lookup` does one.
"""

from __future__ import annotations

from citecheck.resolve.errors import ServiceUnavailable
from citecheck.resolve.resolver import Resolver

__all__ = ["Resolver", "ServiceUnavailable"]
