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
import sqlite3
import time
import warnings
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

import diskcache
import msgspec

from citecheck.model import Record

T = TypeVar("T")

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


class CacheRecoveredWarning(UserWarning):
    """The cache store was damaged and has been set aside (the run goes on with a new one)."""


class DiskCache:
    """The default: one SQLite-backed store in a folder.

    A damaged store (the database file overwritten, truncated, or not a database at all)
    never stops a run, nor `cache info` / `cache clear`: it is renamed to
    `cache.db.damaged-<time>` beside the new one, with a CacheRecoveredWarning, and the run
    goes on with an empty store. A value that cannot be read back is a miss.
    """

    DATABASE = "cache.db"  # diskcache's file name in the folder

    def __init__(
        self,
        directory: Path,
        positive_days: float = POSITIVE_DAYS,
        negative_days: float = NEGATIVE_DAYS,
    ) -> None:
        self._directory = directory
        self._days = (positive_days, negative_days)
        self._warned = False
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CacheError(f"cannot open the cache in {directory}: {error.strerror}") from None
        self._store = self._guarded(self._open)

    def _open(self) -> diskcache.Cache:
        # JSON values, not pickles: reading a cache must never run code from it.
        return diskcache.Cache(str(self._directory), disk=diskcache.JSONDisk)

    def _guarded(self, operation: Callable[[], T]) -> T:
        """Run `operation`; if the store turns out damaged, set it aside, open a new one
        and run it once more."""
        try:
            return operation()
        except sqlite3.DatabaseError as error:
            self._set_aside(error)
        except OSError as error:
            raise CacheError(f"cannot use the cache in {self._directory}: {error}") from None
        try:
            return operation()
        except (sqlite3.Error, OSError) as error:
            raise CacheError(f"cannot use the cache in {self._directory}: {error}") from None

    def _set_aside(self, error: sqlite3.DatabaseError) -> None:
        with contextlib.suppress(Exception):
            self._store.close()
        stamp = time.strftime("%Y%m%d-%H%M%S")
        database = self._directory / self.DATABASE
        aside = database.with_name(f"{self.DATABASE}.damaged-{stamp}")
        try:
            database.replace(aside)
            for suffix in ("-wal", "-shm"):  # SQLite's journal files belong to the old one
                database.with_name(self.DATABASE + suffix).unlink(missing_ok=True)
        except OSError as move:
            raise CacheError(
                f"the cache in {self._directory} is damaged ({error}) and cannot be moved "
                f"aside ({move.strerror})"
            ) from None
        warnings.warn(
            f"the cache in {self._directory} was damaged ({error}); moved it aside to "
            f"{aside.name} and started an empty one",
            CacheRecoveredWarning,
            stacklevel=2,
        )
        self._store = self._open()

    def get(self, service: str, kind: str, query: str) -> Any | None:
        key = _key(service, kind, query)
        try:
            return self._guarded(lambda: self._store.get(key))
        except (ValueError, zlib.error):  # a value that is not JSON: as if it were not there
            return None
        except CacheError as error:  # the run goes on without the cache
            self._failed(error)
            return None

    def put(self, service: str, kind: str, query: str, value: Any) -> None:
        key, expire = _key(service, kind, query), _ttl(value, *self._days)
        try:
            self._guarded(lambda: self._store.set(key, value, expire=expire))
        except CacheError as error:
            self._failed(error)

    def _failed(self, error: CacheError) -> None:
        if not self._warned:
            self._warned = True
            warnings.warn(f"{error}; going on without it", CacheRecoveredWarning, stacklevel=3)

    def info(self) -> dict[str, str]:
        def read() -> dict[str, str]:
            self._store.expire()  # drop what has expired, so the count means something
            return {
                "backend": "sqlite (diskcache)",
                "location": str(self._directory),
                "entries": str(len(self._store)),
                "size": f"{self._store.volume() / 1024:.0f} KiB",
            }

        return self._guarded(read)

    def clear(self) -> int:
        """Remove every entry, and the damaged stores set aside earlier."""
        removed = int(self._guarded(lambda: self._store.clear()))
        for damaged in self._directory.glob(f"{self.DATABASE}.damaged-*"):
            damaged.unlink(missing_ok=True)
        return removed

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
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
