"""Persistent caches of look-ups, keyed by service, kind of query and normalised query.

Two backends with one interface: a local SQLite store (diskcache: process-safe, per-item
expiry) in CITECHECK_CACHE_DIR, and Redis (CITECHECK_CACHE_URL=redis://...) for teams
that share one cache across machines or CI runners. Values are JSON. Only answers are
cached: "found this" for POSITIVE_DAYS and "found nothing" for NEGATIVE_DAYS. Failures
are never cached, so an outage is not remembered as "not found".
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, Protocol

import diskcache
import msgspec

from citecheck.model import Record

DAY = 24 * 60 * 60
POSITIVE_DAYS = 90.0
NEGATIVE_DAYS = 7.0
# Bump when a key or value changes shape; old entries are then just not found. v3: records
# with kind, publisher, ISBNs and relations, their text cleaned of markup.
SCHEMA = "v3"


def record_to_dict(record: Record) -> dict[str, Any]:
    """A Record as a cacheable JSON value."""
    data: dict[str, Any] = msgspec.to_builtins(record)
    return data


def record_from_dict(data: dict[str, Any]) -> Record:
    """The Record of record_to_dict, every field back in its type (lists to tuples,
    nested ones included); ValueError if the value is not a Record of this schema."""
    try:
        return msgspec.convert(data, Record)
    except msgspec.ValidationError as error:
        raise ValueError(f"not a cached record: {error}") from None


class CacheError(Exception):
    """The cache could not be opened or used; str() is one line for the user."""


class Cache(Protocol):
    def get(self, service: str, kind: str, query: str) -> Any | None: ...

    def put(self, service: str, kind: str, query: str, value: Any) -> None: ...

    def info(self) -> dict[str, str]: ...

    def clear(self) -> int: ...

    def close(self) -> None: ...


def _key(service: str, kind: str, query: str) -> str:
    return f"{SCHEMA}|{service}|{kind}|{query}"


def _ttl(value: Any, positive_days: float, negative_days: float) -> int:
    return int((positive_days if value else negative_days) * DAY)


class DiskCache:
    """The default: one SQLite-backed store in a folder."""

    def __init__(
        self,
        directory: Path,
        positive_days: float = POSITIVE_DAYS,
        negative_days: float = NEGATIVE_DAYS,
    ) -> None:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._store = diskcache.Cache(str(directory))
        except OSError as error:
            raise CacheError(f"cannot open the cache in {directory}: {error.strerror}") from None
        self._directory = directory
        self._days = (positive_days, negative_days)

    def get(self, service: str, kind: str, query: str) -> Any | None:
        return self._store.get(_key(service, kind, query))

    def put(self, service: str, kind: str, query: str, value: Any) -> None:
        self._store.set(_key(service, kind, query), value, expire=_ttl(value, *self._days))

    def info(self) -> dict[str, str]:
        self._store.expire()  # drop what has expired, so the count means something
        return {
            "backend": "sqlite (diskcache)",
            "location": str(self._directory),
            "entries": str(len(self._store)),
            "size": f"{self._store.volume() / 1024:.0f} KiB",
        }

    def clear(self) -> int:
        return int(self._store.clear())

    def close(self) -> None:
        self._store.close()


class RedisCache:
    """A shared cache in Redis: one key per look-up, with Redis's own expiry."""

    PREFIX = "citecheck:"

    def __init__(
        self,
        url: str,
        positive_days: float = POSITIVE_DAYS,
        negative_days: float = NEGATIVE_DAYS,
    ) -> None:
        import redis  # imported here: only teams that use a shared cache need the package

        self._redis = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        self._url = url
        self._days = (positive_days, negative_days)
        self._errors: tuple[type[Exception], ...] = (redis.RedisError, OSError)
        try:
            self._redis.ping()
        except self._errors as error:
            raise CacheError(f"cannot reach the Redis cache: {type(error).__name__}") from None

    def get(self, service: str, kind: str, query: str) -> Any | None:
        try:
            raw = self._redis.get(self.PREFIX + _key(service, kind, query))
        except self._errors:
            return None  # a cache that fails is a cache miss, never a wrong answer
        return None if raw is None else json.loads(raw)

    def put(self, service: str, kind: str, query: str, value: Any) -> None:
        with contextlib.suppress(*self._errors):
            self._redis.set(
                self.PREFIX + _key(service, kind, query),
                json.dumps(value),
                ex=_ttl(value, *self._days),
            )

    def _keys(self) -> list[bytes]:
        return list(self._redis.scan_iter(match=self.PREFIX + "*", count=1000))

    def info(self) -> dict[str, str]:
        location = self._url.split("@")[-1]  # never show a password from the URL
        return {"backend": "redis", "location": location, "entries": str(len(self._keys()))}

    def clear(self) -> int:
        keys = self._keys()
        if keys:
            self._redis.delete(*keys)
        return len(keys)

    def close(self) -> None:
        self._redis.close()


def open_cache(
    directory: Path | None,
    url: str | None,
    positive_days: float = POSITIVE_DAYS,
    negative_days: float = NEGATIVE_DAYS,
) -> Cache | None:
    """The cache the settings ask for: Redis if a URL is given, else the folder, else none."""
    if url:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise CacheError("CITECHECK_CACHE_URL must be a redis://, rediss:// or unix:// URL")
        return RedisCache(url, positive_days, negative_days)
    if directory is not None:
        return DiskCache(directory, positive_days, negative_days)
    return None
